"""Đăng ký – Bảo hiểm xã hội: the form, the registry's refusals under the right field, the code
to the registry's (masked) number, the password, then logging in with the new account."""

from __future__ import annotations

from tests.screens.helpers import (
    CITIZEN,
    GOOD_PASSWORD,
    captcha_code,
    click,
    confirm_code,
    error_of,
    last_code,
    log_in,
    paste,
    seed_account,
    settle,
    shown,
    sms_shown,
    submit,
    type_into,
    value_of,
)

MINH = {"bhxh": "0123456789", "cccd": "001085067890", "full-name": "Hoàng Văn Minh", "dob": "12/03/1985"}
"""A practice person of the simulated BHXH registry (the README's table); phone 0912555666."""
AN = {"bhxh": "0110012345", "cccd": CITIZEN["cccd"], "full-name": CITIZEN["full-name"], "dob": CITIZEN["dob"]}


async def to_bhxh_form(app, pilot) -> None:
    """Home -> Đăng ký -> Công dân -> Bảo hiểm xã hội."""
    await settle(app, pilot)
    await click(pilot, "#register")
    await click(pilot, "#subject-citizen")
    await click(pilot, "#method-bhxh")
    assert app.screen.id == "register-bhxh"


async def fill_bhxh(app, pilot, values: dict[str, str]) -> None:
    await paste(pilot, values)
    await type_into(pilot, "captcha", captcha_code(app))


async def test_the_whole_bhxh_path_then_login_with_password_and_code(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_bhxh_form(app, pilot)
        assert app.focused.id == "bhxh"
        await fill_bhxh(app, pilot, MINH)
        await submit(app, pilot)
        assert app.screen.id == "otp", shown(app, "#form-message")
        assert "091****666" in shown(app, "#otp-sent")
        assert app.recent_sms[0].phone == "+84912555666"
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "set-password"
        await type_into(pilot, "password", GOOD_PASSWORD)
        await type_into(pilot, "password-confirm", GOOD_PASSWORD)
        await submit(app, pilot)
        assert app.screen.id == "registered"
        assert shown(app, "#done-level") == "Mức xác minh 2 (đã được xác minh qua cơ sở dữ liệu BHXH)"
        account = app.services.store.get_account(MINH["cccd"])
        assert account.method.value == "bhxh" and int(account.level) == 2 and account.phone == "+84912555666"
        # ... and the new account logs in with its password and a code to the registry's number.
        app.services.clock.advance(61)
        await click(pilot, "#to-login")
        assert app.screen.id == "login"
        assert value_of(app, "username") == MINH["cccd"]
        await log_in(app, pilot, MINH["cccd"], GOOD_PASSWORD)
        assert app.screen.id == "otp", shown(app, "#login-message")
        assert "0912xxx666" in shown(app, "#otp-sent")
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "profile"
        rows = shown(app, "#profile-rows")
        assert "Phương thức đăng ký: Bảo hiểm xã hội" in rows
        assert "Mức xác minh: Mức 2 (đã được xác minh qua cơ sở dữ liệu BHXH)" in rows


async def test_an_unknown_number_is_said_under_the_bhxh_field(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_bhxh_form(app, pilot)
        await fill_bhxh(app, pilot, {**MINH, "bhxh": "9999999999"})
        await submit(app, pilot)
        assert app.screen.id == "register-bhxh"
        assert error_of(app, "bhxh") == "Mã số BHXH không có trong cơ sở dữ liệu của Bảo hiểm xã hội Việt Nam."
        assert "không có trong cơ sở dữ liệu" in shown(app, "#form-message")
        assert app.focused.id == "bhxh"
        assert value_of(app, "full-name") == MINH["full-name"]
        assert value_of(app, "captcha") == ""  # a new captcha for the next try
        assert sms_shown(app) == []


async def test_each_mismatch_is_said_under_its_own_field_without_the_registry_data(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_bhxh_form(app, pilot)
        cases = [
            ("cccd", "001085067891", "Số CMT/CCCD không khớp với thông tin của mã số BHXH này."),
            ("full-name", "Hoàng Văn Mình", "Họ tên không khớp với thông tin của mã số BHXH này."),
            ("dob", "13/03/1985", "Ngày sinh không khớp với thông tin của mã số BHXH này."),
        ]
        for field_id, typed, message in cases:
            await fill_bhxh(app, pilot, {**MINH, field_id: typed})
            await submit(app, pilot)
            assert app.screen.id == "register-bhxh"
            assert error_of(app, field_id) == message
            assert app.focused.id == field_id
            assert "Hoàng Văn Minh" not in shown(app, "#form-message")
        assert sms_shown(app) == []


async def test_an_existing_account_gets_the_portal_message_and_the_ways_forward(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)  # Nguyễn Văn An registered by mobile already
        await to_bhxh_form(app, pilot)
        await fill_bhxh(app, pilot, AN)
        await submit(app, pilot)
        assert app.screen.id == "register-bhxh"
        assert error_of(app, "cccd") == "Số CMT/CCCD này đã có tài khoản trên Cổng Dịch vụ công quốc gia."
        assert "Quên mật khẩu" in shown(app, "#form-message")


async def test_field_checks_on_leaving_a_field(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_bhxh_form(app, pilot)
        await type_into(pilot, "bhxh", "12345")
        await pilot.press("tab")
        await pilot.pause()
        assert error_of(app, "bhxh") == "Mã số BHXH có 10 chữ số; bạn đã nhập 5 số."
        await click(pilot, "#submit")
        assert error_of(app, "cccd") == "Bạn phải nhập cmt/cccd."
        assert app.focused.id == "bhxh"


async def test_escape_goes_back_and_keeps_what_was_typed(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_bhxh_form(app, pilot)
        for field_id, text in MINH.items():
            await type_into(pilot, field_id, text)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "choose-method"
        await click(pilot, "#method-bhxh")
        assert app.screen.id == "register-bhxh"
        assert {field_id: value_of(app, field_id) for field_id in MINH} == MINH
        # Back from the code screen returns to the filled form too.
        await type_into(pilot, "captcha", captcha_code(app))
        await submit(app, pilot)
        assert app.screen.id == "otp"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "register-bhxh"
        assert {field_id: value_of(app, field_id) for field_id in MINH} == MINH
