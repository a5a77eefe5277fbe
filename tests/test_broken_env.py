"""Broken environments: each gives one clear line (Vietnamese by default), never a traceback.

The store cases run the real CLI in a subprocess (`python3 -m dvc_tui --data-dir D ...`): the app
itself (no command: it checks the store before it takes the terminal, so it needs none), and
the staff commands `accounts list`, `sms`, `training load`. A full disk is real SQLite
SQLITE_FULL ("database or disk is full", through PRAGMA max_page_count on the store's
connections) and a real ENOSPC OSError in the events writer; the keyring cases are real keyring
backends (keyring.backends.fail, and one whose every call raises) chosen the way a user's
environment chooses them (PYTHON_KEYRING_BACKEND). The small terminal is in
tests/screens/test_small_terminal.py.

A data dir that cannot be written: `chmod 0500` stops nobody running as root (CI runs as root),
so the case every user meets is a data dir whose path runs through a regular file (ENOTDIR, as a
mistyped --data-dir or a file where the folder should be): that fails for root too. The chmod
case is kept for other users and skipped under root.
"""

from __future__ import annotations

import asyncio
import errno
import json
import os
import random
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dvc_tui.core.sim import TRAINING_SIMS
from dvc_tui.core.text import set_language, t
from dvc_tui.store.sqlite import DB_NAME, SCHEMA_VERSION, SqliteStore
from tests.conftest import CITIZEN, GOOD_PASSWORD, click, fill_form, register, settle, to_form, type_into
from tests.screens.helpers import MAI, form_values, shown, to_otp, confirm_code, last_code

REPO = Path(__file__).resolve().parents[1]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
STORE_COMMANDS = {
    "app": [],  # the app: refused before the screen is taken
    "accounts-list": ["accounts", "list"],
    "sms": ["sms"],
    "training-load": ["training", "load"],
}


@pytest.fixture(autouse=True)
def vietnamese():
    set_language("vi")
    yield
    set_language("vi")


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A clean environment: no DVC_TUI_* settings from outside, a private HOME, the keyring
    backend named explicitly (the machine's own is never touched)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DVC_TUI_", "PYTHON_KEYRING"))}
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", PYTHONDONTWRITEBYTECODE="1")
    env.update(extra)
    return env


def run_cli(tmp_path: Path, *args: str, env: dict[str, str] | None = None, stdin: str | None = None,
            prelude: str | None = None) -> subprocess.CompletedProcess:
    """`python3 -m dvc_tui ARGS`, or with `prelude` run first in the same interpreter (to break
    the environment from inside: a full disk), then the same `main()`."""
    if prelude is None:
        command = [sys.executable, "-m", "dvc_tui", *args]
    else:
        script = prelude + "\nfrom dvc_tui.cli import main\nraise SystemExit(main())\n"
        command = [sys.executable, "-c", script, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, input=stdin,
                          env=env or cli_env(tmp_path), cwd=tmp_path)


def one_line(result: subprocess.CompletedProcess, code: int = 2) -> str:
    """The exit code, and exactly one line on stderr, without a traceback; that line."""
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert result.returncode == code, (result.returncode, result.stderr)
    assert lines[0].startswith("dvc-tui: ")
    return lines[0]


def files_of(directory: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `directory`: its bytes and its mtime (ns)."""
    return {p.relative_to(directory).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(directory.rglob("*")) if p.is_file()}


# -- a corrupt database ---------------------------------------------------------------------
def garbage(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(random.Random(7).randbytes(8192))


def damaged_after_the_header(path: Path) -> None:
    """A real SQLite file (rollback journal, as another tool would leave it) whose pages after
    the first 100 bytes are noise: the header reads fine, nothing else does."""
    path.parent.mkdir(parents=True)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("CREATE TABLE accounts (username TEXT PRIMARY KEY, full_name TEXT)")
    db.executemany("INSERT INTO accounts VALUES (?, ?)", [(f"{i:012d}", "x" * 200) for i in range(200)])
    db.commit()
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[:100] + random.Random(8).randbytes(len(data) - 100))


def truncated(path: Path) -> None:
    """A dvc-tui database cut short (a copy interrupted)."""
    SqliteStore(path).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


@pytest.mark.parametrize("command", STORE_COMMANDS, ids=list(STORE_COMMANDS))
@pytest.mark.parametrize("damage", [garbage, damaged_after_the_header, truncated], ids=lambda f: f.__name__)
def test_a_corrupt_database_is_refused_in_one_vietnamese_line_and_left_untouched(tmp_path, command, damage):
    data_dir = tmp_path / "data"
    db = data_dir / DB_NAME
    damage(db)
    before = files_of(data_dir)

    result = run_cli(tmp_path, "--data-dir", str(data_dir), "--no-keyring", *STORE_COMMANDS[command])

    assert one_line(result) == "dvc-tui: " + t("store.not_database", path=str(db))
    assert "không phải cơ sở dữ liệu" in result.stderr and "không ghi đè" in result.stderr
    assert files_of(data_dir) == before  # bytes and mtime; no -wal, -shm or key file beside it


def newer_database(path: Path) -> None:
    path.parent.mkdir(parents=True)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE accounts_v2 (username TEXT PRIMARY KEY)")
    db.execute("INSERT INTO accounts_v2 VALUES ('001090012345')")
    db.commit()
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()  # the last connection: the WAL is checkpointed and removed


@pytest.mark.parametrize("command", STORE_COMMANDS, ids=list(STORE_COMMANDS))
def test_a_database_from_a_newer_version_is_refused_and_never_overwritten(tmp_path, command):
    data_dir = tmp_path / "data"
    db = data_dir / DB_NAME
    newer_database(db)
    before = files_of(data_dir)

    result = run_cli(tmp_path, "--data-dir", str(data_dir), "--no-keyring", *STORE_COMMANDS[command])

    line = one_line(result)
    assert line == "dvc-tui: " + t("store.newer", path=str(db), version=SCHEMA_VERSION + 1, supported=SCHEMA_VERSION)
    assert "mới hơn" in line and "giữ nguyên" in line
    assert files_of(data_dir) == before


def test_the_refusals_are_english_with_lang_en(tmp_path):
    data_dir = tmp_path / "data"
    newer_database(data_dir / DB_NAME)
    result = run_cli(tmp_path, "--lang", "en", "--data-dir", str(data_dir), "accounts", "list")
    assert "written by a newer dvc-tui" in one_line(result)


# -- a data dir that cannot be written ------------------------------------------------------
@pytest.mark.parametrize("command", STORE_COMMANDS, ids=list(STORE_COMMANDS))
def test_a_data_dir_whose_path_runs_through_a_file_is_one_line(tmp_path, command):
    """Fails for root too: no permission bit lets anyone make a folder inside a regular file."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be\n")
    data_dir = blocker / "data"

    result = run_cli(tmp_path, "--data-dir", str(data_dir), "--no-keyring", *STORE_COMMANDS[command])

    line = one_line(result)
    assert line == "dvc-tui: " + t("store.open", path=str(data_dir / DB_NAME), reason=t("storage.reason.not_dir"))
    assert blocker.read_text() == "a file where the data folder should be\n"


def test_a_database_path_that_is_a_folder_is_one_line(tmp_path):
    data_dir = tmp_path / "data"
    (data_dir / DB_NAME).mkdir(parents=True)
    result = run_cli(tmp_path, "--data-dir", str(data_dir), "--no-keyring", "accounts", "list")
    assert "dvc-tui: Không mở hoặc tạo được tệp dữ liệu" in one_line(result)


@pytest.mark.skipif(IS_ROOT, reason="root writes through chmod 0500; the ENOTDIR case above covers root")
@pytest.mark.parametrize("existing", [False, True], ids=["new-data-dir", "existing-database"])
def test_a_read_only_data_dir_is_one_line_and_nothing_in_it_changes(tmp_path, existing):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    if existing:
        SqliteStore(data_dir / DB_NAME).close()
    before = files_of(data_dir)
    os.chmod(data_dir, 0o500)
    try:
        result = run_cli(tmp_path, "--data-dir", str(data_dir), "--no-keyring", "accounts", "list")
        line = one_line(result)
    finally:
        os.chmod(data_dir, 0o700)
    assert line.startswith("dvc-tui: Không mở hoặc tạo được tệp dữ liệu")
    assert files_of(data_dir) == before


async def test_the_app_built_on_a_data_dir_it_cannot_write_closes_with_the_reason(make_app, tmp_path):
    """DvcApp(data_dir=...) used directly (a script, the demo), or a store broken between the
    CLI's check and the start: the app closes at once with the one-line reason (the CLI prints
    it, exit 2) before any step could fail on it; no traceback."""
    from dvc_tui.app import DvcApp

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    app = DvcApp(blocker / "data", rng=random.Random(1234), hash_cost="test", use_keyring=False, language="vi")
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(500):
            if app._exit:
                break
            await pilot.pause(0.01)
    assert app.return_code == 2
    assert app.refusal == t("store.open", path=str(blocker / "data" / DB_NAME), reason=t("storage.reason.not_dir"))
    assert blocker.read_text() == ""


# -- a full disk ----------------------------------------------------------------------------
FULL_DISK = """
import sqlite3
from dvc_tui.store.sqlite import SqliteStore

_connection = SqliteStore._connection

def full_disk(store):
    # the disk is full: the database may not grow by a single page (SQLITE_FULL)
    db = _connection(store)
    db.execute("PRAGMA max_page_count = 1")  # SQLite keeps it at the current size, never below
    return db

SqliteStore._connection = full_disk
"""


def test_a_full_disk_during_a_staff_command_is_one_line_and_nothing_half_written(tmp_path):
    data_dir = tmp_path / "data"
    SqliteStore(data_dir / DB_NAME).close()  # an existing install; the next write needs pages
    db = sqlite3.connect(data_dir / DB_NAME)
    before = db.execute("SELECT count(*) FROM sims").fetchone()[0]
    db.close()

    result = run_cli(tmp_path, "--data-dir", str(data_dir), "--no-keyring", "training", "load", prelude=FULL_DISK)

    assert one_line(result) == "dvc-tui: " + t("error.storage", detail=t("storage.reason.full"))
    assert "ổ đĩa đầy" in result.stderr
    db = sqlite3.connect(data_dir / DB_NAME)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # each SIM is one transaction: those written before the disk filled are whole, the rest absent
    written = db.execute("SELECT count(*) FROM sims WHERE length(cert_pem) > 0 AND length(key_pem) > 0").fetchone()[0]
    assert written == db.execute("SELECT count(*) FROM sims").fetchone()[0]
    assert before <= written < len(TRAINING_SIMS)
    db.close()
    # the disk has room again: the same command makes the rest
    again = run_cli(tmp_path, "--data-dir", str(data_dir), "--no-keyring", "training", "load")
    assert again.returncode == 0 and again.stderr == "", again.stderr
    db = sqlite3.connect(data_dir / DB_NAME)
    assert db.execute("SELECT count(*) FROM sims").fetchone()[0] == len(TRAINING_SIMS)
    db.close()


class DiskLimit:
    """Real SQLITE_FULL for the app's store: while `full`, every connection the store hands out
    (one per worker thread) may not grow the database by a page; `fill` first uses up the free
    room of the named tables' pages, so the next row written there needs a new page."""

    def __init__(self, monkeypatch, db_path: Path) -> None:
        self.db_path = db_path
        self.full = False
        original = SqliteStore._connection
        limit = self

        def connection(store):
            db = original(store)
            db.execute(f"PRAGMA max_page_count = {1 if limit.full else 4294967294}")
            return db

        monkeypatch.setattr(SqliteStore, "_connection", connection)

    FILLERS = {
        # rows smaller, in the table and in every index, than any the app writes there
        "accounts": ("INSERT INTO accounts (username, full_name, phone, subject, method, level, created_at) "
                     "VALUES (?, 'x', 'x', 'citizen', 'mobile', 2, '2026-01-01T00:00:00+00:00')", "zz{:06d}"),
        "otp_codes": ("INSERT INTO otp_codes (purpose, subject, phone, issued_at, expires_at, status) "
                      "VALUES ('x', ?, 'x', 'x', 'x', 'x')", "f{:05d}"),
    }

    def fill(self, *tables: str) -> int:
        db = sqlite3.connect(self.db_path, isolation_level=None, timeout=10)
        db.execute("PRAGMA max_page_count = 1")
        rows = 0
        try:
            for table in tables:
                sql, key = self.FILLERS[table]
                try:
                    while True:
                        db.execute(sql, (key.format(rows),))
                        rows += 1
                except sqlite3.OperationalError as exc:
                    assert exc.sqlite_errorcode == sqlite3.SQLITE_FULL
        finally:
            db.close()
        self.full = True
        return rows


def accounts_in(db_path: Path) -> list[str]:
    db = sqlite3.connect(db_path)
    try:
        return [r[0] for r in db.execute("SELECT username FROM accounts WHERE username NOT LIKE 'zz%'")]
    finally:
        db.close()


async def test_a_full_disk_when_the_account_is_written_keeps_the_passwords_and_makes_no_account(
        make_app, data_dir, monkeypatch):
    limit = DiskLimit(monkeypatch, data_dir / DB_NAME)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_otp(app, pilot)
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "set-password"
        await type_into(pilot, "password", GOOD_PASSWORD)
        await type_into(pilot, "password-confirm", GOOD_PASSWORD)
        assert limit.fill("accounts") > 0

        await click(pilot, "#submit")
        await settle(app, pilot)

        assert app.screen.id == "set-password"
        assert shown(app, "#password-message") == t("storage.full")
        assert shown(app, "#password-message").startswith("Không ghi được dữ liệu: ổ đĩa đầy")
        assert app.screen.query_one("#password").value == GOOD_PASSWORD
        assert app.screen.query_one("#password-confirm").value == GOOD_PASSWORD
        assert accounts_in(data_dir / DB_NAME) == []  # no account, not half of one
        assert app.services.store.get_account(CITIZEN["cccd"]) is None

        limit.full = False  # room again: the same button, the same values, and it is done
        await click(pilot, "#submit")
        await settle(app, pilot)
        assert app.screen.id == "registered"
        assert accounts_in(data_dir / DB_NAME) == [CITIZEN["cccd"]]


async def test_a_full_disk_when_the_code_is_sent_keeps_every_typed_value_and_sends_nothing(
        make_app, data_dir, monkeypatch):
    limit = DiskLimit(monkeypatch, data_dir / DB_NAME)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        typed = {**CITIZEN, "email": "an.nguyen@example.vn"}
        await fill_form(app, pilot, typed)
        limit.fill("otp_codes")

        await click(pilot, "#submit")
        await settle(app, pilot)

        assert app.screen.id == "register-mobile"
        assert shown(app, "#form-message") == t("storage.full")
        assert form_values(app) == typed
        assert app.recent_sms == []  # no code was sent
        assert app.services.store.latest_code("register", CITIZEN["cccd"]) is None

        limit.full = False
        await type_into(pilot, "captcha", str(app.screen.query_one("#captcha-code").render()))
        await click(pilot, "#submit")
        await settle(app, pilot)
        assert app.screen.id == "otp"


class NoSpaceOs:
    """The `os` module as the events writer sees it, on a full disk: every write raises ENOSPC."""

    def __init__(self) -> None:
        self.writes = 0

    def write(self, fd, data):
        self.writes += 1
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(os, name)


async def test_a_full_disk_under_the_event_log_never_stops_the_app(make_app, data_dir, monkeypatch):
    from dvc_tui.store import events as events_module
    from dvc_tui.store.events import EVENTS_NAME, read_events

    full = NoSpaceOs()
    monkeypatch.setattr(events_module, "os", full)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await register(app, pilot)  # every step logs an event; every write fails
        writer = app.services.events.sink
        writer.flush()
        assert full.writes >= 3
        assert writer.failed == f"OSError: {os.strerror(errno.ENOSPC)}"  # kept for the trainer, not raised
        assert app.screen.id == "registered"

        monkeypatch.setattr(events_module, "os", os)  # room again: the log goes on
        await click(pilot, "#to-login")
        writer.flush()
    events, skipped = read_events(data_dir)
    steps = [e["screen"] for e in events if e["type"] == "step"]
    assert "login" in steps and "register-mobile" not in steps  # the full disk's events are lost, no more
    assert skipped == 0 and (data_dir / EVENTS_NAME).exists()


# -- the keyring ----------------------------------------------------------------------------
BROKEN_BACKEND = '''
"""A keyring backend whose every call fails, as a locked or unreachable Secret Service does."""
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError


class Keyring(KeyringBackend):
    priority = 10

    def get_password(self, service, username):
        raise KeyringError("org.freedesktop.DBus.Error.ServiceUnknown")

    def set_password(self, service, username, password):
        raise KeyringError("org.freedesktop.DBus.Error.ServiceUnknown")

    def delete_password(self, service, username):
        raise KeyringError("org.freedesktop.DBus.Error.ServiceUnknown")
'''


def keyring_env(tmp_path: Path, which: str) -> dict[str, str]:
    if which == "no-keyring":
        return cli_env(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    (tmp_path / "broken_keyring.py").write_text(BROKEN_BACKEND)
    return cli_env(tmp_path, PYTHON_KEYRING_BACKEND="broken_keyring.Keyring", PYTHONPATH=str(tmp_path))


@pytest.mark.parametrize("which", ["no-keyring", "raising-backend"])
def test_without_a_working_keyring_a_command_uses_the_0600_file_and_says_so_once(tmp_path, which):
    env = keyring_env(tmp_path, which)
    data_dir = tmp_path / "data"
    args = ["--data-dir", str(data_dir), "token", "new", "--kind", "citizen", "--id", "001090012345",
            "--name", "Nguyễn Văn An", "--pin", "123456"]

    result = run_cli(tmp_path, *args, env=env, prelude=None)

    key_file = data_dir / "install.key"
    assert one_line(result, code=0) == "dvc-tui: " + t("secret.file_fallback", path=str(key_file))
    assert "Không dùng được kho khóa" in result.stderr
    assert "Đã tạo USB ký số" in result.stdout
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text()

    args[args.index("001090012345")] = "079190000111"
    again = run_cli(tmp_path, *args, env=env)
    assert again.returncode == 0 and again.stderr == ""  # told once; the file is the key now
    assert key_file.read_text() == key


@pytest.mark.parametrize("which", ["no-keyring", "raising-backend"])
def test_without_a_working_keyring_the_trainer_pin_goes_to_its_0600_file(tmp_path, which):
    env = keyring_env(tmp_path, which)
    data_dir = tmp_path / "data"
    result = run_cli(tmp_path, "--data-dir", str(data_dir), "--hash-cost", "test", "kiosk", "set-pin",
                     "--pin-stdin", env=env, stdin="482916\n")
    assert result.returncode == 0 and result.stderr == "" and "Traceback" not in result.stdout
    pin_file = data_dir / "trainer-pin.hash"
    assert result.stdout.strip() == t("cli.kiosk.saved.file", path=str(pin_file))
    assert stat.S_IMODE(pin_file.stat().st_mode) == 0o600


class RaisingKeyring:
    """Every call raises, not even a KeyringError."""

    priority = 5
    calls = 0

    def get_password(self, service, username):
        RaisingKeyring.calls += 1
        raise RuntimeError("backend crashed")

    def set_password(self, service, username, password):
        RaisingKeyring.calls += 1
        raise RuntimeError("backend crashed")


@pytest.mark.parametrize("which", ["fail-backend", "raising-backend"])
async def test_the_app_without_a_working_keyring_says_so_in_a_notice_and_works(make_app, data_dir, which):
    from keyring.backends import fail

    backend = fail.Keyring() if which == "fail-backend" else RaisingKeyring()
    app = make_app(use_keyring=True, keyring_backend=backend)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        notices = [n.message for n in app._notifications]
        key_file = data_dir / "install.key"
        assert notices == [t("secret.file_fallback", path=str(key_file))]
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        await to_otp(app, pilot)  # the codes are derived from the file's key
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "set-password"
    if which == "raising-backend":
        assert RaisingKeyring.calls >= 1


# -- a second app on the same data dir -------------------------------------------------------
SECOND_APP = textwrap.dedent('''
    """A second kiosk on the same data dir: logs in with the account the first one made,
    then registers another that the first one will log in with."""
    import asyncio, json, random, sys
    from dvc_tui.app import DvcApp
    from dvc_tui.core.clock import FakeClock
    from tests.conftest import click, last_code, register, settle, type_into
    from tests.screens.helpers import MAI, confirm_code, shown

    async def main(data_dir, username, password):
        app = DvcApp(data_dir, clock=FakeClock(), rng=random.Random(99), hash_cost="test",
                     use_keyring=False, language="vi")
        report = {}
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(app, pilot)
            await click(pilot, "#login")
            await type_into(pilot, "username", username)
            await type_into(pilot, "password", password)
            await click(pilot, "#submit")
            await settle(app, pilot)
            report["after_password"] = app.screen.id
            await confirm_code(app, pilot, last_code(app))
            report["logged_in"] = app.screen.id
            await click(pilot, "#logout")
            await settle(app, pilot)
            await register(app, pilot, MAI, password)
            report["registered"] = app.screen.id
            report["notices"] = [n.message for n in app._notifications]
        print(json.dumps(report))

    asyncio.run(main(*sys.argv[1:]))
''')


async def test_two_apps_on_one_data_dir_share_accounts_both_ways_without_database_is_locked(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await register(app, pilot)  # the first kiosk makes an account, and stays open
        second = await asyncio.create_subprocess_exec(
            sys.executable, "-c", SECOND_APP, str(data_dir), CITIZEN["cccd"], GOOD_PASSWORD,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=str(REPO),
            env={**cli_env(data_dir.parent), "PYTHONPATH": str(REPO)},
        )
        out, err = await second.communicate()  # the first app runs on meanwhile, in this loop
        assert second.returncode == 0, err.decode()
        report = json.loads(out.decode().strip().splitlines()[-1])
        assert report == {"after_password": "otp", "logged_in": "profile", "registered": "registered",
                          "notices": []}

        # the first kiosk logs in with the account the second one made
        await click(pilot, "#to-login")
        await type_into(pilot, "username", MAI["cccd"])
        await type_into(pilot, "password", GOOD_PASSWORD)
        await click(pilot, "#submit")
        await settle(app, pilot)
        assert app.screen.id == "otp", shown(app, "#login-message")
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "profile"
        words = " ".join([n.message for n in app._notifications] + [err.decode()])
        assert "locked" not in words and "Traceback" not in words


def test_a_hash_cost_that_cannot_be_used_is_one_line_from_the_flag_or_the_environment(tmp_path):
    data_dir = tmp_path / "data"
    flag = run_cli(tmp_path, "--data-dir", str(data_dir), "--hash-cost", "t=0,m=65536,p=1", "accounts", "list")
    assert flag.returncode == 2 and "Traceback" not in flag.stderr
    assert t("cli.hash_cost_invalid", given="t=0,m=65536,p=1") in flag.stderr
    env = {**cli_env(tmp_path), "DVC_TUI_HASH_COST": "fastest"}
    line = one_line(run_cli(tmp_path, "--data-dir", str(data_dir), "accounts", "list", env=env))
    assert line == "dvc-tui: DVC_TUI_HASH_COST: " + t("cli.hash_cost_invalid", given="fastest")
    assert not data_dir.exists()  # refused before anything was made
    spelled = run_cli(tmp_path, "--data-dir", str(data_dir), "--hash-cost", "t=2,m=1024,p=1", "accounts", "list")
    assert spelled.returncode == 0, spelled.stderr
