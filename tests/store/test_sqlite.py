"""The SQLite account store: schema, pragmas, refusals, and what it holds."""

from __future__ import annotations

import inspect
import os
import sqlite3
import stat
import threading
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dvc_tui.core.accounts import Account, AccountExists, Level, Method, Subject
from dvc_tui.core.carrier import TRAINING_SUBSCRIBERS
from dvc_tui.store.sqlite import BUSY_TIMEOUT_MS, DB_NAME, SCHEMA_VERSION, SqliteStore, StoreError

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc)


def account(username: str, *, created_at: datetime = T0, phone: str = "+84912345678") -> Account:
    return Account(
        username=username,
        full_name="Nguyễn Văn An",
        dob=date(1990, 1, 1),
        phone=phone,
        email=None,
        subject=Subject.CITIZEN,
        method=Method.MOBILE,
        level=Level.IAL2,
        created_at=created_at,
        password_hash="$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / DB_NAME


@pytest.fixture
def store(db_path: Path):
    s = SqliteStore(db_path)
    yield s
    s.close()


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


# -- schema and pragmas -------------------------------------------------------------------
def test_new_store_has_the_current_schema_version(store, db_path):
    assert SCHEMA_VERSION >= 1
    assert store.schema_version() == SCHEMA_VERSION
    other = sqlite3.connect(db_path)
    try:
        assert other.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in other.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        other.close()
    assert {"accounts", "otp_codes", "sms", "carrier_subscribers"} <= tables


def test_reopening_keeps_the_data_and_does_not_migrate_again(db_path):
    first = SqliteStore(db_path)
    first.insert_account(account("001090012345"))
    first.close()
    second = SqliteStore(db_path)
    try:
        assert second.schema_version() == SCHEMA_VERSION
        assert second.count_accounts() == 1
        assert second.get_account("001090012345").full_name == "Nguyễn Văn An"
        # the training registry was seeded once, not twice
        assert second.subscriber(TRAINING_SUBSCRIBERS[0].phone) == TRAINING_SUBSCRIBERS[0]
    finally:
        second.close()


def test_journal_mode_is_wal(store, db_path):
    other = sqlite3.connect(db_path)
    try:
        assert other.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    finally:
        other.close()


def test_busy_timeout_is_set_on_the_store_connection(store):
    assert BUSY_TIMEOUT_MS >= 1000
    with store.transaction() as db:
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS


def test_database_file_is_private(store, db_path):
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_an_existing_world_readable_file_is_made_private(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.touch(mode=0o644)
    os.chmod(db_path, 0o644)
    s = SqliteStore(db_path)
    s.close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_a_newer_schema_is_refused_and_left_byte_for_byte_untouched(tmp_path, journal):
    path = tmp_path / DB_NAME
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA journal_mode = {journal}")
    db.execute("CREATE TABLE future (x TEXT)")
    db.execute("INSERT INTO future VALUES ('from a newer dvc-tui')")
    db.commit()
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = _files(tmp_path)

    with pytest.raises(StoreError) as caught:
        SqliteStore(path)

    assert "newer" in str(caught.value)
    assert _files(tmp_path) == before


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(garbage=st.binary(min_size=1, max_size=4096).filter(lambda b: not b.startswith(b"SQLite format 3")))
def test_a_garbage_file_is_refused_with_store_error_only(tmp_path_factory, garbage):
    directory = tmp_path_factory.mktemp("garbage")
    path = directory / DB_NAME
    path.write_bytes(garbage)
    with pytest.raises(StoreError):
        SqliteStore(path)
    assert path.read_bytes() == garbage


def test_a_directory_in_place_of_the_file_is_a_store_error(db_path):
    db_path.mkdir(parents=True)
    with pytest.raises(StoreError):
        SqliteStore(db_path)


# -- accounts -----------------------------------------------------------------------------
def test_insert_and_get_an_account_round_trips(store):
    original = account("001090012345")
    store.insert_account(original)
    assert store.account_exists("001090012345")
    assert not store.account_exists("001090012346")
    assert store.get_account("001090012345") == original
    assert store.get_account("nobody") is None


def test_inserting_a_duplicate_username_raises_account_exists(store):
    store.insert_account(account("001090012345"))
    with pytest.raises(AccountExists) as caught:
        store.insert_account(account("001090012345", phone="+84987654321"))
    assert caught.value.key == "account.exists"
    assert store.count_accounts() == 1
    assert store.get_account("001090012345").phone == "+84912345678"  # the first one kept


def test_set_password_hash_replaces_the_stored_hash(store):
    store.insert_account(account("001090012345"))
    store.set_password_hash("001090012345", "$argon2id$new")
    assert store.get_account("001090012345").password_hash == "$argon2id$new"


def test_iter_accounts_streams_oldest_first(store):
    for i in range(30):
        store.insert_account(account(f"00109001{i:04d}", created_at=T0 - timedelta(minutes=i)))
    stream = store.iter_accounts()
    assert inspect.isgenerator(stream)  # a lazy stream, not a materialised list
    first = next(stream)
    assert first.username == "001090010029"  # created 29 minutes before the others' latest
    rest = list(stream)
    assert len(rest) == 29
    created = [first.created_at] + [a.created_at for a in rest]
    assert created == sorted(created)
    assert store.count_accounts() == 30


def test_training_subscribers_are_seeded(store):
    for sub in TRAINING_SUBSCRIBERS:
        assert store.subscriber(sub.phone) == sub
    assert store.subscriber("+84999999999") is None


# -- SMS ----------------------------------------------------------------------------------
def test_recent_sms_is_newest_first_and_respects_limit_and_phone(store):
    sent = []
    for i in range(6):
        phone = "+84912345678" if i % 2 == 0 else "+84987654321"
        sent.append(store.insert_sms(phone, "DVCQG", f"message {i}", T0 + timedelta(seconds=i)))

    everything = store.recent_sms()
    assert [m.body for m in everything] == [f"message {i}" for i in reversed(range(6))]
    assert everything[0] == sent[-1]

    assert [m.body for m in store.recent_sms(limit=2)] == ["message 5", "message 4"]
    assert [m.body for m in store.recent_sms(phone="+84912345678")] == ["message 4", "message 2", "message 0"]
    assert [m.body for m in store.recent_sms(limit=1, phone="+84987654321")] == ["message 5"]
    assert [m.body for m in store.recent_sms(after_id=sent[3].id)] == ["message 5", "message 4"]
    assert store.recent_sms(phone="+84000000000") == []
    assert everything[-1].sent_at == T0 and everything[-1].sender == "DVCQG"


# -- one-time code rows -------------------------------------------------------------------
def test_issue_code_supersedes_the_subjects_active_code_of_that_purpose_only(store):
    first = store.issue_code("register", "001090012345", "+84912345678", T0, T0 + timedelta(minutes=5))
    other_purpose = store.issue_code("login", "001090012345", "+84912345678", T0, T0 + timedelta(minutes=5))
    other_subject = store.issue_code("register", "079190000111", "+84912345678", T0, T0 + timedelta(minutes=5))
    second = store.issue_code("register", "001090012345", "+84912345678", T0, T0 + timedelta(minutes=5))
    statuses = {c.id: c.status.value for c in store.recent_codes("register", "001090012345", T0)}
    assert statuses == {first.id: "superseded", second.id: "active"}
    assert store.latest_code("login", "001090012345").id == other_purpose.id
    assert store.latest_code("login", "001090012345").status.value == "active"
    assert store.latest_code("register", "079190000111").id == other_subject.id
    assert store.latest_code("register", "079190000111").status.value == "active"
    assert len(store.code_send_times("+84912345678", T0)) == 4


def test_use_code_is_single_use(store):
    code = store.issue_code("login", "001090012345", "+84912345678", T0, T0 + timedelta(minutes=5))
    assert store.use_code(code.id, T0) is True
    assert store.use_code(code.id, T0) is False
    latest = store.latest_code("login", "001090012345")
    assert latest.status.value == "used" and latest.used_at == T0


def test_a_code_attempt_is_read_and_written_in_one_transaction(store):
    from dataclasses import replace

    from dvc_tui.core.otp import CodeStatus

    code = store.issue_code("login", "001090012345", "+84912345678", T0, T0 + timedelta(minutes=5))
    before, after = store.count_code_attempt(
        "login", "001090012345", lambda c: replace(c, status=CodeStatus.USED, used_at=T0))
    assert before == code and after.status is CodeStatus.USED
    latest = store.latest_code("login", "001090012345")
    assert latest.status.value == "used" and latest.used_at == T0
    assert store.count_code_attempt("login", "079190000111", lambda c: c) == (None, None)


# -- threads ------------------------------------------------------------------------------
def test_two_threads_can_use_the_store_at_once(store, db_path):
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def work(prefix: str, phone: str) -> None:
        try:
            barrier.wait()
            for i in range(40):
                store.insert_sms(phone, "DVCQG", f"{prefix} {i}", T0)
                store.insert_account(account(f"{prefix}{i:09d}", phone=phone))
                store.recent_sms(limit=5)
                store.issue_code("login", f"{prefix}{i:09d}", phone, T0, T0 + timedelta(minutes=5))
        except BaseException as exc:  # pragma: no cover - the assertion below shows it
            errors.append(exc)

    threads = [
        threading.Thread(target=work, args=("001", "+84912345678")),
        threading.Thread(target=work, args=("079", "+84987654321")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert store.count_accounts() == 80
    assert len(store.recent_sms(limit=1000, phone="+84912345678")) == 40
    assert len(store.recent_sms(limit=1000, phone="+84987654321")) == 40
    ids = [m.id for m in store.recent_sms(limit=1000)]
    assert len(ids) == len(set(ids)) == 80
    # what another process sees too
    other = sqlite3.connect(db_path)
    try:
        assert other.execute("SELECT count(*) FROM otp_codes").fetchone()[0] == 80
    finally:
        other.close()


def test_the_store_module_needs_no_domain_type_to_import_and_its_defaults_match_them():
    """The store's module is imported by the start-up worker: the domain types are imported by
    the methods that make them. A default spelled out for that must match its enum."""
    from dvc_tui.core.sim import RequestStatus

    default = inspect.signature(SqliteStore.close_sim_request).parameters["only_from"].default
    assert default == RequestStatus.PENDING.value
