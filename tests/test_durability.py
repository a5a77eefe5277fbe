"""Crash durability and concurrent kiosks: the scripts' own proof, at a size CI can run.

benchmarks/crash_trials.py (200 SIGKILLs) and benchmarks/concurrent_kiosks.py (4 kiosks x 250)
are the long runs; here the same functions run 8 kills, and 2 kiosks x 15 with a phone app
polling and two same-ID races. Argon2id at the "low" and "test" costs to keep it short: the
cost changes how long a hash takes, not what is written or how. Also here: the store check
those scripts rely on does find a half-written account, a half-state row and a damaged file.
"""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import concurrent_kiosks  # noqa: E402
import crash_trials  # noqa: E402
import register_driver  # noqa: E402

from dvc_tui.core.text import set_language, t  # noqa: E402
from dvc_tui.store.sqlite import DB_NAME  # noqa: E402


@pytest.fixture(autouse=True)
def vietnamese():
    set_language("vi")
    yield
    set_language("vi")


def register_in_process(data_dir: Path, indexes) -> list[dict]:
    services = register_driver.build_services(data_dir, "test")
    try:
        driver = register_driver.Driver(services, io.StringIO())
        driver.warm()
        return [driver.register(i) for i in indexes]
    finally:
        services.close()


def test_generated_people_pass_the_forms_checks_and_are_distinct(tmp_path):
    outcomes = register_in_process(tmp_path / "data", range(1, 40))
    assert [o["outcome"] for o in outcomes] == ["ok"] * 39
    people = [register_driver.person(i) for i in range(1, 5000, 7)]
    assert len({p["cccd"] for p in people}) == len({p["phone"] for p in people}) == len(people)
    assert all(register_driver.index_of(p["cccd"]) == i for p, i in zip(people, range(1, 5000, 7)))


def test_a_second_registration_of_one_id_gets_the_already_exists_message(tmp_path):
    register_in_process(tmp_path / "data", [7])
    again = register_in_process(tmp_path / "data", [7])[0]
    assert (again["outcome"], again["key"], again["locked"]) == ("exists", "account.exists", False)
    assert again["message"] == t("account.exists")


def test_the_store_check_finds_half_written_accounts_and_half_state_rows(tmp_path):
    from argon2 import PasswordHasher

    data_dir = tmp_path / "data"
    register_in_process(data_dir, range(1, 7))
    db_path = data_dir / DB_NAME
    clean = crash_trials.check_store(db_path, verify=lambda username: True)
    assert (clean.corrupt, clean.partial, clean.verified, len(clean.accounts)) == ([], [], 6, 6)

    ids = sorted(clean.accounts)
    db = sqlite3.connect(db_path)
    with db:
        db.execute("UPDATE accounts SET password_hash = NULL WHERE username = ?", (ids[0],))
        db.execute("UPDATE accounts SET password_hash = substr(password_hash, 1, 40) WHERE username = ?", (ids[1],))
        db.execute("UPDATE accounts SET phone = '+8412' WHERE username = ?", (ids[2],))
        db.execute("DELETE FROM otp_codes WHERE subject = ?", (ids[3],))  # an account without its code
        typed = register_driver.person(register_driver.index_of(ids[4]))["password"]
        other = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(typed + "x")  # well-formed
        db.execute("UPDATE accounts SET password_hash = ? WHERE username = ?", (other, ids[4]))
        db.execute("UPDATE otp_codes SET used_at = NULL WHERE subject = ?", (ids[5],))
    db.close()

    report = crash_trials.check_store(db_path, verify=lambda username: True)
    assert report.corrupt == []
    broken = {line.split(":")[0] for line in report.partial}
    assert set(ids[:6]) <= broken
    assert any(line.startswith("otp_codes#") and "used without used_at" in line for line in report.partial)


def test_the_store_check_finds_a_damaged_file(tmp_path):
    data_dir = tmp_path / "data"
    register_in_process(data_dir, range(1, 30))
    db_path = data_dir / DB_NAME
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'accounts'").fetchone()[0]
    page = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    with open(db_path, "r+b") as handle:
        handle.seek((root - 1) * page + 8)  # inside the table's b-tree page: its cell pointers
        handle.write(b"\xff" * 64)
    assert crash_trials.check_store(db_path).corrupt


def test_a_code_and_its_sms_are_written_together_or_not_at_all(tmp_path, clock):
    """A failure between the code's row and its SMS's (here: making the text) leaves neither,
    so no code exists that no SMS carried; a good send leaves both, the SMS holding the code."""
    from dvc_tui.core.otp import OneTimeCodes, Purpose, derive_otp_secret
    from dvc_tui.core.sms import SmsGateway
    from dvc_tui.store.sqlite import SqliteStore

    store = SqliteStore(tmp_path / DB_NAME)
    try:
        heard = []
        sms = SmsGateway(store, clock)
        sms.subscribe(heard.append)
        codes = OneTimeCodes(store, clock, derive_otp_secret(b"k" * 32), sms)

        def broken(*args, **kwargs):
            raise OSError("no text")

        sms.code_text = broken
        with pytest.raises(OSError):
            codes.send(Purpose.REGISTER, "001090012345", "+84912345678")
        assert store.latest_code("register", "001090012345") is None
        assert store.recent_sms() == [] and heard == []

        del sms.code_text
        issued = codes.send(Purpose.REGISTER, "001090012345", "+84912345678")
        [message] = store.recent_sms(phone="+84912345678")
        assert heard == [message]
        assert codes.code_for_testing(issued.id) in message.body
    finally:
        store.close()


def test_sigkill_at_random_moments_leaves_no_corrupt_partial_or_lost_account(tmp_path):
    figures = crash_trials.run_trials(tmp_path / "data", trials=8, seed=5, hash_cost="low", log=lambda line: None)
    assert (figures["corrupt"], figures["partial"], figures["lost"]) == (0, 0, 0), figures["details"]
    assert (figures["driver_errors"], figures["locked"], figures["codes_without_sms"]) == (0, 0, 0), figures["details"]
    assert figures["trials"] == sum(figures["landed"].values()) == 8
    assert figures["accounts_made"] >= figures["reported_ok"]
    assert figures["passwords_verified"] == figures["accounts_made"]


def test_two_kiosks_a_phone_and_same_id_races(tmp_path):
    figures = concurrent_kiosks.run(
        tmp_path / "data", kiosks=2, per_kiosk=15, submit_pairs=1, start_pairs=1, hash_cost="test",
        poll_every=0.1, race_offset=61, verify_sample=10, log=lambda line: None,
    )
    assert figures["accounts_present"] == figures["accounts_expected"] == 2 * 15 + 2, figures["details"]
    assert (figures["kiosk_failures"], figures["locked_shown"], figures["duplicates"]) == (0, 0, 0), figures["details"]
    assert (figures["corrupt"], figures["partial"], figures["codes_without_sms"]) == (0, 0, 0), figures["details"]
    assert figures["phone_failures"] == 0, figures["details"]
    submit, start = figures["races"]
    assert (submit["kind"], submit["winners"]) == ("submit", 1)
    assert submit["losers"] == [("account.exists", t("account.exists"))]
    assert start["winners"] == 1 and len(start["losers"]) == 1 and start["fair"], start
    assert figures["phone"]["reads"] >= 1 and figures["phone_exit"] == 0
    assert not concurrent_kiosks.failed(figures)
