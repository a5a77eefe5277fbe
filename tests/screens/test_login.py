"""Đăng nhập: tabs (zone 1), name and password, ĐĂNG NHẬP (zone 2), the code (zones 3-5), profile."""

from tests.screens.helpers import (
    CITIZEN,
    GOOD_PASSWORD,
    click,
    confirm_code,
    error_of,
    last_code,
    log_in,
    seed_account,
    settle,
    shown,
    sms_shown,
    submit,
    to_login,
    to_login_code,
    type_into,
    value_of,
)

INVALID = "Tên đăng nhập hoặc mật khẩu không đúng."


async def test_a_wrong_password_and_an_unknown_id_get_the_same_message(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)
        await to_login(app, pilot)
        assert str(app.screen.query_one("#submit").label) == "ĐĂNG NHẬP"
        assert app.screen.query_one("#username").placeholder == "Nhập CMT/CCCD"
        assert app.screen.query_one("#password").placeholder == "Nhập mật khẩu"
        assert "Quên mật khẩu" in shown(app, "#login-note")
        assert app.focused.id == "username"
        await log_in(app, pilot, CITIZEN["cccd"], "Wrong#Pass1")
        assert app.screen.id == "login"
        wrong_password = shown(app, "#login-message")
        assert wrong_password == INVALID
        assert value_of(app, "username") == CITIZEN["cccd"]  # the name is kept
        assert value_of(app, "password") == ""  # the password is not
        assert app.focused.id == "password"
        await log_in(app, pilot, "079123456789", GOOD_PASSWORD)
        assert app.screen.id == "login"
        assert shown(app, "#login-message") == wrong_password  # nothing tells which was wrong
        # Empty fields.
        await log_in(app, pilot, "", GOOD_PASSWORD)
        assert shown(app, "#login-message") == "Bạn phải nhập tên đăng nhập."
        assert app.focused.id == "username"
        await log_in(app, pilot, CITIZEN["cccd"], "")
        assert shown(app, "#login-message") == "Bạn phải nhập mật khẩu."
        # Typing again clears the message.
        await type_into(pilot, "password", "x")
        assert shown(app, "#login-message") == ""
        assert not app.recent_sms  # no code was sent for any of these


async def test_the_other_tabs_say_what_comes_later_and_the_links_lead_to_their_paths(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_login(app, pilot)
        tabs = {tab: str(app.screen.query_one(f"#tab-{tab}").label) for tab in ("cccd", "usb", "sim")}
        assert tabs == {"cccd": "CMT/CCCD", "usb": "USB ký số", "sim": "SIM ký số"}
        assert not app.screen.query_one("#pane-usb").display  # CMT/CCCD is the default
        await click(pilot, "#tab-usb")
        await settle(app, pilot)
        assert app.screen.query_one("#pane-usb").display  # the path itself: tests/screens/test_usb.py
        assert shown(app, "#token-note").startswith("Chưa có USB ký số nào được cắm.")
        assert not app.screen.query_one("#pane-cccd").display
        await click(pilot, "#tab-sim")
        assert app.screen.query_one("#pane-sim").display  # the path itself: tests/screens/test_sim.py
        assert str(app.screen.query_one("#sim-submit").label) == "ĐĂNG NHẬP"
        assert not app.screen.query_one("#pane-usb").display
        await click(pilot, "#tab-cccd")
        assert app.screen.query_one("#pane-cccd").display
        assert not app.screen.query_one("#pane-sim").display
        assert str(app.screen.query_one("#forgot").label) == "Quên mật khẩu"
        await click(pilot, "#forgot")  # the path itself: tests/screens/test_forgot.py
        assert app.screen.id == "forgot-password"
        await pilot.press("escape")
        assert app.screen.id == "login"
        assert shown(app, "#login-message") == ""
        assert str(app.screen.query_one("#go-register").label) == "Chưa có tài khoản? Đăng ký"
        await click(pilot, "#go-register")
        assert app.screen.id == "choose-subject"
        await pilot.press("f4")
        assert app.screen.id == "home"
        assert len(app.screen_stack) == 2
        await pilot.press("escape")
        assert app.screen.id == "home"
        await click(pilot, "#login")
        await pilot.press("escape")
        assert app.screen.id == "home"


async def test_login_sends_a_code_to_the_masked_number_then_shows_the_profile(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)
        await to_login_code(app, pilot)
        assert shown(app, "#otp-sent") == "Mã xác thực đã được gửi qua số điện thoại: 0828xxx088"
        messages = sms_shown(app)
        assert len(messages) == 1
        assert "Ma OTP dang nhap Cong DVC quoc gia cua ban la" in messages[0]
        assert last_code(app) in messages[0]
        assert str(app.screen.query_one("#other-method").label) == "Chọn phương thức xác thực khác"
        # (what #other-method leads to: tests/screens/test_totp.py)
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "profile"
        rows = shown(app, "#profile-rows")
        assert "Họ tên: Nguyễn Văn An" in rows
        assert "Số CMT/CCCD: 001******345" in rows
        assert CITIZEN["cccd"] not in rows
        assert "Số điện thoại: 082****088" in rows
        assert "Phương thức đăng ký: Thuê bao di động" in rows
        assert "Mức xác minh: Mức 2 (đã được xác minh bởi nhà mạng)" in rows
        assert "Ngày sinh: 01/01/1990" in rows
        assert shown(app, ".subtitle") == "Xin chào, Nguyễn Văn An"
        # A session is left only by Đăng xuất: Back and Cancel do nothing here.
        await pilot.press("escape", "f4")
        assert app.screen.id == "profile"
        await click(pilot, "#logout")
        assert app.screen.id == "home"


async def test_the_login_code_screen_goes_back_to_login_or_on_to_registration(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)
        await to_login_code(app, pilot)
        code = last_code(app)
        await confirm_code(app, pilot, "000000" if code != "000000" else "111111")
        assert error_of(app, "otp-code") == "Mã OTP không đúng. Còn 4 lần thử."
        await pilot.press("escape")
        assert app.screen.id == "login"
        assert value_of(app, "username") == CITIZEN["cccd"]
        assert app.focused.id == "password"
        # Logging in again within the code's 5 minutes keeps the code already sent.
        await type_into(pilot, "password", GOOD_PASSWORD)
        await submit(app, pilot)
        assert app.screen.id == "otp"
        assert len(sms_shown(app)) == 1
        assert str(app.screen.query_one("#go-register").label) == "Chưa có tài khoản? Đăng ký"
        await click(pilot, "#go-register")
        assert app.screen.id == "choose-subject"
        await pilot.press("f4")
        assert app.screen.id == "home"
        assert len(app.screen_stack) == 2
