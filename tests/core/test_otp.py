"""One-time codes against the real SQLite store and a hand-driven clock (never a sleep)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dvc_tui.core.clock import FakeClock
from dvc_tui.core.otp import CodeStatus, OneTimeCodes, Purpose, derive_otp_secret
from dvc_tui.core.problems import PortalError
from dvc_tui.core.sms import SENDER, SmsGateway
from dvc_tui.store.sqlite import SqliteStore

INSTALL_KEY = bytes(range(32))
CCCD = "001090012345"
OTHER_CCCD = "079190000111"
PHONE = "+84912345678"
OTHER_PHONE = "+84987654321"


def rfc4226_hotp(key: bytes, counter: int, digits: int = 6) -> str:
    """HOTP by the RFC's own steps: HMAC-SHA-1, dynamic truncation, modulo 10^digits."""
    mac = hmac.new(key, counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    binary = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(binary % 10**digits).zfill(digits)


def test_the_reference_hotp_matches_rfc_4226_appendix_d():
    key = b"12345678901234567890"
    expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
    assert [rfc4226_hotp(key, i) for i in range(10)] == expected


@pytest.fixture
def store(tmp_path):
    s = SqliteStore(tmp_path / "dvc.sqlite3")
    yield s
    s.close()


@pytest.fixture
def sms(store, clock) -> SmsGateway:
    return SmsGateway(store, clock)


@pytest.fixture
def codes(store, clock, sms) -> OneTimeCodes:
    return OneTimeCodes(store, clock, derive_otp_secret(INSTALL_KEY), sms)


def code_in_sms(sms: SmsGateway, phone: str = PHONE) -> str:
    """The code as the user reads it: the 6-digit number in the newest SMS to that phone."""
    message = sms.inbox(phone)[0]
    assert message.sender == SENDER
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def another_code(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def refused(call, *args, **kwargs) -> PortalError:
    with pytest.raises(PortalError) as caught:
        call(*args, **kwargs)
    return caught.value


# -- what is sent -------------------------------------------------------------------------
def test_a_code_is_six_digits_sent_by_sms_and_valid_five_minutes(codes, sms, clock):
    issued = codes.send(Purpose.REGISTER, CCCD, PHONE)
    [message] = sms.inbox(PHONE)
    assert message.phone == PHONE
    assert message.sent_at == clock.now()
    assert re.search(r"\b\d{6}\b", message.body)
    assert "5 phut" in message.body
    assert issued.expires_at - issued.issued_at == timedelta(minutes=5)
    assert issued.status is CodeStatus.ACTIVE
    assert sms.inbox(OTHER_PHONE) == []


def test_the_sms_code_is_rfc_4226_hotp_of_the_derived_secret_at_the_codes_id(codes, sms, clock):
    secret = derive_otp_secret(INSTALL_KEY)
    key = base64.b32decode(secret)
    assert key != INSTALL_KEY  # the install key itself is never the HOTP key
    assert derive_otp_secret(bytes(32)) != secret
    seen = set()
    for purpose, subject, phone in [
        (Purpose.REGISTER, CCCD, PHONE),
        (Purpose.LOGIN, CCCD, PHONE),
        (Purpose.REGISTER, OTHER_CCCD, OTHER_PHONE),
        (Purpose.LOGIN, OTHER_CCCD, OTHER_PHONE),
    ]:
        issued = codes.send(purpose, subject, phone)
        seen.add(issued.id)
        assert code_in_sms(sms, phone) == rfc4226_hotp(key, issued.id)
        clock.advance(61)
    clock.advance(minutes=1)
    issued = codes.send(Purpose.REGISTER, CCCD, PHONE, resend=True)
    assert issued.id not in seen
    assert code_in_sms(sms, PHONE) == rfc4226_hotp(key, issued.id)


def test_the_login_sms_says_not_to_share_the_code(codes, sms):
    codes.send(Purpose.LOGIN, CCCD, PHONE)
    assert "Khong chia se" in sms.inbox(PHONE)[0].body


# -- checking -----------------------------------------------------------------------------
def test_the_right_code_is_accepted_once(codes, sms, clock, store):
    codes.send(Purpose.REGISTER, CCCD, PHONE)
    code = code_in_sms(sms)
    clock.advance(30)
    used = codes.verify(Purpose.REGISTER, CCCD, code)
    assert used.status is CodeStatus.USED
    assert used.used_at == clock.now()
    assert store.latest_code("register", CCCD).status is CodeStatus.USED
    assert codes.verified_since(Purpose.REGISTER, CCCD, PHONE, clock.now() - timedelta(minutes=1))

    assert refused(codes.verify, Purpose.REGISTER, CCCD, code).key == "otp.used"


def test_the_code_is_accepted_with_spaces_around(codes, sms):
    codes.send(Purpose.LOGIN, CCCD, PHONE)
    assert codes.verify(Purpose.LOGIN, CCCD, f"  {code_in_sms(sms)} ").status is CodeStatus.USED


def test_a_code_is_valid_until_just_before_five_minutes(codes, sms, clock):
    codes.send(Purpose.LOGIN, CCCD, PHONE)
    clock.advance(minutes=4, seconds=59)
    assert codes.verify(Purpose.LOGIN, CCCD, code_in_sms(sms)).status is CodeStatus.USED


@pytest.mark.parametrize("after", [timedelta(minutes=5), timedelta(minutes=5, seconds=1), timedelta(hours=2)])
def test_a_code_has_expired_after_five_minutes(codes, sms, clock, after):
    codes.send(Purpose.LOGIN, CCCD, PHONE)
    code = code_in_sms(sms)
    clock.advance(after.total_seconds())
    assert refused(codes.verify, Purpose.LOGIN, CCCD, code).key == "otp.expired"
    assert not codes.verified_since(Purpose.LOGIN, CCCD, PHONE, clock.now() - timedelta(hours=3))


def test_a_registration_code_does_not_log_in(codes, sms, clock):
    codes.send(Purpose.REGISTER, CCCD, PHONE)
    register_code = code_in_sms(sms)
    assert refused(codes.verify, Purpose.LOGIN, CCCD, register_code).key == "otp.none"

    clock.advance(61)
    codes.send(Purpose.LOGIN, CCCD, PHONE)
    login_code = code_in_sms(sms)
    assert login_code != register_code
    error = refused(codes.verify, Purpose.LOGIN, CCCD, register_code)
    assert error.key == "otp.wrong"
    assert error.problem.params == {"left": 4}
    # and both codes still work for their own purpose
    assert codes.verify(Purpose.REGISTER, CCCD, register_code).status is CodeStatus.USED
    assert codes.verify(Purpose.LOGIN, CCCD, login_code).status is CodeStatus.USED


def test_a_code_is_bound_to_its_subject(codes, sms, clock):
    codes.send(Purpose.REGISTER, CCCD, PHONE)
    code = code_in_sms(sms)
    assert refused(codes.verify, Purpose.REGISTER, OTHER_CCCD, code).key == "otp.none"
    codes.send(Purpose.REGISTER, OTHER_CCCD, OTHER_PHONE)
    assert refused(codes.verify, Purpose.REGISTER, OTHER_CCCD, code).key == "otp.wrong"
    assert codes.verify(Purpose.REGISTER, CCCD, code).status is CodeStatus.USED


def test_a_new_send_supersedes_the_previous_code(codes, sms, clock, store):
    first = codes.send(Purpose.REGISTER, CCCD, PHONE)
    old_code = code_in_sms(sms)
    clock.advance(60)
    second = codes.send(Purpose.REGISTER, CCCD, PHONE, resend=True)
    new_code = code_in_sms(sms)
    assert second.id != first.id and new_code != old_code
    assert len(sms.inbox(PHONE)) == 2
    assert {c.id: c.status for c in store.recent_codes("register", CCCD, clock.now() - timedelta(hours=1))} == {
        first.id: CodeStatus.SUPERSEDED,
        second.id: CodeStatus.ACTIVE,
    }

    error = refused(codes.verify, Purpose.REGISTER, CCCD, old_code)
    assert error.key == "otp.superseded"
    assert error.problem.params == {"left": 4}
    assert codes.verify(Purpose.REGISTER, CCCD, new_code).status is CodeStatus.USED


def test_sending_again_without_resend_keeps_the_valid_code(codes, sms, clock):
    first = codes.send(Purpose.REGISTER, CCCD, PHONE)
    clock.advance(10)
    again = codes.send(Purpose.REGISTER, CCCD, PHONE)
    assert again.id == first.id
    assert len(sms.inbox(PHONE)) == 1  # no second SMS


def test_five_wrong_entries_void_the_code(codes, sms, store):
    codes.send(Purpose.LOGIN, CCCD, PHONE)
    code = code_in_sms(sms)
    wrong = another_code(code)
    for left in (4, 3, 2, 1):
        error = refused(codes.verify, Purpose.LOGIN, CCCD, wrong)
        assert (error.key, error.problem.params) == ("otp.wrong", {"left": left})
    error = refused(codes.verify, Purpose.LOGIN, CCCD, wrong)
    assert (error.key, error.problem.params) == ("otp.voided_now", {"limit": 5})
    assert store.latest_code("login", CCCD).status is CodeStatus.VOIDED

    # even the right code is refused now, and further tries say the code is void
    assert refused(codes.verify, Purpose.LOGIN, CCCD, code).key == "otp.voided"
    assert refused(codes.verify, Purpose.LOGIN, CCCD, wrong).key == "otp.voided"
    assert store.latest_code("login", CCCD).attempts == 5


@pytest.mark.parametrize(
    "typed, key",
    [("", "otp.required"), ("   ", "otp.required"), ("12345", "otp.format"), ("1234567", "otp.format"),
     ("12a456", "otp.format"), ("１２３４５６", "otp.format"), ("12\x1b456", "otp.format")],
)
def test_malformed_entries_are_refused_without_costing_a_try(codes, sms, store, typed, key):
    codes.send(Purpose.LOGIN, CCCD, PHONE)
    assert refused(codes.verify, Purpose.LOGIN, CCCD, typed).key == key
    assert store.latest_code("login", CCCD).attempts == 0


def test_nothing_sent_yet(codes):
    assert refused(codes.verify, Purpose.LOGIN, CCCD, "123456").key == "otp.none"
    assert codes.seconds_until_resend(Purpose.LOGIN, CCCD) == 0


# -- resending ----------------------------------------------------------------------------
@pytest.mark.parametrize("elapsed, wait", [(0, 60), (1, 59), (30, 30), (59, 1), (59.5, 1)])
def test_a_resend_before_60_seconds_is_refused_with_the_seconds_left(codes, sms, clock, elapsed, wait):
    codes.send(Purpose.REGISTER, CCCD, PHONE)
    clock.advance(elapsed)
    error = refused(codes.send, Purpose.REGISTER, CCCD, PHONE, resend=True)
    assert error.key == "otp.cooldown"
    assert error.problem.params == {"seconds": wait}
    assert codes.seconds_until_resend(Purpose.REGISTER, CCCD) == wait
    assert len(sms.inbox(PHONE)) == 1


@settings(max_examples=20, deadline=None)
@given(elapsed=st.floats(min_value=60, max_value=3600))
def test_a_resend_after_60_seconds_is_sent(tmp_path_factory, elapsed):
    clock = FakeClock()
    store = SqliteStore(tmp_path_factory.mktemp("otp") / "dvc.sqlite3")
    try:
        sms = SmsGateway(store, clock)
        codes = OneTimeCodes(store, clock, derive_otp_secret(INSTALL_KEY), sms)
        first = codes.send(Purpose.REGISTER, CCCD, PHONE)
        clock.advance(elapsed)
        assert codes.seconds_until_resend(Purpose.REGISTER, CCCD) == 0
        second = codes.send(Purpose.REGISTER, CCCD, PHONE, resend=True)
        assert second.id != first.id
        assert len(sms.inbox(PHONE)) == 2
    finally:
        store.close()


def test_at_most_five_sends_per_number_per_hour(codes, sms, clock):
    start = clock.now()
    for _ in range(5):
        codes.send(Purpose.LOGIN, CCCD, PHONE, resend=True)
        clock.advance(60)
    assert len(sms.inbox(PHONE)) == 5

    error = refused(codes.send, Purpose.LOGIN, CCCD, PHONE, resend=True)
    assert error.key == "otp.hourly_limit"
    assert error.problem.params["limit"] == 5
    minutes = error.problem.params["minutes"]
    assert 1 <= minutes <= 60
    assert len(sms.inbox(PHONE)) == 5

    # still refused one second before the hour since the first send is up ...
    clock.advance((start + timedelta(hours=1) - clock.now()).total_seconds() - 1)
    assert refused(codes.send, Purpose.LOGIN, CCCD, PHONE, resend=True).key == "otp.hourly_limit"
    # ... and allowed once the announced minutes have passed
    clock.advance((start + timedelta(minutes=5 + minutes) - clock.now()).total_seconds())
    codes.send(Purpose.LOGIN, CCCD, PHONE, resend=True)
    assert len(sms.inbox(PHONE)) == 6
    assert codes.verify(Purpose.LOGIN, CCCD, code_in_sms(sms)).status is CodeStatus.USED


def test_the_hourly_limit_counts_the_number_across_subjects_and_purposes(codes, sms, clock):
    for n in range(5):
        codes.send((Purpose.REGISTER, Purpose.LOGIN)[n % 2], f"00109001234{n}", PHONE)
        clock.advance(1)
    assert len(sms.inbox(PHONE)) == 5
    assert refused(codes.send, Purpose.REGISTER, "001090099999", PHONE).key == "otp.hourly_limit"
    # another number is not limited by this one
    codes.send(Purpose.REGISTER, "001090099999", OTHER_PHONE)
    assert len(sms.inbox(OTHER_PHONE)) == 1
