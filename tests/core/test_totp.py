"""The authenticator app (TOTP, RFC 6238): enrolment, single use, drift, wrong codes and the lock,
against the real SQLite store, the AES-GCM sealer and a hand-driven clock (never a sleep).

Codes are computed by tests/rfc6238.py (hmac, hashlib, struct: not pyotp, not dvc_tui), and,
where it is installed, by `oathtool --totp`."""

from __future__ import annotations

import base64
import hashlib
import random
import shutil
import subprocess
from datetime import date, datetime, timedelta, timezone
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dvc_tui.core.accounts import Account, Level, Method, Subject
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import problem_text
from dvc_tui.core.totp import (
    ISSUER,
    MAX_ATTEMPTS,
    PENDING_TTL,
    Authenticators,
    group_key,
    matching_steps,
    time_step,
)
from dvc_tui.store.sealing import SecretSealer
from dvc_tui.store.sqlite import SqliteStore
from tests.rfc6238 import another_code, b32_key, code_at, totp

INSTALL_KEY = bytes(range(32))
CCCD = "001090012345"
OTHER_CCCD = "079190000111"


# -- the reference implementation itself ------------------------------------------------------
RFC_6238_SHA1 = [  # RFC 6238 appendix B, SHA-1 rows: (time, 8-digit TOTP)
    (59, "94287082"),
    (1111111109, "07081804"),
    (1111111111, "14050471"),
    (1234567890, "89005924"),
    (2000000000, "69279037"),
    (20000000000, "65353130"),
]
RFC_KEY = b"12345678901234567890"


def test_the_reference_totp_matches_rfc_6238_appendix_b():
    assert [totp(RFC_KEY, t, digits=8) for t, _ in RFC_6238_SHA1] == [code for _, code in RFC_6238_SHA1]
    # the other digests of the appendix too, with their own keys
    assert totp(b"12345678901234567890123456789012", 59, digits=8, digest=hashlib.sha256) == "46119246"
    assert totp(RFC_KEY * 3 + RFC_KEY[:4], 59, digits=8, digest=hashlib.sha512) == "90693936"


@pytest.mark.parametrize(("unix_time", "expected"), RFC_6238_SHA1)
def test_the_module_accepts_the_rfc_6238_vectors_at_their_time_step(unix_time, expected):
    """6 digits are the vector's last 6 (the same truncated value, modulo 10^6)."""
    secret = base64.b32encode(RFC_KEY).decode()
    when = datetime.fromtimestamp(unix_time, timezone.utc)
    assert matching_steps(secret, expected[-6:], when) == [unix_time // 30]
    assert time_step(when) == unix_time // 30


# -- fixtures ------------------------------------------------------------------------------
@pytest.fixture
def store(tmp_path):
    s = SqliteStore(tmp_path / "dvc.sqlite3")
    for username in (CCCD, OTHER_CCCD):
        s.insert_account(
            Account(username, "Nguyễn Văn An", date(1990, 1, 1), "+84828123088", None, Subject.CITIZEN,
                    Method.MOBILE, Level.IAL2, datetime(2026, 1, 1, tzinfo=timezone.utc), "x")
        )
    yield s
    s.close()


@pytest.fixture
def authenticators(store, clock) -> Authenticators:
    return Authenticators(store, clock, random.Random(7), SecretSealer(INSTALL_KEY))


def enrol(authenticators, clock, username: str = CCCD) -> str:
    """Enrol and confirm with the reference code; the base32 secret."""
    enrolment = authenticators.begin_enrolment(username)
    authenticators.confirm_enrolment(username, code_at(enrolment.secret, clock.now()))
    return enrolment.secret


def refused(call, *args) -> PortalError:
    with pytest.raises(PortalError) as caught:
        call(*args)
    return caught.value


# -- enrolment -----------------------------------------------------------------------------
def test_enrolment_gives_a_fresh_160_bit_key_and_an_otpauth_uri(authenticators, clock):
    enrolment = authenticators.begin_enrolment(CCCD)
    assert len(b32_key(enrolment.secret)) == 20
    assert group_key("ABCDEFGHIJ") == "ABCD EFGH IJ"
    assert enrolment.grouped_secret.replace(" ", "") == enrolment.secret
    assert all(len(group) == 4 for group in enrolment.grouped_secret.split())
    uri = urlsplit(enrolment.uri)
    assert (uri.scheme, uri.netloc) == ("otpauth", "totp")
    assert unquote(uri.path) == f"/{ISSUER}:{CCCD}"
    query = parse_qs(uri.query)
    assert query["secret"] == [enrolment.secret]
    assert query["issuer"] == [ISSUER]
    assert query.get("digits", ["6"]) == ["6"] and query.get("period", ["30"]) == ["30"]
    assert query.get("algorithm", ["SHA1"]) == ["SHA1"]
    assert not enrolment.replaces


def test_keys_come_from_the_injected_random_source(store, clock):
    sealer = SecretSealer(INSTALL_KEY)
    first = Authenticators(store, clock, random.Random(99), sealer).begin_enrolment(CCCD).secret
    again = Authenticators(store, clock, random.Random(99), sealer).begin_enrolment(OTHER_CCCD).secret
    clock.advance(PENDING_TTL.total_seconds())  # the pending key is no longer offered again
    other = Authenticators(store, clock, random.Random(100), sealer).begin_enrolment(OTHER_CCCD)
    assert first == again  # same seed, same key: the source is the one injected
    assert other.secret != first


def test_nothing_is_active_until_one_valid_code_confirms_it(authenticators, clock):
    enrolment = authenticators.begin_enrolment(CCCD)
    assert not authenticators.status(CCCD).enabled
    assert refused(authenticators.verify_login, CCCD, code_at(enrolment.secret, clock.now())).key == "totp.not_enrolled"
    wrong = another_code(code_at(enrolment.secret, clock.now()))
    for _ in range(MAX_ATTEMPTS + 2):  # wrong codes while enrolling are not counted
        assert refused(authenticators.confirm_enrolment, CCCD, wrong).key == "totp.wrong_enrol"
    status = authenticators.confirm_enrolment(CCCD, code_at(enrolment.secret, clock.now()))
    assert status.enabled and status.confirmed_at == clock.now()
    assert authenticators.status(CCCD).enabled
    assert refused(authenticators.confirm_enrolment, CCCD, "123456").key == "totp.no_pending"


def test_reopening_the_enrolment_soon_shows_the_same_key_later_a_new_one(authenticators, clock):
    first = authenticators.begin_enrolment(CCCD)
    clock.advance(minutes=5)
    assert authenticators.begin_enrolment(CCCD).secret == first.secret
    clock.advance(PENDING_TTL.total_seconds())
    assert authenticators.begin_enrolment(CCCD).secret != first.secret


def test_a_new_enrolment_replaces_the_old_authenticator_only_once_confirmed(authenticators, clock):
    old = enrol(authenticators, clock)
    clock.advance(60)
    new = authenticators.begin_enrolment(CCCD)
    assert new.replaces and new.secret != old
    clock.advance(30)
    assert authenticators.verify_login(CCCD, code_at(old, clock.now()))  # the old one still works
    clock.advance(30)
    authenticators.confirm_enrolment(CCCD, code_at(new.secret, clock.now()))
    clock.advance(30)
    assert refused(authenticators.verify_login, CCCD, code_at(old, clock.now())).key == "totp.wrong"
    assert authenticators.verify_login(CCCD, code_at(new.secret, clock.now()))


# -- login ---------------------------------------------------------------------------------
def test_a_code_is_accepted_once(authenticators, clock):
    secret = enrol(authenticators, clock)
    # the code that confirmed the enrolment is spent too
    assert refused(authenticators.verify_login, CCCD, code_at(secret, clock.now())).key == "totp.used"
    clock.advance(30)
    code = code_at(secret, clock.now())
    assert authenticators.verify_login(CCCD, code) == time_step(clock.now())
    assert refused(authenticators.verify_login, CCCD, code).key == "totp.used"
    clock.advance(10)  # same step, another window
    assert refused(authenticators.verify_login, CCCD, code).key == "totp.used"
    clock.advance(20)  # the next step: the previous code is still in the drift window, but spent
    assert refused(authenticators.verify_login, CCCD, code).key == "totp.used"
    assert authenticators.verify_login(CCCD, code_at(secret, clock.now()))


def test_one_step_of_drift_either_way_is_accepted_two_are_not(authenticators, clock):
    secret = enrol(authenticators, clock)
    clock.advance(300)
    now = clock.now()
    assert authenticators.verify_login(CCCD, code_at(secret, now, step_offset=-1)) == time_step(now) - 1
    assert authenticators.verify_login(CCCD, code_at(secret, now, step_offset=1)) == time_step(now) + 1
    # a phone ahead was used: the current step's code is now older than the last accepted one
    assert refused(authenticators.verify_login, CCCD, code_at(secret, now)).key == "totp.used"
    clock.advance(300)
    now = clock.now()
    for offset in (-2, 2):
        assert refused(authenticators.verify_login, CCCD, code_at(secret, now, step_offset=offset)).key == "totp.wrong"


def test_five_wrong_codes_lock_the_authenticator_for_one_minute(authenticators, clock):
    secret = enrol(authenticators, clock)
    clock.advance(30)
    wrong = another_code(code_at(secret, clock.now()))
    lefts = [refused(authenticators.verify_login, CCCD, wrong).problem.params["left"] for _ in range(MAX_ATTEMPTS - 1)]
    assert lefts == [4, 3, 2, 1]
    locked = refused(authenticators.verify_login, CCCD, wrong)
    assert (locked.key, locked.problem.params["limit"], locked.problem.params["seconds"]) == ("totp.locked_now", 5, 60)
    # worded as the password's lock (README: "Tài khoản tạm khóa do nhập sai mật khẩu 5 lần. ...")
    assert problem_text(locked.problem) == ("Ứng dụng xác thực tạm khóa do nhập sai mã 5 lần. Vui lòng thử lại sau 1 phút. "
                           "Bạn vẫn có thể quay lại để đăng nhập bằng mã OTP qua SMS.")
    # while locked even the right code is refused, unchecked and uncounted
    clock.advance(29)
    error = refused(authenticators.verify_login, CCCD, code_at(secret, clock.now()))
    assert (error.key, error.problem.params["seconds"]) == ("totp.locked", 31)
    assert problem_text(error.problem).startswith("Ứng dụng xác thực tạm khóa do nhập sai mã 5 lần. Vui lòng thử lại sau 31 giây")
    clock.advance(31)
    assert authenticators.verify_login(CCCD, code_at(secret, clock.now()))
    # the count starts again from zero
    clock.advance(30)
    wrong = another_code(code_at(secret, clock.now()))
    assert refused(authenticators.verify_login, CCCD, wrong).problem.params["left"] == 4


def test_later_locks_of_a_streak_grow_as_the_passwords_do(authenticators, clock, store):
    """1, 2, 4, 8, then 15 minutes (core.lockout.lock_duration), kept in the store."""
    secret = enrol(authenticators, clock)
    waits = []
    for _ in range(6):
        clock.advance(30)
        wrong = another_code(code_at(secret, clock.now()))
        for _ in range(MAX_ATTEMPTS - 1):
            assert refused(authenticators.verify_login, CCCD, wrong).key == "totp.wrong"
        locked = refused(authenticators.verify_login, CCCD, wrong)
        assert locked.key == "totp.locked_now"
        waits.append(locked.problem.params["seconds"] // 60)
        record = store.get_authenticator(CCCD)
        assert record.lock_count == len(waits) and record.locked_until == clock.now() + timedelta(minutes=waits[-1])
        clock.advance(locked.problem.params["seconds"])
    assert waits == [1, 2, 4, 8, 15, 15]
    # a right code ends the streak: the next lock is 1 minute again
    clock.advance(30)
    authenticators.verify_login(CCCD, code_at(secret, clock.now()))
    assert store.get_authenticator(CCCD).lock_count == 0
    clock.advance(30)
    wrong = another_code(code_at(secret, clock.now()))
    for _ in range(MAX_ATTEMPTS):
        locked = refused(authenticators.verify_login, CCCD, wrong)
    assert locked.problem.params["seconds"] == 60


def test_the_escalation_survives_a_restart(authenticators, clock, tmp_path):
    """A new process (a new Authenticators on a new store) sees the streak's locks."""
    secret = enrol(authenticators, clock)
    for _ in range(2):
        clock.advance(30)
        wrong = another_code(code_at(secret, clock.now()))
        for _ in range(MAX_ATTEMPTS):
            locked = refused(authenticators.verify_login, CCCD, wrong)
        clock.advance(locked.problem.params["seconds"])
    fresh = Authenticators(SqliteStore(tmp_path / "dvc.sqlite3"), clock, random.Random(1), SecretSealer(INSTALL_KEY))
    clock.advance(30)
    wrong = another_code(code_at(secret, clock.now()))
    for _ in range(MAX_ATTEMPTS):
        locked = refused(fresh.verify_login, CCCD, wrong)
    assert locked.problem.params["seconds"] == 4 * 60


def test_a_right_code_resets_the_count_of_wrong_ones(authenticators, clock, store):
    secret = enrol(authenticators, clock)
    clock.advance(30)
    for _ in range(3):
        refused(authenticators.verify_login, CCCD, another_code(code_at(secret, clock.now())))
    assert store.get_authenticator(CCCD).failed_attempts == 3
    authenticators.verify_login(CCCD, code_at(secret, clock.now()))
    assert store.get_authenticator(CCCD).failed_attempts == 0


@pytest.mark.parametrize(
    ("typed", "key"),
    [("", "totp.required"), ("   ", "totp.required"), ("12345", "totp.format"), ("1234567", "totp.format"),
     ("12a456", "totp.format"), ("١٢٣٤٥٦", "totp.format")],
)
def test_badly_formed_codes_are_refused_uncounted(authenticators, clock, store, typed, key):
    enrol(authenticators, clock)
    assert refused(authenticators.verify_login, CCCD, typed).key == key
    assert store.get_authenticator(CCCD).failed_attempts == 0


def test_the_code_may_be_typed_with_the_space_apps_show(authenticators, clock):
    secret = enrol(authenticators, clock)
    clock.advance(30)
    code = code_at(secret, clock.now())
    assert authenticators.verify_login(CCCD, f" {code[:3]} {code[3:]} ")


def test_an_account_without_an_authenticator_is_told_so(authenticators):
    assert not authenticators.status(OTHER_CCCD).enabled
    assert refused(authenticators.verify_login, OTHER_CCCD, "123456").key == "totp.not_enrolled"


def test_accounts_do_not_share_codes_or_counts(authenticators, clock, store):
    mine = enrol(authenticators, clock, CCCD)
    theirs = enrol(authenticators, clock, OTHER_CCCD)
    assert mine != theirs
    clock.advance(30)
    assert refused(authenticators.verify_login, OTHER_CCCD, code_at(mine, clock.now())).key == "totp.wrong"
    assert store.get_authenticator(CCCD).failed_attempts == 0
    assert authenticators.verify_login(CCCD, code_at(mine, clock.now()))


def test_another_install_key_cannot_read_the_secret(store, clock):
    secret = enrol(Authenticators(store, clock, random.Random(1), SecretSealer(INSTALL_KEY)), clock)
    clock.advance(30)
    stranger = Authenticators(store, clock, random.Random(1), SecretSealer(bytes(32)))
    assert refused(stranger.verify_login, CCCD, code_at(secret, clock.now())).key == "totp.unreadable"
    # a new enrolment under the new key is possible (the unreadable pending key is replaced)
    assert stranger.begin_enrolment(CCCD).secret


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=2**34))
def test_the_reference_code_is_accepted_at_any_time(unix_time):
    """Any time from 1970 to the 2500s: the module's step and code agree with RFC 6238's."""
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    when = datetime.fromtimestamp(unix_time, timezone.utc)
    assert time_step(when) == unix_time // 30
    assert time_step(when) in matching_steps(secret, code_at(secret, when), when)


# -- an authenticator other than Python: oathtool ---------------------------------------------
@pytest.mark.skipif(shutil.which("oathtool") is None, reason="oathtool is not installed (apt-get install oathtool)")
def test_a_code_from_oathtool_logs_in(authenticators, clock):
    enrolment = authenticators.begin_enrolment(CCCD)

    def oathtool(at: datetime) -> str:
        stamp = at.strftime("%Y-%m-%d %H:%M:%S UTC")
        result = subprocess.run(
            ["oathtool", "--totp", "-b", enrolment.secret, "--now", stamp], capture_output=True, text=True, check=True
        )
        return result.stdout.strip()

    authenticators.confirm_enrolment(CCCD, oathtool(clock.now()))
    clock.advance(timedelta(minutes=2).total_seconds())
    code = oathtool(clock.now())
    assert code == code_at(enrolment.secret, clock.now())
    assert authenticators.verify_login(CCCD, code) == time_step(clock.now())
    assert refused(authenticators.verify_login, CCCD, code).key == "totp.used"
