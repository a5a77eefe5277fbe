"""The authenticators table (schema migration 2) and the sealing of TOTP secrets at rest."""

from __future__ import annotations

import base64
import random
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from dvc_tui.core.accounts import Account, Level, Method, Subject
from dvc_tui.core.clock import FakeClock
from dvc_tui.core.totp import Authenticators, UnsealError
from dvc_tui.store.sealing import SecretSealer
from dvc_tui.store.sqlite import DB_NAME, MIGRATIONS, SCHEMA_VERSION, SqliteStore, _migration_1
from tests.rfc6238 import b32_key, code_at

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc)
INSTALL_KEY = bytes(range(32))
CCCD = "001090012345"
OTHER = "079190000111"  # an ID with no authenticator


def account(username: str = CCCD) -> Account:
    return Account(username, "Nguyễn Văn An", date(1990, 1, 1), "+84828123088", None, Subject.CITIZEN, Method.MOBILE,
                   Level.IAL2, T0, "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / DB_NAME


@pytest.fixture
def store(db_path):
    s = SqliteStore(db_path)
    s.insert_account(account())
    yield s
    s.close()


def make_version_1(path: Path) -> None:
    """A database as dvc-tui 0.1 left it: migration 1 only, one account, one SMS."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    _migration_1(db)
    a = account()
    db.execute(
        "INSERT INTO accounts VALUES (?,?,?,?,?,?,?,?,?,?)",
        (a.username, a.full_name, a.dob.isoformat(), a.phone, a.email, a.subject.value, a.method.value, int(a.level),
         a.created_at.isoformat(), a.password_hash),
    )
    db.execute("INSERT INTO sms (phone, sender, body, sent_at) VALUES ('+84828123088', 'DVCQG', 'hi', ?)",
               (T0.isoformat(),))
    db.execute("PRAGMA user_version = 1")
    db.execute("COMMIT")
    db.close()


# -- migration -------------------------------------------------------------------------------
def test_migration_2_is_appended_after_migration_1():
    assert MIGRATIONS[0] is _migration_1
    assert MIGRATIONS[1].__name__ == "_migration_2"
    assert SCHEMA_VERSION >= 2


def test_a_version_1_database_is_migrated_and_keeps_its_accounts(db_path):
    make_version_1(db_path)
    store = SqliteStore(db_path)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.get_account(CCCD) == account()
        assert [m.body for m in store.recent_sms()] == ["hi"]
        assert store.get_authenticator(CCCD) is None
        # the new table works at once
        store.set_pending_authenticator(CCCD, b"\x01sealed", T0)
        assert store.get_authenticator(CCCD).pending_secret == b"\x01sealed"
    finally:
        store.close()
    other = sqlite3.connect(db_path)
    try:
        columns = [r[1] for r in other.execute("PRAGMA table_info(authenticators)")]
    finally:
        other.close()
    assert columns[:8] == ["username", "secret", "confirmed_at", "last_step", "failed_attempts", "locked_until",
                           "pending_secret", "pending_since"]
    reopened = SqliteStore(db_path)  # and is not migrated twice
    try:
        assert reopened.schema_version() == SCHEMA_VERSION
        assert reopened.count_accounts() == 1
    finally:
        reopened.close()


def test_an_authenticator_needs_an_account_and_goes_with_it(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.set_pending_authenticator("079190000111", b"x", T0)
    store.set_pending_authenticator(CCCD, b"x", T0)
    with store.transaction() as db:
        db.execute("DELETE FROM accounts WHERE username = ?", (CCCD,))
    assert store.get_authenticator(CCCD) is None


# -- the store's rules -----------------------------------------------------------------------
def test_activation_takes_only_the_pending_secret_it_was_shown(store):
    store.set_pending_authenticator(CCCD, b"first", T0)
    store.set_pending_authenticator(CCCD, b"second", T0 + timedelta(seconds=5))  # another window
    assert not store.activate_authenticator(CCCD, b"first", T0, 100)
    assert store.activate_authenticator(CCCD, b"second", T0, 100)
    record = store.get_authenticator(CCCD)
    assert (record.secret, record.pending_secret, record.last_step, record.confirmed_at) == (b"second", None, 100, T0)


def test_an_attempt_writes_the_counters_it_was_given_in_one_transaction(store):
    store.set_pending_authenticator(CCCD, b"s", T0)
    store.activate_authenticator(CCCD, b"s", T0, 100)
    until = T0 + timedelta(minutes=1)
    seen = []

    def lock(record):
        seen.append(record)
        return replace(record, failed_attempts=0, lock_count=1, locked_until=until, last_failure=T0)

    before, after = store.count_authenticator_attempt(CCCD, lock)
    assert seen == [before] and before.failed_attempts == 0
    record = store.get_authenticator(CCCD)
    assert record == after
    assert (record.lock_count, record.locked_until, record.last_failure, record.secret) == (1, until, T0, b"s")
    # an account without an authenticator: nothing written, None handed over
    assert store.count_authenticator_attempt(OTHER, lambda record: record) == (None, None)


def test_activation_clears_the_lock_and_its_escalation(store):
    store.set_pending_authenticator(CCCD, b"s", T0)
    store.activate_authenticator(CCCD, b"s", T0, 100)
    store.count_authenticator_attempt(
        CCCD, lambda r: replace(r, lock_count=3, locked_until=T0 + timedelta(minutes=4), last_failure=T0))
    store.set_pending_authenticator(CCCD, b"t", T0)
    assert store.activate_authenticator(CCCD, b"t", T0, 101)
    record = store.get_authenticator(CCCD)
    assert (record.failed_attempts, record.lock_count, record.locked_until, record.last_failure) == (0, 0, None, None)


# -- sealed at rest --------------------------------------------------------------------------
def test_the_secret_is_not_in_clear_anywhere_in_the_data_dir(db_path, store):
    clock = FakeClock(T0)
    authenticators = Authenticators(store, clock, random.Random(5), SecretSealer(INSTALL_KEY))
    enrolment = authenticators.begin_enrolment(CCCD)
    authenticators.confirm_enrolment(CCCD, code_at(enrolment.secret, clock.now()))
    raw = b32_key(enrolment.secret)
    forms = [enrolment.secret.encode(), enrolment.secret.lower().encode(), raw, raw.hex().encode(),
             base64.b64encode(raw), enrolment.grouped_secret.encode()]
    files = {p.name: p.read_bytes() for p in db_path.parent.iterdir() if p.is_file()}
    assert DB_NAME in files and sum(len(b) for b in files.values()) > 0
    assert {name: [f for f in forms if f in data] for name, data in files.items()} == {name: [] for name in files}
    # what the table holds is the sealed form, which opens only with the install's key
    record = store.get_authenticator(CCCD)
    assert record.secret[:1] == b"\x01" and len(record.secret) == 1 + 12 + len(enrolment.secret) + 16
    context = f"dvc-tui totp:{CCCD}".encode()
    assert SecretSealer(INSTALL_KEY).open(record.secret, context) == enrolment.secret.encode()


def test_a_sealed_secret_opens_only_with_its_key_and_its_account():
    sealer = SecretSealer(INSTALL_KEY)
    sealed = sealer.seal(b"JBSWY3DPEHPK3PXP", b"dvc-tui totp:001090012345")
    assert sealed != sealer.seal(b"JBSWY3DPEHPK3PXP", b"dvc-tui totp:001090012345")  # a fresh nonce each time
    assert sealer.open(sealed, b"dvc-tui totp:001090012345") == b"JBSWY3DPEHPK3PXP"
    with pytest.raises(UnsealError):
        sealer.open(sealed, b"dvc-tui totp:079190000111")  # copied onto another account
    with pytest.raises(UnsealError):
        SecretSealer(bytes(32)).open(sealed, b"dvc-tui totp:001090012345")  # another install
    with pytest.raises(UnsealError):
        sealer.open(sealed[:-1] + bytes([sealed[-1] ^ 1]), b"dvc-tui totp:001090012345")  # tampered
    with pytest.raises(UnsealError):
        sealer.open(b"\x02" + sealed[1:], b"dvc-tui totp:001090012345")  # unknown layout
    with pytest.raises(UnsealError):
        sealer.open(b"\x01short", b"dvc-tui totp:001090012345")
