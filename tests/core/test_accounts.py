"""Registration by mobile subscription and login, against the real store and a fake clock."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dvc_tui.core.accounts import (
    Account,
    AccountExists,
    Accounts,
    Level,
    Method,
    MobileRegistration,
    Subject,
)
from dvc_tui.core.carrier import TRAINING_SUBSCRIBERS
from dvc_tui.core.clock import FakeClock
from dvc_tui.core.identity import parse_dob, parse_email, parse_full_name, parse_id_number, parse_phone
from dvc_tui.core.otp import CodeStatus, OneTimeCodes, Purpose, derive_otp_secret
from dvc_tui.core.passwords import HashCost, PasswordHasher
from dvc_tui.core.problems import PortalError
from dvc_tui.core.sms import SmsGateway
from dvc_tui.core.text import problem_text
from dvc_tui.store.sqlite import SqliteStore

PASSWORD = "Sen-Vang-2024!"
TODAY = date(2026, 11, 30)


def registration(
    cccd: str = "001090012345",
    name: str = "Nguyễn Văn An",
    dob: str = "01/01/1990",
    phone: str = "0912345678",
    email: str = "",
) -> MobileRegistration:
    """The form as the screen checks it."""
    born = parse_dob(dob, TODAY)
    return MobileRegistration(
        id_number=parse_id_number(cccd, born),
        full_name=parse_full_name(name),
        dob=born,
        phone=parse_phone(phone),
        email=parse_email(email),
    )


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    s = SqliteStore(data_dir / "dvc.sqlite3")
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
    return Accounts(store, clock, hasher, codes)


def code_in_sms(sms, phone: str) -> str:
    return re.search(r"\b(\d{6})\b", sms.inbox(phone)[0].body).group(1)


def refused(call, *args) -> PortalError:
    with pytest.raises(PortalError) as caught:
        call(*args)
    return caught.value


def register(accounts, sms, reg: MobileRegistration, password: str = PASSWORD) -> Account:
    accounts.start_mobile_registration(reg)
    accounts.confirm_code(Purpose.REGISTER, reg.id_number.value, code_in_sms(sms, reg.phone.e164))
    return accounts.complete_mobile_registration(reg, password, password)


# -- registration -------------------------------------------------------------------------
def test_registration_with_a_confirmed_code_creates_the_account(accounts, sms, store, clock, data_dir):
    reg = registration(email="An.Nguyen@Example.VN")
    issued = accounts.start_mobile_registration(reg)
    assert issued.purpose is Purpose.REGISTER and issued.phone == "+84912345678"
    clock.advance(20)
    accounts.confirm_code(Purpose.REGISTER, "001090012345", code_in_sms(sms, "+84912345678"))
    clock.advance(40)
    account = accounts.complete_mobile_registration(reg, PASSWORD, PASSWORD)

    stored = store.get_account("001090012345")
    assert stored == account
    assert stored.full_name == "Nguyễn Văn An"
    assert stored.dob == date(1990, 1, 1)
    assert stored.phone == "+84912345678"
    assert stored.email == "An.Nguyen@example.vn"
    assert (stored.subject, stored.method, stored.level) == (Subject.CITIZEN, Method.MOBILE, Level.IAL2)
    assert stored.created_at == clock.now()
    assert stored.password_hash.startswith("$argon2id$")
    # the clear text password is nowhere on disk (database, WAL or any other file)
    for path in data_dir.iterdir():
        assert PASSWORD.encode() not in path.read_bytes(), path.name


def test_registration_without_a_confirmed_code_is_refused(accounts, store):
    reg = registration()
    accounts.start_mobile_registration(reg)
    assert refused(accounts.complete_mobile_registration, reg, PASSWORD, PASSWORD).key == "register.code_needed"
    assert store.count_accounts() == 0


def test_registration_without_any_code_is_refused(accounts, store):
    reg = registration()
    assert refused(accounts.complete_mobile_registration, reg, PASSWORD, PASSWORD).key == "register.code_needed"
    assert store.count_accounts() == 0


def test_a_wrong_code_confirms_nothing(accounts, sms, store):
    reg = registration()
    accounts.start_mobile_registration(reg)
    code = code_in_sms(sms, reg.phone.e164)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    assert refused(accounts.confirm_code, Purpose.REGISTER, reg.id_number.value, wrong).key == "otp.wrong"
    assert refused(accounts.complete_mobile_registration, reg, PASSWORD, PASSWORD).key == "register.code_needed"
    assert store.count_accounts() == 0


def test_a_confirmed_login_code_does_not_register(accounts, codes, sms, store):
    reg = registration()
    codes.send(Purpose.LOGIN, reg.id_number.value, reg.phone.e164)
    accounts.confirm_code(Purpose.LOGIN, reg.id_number.value, code_in_sms(sms, reg.phone.e164))
    assert refused(accounts.complete_mobile_registration, reg, PASSWORD, PASSWORD).key == "register.code_needed"
    assert store.count_accounts() == 0


def test_a_code_confirmed_for_another_number_does_not_register(accounts, sms, store):
    reg = registration(phone="0912345678")
    accounts.start_mobile_registration(reg)
    accounts.confirm_code(Purpose.REGISTER, reg.id_number.value, code_in_sms(sms, "+84912345678"))
    changed = registration(phone="0987654321")
    assert refused(accounts.complete_mobile_registration, changed, PASSWORD, PASSWORD).key == "register.code_needed"
    assert store.count_accounts() == 0


@pytest.mark.parametrize("minutes, created", [(14, True), (16, False)])
def test_the_password_must_be_set_within_15_minutes_of_the_code(accounts, sms, store, clock, minutes, created):
    reg = registration()
    accounts.start_mobile_registration(reg)
    accounts.confirm_code(Purpose.REGISTER, reg.id_number.value, code_in_sms(sms, reg.phone.e164))
    clock.advance(minutes=minutes)
    if created:
        accounts.complete_mobile_registration(reg, PASSWORD, PASSWORD)
    else:
        assert refused(accounts.complete_mobile_registration, reg, PASSWORD, PASSWORD).key == "register.code_needed"
    assert store.account_exists(reg.id_number.value) is created


@pytest.mark.parametrize(
    "password, confirm, key",
    [
        ("abc", "abc", "password.weak"),
        (PASSWORD, "Sen-Vang-2024?", "password.mismatch"),
        ("", "", "password.required"),
        ("Sen#0912345678", "Sen#0912345678", "password.personal"),  # the phone on the form
        ("Nguyen!Q2024x", "Nguyen!Q2024x", "password.personal"),  # the name on the form
        ("P@ssw0rd2024!", "P@ssw0rd2024!", "password.common"),
        ("Zaq1@wsX", "Zaq1@wsX", "password.guessable"),
        ("Zaq1@wsX", "other", "password.guessable"),  # weakness is told before the mismatch
    ],
)
def test_a_refused_password_creates_nothing(accounts, sms, store, password, confirm, key):
    reg = registration()
    accounts.start_mobile_registration(reg)
    accounts.confirm_code(Purpose.REGISTER, reg.id_number.value, code_in_sms(sms, reg.phone.e164))
    assert refused(accounts.complete_mobile_registration, reg, password, confirm).key == key
    assert store.count_accounts() == 0
    # the confirmed code still lets the user try again with a good password
    accounts.complete_mobile_registration(reg, PASSWORD, PASSWORD)
    assert store.count_accounts() == 1


def test_a_registered_id_cannot_register_again(accounts, sms, store, clock):
    register(accounts, sms, registration())
    clock.advance(minutes=2)
    again = registration(phone="0987654321")
    error = refused(accounts.start_mobile_registration, again)
    assert isinstance(error, AccountExists)
    assert error.key == "account.exists"
    assert sms.inbox("+84987654321") == []  # no code sent
    assert store.get_account("001090012345").phone == "+84912345678"


def test_another_kiosk_registering_first_raises_account_exists(accounts, sms, store, hasher, clock):
    reg = registration()
    accounts.start_mobile_registration(reg)
    accounts.confirm_code(Purpose.REGISTER, reg.id_number.value, code_in_sms(sms, reg.phone.e164))
    other_kiosk = Account(
        username=reg.id_number.value, full_name="Nguyễn Văn An", dob=reg.dob, phone="+84987654321",
        email=None, subject=Subject.CITIZEN, method=Method.MOBILE, level=Level.IAL2,
        created_at=clock.now(), password_hash=hasher.hash("Other1!pw"),
    )
    store.insert_account(other_kiosk)
    with pytest.raises(AccountExists):
        accounts.complete_mobile_registration(reg, PASSWORD, PASSWORD)
    assert store.get_account(reg.id_number.value) == other_kiosk


# -- the carriers' registry ----------------------------------------------------------------
@pytest.mark.parametrize("owner", TRAINING_SUBSCRIBERS, ids=lambda s: s.phone)
def test_a_training_number_registers_only_for_its_own_id(accounts, sms, store, owner):
    others = [s for s in TRAINING_SUBSCRIBERS if s.id_number != owner.id_number]
    for other in others:
        intruder = registration(cccd=other.id_number, dob=_dob_for(other.id_number), phone=owner.phone)
        assert refused(accounts.start_mobile_registration, intruder).key == "phone.not_owner"
    assert sms.inbox(owner.phone) == []

    own = registration(cccd=owner.id_number, name=owner.full_name, dob=_dob_for(owner.id_number), phone=owner.phone)
    accounts.start_mobile_registration(own)
    assert len(sms.inbox(owner.phone)) == 1


def _dob_for(cccd: str) -> str:
    century = 1900 if cccd[3] in "01" else 2000
    return f"01/01/{century + int(cccd[4:6])}"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(TRAINING_SUBSCRIBERS),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)
def test_a_training_number_refuses_any_other_id(accounts, sms, owner, cmnd):
    intruder = registration(cccd=cmnd, phone=owner.phone)
    assert refused(accounts.start_mobile_registration, intruder).key == "phone.not_owner"
    assert sms.inbox(owner.phone) == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["91", "98", "86", "70", "33", "56"]), st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_numbers_the_registry_does_not_know_are_accepted(tmp_path_factory, prefix, rest):
    phone = "0" + prefix + rest
    reg = registration(phone=phone)
    if reg.phone.e164 in {s.phone for s in TRAINING_SUBSCRIBERS}:
        return
    clock = FakeClock()
    store = SqliteStore(tmp_path_factory.mktemp("acc") / "dvc.sqlite3")
    try:
        sms = SmsGateway(store, clock)
        codes = OneTimeCodes(store, clock, derive_otp_secret(b"k" * 32), sms)
        accounts = Accounts(store, clock, PasswordHasher(HashCost.named("test")), codes)
        assert store.subscriber(reg.phone.e164) is None
        accounts.start_mobile_registration(reg)
        assert len(sms.inbox(reg.phone.e164)) == 1
    finally:
        store.close()


# -- login --------------------------------------------------------------------------------
def test_login_with_the_right_password_returns_the_account_and_sends_a_code(accounts, sms, clock):
    account = register(accounts, sms, registration())
    clock.advance(minutes=2)
    assert accounts.check_password(" 001090012345 ", PASSWORD) == account
    issued = accounts.send_login_code(account)
    assert issued.purpose is Purpose.LOGIN and issued.phone == account.phone
    code = code_in_sms(sms, account.phone)
    assert accounts.confirm_code(Purpose.LOGIN, account.username, code).status is CodeStatus.USED


def test_a_wrong_name_and_a_wrong_password_look_the_same(accounts, sms):
    register(accounts, sms, registration())
    wrong_password = refused(accounts.check_password, "001090012345", "Sen-Vang-2024?")
    wrong_name = refused(accounts.check_password, "001090012346", PASSWORD)
    too_long_name = refused(accounts.check_password, "1" * 1000, PASSWORD)
    assert wrong_password.key == wrong_name.key == too_long_name.key == "login.invalid"
    assert problem_text(wrong_password.problem) == problem_text(wrong_name.problem)
    assert wrong_password.problem.params == wrong_name.problem.params == {}
    assert len(sms.inbox("+84912345678")) == 1  # only the registration code: no login code sent


@pytest.mark.parametrize("password", ["\ud800", "Sen-Vang-2024!\udcff", "\x1b[31m", "\u202e" * 10_000])
@pytest.mark.parametrize("username", ["001090012345", "001090012346"])
def test_hostile_passwords_at_login_are_just_wrong(accounts, sms, username, password):
    register(accounts, sms, registration())
    assert refused(accounts.check_password, username, password).key == "login.invalid"


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=30).filter(lambda p: p != PASSWORD))
def test_any_other_password_is_refused(accounts, sms, store, password):
    if not store.account_exists("001090012345"):
        register(accounts, sms, registration())
    store.clear_login_failures("001090012345")  # each example a first try (the lock: test_lockout.py)
    assert refused(accounts.check_password, "001090012345", password).key == "login.invalid"


@pytest.mark.parametrize(
    "username, password, key",
    [("", PASSWORD, "login.username_required"), ("   ", PASSWORD, "login.username_required"),
     ("001090012345", "", "login.password_required")],
)
def test_empty_login_fields_are_required(accounts, username, password, key):
    assert refused(accounts.check_password, username, password).key == key


def test_an_account_without_a_password_cannot_log_in_with_one(accounts, store, clock):
    store.insert_account(
        Account(
            username="123456789", full_name="Lê Văn Hùng", dob=None, phone="+84987000222", email=None,
            subject=Subject.CITIZEN, method=Method.BHXH, level=Level.IAL2, created_at=clock.now(),
        )
    )
    assert refused(accounts.check_password, "123456789", "").key == "login.password_required"
    assert refused(accounts.check_password, "123456789", PASSWORD).key == "login.invalid"


def test_a_login_never_rehashes_a_password_down_to_a_cheaper_cost(accounts, sms, store):
    """Issue 14, finding 16: an app run at a cheaper cost (here the tests' own) keeps a costlier
    hash as it is (the upgrade at login: tests/test_hash_cost_band.py)."""
    register(accounts, sms, registration())
    old = PasswordHasher(HashCost(time_cost=2, memory_cost=16, parallelism=1))
    costlier = old.hash(PASSWORD)
    store.set_password_hash("001090012345", costlier)
    accounts.check_password("001090012345", PASSWORD)
    assert store.get_account("001090012345").password_hash == costlier
    assert accounts.check_password("001090012345", PASSWORD).username == "001090012345"
