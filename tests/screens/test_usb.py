"""USB ký số (IAL3): registration by a signing token for a citizen, a business and an agency,
login on the USB ký số tab, and every refusal: the PIN (tries left, the lock), the certificates
that cannot be used (expired, revoked, another CA, tampered, another kind of holder), an existing
account, a missing email, a wrong captcha, no token at all, and Back keeping what was typed.

The six training tokens (`dvc-tui token training`) are made once for the module (EC keys, a CA)
in a template data dir, copied into each test's data dir; the clock is the same FakeClock."""

from __future__ import annotations

import random
import shutil

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from textual.widgets import OptionList

from dvc_tui.core.accounts import Method, Subject
from dvc_tui.core.clock import FakeClock
from dvc_tui.core.tokens import TRAINING_TOKENS
from tests.screens.helpers import (
    captcha_code,
    click,
    error_of,
    hint_of,
    paste,
    seed_account,
    settle,
    shown,
    submit,
    type_into,
    value_of,
)

SPEC = {spec.tag: spec for spec in TRAINING_TOKENS}
AN, SAO_MAI, AGENCY = SPEC["citizen"], SPEC["business"], SPEC["agency"]
REPRESENTATIVE = "Phạm Minh Tuấn"


@pytest.fixture(scope="module")
def training_dir(tmp_path_factory):
    """A data dir holding the six training tokens (and the install key their CA's key is under)."""
    from dvc_tui.config import Config
    from dvc_tui.services import Services

    path = tmp_path_factory.mktemp("usb") / "data"
    services = Services(Config.load(path, "vi", "test", False), clock=FakeClock(), rng=random.Random(7))
    services.tokens.install_training()
    services.close()
    return path


@pytest.fixture
def usb_app(make_app, data_dir, training_dir):
    """An app on a copy of the training data dir: each test may use up PINs and make accounts."""
    shutil.copytree(training_dir, data_dir)
    return make_app


# -- driving the screens -------------------------------------------------------------------------
def picker_list(app) -> OptionList:
    return app.screen.query_one("#token-list", OptionList)


def listed(app) -> dict[str, str]:
    """The listed tokens, holder identifier -> what the option shows (as plain text)."""
    options = picker_list(app).options
    return {option.id: str(option.prompt) for option in options if option.id}


def entry(app, spec) -> tuple[str, bool]:
    """What the list shows for a training token, and whether it may be chosen."""
    tokens = app.services.tokens
    [info] = [i for i in tokens.plugged_in() if i.training == spec.tag]
    option = picker_list(app).get_option(info.serial)
    return str(option.prompt), not option.disabled


async def choose(app, pilot, spec) -> None:
    """With the keyboard: focus the list, ↑/↓ to the holder's token, Enter (the PIN is next)."""
    option_list = picker_list(app)
    option_list.focus()
    await pilot.press("home")
    for _ in range(len(option_list.options)):
        chosen = app.screen.query_one("#token-picker").chosen
        if chosen is not None and chosen.holder.identifier == spec.identifier:
            break
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    assert app.screen.query_one("#token-picker").chosen.holder.identifier == spec.identifier


async def to_usb_form(app, pilot, subject: str = "citizen") -> None:
    """Home -> Đăng ký -> the subject -> USB ký số, the tokens read."""
    await settle(app, pilot)
    await click(pilot, "#register")
    await click(pilot, f"#subject-{subject}")
    await click(pilot, "#method-usb")
    await settle(app, pilot)
    assert app.screen.id == "register-usb"


async def read_certificate(app, pilot, spec, pin: str | None = None) -> None:
    """Choose the token, type its PIN, Enter (the token signs the challenge)."""
    await choose(app, pilot, spec)
    assert app.focused.id == "token-pin"
    await type_into(pilot, "token-pin", spec.pin if pin is None else pin)
    await pilot.press("enter")
    await settle(app, pilot)


async def register_with(app, pilot, spec, subject: str, values: dict[str, str] | None = None) -> None:
    await to_usb_form(app, pilot, subject)
    await read_certificate(app, pilot, spec)
    assert app.screen.query_one("#cert-review").display, error_of(app, "token-pin")
    await paste(pilot, values or {})
    await type_into(pilot, "captcha", captcha_code(app))
    await pilot.press("enter")
    await settle(app, pilot)


async def usb_tab(app, pilot) -> None:
    await click(pilot, "#tab-usb")
    await settle(app, pilot)


async def usb_login(app, pilot, spec, pin: str | None = None) -> None:
    await choose(app, pilot, spec)
    assert app.focused.id == "usb-pin"
    await type_into(pilot, "usb-pin", spec.pin if pin is None else pin)
    await pilot.press("enter")
    await settle(app, pilot)


def stored(app, spec):
    return app.services.store.get_account(spec.identifier)


# -- registration, then login ----------------------------------------------------------------------
async def test_a_citizen_registers_with_the_token_and_logs_in_on_the_usb_tab(usb_app):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_usb_form(app, pilot)
        assert app.focused.id == "token-list"
        assert not app.screen.query_one("#cert-stage").display
        assert not app.screen.query_one("#submit").display
        await read_certificate(app, pilot, AN, pin="999999")
        assert "Còn 4 lần thử" in error_of(app, "token-pin")
        await read_certificate(app, pilot, AN)  # the right PIN clears the count of wrong ones
        assert error_of(app, "token-pin") == ""
        assert [i.failed_pins for i in app.services.tokens.plugged_in() if i.training == "citizen"] == [0]
        review = shown(app, "#cert-review")
        for text in ("Họ tên: Nguyễn Văn An", "CCCD:", "001090012345", "an.nguyen@example.vn",
                     "DVC-TUI Simulated CA", "Hiệu lực đến: 29/11/2028 15:00"):
            assert text in " ".join(review.split()), review
        assert value_of(app, "token-pin") == ""  # the PIN is not kept once used
        assert value_of(app, "email") == AN.email  # prefilled from the certificate, editable
        assert hint_of(app, "email") == "Lấy từ chứng thư số; có thể sửa."
        assert app.focused.id == "captcha"
        await type_into(pilot, "captcha", captcha_code(app))
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "registered", shown(app, "#form-message")
        account = stored(app, AN)
        assert (account.username, account.full_name, account.email) == (AN.identifier, AN.name, AN.email)
        assert (account.method, int(account.level), account.subject) == (Method.USB, 3, Subject.CITIZEN)
        assert account.password_hash is None and account.phone == ""
        assert not app.recent_sms  # no SMS on this path
        # The new account logs in on the USB ký số tab: the token, its PIN, the profile.
        assert shown(app, "#done-level") == "Mức xác minh 3 (xác minh mức độ cao bằng chứng thư số trên USB ký số)"
        assert shown(app, "#done-next").startswith("Đăng nhập ở thẻ USB ký số")
        await click(pilot, "#to-login")
        assert app.screen.id == "login"
        await settle(app, pilot)
        # "Đăng nhập ngay" opens the USB ký số tab, with the token list focused.
        assert app.screen.query_one("#login-tabs").active == "tab-usb"
        assert app.focused.id == "token-list"
        assert "Không cần mật khẩu hay mã OTP" in shown(app, "#usb-intro")
        assert str(app.screen.query_one("#usb-submit").label) == "ĐĂNG NHẬP"
        await usb_login(app, pilot, AN)
        assert app.screen.id == "profile", shown(app, "#usb-message")
        # The profile: level 3 by USB, the login by token and PIN, no authenticator app to enrol.
        rows = " ".join(shown(app, "#profile-rows").split())
        assert "Mức xác minh: Mức 3 (xác minh mức độ cao, USB ký số)" in rows
        assert "Số điện thoại: (không có)" in rows
        assert shown(app, "#profile-login-methods").startswith("Cách đăng nhập: USB ký số: chọn chứng thư số")
        assert "Tên đăng nhập là số CMT/CCCD" in shown(app, "#profile-type-note")
        assert not app.screen.query("#enrol-totp")


async def test_a_business_registers_with_its_legal_representative(usb_app):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_usb_form(app, pilot, "business")
        await read_certificate(app, pilot, SAO_MAI)
        assert "Tên doanh nghiệp: Công ty TNHH Thương mại Sao Mai" in " ".join(shown(app, "#cert-review").split())
        assert "Mã số thuế: 0109998883" in " ".join(shown(app, "#cert-review").split())
        assert app.focused.id == "representative"  # the first empty field
        # The representative is required and checked as a person's name.
        await type_into(pilot, "captcha", captcha_code(app))
        await click(pilot, "#submit")
        assert error_of(app, "representative") == "Bạn phải nhập họ tên."
        assert app.focused.id == "representative"
        await type_into(pilot, "representative", "Phạm Minh Tuấn 2")
        await pilot.press("tab")
        assert "Họ tên chỉ gồm chữ cái" in error_of(app, "representative")
        # An organisation's email is required: emptying the one from the certificate is refused.
        await paste(pilot, {"representative": REPRESENTATIVE, "email": ""})
        await type_into(pilot, "captcha", captcha_code(app))
        await submit(app, pilot)
        assert error_of(app, "email").startswith("Bạn phải nhập email")
        assert shown(app, "#form-message") == "Vui lòng kiểm tra lại các trường có thông báo lỗi."
        assert stored(app, SAO_MAI) is None
        await paste(pilot, {"email": SAO_MAI.email})
        await type_into(pilot, "captcha", captcha_code(app))
        await submit(app, pilot)
        assert app.screen.id == "registered", shown(app, "#form-message")
        account = stored(app, SAO_MAI)
        assert (account.username, account.full_name, account.representative) == (
            "0109998883", SAO_MAI.name, REPRESENTATIVE)
        assert (account.subject, account.method, int(account.level)) == (Subject.BUSINESS, Method.USB, 3)
        assert account.email == SAO_MAI.email and account.password_hash is None
        await click(pilot, "#to-login")
        await usb_tab(app, pilot)
        await usb_login(app, pilot, SAO_MAI)
        assert app.screen.id == "profile", shown(app, "#usb-message")
        rows = " ".join(shown(app, "#profile-rows").split())
        for text in ("Tên tổ chức: Công ty TNHH Thương mại Sao Mai", "Mã số thuế: 0109998883",
                     f"Người đại diện theo pháp luật: {REPRESENTATIVE}", "Đối tượng: Doanh nghiệp"):
            assert text in rows, rows
        assert "chỉ đăng ký và đăng nhập bằng USB ký số hoặc SIM ký số" in shown(app, "#profile-type-note")


async def test_an_agency_must_give_an_email_its_certificate_lacks(usb_app):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_usb_form(app, pilot, "agency")
        await read_certificate(app, pilot, AGENCY)
        review = " ".join(shown(app, "#cert-review").split())
        assert "Tên cơ quan: Trung tâm Phục vụ hành chính công (mô phỏng)" in review
        assert "Mã định danh: 000.00.01.H99" in review and "Email: (không có)" in review
        assert value_of(app, "email") == "" and app.focused.id == "email"
        await type_into(pilot, "captcha", captcha_code(app))
        await click(pilot, "#submit")
        assert error_of(app, "email") == "Bạn phải nhập email: Cổng yêu cầu email của doanh nghiệp, cơ quan."
        assert app.focused.id == "email"
        await type_into(pilot, "email", "mot-cua@hcc.example.gov.vn")
        await type_into(pilot, "captcha", captcha_code(app))
        await submit(app, pilot)
        assert app.screen.id == "registered", shown(app, "#form-message")
        account = stored(app, AGENCY)
        assert (account.subject, account.method, int(account.level)) == (Subject.AGENCY, Method.USB, 3)
        assert account.email == "mot-cua@hcc.example.gov.vn" and account.password_hash is None


# -- the PIN ---------------------------------------------------------------------------------------
async def test_a_wrong_pin_says_the_tries_left_and_the_fifth_locks_the_token(usb_app):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_usb_form(app, pilot)
        await type_into(pilot, "token-pin", "12")  # not a PIN's shape: refused before it is tried
        await pilot.press("enter")
        await settle(app, pilot)
        assert error_of(app, "token-pin") == "Mã PIN gồm 6 đến 8 chữ số."
        for left in (4, 3, 2, 1):
            await read_certificate(app, pilot, AN, pin="999999")
            assert error_of(app, "token-pin") == (
                f"Mã PIN không đúng. Còn {left} lần thử trước khi USB ký số bị khóa.")
            assert app.focused.id == "token-pin" and value_of(app, "token-pin") == ""
            assert not app.screen.query_one("#cert-stage").display
        prompt, usable = entry(app, AN)
        assert usable and "sai PIN 4/5" in prompt
        await read_certificate(app, pilot, AN, pin="999999")
        assert error_of(app, "token-pin").startswith("Bạn đã nhập sai mã PIN 5 lần; USB ký số đã bị khóa.")
        prompt, usable = entry(app, AN)
        assert not usable and "Đã khóa (sai PIN)" in prompt
        assert "USB ký số đã bị khóa do nhập sai mã PIN 5 lần" in prompt
        assert app.screen.query_one("#token-picker").chosen is None
        assert "Không có USB ký số nào dùng được" in shown(app, "#token-note")
        # Even the right PIN cannot open it now.
        info = [i for i in app.services.tokens.plugged_in() if i.training == "citizen"][0]
        assert info.locked
        await click(pilot, "#read-cert")
        assert shown(app, "#form-message") == "Vui lòng chọn một USB ký số còn dùng được trong danh sách."


# -- tokens that cannot be chosen -------------------------------------------------------------------
async def test_expired_revoked_and_foreign_tokens_are_listed_with_their_reason_but_not_choosable(usb_app):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_usb_form(app, pilot)
        reasons = {
            "expired": ("Hết hạn", "Chứng thư số đã hết hạn lúc 31/10/2026 15:00"),
            "revoked": ("Đã thu hồi", "Chứng thư số đã bị thu hồi lúc 30/11/2026 15:00"),
            "foreign": ("Do CA khác cấp",
                        "Chứng thư số do “Foreign Simulated CA” cấp, không phải “DVC-TUI Simulated CA”"),
        }
        for tag, (status, reason) in reasons.items():
            prompt, usable = entry(app, SPEC[tag])
            assert not usable, tag
            assert status in prompt and reason in prompt, prompt
        # The keyboard walks over them: only Nguyễn Văn An's token can be highlighted.
        picker_list(app).focus()
        for key in ("home", "down", "down", "down", "end"):
            await pilot.press(key)
            assert app.screen.query_one("#token-picker").chosen.holder.identifier == AN.identifier


async def test_a_token_of_another_kind_of_holder_cannot_register_this_subject(usb_app):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_usb_form(app, pilot)  # a citizen
        prompt, usable = entry(app, SAO_MAI)
        assert not usable and "Còn hiệu lực" in prompt
        assert "Chứng thư số cấp cho doanh nghiệp: không dùng để đăng ký tài khoản công dân." in prompt
        prompt, usable = entry(app, AGENCY)
        assert not usable and "cấp cho cơ quan nhà nước" in prompt
        await pilot.press("escape")  # back to the methods, then to the subjects
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "choose-subject"
        await click(pilot, "#subject-business")
        await click(pilot, "#method-usb")
        await settle(app, pilot)
        assert entry(app, SAO_MAI)[1] and not entry(app, AN)[1]
        assert "cấp cho công dân: không dùng để đăng ký tài khoản doanh nghiệp" in entry(app, AN)[0]


async def test_a_tampered_certificate_is_listed_as_altered(usb_app, data_dir):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        serial = [i for i in app.services.tokens.plugged_in() if i.training == "citizen"][0].serial
        path = data_dir / "tokens" / serial / "cert.pem"
        der = x509.load_pem_x509_certificate(path.read_bytes()).public_bytes(serialization.Encoding.DER)
        path.write_bytes(x509.load_der_x509_certificate(der.replace(b"Nguy", b"Nguu")).public_bytes(
            serialization.Encoding.PEM))
        await to_usb_form(app, pilot)
        option = picker_list(app).get_option(serial)
        assert option.disabled and "Bị sửa đổi" in str(option.prompt)
        assert "chứng thư số đã bị sửa đổi" in str(option.prompt)


async def test_no_token_plugged_in_says_how_to_plug_one_in(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_usb_form(app, pilot)
        note = shown(app, "#token-note")
        assert note.startswith("Chưa có USB ký số nào được cắm.")
        assert f"dvc-tui --data-dir {data_dir} token training" in note
        assert not picker_list(app).display
        await click(pilot, "#read-cert")
        assert shown(app, "#form-message") == "Vui lòng chọn một USB ký số còn dùng được trong danh sách."
        # Plugging the training tokens in and pressing Làm mới lists them.
        app.services.tokens.install_training()
        await click(pilot, "#token-refresh")
        await settle(app, pilot)
        assert picker_list(app).display and shown(app, "#token-note") == ""
        assert entry(app, AN)[1]


# -- an existing account, the captcha, Back ----------------------------------------------------------
async def test_an_account_registered_another_way_is_said_with_the_way_to_log_in(usb_app):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)  # Nguyễn Văn An registered by mobile subscription already
        await to_usb_form(app, pilot)
        await read_certificate(app, pilot, AN)
        message = shown(app, "#form-message")
        assert message.startswith("001090012345 đã có tài khoản trên Cổng Dịch vụ công quốc gia "
                                  "(đăng ký bằng Thuê bao di động)")
        assert "Hãy đăng nhập: Trang chủ → Đăng nhập → thẻ “CMT/CCCD”" in message
        assert app.screen.query_one("#cert-review").display  # what the certificate says
        assert not app.screen.query_one("#submit").display  # but nothing to register
        # On the USB ký số tab, the token's signature is good but the account logs in otherwise.
        await pilot.press("f4")
        await click(pilot, "#login")
        await usb_tab(app, pilot)
        await usb_login(app, pilot, AN)
        assert app.screen.id == "login"
        message = shown(app, "#usb-message")
        assert message.startswith("Tài khoản 001090012345 được đăng ký bằng Thuê bao di động, không phải USB ký số.")
        assert "thẻ “CMT/CCCD”, bằng mật khẩu và mã OTP" in message


async def test_an_account_made_meanwhile_elsewhere_is_said_on_register(usb_app):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_usb_form(app, pilot, "business")
        await read_certificate(app, pilot, SAO_MAI)
        # Another kiosk registers the business between the reading and ĐĂNG KÝ.
        app.services.accounts.create_signed_account(
            subject=Subject.BUSINESS, method=Method.USB, username=SAO_MAI.identifier, full_name=SAO_MAI.name,
            email=None)
        await paste(pilot, {"representative": REPRESENTATIVE})
        old_captcha = captcha_code(app)
        await type_into(pilot, "captcha", old_captcha)
        await submit(app, pilot)
        assert app.screen.id == "register-usb"
        message = shown(app, "#form-message")
        assert "0109998883 đã có tài khoản" in message and "thẻ “USB ký số”" in message
        assert captcha_code(app) != old_captcha


async def test_a_wrong_captcha_is_renewed_and_the_other_values_kept(usb_app):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_usb_form(app, pilot, "business")
        await read_certificate(app, pilot, SAO_MAI)
        await paste(pilot, {"representative": REPRESENTATIVE, "email": "giamdoc@saomai.example.vn"})
        old_captcha = captcha_code(app)
        await type_into(pilot, "captcha", "WRONG1")
        await submit(app, pilot)
        assert app.screen.id == "register-usb"
        assert error_of(app, "captcha") == "Mã xác thực không đúng. Đã tạo mã mới, vui lòng nhập lại."
        assert captcha_code(app) != old_captcha and value_of(app, "captcha") == ""
        assert value_of(app, "representative") == REPRESENTATIVE
        assert value_of(app, "email") == "giamdoc@saomai.example.vn"
        assert app.focused.id == "captcha"
        await type_into(pilot, "captcha", captcha_code(app))
        await submit(app, pilot)
        assert app.screen.id == "registered"
        assert stored(app, SAO_MAI).email == "giamdoc@saomai.example.vn"


async def test_escape_goes_back_and_keeps_the_values_but_not_the_pin(usb_app):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_usb_form(app, pilot, "business")
        await read_certificate(app, pilot, SAO_MAI)
        await type_into(pilot, "representative", REPRESENTATIVE)
        await type_into(pilot, "email", "giamdoc@saomai.example.vn")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "choose-method"
        await click(pilot, "#method-usb")
        await settle(app, pilot)
        assert app.screen.id == "register-usb"
        assert app.screen.query_one("#token-picker").chosen.holder.identifier == SAO_MAI.identifier
        assert value_of(app, "token-pin") == "" and not app.screen.query_one("#cert-stage").display
        await read_certificate(app, pilot, SAO_MAI)  # the token proves itself again
        assert value_of(app, "representative") == REPRESENTATIVE
        assert value_of(app, "email") == "giamdoc@saomai.example.vn"
        assert app.focused.id == "captcha"


# -- login refusals ----------------------------------------------------------------------------------
async def test_login_without_an_account_says_how_to_register(usb_app):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await click(pilot, "#login")
        await usb_tab(app, pilot)
        assert not app.screen.query_one("#pane-cccd").display
        await usb_login(app, pilot, AGENCY)
        assert app.screen.id == "login"
        message = shown(app, "#usb-message")
        assert message.startswith("Chữ ký số hợp lệ, nhưng Mã định danh 000.00.01.H99 (Trung tâm Phục vụ hành "
                                  "chính công (mô phỏng)) chưa có tài khoản.")
        assert "Cơ quan nhà nước → USB ký số" in message
        assert app.focused.id == "usb-go-register"
        await pilot.press("enter")
        assert app.screen.id == "choose-subject"


async def test_login_refusals_each_with_its_reason(usb_app, clock):
    app = usb_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await click(pilot, "#login")
        await usb_tab(app, pilot)
        for tag in ("expired", "revoked", "foreign"):
            assert not entry(app, SPEC[tag])[1], tag
        # The PIN: empty, wrong (tries left), then the lock.
        await choose(app, pilot, AN)
        await pilot.press("enter")
        await settle(app, pilot)
        assert shown(app, "#usb-message") == "Bạn phải nhập mã PIN của USB ký số."
        for left in (4, 3, 2, 1):
            await usb_login(app, pilot, AN, pin="000000")
            assert shown(app, "#usb-message") == f"Mã PIN không đúng. Còn {left} lần thử trước khi USB ký số bị khóa."
        await usb_login(app, pilot, AN, pin="000000")
        assert shown(app, "#usb-message").startswith("Bạn đã nhập sai mã PIN 5 lần; USB ký số đã bị khóa.")
        assert not entry(app, AN)[1] and "Đã khóa (sai PIN)" in entry(app, AN)[0]
        # A certificate revoked after the list was read is refused at login, with the date.
        serial = [i for i in app.services.tokens.plugged_in() if i.training == "business"][0].serial
        await choose(app, pilot, SAO_MAI)
        app.services.tokens.revoke(serial)
        await type_into(pilot, "usb-pin", SAO_MAI.pin)
        await pilot.press("enter")
        await settle(app, pilot)
        assert shown(app, "#usb-message") == "Chứng thư số đã bị thu hồi lúc 30/11/2026 15:00; không được chấp nhận."
        assert not entry(app, SAO_MAI)[1]
        # ... and one that expired meanwhile (the clock moves past its end).
        await choose(app, pilot, AGENCY)
        clock.advance(days=800)
        await type_into(pilot, "usb-pin", AGENCY.pin)
        await pilot.press("enter")
        await settle(app, pilot)
        assert shown(app, "#usb-message").startswith("Chứng thư số đã hết hạn lúc 29/11/2028 15:00")
        assert app.screen.id == "login"
