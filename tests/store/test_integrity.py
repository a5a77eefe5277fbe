"""A database damaged inside (a good header, a page of garbage behind it) is refused at start,
untouched, as a file that is not a database at all is (issue 14, finding 9).

The damage is real: a dvc-tui store with rows in it, one page of a table overwritten with noise
at the offset SQLite itself gives for it (sqlite_master's rootpage). The CLI cases run the real
program in a subprocess (tests/test_broken_env.py's helpers): the app, the app in kiosk mode, and
the staff commands.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from dvc_tui.core.text import set_language, t
from dvc_tui.store import sqlite as store_sqlite
from dvc_tui.store.kiosk_pin import PIN_FILE
from dvc_tui.store.sqlite import DB_NAME, SqliteStore, StoreError
from tests.test_broken_env import files_of, one_line, run_cli

NOW = datetime(2026, 12, 1, 9, 0)


@pytest.fixture(autouse=True)
def vietnamese():
    set_language("vi")
    yield
    set_language("vi")


def filled_store(path: Path) -> None:
    """A real dvc-tui store (every migration, WAL) with 300 accounts and 600 SMS."""
    path.parent.mkdir(parents=True, exist_ok=True)
    store = SqliteStore(path)
    with store.transaction() as db:
        db.executemany(
            "INSERT INTO accounts (username, full_name, phone, subject, method, level, created_at) "
            "VALUES (?, ?, ?, 'citizen', 'mobile', 2, ?)",
            [(f"0010900{i:05d}", f"Nguyễn Văn {i}", f"+8490{i:07d}", NOW.isoformat()) for i in range(300)],
        )
        db.executemany(
            "INSERT INTO sms (phone, sender, body, sent_at) VALUES (?, 'DVCQG', ?, ?)",
            [(f"+8490{i:07d}", f"Ma xac thuc cua ban la {i:06d}" + " " * 40, NOW.isoformat()) for i in range(600)],
        )
    store.close()
    checkpoint = sqlite3.connect(path)  # everything into the main file, the WAL emptied
    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint.close()
    store_sqlite._IN_USE.discard(str(path.resolve()))


def damage_table(path: Path, table: str) -> None:
    """Overwrite the root page of `table` with noise, the header and the other pages kept."""
    db = sqlite3.connect(path)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    db.close()
    assert root > 1
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(random.Random(root).randbytes(page_size))


@pytest.fixture
def damaged(tmp_path, request):
    data_dir = tmp_path / "data"
    db = data_dir / DB_NAME
    filled_store(db)
    damage_table(db, request.param)
    return data_dir, db


TABLES = ["accounts", "sms"]
COMMANDS = {
    "app": [],
    "kiosk": ["--kiosk"],
    "training-load": ["training", "load"],
    "sms": ["sms"],
}


@pytest.mark.parametrize("damaged", TABLES, indirect=True)
@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
def test_a_damaged_page_behind_a_good_header_is_refused_untouched(tmp_path, damaged, command):
    data_dir, db = damaged
    if command == "kiosk":  # a trainer PIN is set: only the database can refuse the start
        (data_dir / PIN_FILE).write_text("$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo\n")
        (data_dir / PIN_FILE).chmod(0o600)
    before = files_of(data_dir)

    result = run_cli(tmp_path, "--data-dir", str(data_dir), "--no-keyring", *COMMANDS[command])

    assert one_line(result) == "dvc-tui: " + t("store.not_database", path=str(db))
    assert files_of(data_dir) == before  # bytes and mtime; no -wal or -shm left, no key file


@pytest.fixture
def fresh_checks(monkeypatch):
    """Each test's store checked anew (the checks are once per process and file)."""
    monkeypatch.setattr(store_sqlite, "_IN_USE", set())
    monkeypatch.setattr(store_sqlite, "_VERIFYING", {})


@pytest.mark.parametrize("damaged", TABLES, indirect=True)
def test_integrity_check_finds_the_damage_before_the_store_opens(damaged, monkeypatch, fresh_checks):
    """A small file: integrity_check, before anything else."""
    _, db = damaged
    monkeypatch.setattr(store_sqlite, "FULL_CHECK_BYTES", 1 << 40)
    before = db.read_bytes(), db.stat().st_mtime_ns

    with pytest.raises(StoreError) as refused:
        SqliteStore(db)

    assert refused.value.problem.key == "store.not_database"
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before


@pytest.mark.parametrize("damaged", TABLES, indirect=True)
def test_quick_check_of_a_big_file_holds_every_write_and_refuses_it(damaged, monkeypatch, fresh_checks):
    """A big file: quick_check in a thread while the store is first used; a write waits for
    its verdict and is refused, the file untouched."""
    _, db = damaged
    monkeypatch.setattr(store_sqlite, "FULL_CHECK_BYTES", 0)
    before = db.read_bytes(), db.stat().st_mtime_ns

    store = SqliteStore(db)  # opens: the check runs beside it
    try:
        with pytest.raises(StoreError) as refused:
            with store.transaction() as write:
                write.execute("DELETE FROM sms")
        assert refused.value.problem.key == "store.not_database"
        with pytest.raises(StoreError):
            store.wait_intact()
    finally:
        store.close()
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before


@pytest.mark.parametrize("damaged", ["sms"], indirect=True)
async def test_the_app_draws_then_closes_on_a_big_damaged_file_with_one_line(damaged, monkeypatch, fresh_checks):
    """The app's start does not wait for a big file's check: it draws, and closes with the
    one-line refusal (exit 2) once the check finds damage; nothing written."""
    from dvc_tui.app import DvcApp
    from dvc_tui.config import Config

    data_dir, db = damaged
    monkeypatch.setattr(store_sqlite, "FULL_CHECK_BYTES", 0)
    before = db.read_bytes(), db.stat().st_mtime_ns
    app = DvcApp(config=Config(data_dir=data_dir, hash_cost="test", use_keyring=False))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(500):
            await pilot.pause(0.01)
            if app.refusal:
                break
    assert app.refusal == t("store.not_database", path=str(db))
    assert app.return_code == 2
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before


@pytest.mark.parametrize("full_check_bytes", [1 << 40, 0], ids=["integrity_check", "quick_check"])
def test_a_whole_store_opens(tmp_path, monkeypatch, fresh_checks, full_check_bytes):
    db = tmp_path / DB_NAME
    filled_store(db)
    monkeypatch.setattr(store_sqlite, "FULL_CHECK_BYTES", full_check_bytes)
    store = SqliteStore(db)
    try:
        assert store.count_accounts() == 300
        store.wait_intact()
        with store.transaction() as write:  # a write goes through once the check says "ok"
            write.execute("DELETE FROM sms WHERE id = 1")
    finally:
        store.close()
