"""Registration by social insurance (BHXH): the simulated registry, its checks and the code to
the number on file, against the real store and a fake clock."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dvc_tui.core.accounts import AccountExists, Accounts, BhxhRegistration, Level, Method, Subject
from dvc_tui.core.bhxh import PRACTICE_INSURED
from dvc_tui.core.carrier import TRAINING_SUBSCRIBERS
from dvc_tui.core.identity import parse_bhxh_number, parse_dob, parse_full_name, parse_id_number, parse_phone
from dvc_tui.core.otp import OneTimeCodes, Purpose, derive_otp_secret
from dvc_tui.core.passwords import HashCost, PasswordHasher
from dvc_tui.core.problems import PortalError
from dvc_tui.core.sms import SmsGateway
from dvc_tui.store.sqlite import SqliteStore

PASSWORD = "Sen-Vang-2024!"
TODAY = date(2026, 11, 30)
MINH = {"bhxh": "0123456789", "cccd": "001085067890", "name": "Hoàng Văn Minh", "dob": "12/03/1985"}
MINH_PHONE = "+84912555666"


def form(bhxh=MINH["bhxh"], cccd=MINH["cccd"], name=MINH["name"], dob=MINH["dob"]) -> BhxhRegistration:
    born = parse_dob(dob, TODAY)
    return BhxhRegistration(
        bhxh_number=parse_bhxh_number(bhxh),
        id_number=parse_id_number(cccd, born),
        full_name=parse_full_name(name),
        dob=born,
    )


@pytest.fixture
def store(tmp_path):
    s = SqliteStore(tmp_path / "dvc.sqlite3")
    yield s
    s.close()


@pytest.fixture
def sms(store, clock):
    return SmsGateway(store, clock)


@pytest.fixture
def accounts(store, clock, sms):
    codes = OneTimeCodes(store, clock, derive_otp_secret(b"k" * 32), sms)
    return Accounts(store, clock, PasswordHasher(HashCost.named("test")), codes)


def code_in_sms(sms, phone: str) -> str:
    return re.search(r"\b(\d{6})\b", sms.inbox(phone)[0].body).group(1)


def refused(call, *args) -> PortalError:
    with pytest.raises(PortalError) as caught:
        call(*args)
    return caught.value


# -- the number ------------------------------------------------------------------------------
@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_any_ten_digits_are_a_bhxh_number(digits):
    assert parse_bhxh_number(f" {digits} ") == digits


@pytest.mark.parametrize(
    "typed, key",
    [("", "bhxh.required"), ("   ", "bhxh.required"), ("012345678", "bhxh.length"), ("01234567890", "bhxh.length"),
     ("01234 56789", "bhxh.digits"), ("012345678a", "bhxh.digits"), ("０１２３４５６７８９", "bhxh.digits"),
     ("1" * 300, "bhxh.format")],
)
def test_a_bhxh_number_is_ten_ascii_digits(typed, key):
    assert refused(parse_bhxh_number, typed).key == key


# -- the registry ----------------------------------------------------------------------------
def test_the_practice_people_are_seeded_and_consistent(store):
    assert len(PRACTICE_INSURED) >= 4
    owners = {s.phone: s.id_number for s in TRAINING_SUBSCRIBERS}
    for person in PRACTICE_INSURED:
        assert store.insured_person(person.bhxh_number) == person
        parse_bhxh_number(person.bhxh_number)
        assert parse_id_number(person.id_number, person.dob).is_cccd
        assert parse_full_name(person.full_name) == person.full_name
        assert parse_phone(person.phone).e164 == person.phone
        assert owners.get(person.phone, person.id_number) == person.id_number
    assert store.insured_person("9999999999") is None


# -- the use cases ---------------------------------------------------------------------------
def test_success_sends_the_code_to_the_registry_phone_and_creates_a_level_2_account(accounts, sms, store):
    reg, issued = accounts.start_bhxh_registration(form())
    assert reg.phone.e164 == MINH_PHONE
    assert issued.phone == MINH_PHONE
    assert issued.purpose is Purpose.REGISTER
    accounts.confirm_code(Purpose.REGISTER, MINH["cccd"], code_in_sms(sms, MINH_PHONE))
    account = accounts.complete_bhxh_registration(reg, PASSWORD, PASSWORD)
    assert (account.username, account.method, account.level, account.subject) == (
        MINH["cccd"], Method.BHXH, Level.IAL2, Subject.CITIZEN
    )
    assert account.phone == MINH_PHONE
    stored = store.get_account(MINH["cccd"])
    assert stored.method is Method.BHXH and stored.phone == MINH_PHONE and stored.dob == date(1985, 3, 12)
    assert accounts.check_password(MINH["cccd"], PASSWORD).username == MINH["cccd"]


def test_the_name_is_compared_without_case_or_normalisation_form(accounts):
    import unicodedata

    typed = unicodedata.normalize("NFD", "HOÀNG văn minh")
    reg, _ = accounts.start_bhxh_registration(form(name=typed))
    assert reg.phone.e164 == MINH_PHONE
    assert reg.full_name == "Hoàng Văn Minh"  # the account keeps the registry's spelling


def test_an_unknown_number_has_its_own_message(accounts, sms):
    assert refused(accounts.start_bhxh_registration, form(bhxh="9999999999")).key == "bhxh.unknown"
    assert sms.inbox(MINH_PHONE) == []


@pytest.mark.parametrize(
    "changes, key",
    [
        ({"cccd": "001085067891"}, "bhxh.mismatch.id"),
        ({"name": "Hoàng Văn Mình"}, "bhxh.mismatch.name"),
        ({"dob": "13/03/1985"}, "bhxh.mismatch.dob"),
    ],
)
def test_each_mismatch_says_which_part_disagrees_and_nothing_more(accounts, sms, changes, key):
    error = refused(accounts.start_bhxh_registration, form(**changes))
    assert error.key == key
    assert error.problem.params == {}  # nothing of the registry's data is revealed
    assert sms.inbox(MINH_PHONE) == []


def test_an_existing_account_is_refused_first(accounts, sms):
    reg, _ = accounts.start_bhxh_registration(form())
    accounts.confirm_code(Purpose.REGISTER, MINH["cccd"], code_in_sms(sms, MINH_PHONE))
    accounts.complete_bhxh_registration(reg, PASSWORD, PASSWORD)
    with pytest.raises(AccountExists):
        accounts.start_bhxh_registration(form())


def test_the_password_needs_a_confirmed_code_to_the_registry_phone(accounts, sms):
    reg, _ = accounts.start_bhxh_registration(form())
    assert refused(accounts.complete_bhxh_registration, reg, PASSWORD, PASSWORD).key == "register.code_needed"


def test_a_registration_naming_another_phone_cannot_change_the_account_number(accounts, sms, store):
    from dataclasses import replace

    reg, _ = accounts.start_bhxh_registration(form())
    accounts.confirm_code(Purpose.REGISTER, MINH["cccd"], code_in_sms(sms, MINH_PHONE))
    forged = replace(reg, phone=parse_phone("0987654321"))
    account = accounts.complete_bhxh_registration(forged, PASSWORD, PASSWORD)
    assert account.phone == MINH_PHONE


def test_the_account_keeps_the_registry_spelling_of_the_name(accounts, sms):
    typed = form(name="hoàng văn minh")
    accounts.start_bhxh_registration(typed)
    accounts.confirm_code(Purpose.REGISTER, MINH["cccd"], code_in_sms(sms, MINH_PHONE))
    account = accounts.complete_bhxh_registration(typed, PASSWORD, PASSWORD)
    assert account.full_name == "Hoàng Văn Minh"
