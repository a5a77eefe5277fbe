"""Quên mật khẩu: CMT/CCCD + captcha -> a code to the account's phone -> a new password -> login.

An ID without an account gets the same screens and texts (a stand-in masked number, every code
wrong with the same count) and no SMS goes to anyone."""

from __future__ import annotations

import re

from textual.widget import Widget
from textual.widgets import Button

from tests.screens.helpers import (
    CITIZEN,
    GOOD_PASSWORD,
    captcha_code,
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
    type_into,
    value_of,
)

KNOWN = CITIZEN["cccd"]
UNKNOWN = "079090054321"
NEW = "Moi#Matkhau9"
SENT_RESET = "Mã xác thực đã được gửi tới số điện thoại của tài khoản: {}"
DONE = "Đã đổi mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới."


def other_than(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def main_text(app) -> list[str]:
    """What the body of the current screen shows (the captcha's random code left out)."""
    texts = []
    for widget in app.screen.query("#main Static, #main Label, #main Button"):
        hidden = any(not node.display for node in widget.ancestors_with_self if isinstance(node, Widget))
        if widget.id == "captcha-code" or hidden:
            continue
        text = str(widget.label if isinstance(widget, Button) else widget.render())
        if text.strip():
            texts.append(text)
    return texts


async def to_forgot(app, pilot, typed: str = "") -> None:
    """Home -> Đăng nhập (with `typed` in the name field) -> Quên mật khẩu."""
    await to_login(app, pilot)
    if typed:
        await type_into(pilot, "username", typed)
    await click(pilot, "#forgot")
    assert app.screen.id == "forgot-password"


async def send_code(app, pilot, id_text: str) -> None:
    """On the forgot-password form: the ID, the captcha shown, GỬI MÃ OTP."""
    await type_into(pilot, "cccd", id_text)
    await type_into(pilot, "captcha", captcha_code(app))
    await submit(app, pilot)


async def to_reset_password(app, pilot) -> None:
    await to_forgot(app, pilot)
    await send_code(app, pilot, KNOWN)
    assert app.screen.id == "otp", shown(app, "#forgot-message")
    await confirm_code(app, pilot, last_code(app))
    assert app.screen.id == "reset-password", error_of(app, "otp-code")


async def set_new_password(app, pilot, password: str, confirm: str | None = None) -> None:
    await type_into(pilot, "password", password)
    await type_into(pilot, "password-confirm", password if confirm is None else confirm)
    await submit(app, pilot)


# -- the path -----------------------------------------------------------------------------
async def test_a_reset_then_login_with_the_new_password_and_a_code(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)
        await to_forgot(app, pilot, typed=KNOWN)
        assert shown(app, ".title") == "Quên mật khẩu"
        assert shown(app, "#step") == "Bước 1/3"
        assert value_of(app, "cccd") == KNOWN  # taken from the login screen
        assert app.focused.id == "captcha"
        assert str(app.screen.query_one("#submit").label) == "GỬI MÃ OTP"
        await send_code(app, pilot, KNOWN)

        assert app.screen.id == "otp"
        assert shown(app, "#step") == "Bước 2/3"
        assert shown(app, "#otp-sent") == SENT_RESET.format("082****088")
        [message] = sms_shown(app)
        assert "0828123088" in message
        assert "Ma OTP lay lai mat khau tai khoan Cong DVC quoc gia cua ban la" in message
        assert not app.screen.query("#other-method")  # that is for login only
        await confirm_code(app, pilot, last_code(app))

        assert app.screen.id == "reset-password"
        assert shown(app, "#step") == "Bước 3/3"
        assert shown(app, "#reset-for") == "Đặt mật khẩu mới cho tài khoản 001******345"
        assert shown(app, "#reset-not-old") == "* Mật khẩu mới phải khác mật khẩu cũ."
        assert str(app.screen.query_one("#submit").label) == "ĐỔI MẬT KHẨU"
        assert app.focused.id == "password"
        await set_new_password(app, pilot, NEW)

        assert app.screen.id == "login"
        assert value_of(app, "username") == KNOWN
        assert shown(app, "#login-message") == DONE
        assert app.focused.id == "password"
        await log_in(app, pilot, KNOWN, GOOD_PASSWORD)
        assert shown(app, "#login-message") == "Tên đăng nhập hoặc mật khẩu không đúng."
        await log_in(app, pilot, KNOWN, NEW)
        assert app.screen.id == "otp"
        assert "Ma OTP dang nhap" in sms_shown(app)[0]
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "profile"
        assert app.services.store.get_account(KNOWN).password_hash.startswith("$argon2id$")


async def test_the_form_checks_the_id_and_a_wrong_captcha_gets_a_new_one(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)
        await to_forgot(app, pilot)
        assert app.focused.id == "cccd"
        await submit(app, pilot)
        assert error_of(app, "cccd") == "Bạn phải nhập cmt/cccd."
        assert error_of(app, "captcha") == "Bạn phải nhập mã xác thực."
        assert app.focused.id == "cccd"

        await type_into(pilot, "cccd", KNOWN)
        first = captcha_code(app)
        await type_into(pilot, "captcha", "WRONG1" if first != "WRONG1" else "WRONG2")
        await submit(app, pilot)
        assert app.screen.id == "forgot-password"
        assert error_of(app, "captcha") == "Mã xác thực không đúng. Đã tạo mã mới, vui lòng nhập lại."
        assert captcha_code(app) != first
        assert value_of(app, "captcha") == ""
        assert value_of(app, "cccd") == KNOWN  # what was typed is kept
        assert error_of(app, "cccd") == ""
        assert app.focused.id == "captcha"
        # F5 renews it too; the captcha is compared without regard to case.
        second = captcha_code(app)
        await pilot.press("f5")
        assert captcha_code(app) != second
        await type_into(pilot, "cccd", "00109001234")
        answered = captcha_code(app)
        await type_into(pilot, "captcha", answered.lower())
        await submit(app, pilot)
        assert error_of(app, "cccd") == "Số CMT/CCCD phải có 9 số (CMT) hoặc 12 số (CCCD); bạn đã nhập 11 số."
        assert error_of(app, "captcha") == ""
        # One captcha answer, one try: refused for the ID, the captcha is new and empty too.
        assert captcha_code(app) != answered and value_of(app, "captcha") == ""
        assert app.focused.id == "cccd"
        assert app.screen.id == "forgot-password"
        assert sms_shown(app) == []  # nothing was sent for any of these


# -- an unknown ID ------------------------------------------------------------------------
async def test_an_unknown_id_shows_the_same_texts_and_no_sms_goes_anywhere(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)
        seen = {}
        for id_text in (KNOWN, UNKNOWN):
            await to_forgot(app, pilot)
            form = main_text(app)
            await send_code(app, pilot, id_text)
            assert app.screen.id == "otp", shown(app, "#forgot-message")
            sent = shown(app, "#otp-sent")
            masked = re.fullmatch(re.escape(SENT_RESET.format("")) + r"(0\d\d\*{4}\d{3})", sent).group(1)
            code_screen = [text.replace(masked, "<masked>") for text in main_text(app)]
            await confirm_code(app, pilot, "123456" if id_text == UNKNOWN else other_than(last_code(app)))
            wrong = error_of(app, "otp-code")
            seen[id_text] = (form, code_screen, wrong, masked)
            await pilot.press("f4")
            assert app.screen.id == "home"
        known, unknown = seen[KNOWN], seen[UNKNOWN]
        assert known[:3] == unknown[:3]
        assert known[2] == "Mã OTP không đúng. Còn 4 lần thử."
        assert known[3] == "082****088" and unknown[3] != known[3]
        assert len(sms_shown(app)) == 1  # the known ID's code only
        assert [m.phone for m in app.services.sms.inbox()] == ["+84828123088"]
        # The unknown ID's stand-in number is the same each time (it would vary otherwise).
        await to_forgot(app, pilot)
        app.services.clock.advance(61)
        await send_code(app, pilot, UNKNOWN)
        assert shown(app, "#otp-sent") == SENT_RESET.format(unknown[3])


async def test_an_unknown_ids_code_screen_counts_tries_and_voids_like_any_other(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_forgot(app, pilot)
        await send_code(app, pilot, UNKNOWN)
        for left in (4, 3, 2, 1):
            await confirm_code(app, pilot, "123456")
            assert error_of(app, "otp-code") == f"Mã OTP không đúng. Còn {left} lần thử."
        await confirm_code(app, pilot, "123456")
        assert error_of(app, "otp-code") == (
            "Bạn đã nhập sai 5 lần, mã OTP đã bị hủy. Nhấn “Gửi lại OTP” để nhận mã mới."
        )
        clock.advance(61)
        await submit(app, pilot, "#resend")
        assert shown(app, "#otp-message").startswith("Đã gửi lại mã OTP tới 0")
        assert app.screen.id == "otp"
        assert sms_shown(app) == [] and app.services.sms.inbox() == []


# -- codes --------------------------------------------------------------------------------
async def test_a_wrong_then_an_expired_code_then_a_resent_one(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)
        await to_forgot(app, pilot)
        await send_code(app, pilot, KNOWN)
        code = last_code(app)
        await confirm_code(app, pilot, other_than(code))
        assert error_of(app, "otp-code") == "Mã OTP không đúng. Còn 4 lần thử."
        clock.advance(minutes=5)
        await confirm_code(app, pilot, code)
        assert error_of(app, "otp-code") == "Mã OTP đã hết hạn (hiệu lực 5 phút); nhấn “Gửi lại OTP”."
        assert app.screen.id == "otp"
        await submit(app, pilot, "#resend")
        assert shown(app, "#otp-message") == "Đã gửi lại mã OTP tới 082****088."
        assert len(sms_shown(app)) == 2
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "reset-password"


# -- the new password ---------------------------------------------------------------------
async def test_the_old_password_weak_or_unequal_ones_are_refused(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        account = seed_account(app)
        await to_reset_password(app, pilot)
        await set_new_password(app, pilot, GOOD_PASSWORD)
        assert app.screen.id == "reset-password"
        assert error_of(app, "password") == "Mật khẩu mới không được trùng với mật khẩu cũ."
        assert value_of(app, "password") == GOOD_PASSWORD  # kept, to be changed
        assert app.focused.id == "password"
        await set_new_password(app, pilot, "abcdefgh")
        assert error_of(app, "password") == "Mật khẩu còn thiếu: chữ in hoa."
        # The account's phone and name are compared in the worker, after the code: same place.
        await set_new_password(app, pilot, "Sen#0828123088")
        assert error_of(app, "password") == "Mật khẩu không được chứa số điện thoại của bạn."
        assert value_of(app, "password") == "Sen#0828123088"
        assert app.focused.id == "password"
        await set_new_password(app, pilot, NEW, NEW + "x")
        assert error_of(app, "password-confirm") == "Xác nhận mật khẩu không khớp với mật khẩu."
        assert app.focused.id == "password-confirm"
        checklist = shown(app, "#password-checklist")
        assert "✗ hai mật khẩu giống nhau" in checklist and "✓ ký tự đặc biệt" in checklist
        assert app.services.store.get_account(KNOWN).password_hash == account.password_hash
        await set_new_password(app, pilot, NEW)
        assert app.screen.id == "login"
        assert shown(app, "#login-message") == DONE


async def test_a_password_set_more_than_15_minutes_after_the_code_is_refused(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        account = seed_account(app)
        await to_reset_password(app, pilot)
        clock.advance(minutes=16)
        await set_new_password(app, pilot, NEW)
        assert app.screen.id == "reset-password"
        assert shown(app, "#password-message") == (
            "Mã OTP chưa được xác nhận hoặc đã quá 15 phút; nhấn Quay lại (Esc) để nhận mã mới."
        )
        await pilot.press("escape")  # back to the form, the ID kept: a new code is needed
        assert app.screen.id == "forgot-password"
        assert value_of(app, "cccd") == KNOWN
        await type_into(pilot, "captcha", captcha_code(app))
        await submit(app, pilot)
        assert app.screen.id == "otp"
        assert len(sms_shown(app)) == 2
        assert app.services.store.get_account(KNOWN).password_hash == account.password_hash


# -- Back and Cancel ----------------------------------------------------------------------
async def test_escape_steps_back_and_f4_goes_home_from_every_step(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        account = seed_account(app)
        await to_login(app, pilot)
        await type_into(pilot, "username", "0010900")
        app.screen.query_one("#forgot").focus()
        await pilot.press("enter")  # by keyboard
        assert app.screen.id == "forgot-password"
        assert value_of(app, "cccd") == "0010900"
        await pilot.press("escape")
        assert app.screen.id == "login"
        assert value_of(app, "username") == "0010900"  # as it was typed
        await click(pilot, "#forgot")
        await send_code(app, pilot, KNOWN)
        assert app.screen.id == "otp"
        await pilot.press("escape")
        assert app.screen.id == "forgot-password"
        assert value_of(app, "cccd") == KNOWN
        assert app.focused.id == "captcha"
        await type_into(pilot, "captcha", captcha_code(app))
        await submit(app, pilot)
        assert app.screen.id == "otp"
        assert len(sms_shown(app)) == 1  # the code still valid was kept, not sent again
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "reset-password"
        await pilot.press("f4")
        assert app.screen.id == "home"
        assert len(app.screen_stack) == 2
        for step in ("forgot", "otp"):
            await to_forgot(app, pilot)
            if step == "otp":
                app.services.clock.advance(61)
                await send_code(app, pilot, KNOWN)
                assert app.screen.id == "otp"
            await pilot.press("f4")
            assert app.screen.id == "home"
            assert len(app.screen_stack) == 2
        assert app.services.store.get_account(KNOWN).password_hash == account.password_hash
