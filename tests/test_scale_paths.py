"""What keeps dvc-tui fast on a big store (issue 6), as behaviour: `accounts list` streams from
an index in creation order and ends quietly when its reader stops; the SMS pane asks for the
newest messages only. The figures at a million accounts are benchmarks/scale.py's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from dvc_tui.config import Config
from dvc_tui.store.sqlite import SqliteStore
from tests.store.test_sqlite import T0, account

REPO = Path(__file__).resolve().parents[1]
N = 1500


def make_store(data_dir: Path) -> SqliteStore:
    store = SqliteStore(Config.load(data_dir, "vi", "test", use_keyring=False).db_path)
    # inserted newest first, so only the index (not the insertion order) can put them oldest first
    for i in reversed(range(N)):
        store.insert_account(account(f"001090{i:06d}", created_at=T0 + timedelta(minutes=i),
                                     phone=f"+8491{i:07d}"))
    return store


def cli(data_dir: Path, *args: str, **kwargs) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DVC_TUI_") or k == "DVC_TUI_CONFIG"}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", COLUMNS="120")
    return subprocess.Popen([sys.executable, "-m", "dvc_tui", "--data-dir", str(data_dir), "--no-keyring", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO, **kwargs)


def test_the_accounts_are_walked_oldest_first_from_an_index_not_sorted_in_memory(tmp_path):
    store = make_store(tmp_path / "data")
    plan = store._connection().execute(
        "EXPLAIN QUERY PLAN SELECT username FROM accounts ORDER BY created_at, username").fetchall()
    assert "accounts_by_created" in str(plan) and "TEMP B-TREE" not in str(plan)
    names = [a.username for a in store.iter_accounts()]
    assert names == [f"001090{i:06d}" for i in range(N)]
    # the SMS pane's and the phone app's queries read the newest rows down an index
    db = store._connection()
    plan = db.execute("EXPLAIN QUERY PLAN SELECT id FROM sms WHERE id > 0 ORDER BY id DESC LIMIT 50").fetchall()
    assert "SEARCH sms USING INTEGER PRIMARY KEY" in str(plan) and "TEMP B-TREE" not in str(plan)
    plan = db.execute("EXPLAIN QUERY PLAN SELECT id FROM sms WHERE id > 0 AND phone = ? ORDER BY id DESC LIMIT 50",
                      ("+84912345678",)).fetchall()
    assert "sms_by_phone" in str(plan) and "TEMP B-TREE" not in str(plan)


def test_accounts_list_prints_every_account_in_both_forms(tmp_path):
    make_store(tmp_path / "data").close()
    out, err = cli(tmp_path / "data", "accounts", "list", "--json").communicate(timeout=120)
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["username"] for r in rows] == [f"001090{i:06d}" for i in range(N)] and not err
    out, err = cli(tmp_path / "data", "accounts", "list").communicate(timeout=120)
    lines = out.splitlines()
    assert lines[0] == f"Tài khoản ({N})" and "Họ tên" in lines[1] and set(lines[2]) == {"─"}
    assert len(lines) == N + 3 and not err
    first = lines[3].split()
    assert first[0] == "001******000" and "Nguyễn Văn An" in lines[3] and "0910000000" in first


def test_a_reader_that_stops_early_ends_the_listing_quietly(tmp_path):
    make_store(tmp_path / "data").close()
    for args in (("accounts", "list", "--json"), ("accounts", "list")):
        proc = cli(tmp_path / "data", *args, bufsize=1)
        first = proc.stdout.readline()  # a pager or `| head -1` that has seen enough
        proc.stdout.close()
        proc.wait(timeout=120)
        err = proc.stderr.read()
        assert first and proc.returncode == 0 and "Traceback" not in err and "BrokenPipe" not in err, err
