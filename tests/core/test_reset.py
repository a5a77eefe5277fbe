"""Quên mật khẩu: start_password_reset and complete_password_reset, against the real store and a
fake clock. The answer must never tell whether an ID has an account."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dvc_tui.core.accounts import Account, Accounts, Level, Method, PasswordReset, Subject
from dvc_tui.core.identity import PROVINCES, parse_phone
from dvc_tui.core.otp import MAX_ATTEMPTS, CodeStatus, OneTimeCodes, Purpose, derive_otp_secret
from dvc_tui.core.passwords import HashCost, PasswordHasher
from dvc_tui.core.problems import PortalError
from dvc_tui.core.sms import SmsGateway
from dvc_tui.core.text import problem_text
from dvc_tui.store.sqlite import SqliteStore

KNOWN = "001090012345"
UNKNOWN = "079090054321"
PHONE = "+84828123088"
OLD = "Sen-Vang-2024!"
NEW = "Moi#Matkhau9"


@pytest.fixture
def store(tmp_path):
    s = SqliteStore(tmp_path / "data" / "dvc.sqlite3")
    yield s
    s.close()


@pytest.fixture
def sms(store, clock):
    return SmsGateway(store, clock)


@pytest.fixture(scope="module")
def hasher():
    return PasswordHasher(HashCost.named("test"))


@pytest.fixture
def codes(store, clock, sms):
    return OneTimeCodes(store, clock, derive_otp_secret(b"k" * 32), sms)


@pytest.fixture
def accounts(store, clock, hasher, codes):
    return Accounts(store, clock, hasher, codes, stand_in_key=b"s" * 32)


@pytest.fixture
def account(store, clock, hasher) -> Account:
    return seed(store, clock, hasher)


def seed(store, clock, hasher, username: str = KNOWN, password: str | None = OLD) -> Account:
    account = Account(
        username=username,
        full_name="Nguyễn Văn An",
        dob=date(1990, 1, 1),
        phone=PHONE,
        email=None,
        subject=Subject.CITIZEN,
        method=Method.MOBILE,
        level=Level.IAL2,
        created_at=clock.now(),
        password_hash=hasher.hash(password) if password else None,
    )
    store.insert_account(account)
    return account


def code_in_sms(sms) -> str:
    return re.search(r"\b(\d{6})\b", sms.inbox()[0].body).group(1)


def refused(call, *args) -> PortalError:
    with pytest.raises(PortalError) as caught:
        call(*args)
    return caught.value


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def verified(accounts, sms, username: str = KNOWN) -> PasswordReset:
    reset = accounts.start_password_reset(username)
    accounts.confirm_code(Purpose.RESET, username, code_in_sms(sms))
    return reset


# -- a known ID ---------------------------------------------------------------------------
def test_a_reset_sends_a_code_to_the_accounts_number_then_replaces_the_password(accounts, sms, store, clock, account):
    reset = accounts.start_password_reset(KNOWN)
    assert (reset.username, reset.phone.e164) == (KNOWN, PHONE)
    assert reset.phone.masked() == "082****088"
    assert (reset.issued.purpose, reset.issued.phone) == (Purpose.RESET, PHONE)
    [message] = sms.inbox()
    assert message.phone == PHONE
    assert message.body.startswith("Ma OTP lay lai mat khau tai khoan Cong DVC quoc gia cua ban la ")
    clock.advance(30)
    accounts.confirm_code(Purpose.RESET, KNOWN, code_in_sms(sms))
    clock.advance(minutes=2)
    changed = accounts.complete_password_reset(KNOWN, NEW, NEW)

    stored = store.get_account(KNOWN)
    assert changed == stored
    assert stored.password_hash.startswith("$argon2id$")
    assert stored.password_hash != account.password_hash
    assert accounts.check_password(KNOWN, NEW).username == KNOWN
    assert refused(accounts.check_password, KNOWN, OLD).key == "login.invalid"
    # Nothing else about the account changed.
    assert {**vars(stored), "password_hash": None} == {**vars(account), "password_hash": None}


def test_the_new_password_may_not_hold_the_account_s_data_compared_only_after_the_code(accounts, sms, store, account):
    with_phone, with_name, with_id = "Sen#0828123088", "Nguyen!Q2024x", "Sen#001090012345"
    # The ID was typed by the user: compared from the start.
    assert refused(accounts.complete_password_reset, KNOWN, with_id, with_id).problem.params == {"which": "id"}
    # The account's phone and name are compared only once the code proved the phone: before it,
    # the answer is the same as for any password (nothing about the account shows).
    for password in (with_phone, with_name):
        assert refused(accounts.complete_password_reset, KNOWN, password, password).key == "reset.code_needed"
        assert refused(accounts.complete_password_reset, UNKNOWN, password, password).key == "reset.code_needed"
    verified(accounts, sms)
    for password, which, words in [(with_phone, "phone", "số điện thoại"), (with_name, "name", "họ tên")]:
        error = refused(accounts.complete_password_reset, KNOWN, password, password)
        assert (error.key, error.problem.params) == ("password.personal", {"which": which})
        assert problem_text(error.problem) == f"Mật khẩu không được chứa {words} của bạn."
    assert store.get_account(KNOWN) == account  # nothing changed, the code not spent
    accounts.complete_password_reset(KNOWN, NEW, NEW)
    assert accounts.check_password(KNOWN, NEW).username == KNOWN


def test_one_confirmed_code_changes_the_password_once(accounts, sms, store, account):
    verified(accounts, sms)
    accounts.complete_password_reset(KNOWN, NEW, NEW)
    assert refused(accounts.complete_password_reset, KNOWN, "Ba#Lan333", "Ba#Lan333").key == "reset.code_needed"
    assert accounts.check_password(KNOWN, NEW)
    assert store.latest_code(Purpose.RESET.value, KNOWN).status is CodeStatus.SUPERSEDED


def test_the_id_may_be_given_checked_or_as_typed(accounts, sms, account):
    from dvc_tui.core.identity import parse_id_number

    assert accounts.start_password_reset(parse_id_number(KNOWN)).username == KNOWN
    assert accounts.start_password_reset(f"  {KNOWN} ").username == KNOWN  # the same code: no second SMS
    assert len(sms.inbox()) == 1
    assert refused(accounts.start_password_reset, "00109001234x").key == "id.digits"
    assert refused(accounts.start_password_reset, "").key == "id.required"


def test_a_resend_goes_to_the_accounts_number_whatever_number_is_asked(accounts, sms, clock, account):
    accounts.start_password_reset(KNOWN)
    clock.advance(61)
    issued = accounts.resend_code(Purpose.RESET, KNOWN, "+84912000111")
    assert issued.phone == PHONE
    assert [m.phone for m in sms.inbox()] == [PHONE, PHONE]


# -- the password -------------------------------------------------------------------------
def test_the_old_password_is_refused_and_the_code_stays_good_for_another_try(accounts, sms, store, account):
    verified(accounts, sms)
    error = refused(accounts.complete_password_reset, KNOWN, OLD, OLD)
    assert error.key == "reset.same_as_old"
    assert problem_text(error.problem) == "Mật khẩu mới không được trùng với mật khẩu cũ."
    assert store.get_account(KNOWN).password_hash == account.password_hash
    accounts.complete_password_reset(KNOWN, NEW, NEW)
    assert accounts.check_password(KNOWN, NEW)


def test_the_old_password_is_compared_only_after_the_code(accounts, account):
    """Without a confirmed code, "same as the old one" would tell a stranger the password."""
    assert refused(accounts.complete_password_reset, KNOWN, OLD, OLD).key == "reset.code_needed"
    accounts.start_password_reset(KNOWN)
    assert refused(accounts.complete_password_reset, KNOWN, OLD, OLD).key == "reset.code_needed"


@pytest.mark.parametrize(
    "password, confirm, key",
    [
        ("abcdefgh", "abcdefgh", "password.weak"),
        ("Abcdefgh!", "Abcdefgh!", "password.weak"),
        (NEW, NEW + "x", "password.mismatch"),
        ("", "", "password.required"),
        ("Ab1!" + "x" * 200, "Ab1!" + "x" * 200, "password.too_long"),
    ],
)
def test_the_registration_policy_applies(accounts, sms, store, account, password, confirm, key):
    verified(accounts, sms)
    assert refused(accounts.complete_password_reset, KNOWN, password, confirm).key == key
    assert store.get_account(KNOWN).password_hash == account.password_hash


@pytest.mark.parametrize("minutes, changed", [(14, True), (16, False)])
def test_the_password_must_be_set_within_15_minutes_of_the_code(accounts, sms, store, clock, account, minutes, changed):
    verified(accounts, sms)
    clock.advance(minutes=minutes)
    if changed:
        accounts.complete_password_reset(KNOWN, NEW, NEW)
    else:
        assert refused(accounts.complete_password_reset, KNOWN, NEW, NEW).key == "reset.code_needed"
    assert (store.get_account(KNOWN).password_hash != account.password_hash) is changed


def test_a_confirmed_login_or_unconfirmed_reset_code_changes_nothing(accounts, codes, sms, store, account):
    codes.send(Purpose.LOGIN, KNOWN, PHONE)
    accounts.confirm_code(Purpose.LOGIN, KNOWN, code_in_sms(sms))
    assert refused(accounts.complete_password_reset, KNOWN, NEW, NEW).key == "reset.code_needed"
    reset = accounts.start_password_reset(KNOWN)
    assert refused(accounts.confirm_code, Purpose.RESET, KNOWN, wrong(code_in_sms(sms))).key == "otp.wrong"
    assert refused(accounts.complete_password_reset, KNOWN, NEW, NEW).key == "reset.code_needed"
    assert reset.issued.status is CodeStatus.ACTIVE
    assert store.get_account(KNOWN).password_hash == account.password_hash


def test_a_newer_code_sent_meanwhile_voids_the_confirmed_one(accounts, sms, clock, account):
    verified(accounts, sms)
    clock.advance(61)
    accounts.resend_code(Purpose.RESET, KNOWN, PHONE)  # another window asked for a new code
    assert refused(accounts.complete_password_reset, KNOWN, NEW, NEW).key == "reset.code_needed"


def test_an_account_without_a_password_gets_one(accounts, sms, store, clock, hasher):
    seed(store, clock, hasher, password=None)
    verified(accounts, sms)
    accounts.complete_password_reset(KNOWN, NEW, NEW)
    assert accounts.check_password(KNOWN, NEW).username == KNOWN


def test_the_clear_password_is_nowhere_on_disk(accounts, sms, store, tmp_path, account):
    verified(accounts, sms)
    accounts.complete_password_reset(KNOWN, NEW, NEW)
    for path in (tmp_path / "data").iterdir():
        assert NEW.encode() not in path.read_bytes(), path.name


# -- an unknown ID: the same answer, no SMS, every code wrong ------------------------------
def test_an_unknown_id_gets_the_same_answer_and_no_sms_is_sent(accounts, sms, store, account):
    known = accounts.start_password_reset(KNOWN)
    sms_before = len(sms.inbox())
    unknown = accounts.start_password_reset(UNKNOWN)
    assert len(sms.inbox()) == sms_before == 1  # nothing for the unknown ID, to anyone
    assert type(unknown) is type(known)
    assert unknown.username == UNKNOWN
    for field in ("purpose", "issued_at", "expires_at", "attempts", "status"):
        assert getattr(unknown.issued, field) == getattr(known.issued, field), field
    assert re.fullmatch(r"0\d\d\*{4}\d{3}", unknown.phone.masked())
    assert parse_phone(unknown.phone.national) == unknown.phone  # a plausible mobile number
    assert unknown.issued.phone == unknown.phone.e164
    assert store.get_account(UNKNOWN) is None  # nothing was created


def test_the_stand_in_number_is_stable_per_id_and_keyed(accounts, store, clock, hasher, codes, sms):
    first = accounts.start_password_reset(UNKNOWN).phone
    assert accounts.start_password_reset(UNKNOWN).phone == first
    assert accounts.stand_in_phone(UNKNOWN) == first
    other_install = Accounts(store, clock, hasher, codes, stand_in_key=b"t" * 32)
    others = {other_install.stand_in_phone(f"0790900{i:05d}") for i in range(20)}
    ours = {accounts.stand_in_phone(f"0790900{i:05d}") for i in range(20)}
    assert others != ours
    assert len(ours) == 20
    assert not sms.inbox()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    province=st.sampled_from(sorted(PROVINCES)),
    century=st.integers(0, 3),
    rest=st.integers(0, 10**8 - 1),
)
def test_every_stand_in_number_is_a_valid_vietnamese_mobile(accounts, province, century, rest):
    phone = accounts.stand_in_phone(f"{province}{century}{rest:08d}")
    assert parse_phone(phone.national) == phone


def test_wrong_codes_read_the_same_for_a_known_and_an_unknown_id(accounts, sms, clock, account):
    accounts.start_password_reset(KNOWN)
    accounts.start_password_reset(UNKNOWN)
    guess = wrong(code_in_sms(sms))

    def errors(username):
        return [refused(accounts.confirm_code, Purpose.RESET, username, guess).problem for _ in range(MAX_ATTEMPTS + 1)]

    known, unknown = errors(KNOWN), errors(UNKNOWN)
    assert known == unknown
    assert [p.key for p in known] == ["otp.wrong"] * 4 + ["otp.voided_now", "otp.voided"]


def test_an_unknown_ids_code_expires_resends_and_is_limited_like_any_other(accounts, sms, clock, account):
    accounts.start_password_reset(KNOWN)
    accounts.start_password_reset(UNKNOWN)
    for username in (KNOWN, UNKNOWN):
        assert refused(accounts.resend_code, Purpose.RESET, username, "").key == "otp.cooldown"
    clock.advance(minutes=5)
    for username in (KNOWN, UNKNOWN):
        assert refused(accounts.confirm_code, Purpose.RESET, username, "123456").key == "otp.expired"
    keys = {}
    for username in (KNOWN, UNKNOWN):
        for _ in range(4):  # 5 sends an hour in all
            accounts.resend_code(Purpose.RESET, username, "")
            clock.advance(61)
        keys[username] = refused(accounts.resend_code, Purpose.RESET, username, "").problem
        clock.advance(-61 * 4)
    assert keys[KNOWN] == keys[UNKNOWN]
    assert keys[KNOWN].key == "otp.hourly_limit"
    assert {m.phone for m in sms.inbox()} == {PHONE}  # the unknown ID's resends went nowhere
    assert len(sms.inbox()) == 5


def test_an_unknown_id_can_never_set_a_password(accounts, store, codes, sms):
    reset = accounts.start_password_reset(UNKNOWN)
    # Even a code guessed right (one in a million a try) leads nowhere.
    codes.verify(Purpose.RESET, UNKNOWN, codes.code_for_testing(reset.issued.id))
    assert refused(accounts.complete_password_reset, UNKNOWN, NEW, NEW).key == "reset.code_needed"
    assert store.get_account(UNKNOWN) is None
    assert not sms.inbox()


# -- an account that signs in -------------------------------------------------------------------
def test_an_account_that_signs_in_cannot_be_given_a_password_by_a_reset(accounts, sms, store, clock):
    """A SIM ký số account has a phone but no password: Quên mật khẩu treats it as an ID without
    an account (a stand-in number, no SMS), so it can never be given a password (and so a login
    at level 2 that skips the signature)."""
    signed = accounts.create_signed_account(
        subject=Subject.CITIZEN, method=Method.SIM, username=KNOWN, full_name="Nguyễn Văn An",
        email=None, phone=PHONE,
    )
    reset = accounts.start_password_reset(KNOWN)
    assert reset.phone.e164 != signed.phone  # the stand-in, as for an unknown ID
    assert reset.phone == accounts.stand_in_phone(KNOWN)
    assert sms.inbox() == []
    # Even a code confirmed for it (forced here through the store) gives no password.
    code = store.latest_code(Purpose.RESET.value, KNOWN)
    assert store.use_code(code.id, clock.now())
    assert refused(accounts.complete_password_reset, KNOWN, NEW, NEW).key == "reset.code_needed"
    assert store.get_account(KNOWN).password_hash is None
    assert refused(accounts.check_password, KNOWN, NEW).key == "login.invalid"
