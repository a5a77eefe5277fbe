"""The brute-force lock of password login (core/lockout.py), every limit driven by the
injected clock, against the real store: per login name, growing waits, restarts, no
enumeration, several processes at once, and the one-time codes' own limits behind it."""

from __future__ import annotations

import random
import re
import threading
from datetime import timedelta

import pytest

from dvc_tui.config import Config
from dvc_tui.core.accounts import Account, Accounts, Level, Method, Subject
from dvc_tui.core.lockout import (
    MAX_FAILURES,
    QUIET_RESET,
    LoginFailures,
    after_attempt,
    lock_duration,
    lock_key,
)
from dvc_tui.core.otp import MAX_ATTEMPTS, MAX_SENDS_PER_HOUR, OneTimeCodes, Purpose, derive_otp_secret
from dvc_tui.core.passwords import HashCost, PasswordHasher
from dvc_tui.core.problems import PortalError, Problem
from dvc_tui.core.sms import SmsGateway
from dvc_tui.core.text import duration_text, problem_text, set_language
from dvc_tui.services import Services
from dvc_tui.store.sqlite import DB_NAME, SqliteStore

AN = "001090012345"
MAI = "079190000111"
NOBODY = "001090099999"  # a well-formed CCCD without an account
PASSWORD = "Abcdef1!"
WRONG = "Wrong#Pass1"
NEW_PASSWORD = "Tr4ng-Sen#Ho9qx"


class CountingHasher(PasswordHasher):
    """The test cost's hasher, counting how often a password is actually checked."""

    def __init__(self) -> None:
        super().__init__(HashCost.named("test"))
        self.checks = 0
        self._lock = threading.Lock()

    def verify(self, phc: str, password: str) -> bool:  # burn() verifies against a dummy hash
        with self._lock:
            self.checks += 1
        return super().verify(phc, password)


@pytest.fixture
def store(tmp_path):
    s = SqliteStore(tmp_path / "data" / DB_NAME)
    yield s
    s.close()


@pytest.fixture
def hasher() -> CountingHasher:
    return CountingHasher()


def make_accounts(store, clock, hasher) -> Accounts:
    codes = OneTimeCodes(store, clock, derive_otp_secret(b"k" * 32), SmsGateway(store, clock))
    return Accounts(store, clock, hasher, codes, stand_in_key=b"s" * 32)


@pytest.fixture
def accounts(store, clock, hasher) -> Accounts:
    return make_accounts(store, clock, hasher)


def seed(store, clock, hasher, username: str = AN, phone: str = "+84828123088", password: str | None = PASSWORD,
         method: Method = Method.MOBILE) -> Account:
    account = Account(
        username=username, full_name="Nguyễn Văn An", dob=None, phone=phone, email=None,
        subject=Subject.CITIZEN, method=method, level=Level.IAL2, created_at=clock.now(),
        password_hash=hasher.hash(password) if password else None,
    )
    store.insert_account(account)
    return account


@pytest.fixture
def an(store, clock, hasher) -> Account:
    return seed(store, clock, hasher)


def refused(accounts: Accounts, username: str, password: str) -> Problem:
    with pytest.raises(PortalError) as caught:
        accounts.check_password(username, password)
    return caught.value.problem


def code_in_sms(store, phone: str) -> str:
    """The 6-digit code of the newest SMS to `phone`, as its holder reads it."""
    return re.search(r"\b(\d{6})\b", store.recent_sms(1, phone=phone)[0].body).group(1)


def five_wrong(accounts: Accounts, username: str = AN) -> list[Problem]:
    return [refused(accounts, username, WRONG) for _ in range(MAX_FAILURES)]


def locked_for(problem: Problem) -> int:
    assert problem.key == "login.locked", problem
    return problem.params["seconds"]


# -- the schedule -------------------------------------------------------------------------
def test_the_waits_start_at_one_minute_double_and_stop_at_fifteen():
    assert [lock_duration(n) // timedelta(seconds=1) for n in range(1, 9)] == [60, 120, 240, 480, 900, 900, 900, 900]
    assert lock_duration(60) == timedelta(minutes=15)
    with pytest.raises(ValueError):
        lock_duration(0)


def test_the_rule_counts_wrong_passwords_and_leaves_a_lock_alone(clock):
    now = clock.now()
    state = None
    for n in range(1, MAX_FAILURES):
        state = after_attempt(state, AN, now)
        assert (state.failures, state.locked_until, state.attempts_left) == (n, None, MAX_FAILURES - n)
    state = after_attempt(state, AN, now)
    assert state == LoginFailures(AN, failures=0, lock_count=1, locked_until=now + timedelta(minutes=1), last_failure=now)
    assert after_attempt(state, AN, now + timedelta(seconds=59)) is state  # locked: nothing counted
    assert state.seconds_left(now + timedelta(seconds=59.2)) == 1  # rounded up, never 0 while locked
    assert state.seconds_left(now + timedelta(seconds=60)) == 0
    assert lock_key("  " + "1" * 100) == "1" * 64


# -- the limits, one by one ---------------------------------------------------------------
def test_four_wrong_are_answered_the_fifth_locks_for_a_minute_even_the_right_password(
    accounts, an, store, clock, hasher
):
    answers = [refused(accounts, AN, WRONG) for _ in range(4)]
    assert [a.key for a in answers] == ["login.invalid", "login.invalid", "login.invalid_left", "login.invalid_left"]
    assert [a.params.get("left") for a in answers[2:]] == [2, 1]
    assert problem_text(answers[0]) == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert problem_text(answers[3]) == (
        "Tên đăng nhập hoặc mật khẩu không đúng. Còn 1 lần thử trước khi bị tạm khóa đăng nhập."
    )
    fifth = refused(accounts, AN, WRONG)
    assert locked_for(fifth) == 60
    assert fifth.params["until"] == clock.now() + timedelta(minutes=1)
    assert problem_text(fifth) == "Tài khoản tạm khóa do nhập sai mật khẩu 5 lần. Vui lòng thử lại sau 1 phút."
    assert hasher.checks == 5

    clock.advance(30)
    right = refused(accounts, AN, PASSWORD)  # the right password is not even checked
    assert locked_for(right) == 30
    assert problem_text(right) == "Tài khoản tạm khóa do nhập sai mật khẩu 5 lần. Vui lòng thử lại sau 30 giây."
    clock.advance(29)
    assert locked_for(refused(accounts, AN, WRONG)) == 1
    assert hasher.checks == 5  # no hashing while locked
    assert store.login_failures(AN).lock_count == 1  # nor any count

    clock.advance(1)  # 60 s after the lock: allowed again
    assert accounts.check_password(AN, PASSWORD) == an
    assert hasher.checks == 6
    assert store.login_failures(AN) is None  # a right password clears the count


def test_each_further_lock_doubles_up_to_fifteen_minutes(accounts, an, clock):
    waits = []
    for _ in range(7):
        answers = five_wrong(accounts)
        assert [a.key for a in answers[:4]] == ["login.invalid"] * 2 + ["login.invalid_left"] * 2
        waits.append(locked_for(answers[4]))
        clock.advance(waits[-1] - 1)
        assert locked_for(refused(accounts, AN, PASSWORD)) == 1  # still locked a second before the end
        clock.advance(1)
    assert waits == [60, 120, 240, 480, 900, 900, 900]
    assert problem_text(Problem("login.locked", {"limit": 5, "seconds": 900})).endswith("sau 15 phút.")
    # The lock is over: the right password logs in and the escalation starts again.
    assert accounts.check_password(AN, PASSWORD) == an
    assert locked_for(five_wrong(accounts)[4]) == 60


def test_a_right_password_resets_the_count_of_wrong_ones(accounts, an, clock):
    for _ in range(4):
        refused(accounts, AN, WRONG)
    assert accounts.check_password(AN, PASSWORD) == an
    assert [a.key for a in [refused(accounts, AN, WRONG) for _ in range(4)]][-1] == "login.invalid_left"
    assert accounts.check_password(AN, PASSWORD) == an  # 4 + 4 wrong never reached 5 in a row


def test_twelve_quiet_hours_reset_the_count_and_the_escalation(accounts, an, clock, store):
    for _ in range(4):
        refused(accounts, AN, WRONG)
    clock.advance(QUIET_RESET.total_seconds())
    assert refused(accounts, AN, WRONG).key == "login.invalid"  # the first of a new count
    for _ in range(3):
        refused(accounts, AN, WRONG)
    assert locked_for(refused(accounts, AN, WRONG)) == 60
    clock.advance(60)
    assert locked_for(five_wrong(accounts)[4]) == 120  # the second lock of the streak
    clock.advance(QUIET_RESET.total_seconds())
    assert locked_for(five_wrong(accounts)[4]) == 60  # after a quiet half day: the first again


# -- where the count lives ----------------------------------------------------------------
def test_the_lock_is_per_login_name(accounts, an, store, clock, hasher):
    mai = seed(store, clock, hasher, username=MAI, phone="+84912000111")
    locked_for(five_wrong(accounts)[4])
    assert accounts.check_password(MAI, PASSWORD) == mai  # another account is not affected
    assert refused(accounts, MAI, WRONG).key == "login.invalid"  # and keeps its own count
    assert locked_for(refused(accounts, AN, PASSWORD)) == 60
    assert locked_for(refused(accounts, " " + AN + " ", PASSWORD)) == 60  # the name as it is counted


def test_the_lock_survives_a_restart(tmp_path, clock):
    config = Config(tmp_path / "data", hash_cost="test", use_keyring=False)
    first = Services(config, clock=clock, rng=random.Random(1))
    seed(first.store, clock, first.hasher)
    for _ in range(4):
        refused(first.accounts, AN, WRONG)
    first.close()

    second = Services(config, clock=clock, rng=random.Random(2))  # the app started again
    assert locked_for(refused(second.accounts, AN, WRONG)) == 60  # the 5th in a row, across the restart
    clock.advance(20)
    second.close()

    third = Services(config, clock=clock, rng=random.Random(3))
    try:
        assert locked_for(refused(third.accounts, AN, PASSWORD)) == 40
        clock.advance(40)
        assert third.accounts.check_password(AN, PASSWORD).username == AN
    finally:
        third.close()


def test_a_name_without_an_account_is_answered_word_for_word_the_same(accounts, an, store, clock, hasher):
    # A signing account (USB/SIM ký số) has no password: answered like a name without an account.
    seed(store, clock, hasher, username="0100109106", phone="", password=None, method=Method.USB)

    def story(username: str, password: str) -> list[str]:
        words = [problem_text(refused(accounts, username, password)) for _ in range(MAX_FAILURES + 1)]
        clock.advance(60)
        words += [problem_text(refused(accounts, username, password)) for _ in range(MAX_FAILURES)]
        clock.advance(-60)  # the next story starts at the same moment
        return words

    existing = story(AN, WRONG)
    assert existing[4] == existing[5] == (
        "Tài khoản tạm khóa do nhập sai mật khẩu 5 lần. Vui lòng thử lại sau 1 phút."
    )
    assert existing[-1].endswith("thử lại sau 2 phút.")
    for other in (NOBODY, "0100109106", "x" * 500):
        before = hasher.checks
        assert story(other, PASSWORD) == existing, other
        assert hasher.checks - before == 2 * MAX_FAILURES  # the same hashing work, locked or not


def test_rows_of_names_long_quiet_are_deleted(accounts, an, store, clock):
    for name in ("111111111", "222222222"):
        refused(accounts, name, WRONG)
    five_wrong(accounts, "333333333")  # locked: kept while the lock lasts
    assert store.login_failures("111111111").failures == 1
    clock.advance(QUIET_RESET.total_seconds() + 1)
    refused(accounts, "444444444", WRONG)
    assert [store.login_failures(n) for n in ("111111111", "222222222", "333333333")] == [None, None, None]
    assert store.login_failures("444444444").failures == 1


def test_many_windows_at_once_get_no_more_than_five_checks(tmp_path, clock, hasher):
    """20 attempts in parallel threads, each with its own SQLite connection (as separate
    processes would have), at one moment: exactly 5 are checked, the rest find the lock."""
    path = tmp_path / "data" / DB_NAME
    store = SqliteStore(path)
    seed(store, clock, hasher)
    checks_before = hasher.checks
    results: list[str] = []
    barrier = threading.Barrier(20)

    def attempt() -> None:
        accounts = make_accounts(store, clock, hasher)  # the store gives each thread its connection
        barrier.wait()
        try:
            accounts.check_password(AN, WRONG)
        except PortalError as error:
            results.append(error.key)

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    store.close()
    assert hasher.checks - checks_before == MAX_FAILURES
    assert sorted(results) == sorted(["login.invalid"] * 2 + ["login.invalid_left"] * 2 + ["login.locked"] * 16)
    reopened = SqliteStore(path)
    try:
        state = reopened.login_failures(AN)
        assert (state.failures, state.lock_count, state.locked_until) == (0, 1, clock.now() + timedelta(minutes=1))
    finally:
        reopened.close()


# -- the other ways in --------------------------------------------------------------------
def test_a_new_password_by_quen_mat_khau_lifts_the_lock(accounts, an, store, clock):
    locked_for(five_wrong(accounts)[4])
    reset = accounts.start_password_reset(AN)
    assert reset.phone.e164 == an.phone
    accounts.confirm_code(Purpose.RESET, AN, code_in_sms(store, an.phone))
    accounts.complete_password_reset(AN, NEW_PASSWORD, NEW_PASSWORD)
    assert store.login_failures(AN) is None
    assert accounts.check_password(AN, NEW_PASSWORD).username == AN  # at once, not after the minute


def test_the_login_code_keeps_its_own_limits_behind_the_password(accounts, an, store, clock):
    """A right password is no way round the one-time code's limits (core/otp.py): 5 wrong
    entries void a code, logging in again gives the same code while it is valid, a new one only
    60 s after the last, and at most 5 an hour: at most 25 guesses an hour."""

    def wrong_code(right: str) -> str:
        return "000000" if right != "000000" else "111111"

    guesses = 0
    for send in range(1, MAX_SENDS_PER_HOUR + 1):
        issued = accounts.send_login_code(accounts.check_password(AN, PASSWORD))
        assert accounts.send_login_code(accounts.check_password(AN, PASSWORD)) == issued  # the same code
        right = code_in_sms(store, an.phone)
        for n in range(1, MAX_ATTEMPTS + 1):
            with pytest.raises(PortalError) as caught:
                accounts.confirm_code(Purpose.LOGIN, AN, wrong_code(right))
            guesses += 1
            assert caught.value.key == ("otp.voided_now" if n == MAX_ATTEMPTS else "otp.wrong")
        with pytest.raises(PortalError) as caught:  # the right code of a voided code is refused
            accounts.confirm_code(Purpose.LOGIN, AN, right)
        assert caught.value.key == "otp.voided"
        with pytest.raises(PortalError) as caught:  # logging in again at once: no new code yet
            accounts.send_login_code(accounts.check_password(AN, PASSWORD))
        assert caught.value.key == "otp.cooldown"
        clock.advance(60)
    with pytest.raises(PortalError) as caught:
        accounts.send_login_code(accounts.check_password(AN, PASSWORD))
    assert caught.value.key == "otp.hourly_limit"
    assert guesses == MAX_ATTEMPTS * MAX_SENDS_PER_HOUR == 25
    clock.advance(minutes=56)  # an hour after the first send: a code again
    assert accounts.send_login_code(accounts.check_password(AN, PASSWORD)).status.value == "active"


# -- the words ----------------------------------------------------------------------------
def test_the_wait_is_said_in_minutes_and_seconds_in_both_languages():
    assert [duration_text(s) for s in (0, 1, 45, 60, 90, 900)] == [
        "0 giây", "1 giây", "45 giây", "1 phút", "1 phút 30 giây", "15 phút"
    ]
    locked = Problem("login.locked", {"limit": 5, "seconds": 90})
    assert problem_text(locked) == "Tài khoản tạm khóa do nhập sai mật khẩu 5 lần. Vui lòng thử lại sau 1 phút 30 giây."
    set_language("en")
    assert [duration_text(s) for s in (1, 61, 120)] == ["1 second", "1 minute 1 second", "2 minutes"]
    assert problem_text(locked) == "Login is locked for a while after 5 wrong passwords. Please try again in 1 minute 30 seconds."
