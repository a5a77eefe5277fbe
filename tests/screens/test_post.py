"""Đăng ký – Bưu điện Việt Nam: the counter's staff screen (papers checklist and the citizen's
details), the activation SMS, the citizen's code and password, then logging in."""

from __future__ import annotations

import pytest

from dvc_tui.core.post import PAPERS
from tests.screens.helpers import (
    CITIZEN,
    GOOD_PASSWORD,
    click,
    confirm_code,
    error_of,
    form_values,
    last_code,
    paste,
    press_text,
    seed_account,
    settle,
    shown,
    sms_shown,
    submit,
    type_into,
    value_of,
)

AN = {**CITIZEN, "email": "an@example.vn"}
PORTRAIT = "Ảnh trên thẻ khớp người đến quầy"
SIGNED = "Đã ký Phiếu đề nghị đăng ký tài khoản"


async def to_post_form(app, pilot) -> None:
    """Home -> Đăng ký -> Công dân -> Bưu điện Việt Nam."""
    await settle(app, pilot)
    await click(pilot, "#register")
    await click(pilot, "#subject-citizen")
    await click(pilot, "#method-post")
    assert app.screen.id == "register-post"


def ticks(app) -> dict[str, bool]:
    return {paper: app.screen.query_one(f"#paper-{paper}").value for paper in PAPERS}


async def tick(app, pilot, papers=PAPERS) -> None:
    for paper in papers:
        checkbox = app.screen.query_one(f"#paper-{paper}")
        checkbox.focus()
        await pilot.pause()
        if not checkbox.value:
            await pilot.press("space")
    await pilot.pause()


async def fill_counter(app, pilot, values=AN, papers=PAPERS) -> None:
    await tick(app, pilot, papers)
    await paste(pilot, values)


async def test_the_whole_counter_path_by_keyboard_then_login(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # Đăng ký
        await pilot.press("enter")  # Công dân
        assert app.screen.id == "choose-method" and app.focused.id == "method-mobile"
        await pilot.press("tab", "tab")
        assert app.focused.id == "method-post"
        await pilot.press("enter")
        assert app.screen.id == "register-post"
        assert shown(app, "#staff-mode") == "Quầy Bưu điện – màn hình dành cho nhân viên"
        assert not app.screen.query("#captcha")  # staff at the counter: no captcha
        assert "f5" not in app.active_bindings
        # The staff ticks each paper (Space), then types the details (Enter to the next field).
        for paper in PAPERS:
            assert app.focused.id == f"paper-{paper}"
            await pilot.press("space", "tab")
        for field_id in ("cccd", "full-name", "dob", "phone"):
            assert app.focused.id == field_id
            await press_text(pilot, AN[field_id])
            await pilot.press("enter")
        assert shown(app, "#phone-hint") == "Nhà mạng: Vinaphone"
        assert app.focused.id == "email"
        await press_text(pilot, AN["email"])
        await pilot.press("enter")  # Enter in the last field registers
        await settle(app, pilot)
        assert app.screen.id == "otp", shown(app, "#form-message")
        assert "082****088" in shown(app, "#otp-sent")
        [activation] = sms_shown(app)
        assert "Ma kich hoat tai khoan Cong DVC quoc gia (dang ky tai quay Buu dien Viet Nam)" in activation
        assert app.recent_sms[0].phone == "+84828123088"
        # The citizen types the code and the password.
        await press_text(pilot, last_code(app))
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "set-password"
        await press_text(pilot, GOOD_PASSWORD)
        await pilot.press("enter")
        await press_text(pilot, GOOD_PASSWORD)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "registered"
        assert shown(app, "#done-level").startswith("Mức xác minh 2")
        account = app.services.store.get_account(AN["cccd"])
        assert (account.method.value, int(account.level), account.phone, account.email) == (
            "post", 2, "+84828123088", "an@example.vn"
        )
        # ... and the new account logs in with its password and a login code.
        assert app.focused.id == "to-login"
        await pilot.press("enter")
        assert app.screen.id == "login" and app.focused.id == "password"
        await press_text(pilot, GOOD_PASSWORD)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "otp", shown(app, "#login-message")
        assert "0828xxx088" in shown(app, "#otp-sent")
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "profile"
        assert "Phương thức đăng ký: Bưu điện Việt Nam" in shown(app, "#profile-rows")


async def test_unticked_papers_are_named_and_the_first_is_focused(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_post_form(app, pilot)
        await fill_counter(app, pilot, papers=("id_card", "own_phone"))
        await submit(app, pilot)
        assert app.screen.id == "register-post"
        message = shown(app, "#papers-message")
        assert message.startswith(f"Chưa kiểm tra: “{PORTRAIT}”; “{SIGNED}”.")
        assert "Bản gốc CCCD/CMND" not in message
        assert message in shown(app, "#form-message")  # by ĐĂNG KÝ too
        assert app.focused.id == "paper-portrait"
        assert form_values(app) == AN
        assert ticks(app) == {"id_card": True, "portrait": False, "own_phone": True, "signed_form": False}
        assert sms_shown(app) == [] and app.services.store.count_accounts() == 0
        # Ticking follows the message: one left, then none.
        await pilot.press("space")
        await pilot.pause()
        assert shown(app, "#papers-message").startswith(f"Chưa kiểm tra: “{SIGNED}”.")
        assert shown(app, "#form-message") == shown(app, "#papers-message")
        await tick(app, pilot, ("signed_form",))
        assert shown(app, "#papers-message") == shown(app, "#form-message") == ""
        await submit(app, pilot)
        assert app.screen.id == "otp"


async def test_papers_and_fields_are_both_reported_at_once(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_post_form(app, pilot)
        await submit(app, pilot)
        assert shown(app, "#papers-message").startswith("Chưa kiểm tra: “Bản gốc CCCD/CMND, còn hạn”;")
        assert error_of(app, "cccd") == "Bạn phải nhập cmt/cccd."
        assert error_of(app, "phone") == "Bạn phải nhập số điện thoại."
        assert error_of(app, "email") == ""  # optional
        assert "Vui lòng kiểm tra lại các trường có thông báo lỗi." in shown(app, "#form-message")
        assert app.focused.id == "paper-id_card"  # the checklist comes first
        await tick(app, pilot)
        assert shown(app, "#papers-message") == ""
        assert shown(app, "#form-message") == "Vui lòng kiểm tra lại các trường có thông báo lỗi."


@pytest.mark.parametrize(
    "field_id, typed, message",
    [
        ("cccd", "00109001234", "Số CMT/CCCD phải có 9 số (CMT) hoặc 12 số (CCCD); bạn đã nhập 11 số."),
        ("dob", "01/01/1991", "Chữ số thứ 5–6 của CCCD (90: năm sinh) không khớp với năm sinh 1991."),
        ("phone", "0241234567", "Số điện thoại không thuộc dải số của nhà mạng Việt Nam."),
        ("full-name", "Nguyễn Văn An 2", "Họ tên chỉ gồm chữ cái và dấu cách (ký tự không hợp lệ: 2)."),
    ],
)
async def test_each_bad_field_is_said_under_it_keeping_values_and_ticks(make_app, field_id, typed, message):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_post_form(app, pilot)
        values = {**AN, field_id: typed}
        await fill_counter(app, pilot, values)
        await submit(app, pilot)
        assert app.screen.id == "register-post"
        where = "cccd" if field_id == "dob" else field_id  # a CCCD that disagrees with the date: under the CCCD
        assert error_of(app, where) == message
        assert app.focused.id == where
        assert form_values(app) == values
        assert ticks(app) == dict.fromkeys(PAPERS, True)
        assert shown(app, "#papers-message") == ""
        assert sms_shown(app) == []


async def test_an_id_with_an_account_gets_the_portal_message(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)  # Nguyễn Văn An registered by mobile already
        await to_post_form(app, pilot)
        await fill_counter(app, pilot)
        await submit(app, pilot)
        assert app.screen.id == "register-post"
        assert error_of(app, "cccd") == "Số CMT/CCCD này đã có tài khoản trên Cổng Dịch vụ công quốc gia."
        assert "Quên mật khẩu" in shown(app, "#form-message")
        assert app.focused.id == "cccd"
        assert sms_shown(app) == []


async def test_a_wrong_then_an_expired_activation_code_then_a_new_one(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_post_form(app, pilot)
        await fill_counter(app, pilot)
        await submit(app, pilot)
        assert app.screen.id == "otp"
        good = last_code(app)
        await confirm_code(app, pilot, "000000" if good != "000000" else "111111")
        assert error_of(app, "otp-code") == "Mã OTP không đúng. Còn 4 lần thử."
        clock.advance(seconds=5 * 60)
        await confirm_code(app, pilot, good)
        assert app.screen.id == "otp"
        assert error_of(app, "otp-code") == "Mã OTP đã hết hạn (hiệu lực 5 phút); nhấn “Gửi lại OTP”."
        await submit(app, pilot, "#resend")
        assert shown(app, "#otp-message") == "Đã gửi lại mã OTP tới 082****088."
        assert len(sms_shown(app)) == 2
        assert "Buu dien Viet Nam" in sms_shown(app)[0]  # the resent code is an activation SMS too
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "set-password"
        await type_into(pilot, "password", GOOD_PASSWORD)
        await type_into(pilot, "password-confirm", GOOD_PASSWORD)
        await submit(app, pilot)
        assert app.screen.id == "registered"
        assert app.services.store.get_account(AN["cccd"]).method.value == "post"


async def test_escape_goes_back_keeping_the_ticks_and_the_values(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_post_form(app, pilot)
        await tick(app, pilot, ("id_card", "signed_form"))
        for field_id, text in AN.items():
            await type_into(pilot, field_id, text)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "choose-method"
        await click(pilot, "#method-post")
        assert app.screen.id == "register-post"
        assert form_values(app) == AN
        assert ticks(app) == {"id_card": True, "portrait": False, "own_phone": False, "signed_form": True}
        assert shown(app, "#phone-hint") == "Nhà mạng: Vinaphone"
        # Back from the code screen returns to the filled form and the ticks too.
        await tick(app, pilot)
        await submit(app, pilot)
        assert app.screen.id == "otp"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "register-post"
        assert form_values(app) == AN
        assert ticks(app) == dict.fromkeys(PAPERS, True)
        # F4 cancels: a new registration starts empty.
        await pilot.press("f4")
        assert app.screen.id == "home"
        await to_post_form(app, pilot)
        assert form_values(app) == dict.fromkeys(AN, "")
        assert ticks(app) == dict.fromkeys(PAPERS, False)


async def test_at_80x24_tab_reaches_every_paper_field_and_the_button_uncut(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_post_form(app, pilot)
        order = [f"paper-{paper}" for paper in PAPERS] + ["cccd", "full-name", "dob", "phone", "email", "submit"]
        for expected in order:
            widget = app.focused
            assert widget.id == expected
            await pilot.pause()
            region = widget.region
            assert region.area > 0, expected
            inside = app.screen.query_one("#main").scrollable_content_region
            assert inside.contains_region(region), (expected, region, inside)  # scrolled in, not cut
            if expected.startswith("paper-"):
                label = str(widget.label)
                assert region.width >= len(label) + 4, expected  # the whole label on its line
            await pilot.press("tab")
        await paste(pilot, AN)
        await tick(app, pilot)
        app.screen.query_one("#submit").focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "otp"
        assert value_of(app, "otp-code") == ""
