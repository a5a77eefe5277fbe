"""Registration at a Vietnam Post counter: the papers checklist enforced by core, the activation
SMS, the citizen's code and password, a level-2 account; against the real store and a fake clock."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dvc_tui.core.accounts import AccountExists, Accounts, Level, Method, PostRegistration, Subject
from dvc_tui.core.identity import parse_dob, parse_email, parse_full_name, parse_id_number, parse_phone
from dvc_tui.core.otp import CodeStatus, OneTimeCodes, Purpose, derive_otp_secret
from dvc_tui.core.passwords import HashCost, PasswordHasher
from dvc_tui.core.post import PAPERS, PapersMissing, check_papers, missing_papers
from dvc_tui.core.problems import PortalError
from dvc_tui.core.sms import SmsGateway
from dvc_tui.core.text import problem_text, set_language, t
from dvc_tui.store.sqlite import SqliteStore

PASSWORD = "Sen-Vang-2024!"
TODAY = date(2026, 11, 30)
AN = {"cccd": "001090012345", "name": "Nguyễn Văn An", "dob": "01/01/1990", "phone": "0828123088"}
AN_PHONE = "+84828123088"


def counter(papers=PAPERS, **changes) -> PostRegistration:
    """The counter's form as the screen checks it."""
    values = {**AN, "email": "", **changes}
    born = parse_dob(values["dob"], TODAY)
    return PostRegistration(
        id_number=parse_id_number(values["cccd"], born),
        full_name=parse_full_name(values["name"]),
        dob=born,
        phone=parse_phone(values["phone"]),
        email=parse_email(values["email"]),
        papers=tuple(papers),
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


# -- the checklist ---------------------------------------------------------------------------
def test_every_paper_has_a_label_in_both_languages():
    assert len(PAPERS) == len(set(PAPERS)) >= 4
    for lang in ("vi", "en"):
        set_language(lang)
        labels = [t(f"post.paper.{paper}") for paper in PAPERS]
        assert all(label != f"post.paper.{paper}" for label, paper in zip(labels, PAPERS))
        assert all(len(label) <= 40 for label in labels)  # one line in the checklist at 80 columns


@given(st.sets(st.sampled_from(PAPERS + ("unknown", ""))))
def test_the_missing_papers_are_the_unchecked_ones_in_checklist_order(checked):
    missing = missing_papers(checked)
    assert missing == tuple(paper for paper in PAPERS if paper not in checked)
    if missing:
        with pytest.raises(PapersMissing) as caught:
            check_papers(checked)
        assert caught.value.missing == missing
    else:
        assert check_papers(checked) == PAPERS


def test_the_message_names_the_papers_not_checked():
    error = PapersMissing(("portrait", "signed_form"))
    message = problem_text(error.problem)
    assert message.startswith("Chưa kiểm tra: “Ảnh trên thẻ khớp người đến quầy”; “Đã ký Phiếu đề nghị")
    assert "Bản gốc CCCD/CMND" not in message


@pytest.mark.parametrize("unchecked", PAPERS)
def test_core_refuses_a_registration_with_any_paper_unchecked(accounts, sms, store, unchecked):
    error = refused(accounts.start_post_registration, counter(p for p in PAPERS if p != unchecked))
    assert isinstance(error, PapersMissing)
    assert error.missing == (unchecked,)
    assert sms.inbox() == []
    assert store.latest_code(Purpose.REGISTER.value, AN["cccd"]) is None


def test_no_paper_checked_names_them_all(accounts):
    assert refused(accounts.start_post_registration, counter(papers=())).problem.params["papers"] == PAPERS


# -- the activation code ---------------------------------------------------------------------
def test_the_activation_sms_says_it_comes_from_the_post_office_registration(accounts, sms):
    issued = accounts.start_post_registration(counter())
    assert (issued.purpose, issued.subject, issued.phone) == (Purpose.REGISTER, AN["cccd"], AN_PHONE)
    assert issued.expires_at - issued.issued_at == timedelta(minutes=5)
    [message] = sms.inbox(AN_PHONE)
    assert message.body.startswith("Ma kich hoat tai khoan Cong DVC quoc gia (dang ky tai quay Buu dien Viet Nam)")
    assert re.search(r"\b\d{6}\b", message.body)
    assert "5 phut" in message.body


def test_the_staff_saw_the_phone_so_the_carrier_registry_is_not_asked(accounts, sms):
    # 0912000111 is Trần Thị Mai's in the carriers' registry: the mobile path refuses it for
    # another ID, the counter (the citizen showed the phone in person) does not.
    accounts.start_post_registration(counter(phone="0912000111"))
    assert len(sms.inbox("+84912000111")) == 1


def test_an_id_with_an_account_is_refused_before_any_code(accounts, sms, store, clock):
    reg = counter()
    accounts.start_post_registration(reg)
    accounts.confirm_code(Purpose.REGISTER, AN["cccd"], code_in_sms(sms, AN_PHONE))
    accounts.complete_post_registration(reg, PASSWORD, PASSWORD)
    clock.advance(minutes=2)
    error = refused(accounts.start_post_registration, counter(phone="0987654321"))
    assert isinstance(error, AccountExists)
    assert sms.inbox("+84987654321") == []


def test_the_papers_are_checked_before_the_account(accounts, sms, store):
    accounts.start_post_registration(counter())
    accounts.confirm_code(Purpose.REGISTER, AN["cccd"], code_in_sms(sms, AN_PHONE))
    accounts.complete_post_registration(counter(), PASSWORD, PASSWORD)
    assert isinstance(refused(accounts.start_post_registration, counter(papers=())), PapersMissing)


# -- completing ------------------------------------------------------------------------------
def test_the_citizen_code_and_password_create_a_level_2_post_account(accounts, sms, store, clock):
    reg = counter(email="an@example.vn")
    accounts.start_post_registration(reg)
    clock.advance(seconds=30)
    accounts.confirm_code(Purpose.REGISTER, AN["cccd"], code_in_sms(sms, AN_PHONE))
    account = accounts.complete_post_registration(reg, PASSWORD, PASSWORD)
    assert (account.username, account.method, account.level, account.subject) == (
        AN["cccd"], Method.POST, Level.IAL2, Subject.CITIZEN
    )
    stored = store.get_account(AN["cccd"])
    assert stored.method is Method.POST and int(stored.level) == 2
    assert (stored.phone, stored.email, stored.dob, stored.full_name) == (
        AN_PHONE, "an@example.vn", date(1990, 1, 1), "Nguyễn Văn An"
    )
    assert stored.password_hash and PASSWORD not in stored.password_hash
    assert accounts.check_password(AN["cccd"], PASSWORD).method is Method.POST


def test_no_account_without_the_confirmed_code(accounts, sms, store):
    reg = counter()
    assert refused(accounts.complete_post_registration, reg, PASSWORD, PASSWORD).key == "register.code_needed"
    accounts.start_post_registration(reg)
    assert refused(accounts.complete_post_registration, reg, PASSWORD, PASSWORD).key == "register.code_needed"
    assert store.count_accounts() == 0


def test_no_account_with_papers_unchecked_even_after_a_code(accounts, sms, store):
    accounts.start_post_registration(counter())
    accounts.confirm_code(Purpose.REGISTER, AN["cccd"], code_in_sms(sms, AN_PHONE))
    error = refused(accounts.complete_post_registration, counter(papers=PAPERS[:-1]), PASSWORD, PASSWORD)
    assert isinstance(error, PapersMissing)
    assert store.count_accounts() == 0


@pytest.mark.parametrize("minutes, created", [(14, True), (16, False)])
def test_the_password_within_15_minutes_of_the_code(accounts, sms, store, clock, minutes, created):
    reg = counter()
    accounts.start_post_registration(reg)
    accounts.confirm_code(Purpose.REGISTER, AN["cccd"], code_in_sms(sms, AN_PHONE))
    clock.advance(minutes=minutes)
    if created:
        accounts.complete_post_registration(reg, PASSWORD, PASSWORD)
    else:
        assert refused(accounts.complete_post_registration, reg, PASSWORD, PASSWORD).key == "register.code_needed"
    assert store.count_accounts() == int(created)


def test_a_weak_password_is_refused_and_creates_nothing(accounts, sms, store):
    reg = counter()
    accounts.start_post_registration(reg)
    accounts.confirm_code(Purpose.REGISTER, AN["cccd"], code_in_sms(sms, AN_PHONE))
    assert refused(accounts.complete_post_registration, reg, "abcdefgh", "abcdefgh").key.startswith("password.")
    assert store.count_accounts() == 0


# -- the code rules are registration's -------------------------------------------------------
def test_the_code_expires_after_five_minutes(accounts, sms, clock):
    accounts.start_post_registration(counter())
    code = code_in_sms(sms, AN_PHONE)
    clock.advance(minutes=5)
    assert refused(accounts.confirm_code, Purpose.REGISTER, AN["cccd"], code).key == "otp.expired"


def test_five_wrong_codes_void_it(accounts, sms, store):
    accounts.start_post_registration(counter())
    good = code_in_sms(sms, AN_PHONE)
    wrong = "000000" if good != "000000" else "111111"
    keys = [refused(accounts.confirm_code, Purpose.REGISTER, AN["cccd"], wrong).key for _ in range(5)]
    assert keys == ["otp.wrong"] * 4 + ["otp.voided_now"]
    assert refused(accounts.confirm_code, Purpose.REGISTER, AN["cccd"], good).key == "otp.voided"
    assert store.latest_code(Purpose.REGISTER.value, AN["cccd"]).status is CodeStatus.VOIDED


def test_a_resend_waits_60_seconds_and_is_an_activation_sms_again(accounts, sms, clock):
    accounts.start_post_registration(counter())
    clock.advance(seconds=59)
    error = refused(accounts.resend_code, Purpose.REGISTER, AN["cccd"], AN_PHONE)
    assert (error.key, error.problem.params) == ("otp.cooldown", {"seconds": 1})
    clock.advance(seconds=1)
    issued = accounts.resend_code(Purpose.REGISTER, AN["cccd"], AN_PHONE)
    messages = sms.inbox(AN_PHONE)
    assert len(messages) == 2
    assert messages[0].body.startswith("Ma kich hoat") and "Buu dien" in messages[0].body
    accounts.confirm_code(Purpose.REGISTER, AN["cccd"], code_in_sms(sms, AN_PHONE))
    assert accounts.complete_post_registration(counter(), PASSWORD, PASSWORD).method is Method.POST
    assert issued.phone == AN_PHONE


def test_a_mobile_registration_code_keeps_its_own_text(accounts, sms, clock):
    from dvc_tui.core.accounts import MobileRegistration

    reg = counter()
    accounts.start_mobile_registration(
        MobileRegistration(reg.id_number, reg.full_name, reg.dob, reg.phone, reg.email)
    )
    clock.advance(seconds=60)
    accounts.resend_code(Purpose.REGISTER, AN["cccd"], AN_PHONE)
    assert all(m.body.startswith("Ma OTP dang ky") for m in sms.inbox(AN_PHONE))


def test_at_most_five_codes_per_number_per_hour(accounts, sms, clock):
    accounts.start_post_registration(counter())
    for _ in range(4):
        clock.advance(seconds=60)
        accounts.resend_code(Purpose.REGISTER, AN["cccd"], AN_PHONE)
    clock.advance(seconds=60)
    error = refused(accounts.resend_code, Purpose.REGISTER, AN["cccd"], AN_PHONE)
    assert error.key == "otp.hourly_limit"
    assert len(sms.inbox(AN_PHONE)) == 5
