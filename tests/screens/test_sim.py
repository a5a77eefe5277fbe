"""SIM ký số: registration (citizen, business, agency) and login through the phone pane's signing
request card; declined, expired (the FakeClock advanced past 2 minutes), wrong PIN then right,
locked; the refusals under the fields; Esc back keeps the values and cancels the request."""

from __future__ import annotations

import pytest

from dvc_tui.core.accounts import Method, Subject
from dvc_tui.core.sim import TRAINING_SIMS, RequestStatus
from dvc_tui.widgets.sim_wait import SimWait
from tests.screens.helpers import (
    CITIZEN,
    GOOD_PASSWORD,
    captcha_code,
    click,
    error_of,
    paste,
    register,
    settle,
    shown,
    to_login,
    type_into,
    value_of,
)

SPEC = {spec.tag: spec for spec in TRAINING_SIMS}
LAN = {"cccd": "031195000333", "full-name": "Phạm Thị Lan", "phone": "0703000333"}
SAO_MAI = {"tax-code": "0109998883", "org-name": "Công ty TNHH Thương mại Sao Mai",
           "representative": "Nguyễn Thị Hạnh", "phone": "0903888999", "email": "ketoan@saomai.example.vn"}
AGENCY = {"agency-code": "000.00.01.h99", "org-name": "Trung tâm Phục vụ hành chính công (mô phỏng)",
          "phone": "0889000111", "email": "vanthu@hcc.example.gov.vn"}


async def to_sim_form(app, pilot, subject: str = "citizen") -> None:
    await settle(app, pilot)
    await click(pilot, "#register")
    await click(pilot, f"#subject-{subject}")
    await click(pilot, "#method-sim")
    assert app.screen.id == "register-sim"


async def send(app, pilot, values: dict[str, str]) -> None:
    """Fill the form and press ĐĂNG KÝ: the signing request goes to the phone."""
    await paste(pilot, values)
    await type_into(pilot, "captcha", captcha_code(app))
    await click(pilot, "#submit")
    await settle(app, pilot)


def card_id(app) -> int:
    """The newest signing request card in the phone pane."""
    cards = app.screen.query("#sms-inbox .sim-request")
    assert cards, "no signing request in the pane"
    return int(cards.first().id.rsplit("-", 1)[1])


def card_text(app, request_id: int) -> str:
    card = app.screen.query_one(f"#sim-request-{request_id}")
    return "\n".join(str(w.render()) for w in card.query("Static") if w.display)


async def answer(app, pilot, pin: str) -> None:
    """On the phone: the PIN into the newest card, then Enter (Xác nhận)."""
    await type_into(pilot, f"sim-pin-{card_id(app)}", pin)
    await pilot.press("enter")
    await settle(app, pilot)


async def tick(app, pilot) -> None:
    """Fire the wait's one-second countdown now (the clock was advanced by hand)."""
    app.screen.query_one(SimWait)._tick()
    app.screen.query_one("#sms-inbox").tick()
    await settle(app, pilot)


def status_of(app, request_id: int) -> RequestStatus:
    return app.services.sims.get(request_id).status


# -- registration ------------------------------------------------------------------------------
async def test_a_citizen_registers_by_approving_the_request_on_the_phone(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_sim_form(app, pilot)
        assert app.focused.id == "cccd"
        await send(app, pilot, LAN)
        assert shown(app, "#sim-wait-title") == "Đang chờ xác nhận trên điện thoại 070****333"
        assert shown(app, "#sim-wait-left") == "Thời gian còn lại: 2:00"
        request_id = card_id(app)
        text = card_text(app, request_id)
        assert "SIM ký số → 0703000333" in text and "Cổng Dịch vụ công quốc gia" in text
        assert "Nội dung: Đăng ký Cổng DVC quốc gia" in text and "Còn lại 2:00" in text
        assert app.focused.id == f"sim-pin-{request_id}"  # the keyboard is on the phone's PIN
        assert app.focused.password
        app.services.clock.advance(15)
        await tick(app, pilot)
        assert shown(app, "#sim-wait-left") == "Thời gian còn lại: 1:45"
        assert "Còn lại 1:45" in card_text(app, request_id)
        await answer(app, pilot, SPEC["citizen"].pin)
        assert app.screen.id == "registered"
        assert "Mức xác minh 3" in shown(app, "#done-level")
        account = app.services.store.get_account(LAN["cccd"])
        assert (account.method, int(account.level), account.subject) == (Method.SIM, 3, Subject.CITIZEN)
        assert account.full_name == "Phạm Thị Lan" and account.phone == "+84703000333"
        assert account.password_hash is None and account.email is None
        assert "Đã xác nhận lúc 15:00:15" in card_text(app, card_id(app))
        assert status_of(app, request_id) is RequestStatus.USED


@pytest.mark.parametrize("subject, values, username", [
    ("business", SAO_MAI, "0109998883"),
    ("agency", AGENCY, "000.00.01.H99"),
])
async def test_a_business_and_an_agency_register_by_signing_sim(make_app, subject, values, username):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_sim_form(app, pilot, subject)
        assert app.focused.id == next(iter(values))
        await send(app, pilot, values)
        assert shown(app, "#sim-wait-title").startswith("Đang chờ xác nhận trên điện thoại 0")
        await answer(app, pilot, SPEC[subject].pin)
        assert app.screen.id == "registered"
        account = app.services.store.get_account(username)
        assert (account.method, int(account.level), account.subject.value) == (Method.SIM, 3, subject)
        assert account.full_name == values["org-name"] and account.email == values["email"]
        assert account.representative == values.get("representative")


async def test_an_organisation_must_give_its_email_and_a_valid_tax_code(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_sim_form(app, pilot, "business")
        await send(app, pilot, {**SAO_MAI, "tax-code": "0109998884", "email": ""})
        assert error_of(app, "tax-code") == "Mã số thuế không hợp lệ: chữ số kiểm tra (chữ số thứ 10) không đúng."
        assert error_of(app, "email") == "Bạn phải nhập email của tổ chức."
        assert not app.screen.query(".sim-request")  # nothing was sent
        assert value_of(app, "representative") == SAO_MAI["representative"]


# -- the phone's answers -----------------------------------------------------------------------
async def test_declined_then_sent_again_and_approved(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_sim_form(app, pilot)
        await send(app, pilot, LAN)
        first = card_id(app)
        await click(pilot, f"#sim-decline-{first}")
        await settle(app, pilot)
        assert app.screen.id == "register-sim"
        assert shown(app, "#sim-wait-message") == "Yêu cầu ký đã bị từ chối trên điện thoại."
        assert "Đã từ chối lúc" in card_text(app, first)
        assert app.focused.id == "resend-request"
        await pilot.press("enter")  # Gửi lại yêu cầu
        await settle(app, pilot)
        second = card_id(app)
        assert second != first and shown(app, "#sim-wait-message") == ""
        assert shown(app, "#sim-wait-left") == "Thời gian còn lại: 2:00"
        await answer(app, pilot, SPEC["citizen"].pin)
        assert app.screen.id == "registered"


async def test_sending_again_uses_the_form_as_corrected_since(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_sim_form(app, pilot)
        await send(app, pilot, LAN)
        await click(pilot, f"#sim-decline-{card_id(app)}")
        await settle(app, pilot)
        # The email is added after the refusal, then Gửi lại yêu cầu: the account gets it.
        await type_into(pilot, "email", "lan.pham@example.vn")
        await click(pilot, "#resend-request")
        await settle(app, pilot)
        await answer(app, pilot, SPEC["citizen"].pin)
        assert app.screen.id == "registered"
        assert app.services.store.get_account(LAN["cccd"]).email == "lan.pham@example.vn"


async def test_the_request_expires_after_two_minutes_by_the_clock(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_sim_form(app, pilot)
        await send(app, pilot, LAN)
        request_id = card_id(app)
        clock.advance(120)
        await tick(app, pilot)
        assert shown(app, "#sim-wait-left") == "Thời gian còn lại: 0:00"
        assert shown(app, "#sim-wait-message") == ""  # to the second: still valid
        clock.advance(1)
        await tick(app, pilot)
        assert shown(app, "#sim-wait-message") == "Yêu cầu ký đã hết hạn (hiệu lực 2 phút) mà chưa được xác nhận."
        assert "Đã hết hạn" in card_text(app, request_id)
        assert not app.screen.query_one(f"#sim-pin-{request_id}").display
        assert status_of(app, request_id) is RequestStatus.EXPIRED
        assert shown(app, "#resend-request")
        assert not app.services.store.account_exists(LAN["cccd"])


async def test_a_wrong_pin_is_counted_on_the_card_then_the_right_one_registers(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_sim_form(app, pilot)
        await send(app, pilot, LAN)
        request_id = card_id(app)
        await answer(app, pilot, "000000")
        assert shown(app, f"#sim-error-{request_id}") == "Sai mã PIN, còn 4 lần thử trước khi SIM ký số bị khóa."
        assert app.screen.id == "register-sim" and value_of(app, f"sim-pin-{request_id}") == ""
        assert app.focused.id == f"sim-pin-{request_id}"
        assert shown(app, "#sim-wait-message") == ""  # the portal still waits
        await answer(app, pilot, SPEC["citizen"].pin)
        assert app.screen.id == "registered"
        assert app.services.store.get_sim("+84703000333").failed_pins == 0


async def test_five_wrong_pins_lock_the_sim_and_the_portal_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_sim_form(app, pilot)
        await send(app, pilot, LAN)
        request_id = card_id(app)
        for _ in range(5):
            await answer(app, pilot, "999999")
        assert shown(app, f"#sim-error-{request_id}").startswith("Bạn đã nhập sai mã PIN 5 lần")
        assert "SIM ký số đã bị khóa" in card_text(app, request_id)
        assert shown(app, "#sim-wait-message") == (
            "Yêu cầu ký không được xác nhận: SIM ký số đã bị khóa do nhập sai mã PIN."
        )
        await click(pilot, "#resend-request")
        await settle(app, pilot)
        assert error_of(app, "phone").startswith("Chức năng ký số của SIM đã bị khóa")


# -- refusals before anything is sent --------------------------------------------------------------
async def test_refusals_are_said_under_the_field_and_keep_the_values(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_sim_form(app, pilot)
        await send(app, pilot, {**LAN, "cccd": CITIZEN["cccd"]})
        assert error_of(app, "cccd") == (
            "Chứng thư số trên SIM ký số của số điện thoại này không cấp cho 001090012345."
        )
        await send(app, pilot, {**LAN, "full-name": "Phạm Thị Lam"})
        assert error_of(app, "full-name") == "Tên không khớp với tên trên chứng thư số của SIM ký số."
        await send(app, pilot, {**LAN, "phone": "0912345678"})
        assert error_of(app, "phone") == (
            "Số điện thoại 0912345678 không có SIM ký số (chưa được nhà mạng cấp chứng thư số)."
        )
        await send(app, pilot, {"cccd": "048085000222", "full-name": "Lê Văn Hùng", "phone": "0987000222"})
        assert error_of(app, "phone").startswith("Chứng thư số đã bị thu hồi lúc ")
        assert value_of(app, "phone") == "0987000222" and value_of(app, "full-name") == "Lê Văn Hùng"
        assert not app.screen.query(".sim-request")


async def test_an_id_with_an_account_gets_its_own_message(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_sim_form(app, pilot)
        await send(app, pilot, LAN)
        await answer(app, pilot, SPEC["citizen"].pin)
        await pilot.press("escape")  # registered -> home
        await to_sim_form(app, pilot)
        await send(app, pilot, LAN)
        assert error_of(app, "cccd") == "Số CMT/CCCD này đã có tài khoản trên Cổng Dịch vụ công quốc gia."
        assert "Quên mật khẩu" in shown(app, "#form-message")


async def test_esc_goes_back_keeping_the_values_and_cancels_the_request(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_sim_form(app, pilot)
        await send(app, pilot, {**LAN, "email": "lan@example.vn"})
        request_id = card_id(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen.id == "choose-method"
        assert status_of(app, request_id) is RequestStatus.CANCELLED
        await click(pilot, "#method-sim")
        assert {f: value_of(app, f) for f in ("cccd", "full-name", "phone", "email")} == {
            **LAN, "email": "lan@example.vn"
        }
        assert "Đã hủy" in card_text(app, request_id)


# -- login -------------------------------------------------------------------------------------
async def registered_business(app, pilot) -> None:
    await to_sim_form(app, pilot, "business")
    await send(app, pilot, SAO_MAI)
    await answer(app, pilot, SPEC["business"].pin)
    assert app.screen.id == "registered"


async def test_login_by_the_sim_tab_to_the_profile(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await registered_business(app, pilot)
        await click(pilot, "#to-login")
        await click(pilot, "#tab-sim")
        await type_into(pilot, "sim-username", " 0109998883 ")
        await pilot.press("enter")
        await settle(app, pilot)
        assert shown(app, "#sim-wait-title") == "Đang chờ xác nhận trên điện thoại 090****999"
        request_id = card_id(app)
        assert "Nội dung: Đăng nhập Cổng DVC quốc gia" in card_text(app, request_id)
        assert app.focused.id == f"sim-pin-{request_id}"
        await answer(app, pilot, SPEC["business"].pin)
        assert app.screen.id == "profile"
        assert "Công ty TNHH Thương mại Sao Mai" in shown(app, "#profile-rows")


async def test_login_declined_and_unknown_or_other_accounts_get_one_message(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await register(app, pilot)  # a mobile account: 001090012345
        await pilot.press("escape")
        await to_login(app, pilot)
        await click(pilot, "#tab-sim")
        unknown = ("Không có tài khoản đăng ký bằng SIM ký số với tên đăng nhập này. Tài khoản đăng ký "
                   "cách khác đăng nhập ở thẻ CMT/CCCD hoặc USB ký số.")
        for name in ("079190000111", CITIZEN["cccd"]):
            await type_into(pilot, "sim-username", name)
            await click(pilot, "#sim-submit")
            await settle(app, pilot)
            assert shown(app, "#sim-login-message") == unknown
        assert not app.screen.query(".sim-request")
        assert app.services.accounts.check_password(CITIZEN["cccd"], GOOD_PASSWORD)  # untouched


async def test_a_login_request_declined_on_the_phone(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await registered_business(app, pilot)
        await click(pilot, "#to-login")
        await click(pilot, "#tab-sim")
        await type_into(pilot, "sim-username", "0109998883")
        await click(pilot, "#sim-submit")
        await settle(app, pilot)
        await click(pilot, f"#sim-decline-{card_id(app)}")
        await settle(app, pilot)
        assert app.screen.id == "login"
        assert shown(app, "#sim-wait-message") == "Yêu cầu ký đã bị từ chối trên điện thoại."
        await click(pilot, "#resend-request")
        await settle(app, pilot)
        await answer(app, pilot, SPEC["business"].pin)
        assert app.screen.id == "profile"


async def test_f6_goes_to_the_newest_waiting_request(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_sim_form(app, pilot)
        await send(app, pilot, LAN)
        app.screen.query_one("#cccd").focus()
        await pilot.press("f6")
        assert app.focused.id == f"sim-pin-{card_id(app)}"
