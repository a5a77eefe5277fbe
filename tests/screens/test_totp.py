"""The authenticator app end to end with Pilot: enrol from the profile, then log in with
"Chọn phương thức xác thực khác". The phone's app is tests/rfc6238.py (hmac, hashlib, struct),
fed with the key as the screen shows it; time is the injected clock, never a sleep."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import segno

from dvc_tui.widgets.qr import half_block_lines
from tests.rfc6238 import another_code, code_at
from tests.screens.helpers import (
    CITIZEN,
    GOOD_PASSWORD,
    MAI,
    click,
    confirm_code,
    error_of,
    last_code,
    log_in,
    seed_account,
    settle,
    shown,
    submit,
    to_login_code,
    type_into,
)

SMS_ONLY = "Cách đăng nhập: Số CMT/CCCD + mật khẩu, rồi mã OTP qua SMS"


async def enter_code(app, pilot, code: str) -> None:
    await type_into(pilot, "totp-code", code)
    await pilot.press("enter")
    await settle(app, pilot)


async def log_in_to_profile(app, pilot, clock, values=CITIZEN) -> None:
    """Home -> Đăng nhập -> the SMS code -> the profile (a minute later than before: a new SMS)."""
    clock.advance(61)
    await to_login_code(app, pilot, values)
    await confirm_code(app, pilot, last_code(app))
    assert app.screen.id == "profile", error_of(app, "otp-code")


async def to_other_method(app, pilot, clock, values=CITIZEN) -> None:
    """Home -> Đăng nhập -> the code screen -> Chọn phương thức xác thực khác."""
    clock.advance(61)
    await to_login_code(app, pilot, values)
    await click(pilot, "#other-method")
    await settle(app, pilot)
    assert app.screen.id == "totp-login"


async def test_enrol_then_log_in_with_the_app_once_per_code(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)
        await log_in_to_profile(app, pilot, clock)
        assert shown(app, "#profile-login-methods") == SMS_ONLY
        assert str(app.screen.query_one("#enrol-totp").label) == "Bật ứng dụng xác thực"

        # -- enrol: the QR code and the key, confirmed by one code ------------------------
        await click(pilot, "#enrol-totp")
        await settle(app, pilot)
        assert app.screen.id == "totp-enrol"
        shown_key = shown(app, "#totp-key")
        groups = shown_key.split()
        assert len(groups) == 8 and all(len(g) == 4 for g in groups)
        key = "".join(groups)
        qr = app.screen.query_one("#totp-qr")
        uri = urlsplit(qr.data)
        assert (uri.scheme, uri.netloc, uri.path) == ("otpauth", "totp", "/Cong%20DVC%20quoc%20gia:001090012345")
        assert parse_qs(uri.query)["secret"] == [key]
        # what is drawn is that URI's QR code, module for module, dark on light
        drawn = str(qr.render()).splitlines()
        expected = [[bool(m) for m in row] for row in segno.make_qr(qr.data, error="L").matrix_iter(border=2)]
        assert drawn == half_block_lines(expected)
        assert set("".join(drawn)) <= {" ", "▀", "▄", "█"}
        assert "Cong DVC quoc gia (001******345)" in shown(app, "#totp-account")
        assert app.focused.id == "totp-code"
        assert not app.screen.query_one("#totp-replaces").display

        await enter_code(app, pilot, another_code(code_at(key, clock.now())))
        assert app.screen.id == "totp-enrol"
        assert error_of(app, "totp-code").startswith("Mã không đúng.")
        await enter_code(app, pilot, code_at(key, clock.now()))
        assert app.screen.id == "profile"
        assert shown(app, "#profile-message").startswith("Đã bật ứng dụng xác thực.")
        assert shown(app, "#profile-login-methods") == (
            "Cách đăng nhập: Số CMT/CCCD + mật khẩu, rồi mã OTP qua SMS hoặc mã từ ứng dụng xác thực "
            "(bật lúc 15:01 30/11/2026)"
        )
        assert str(app.screen.query_one("#enrol-totp").label) == "Cài lại ứng dụng xác thực"
        await click(pilot, "#logout")
        assert app.screen.id == "home"

        # -- log in: password, then the app's code instead of the SMS ---------------------
        await to_other_method(app, pilot, clock)
        assert "Cong DVC quoc gia (001******345)" in shown(app, "#totp-prompt")
        assert app.focused.id == "totp-code"
        code = code_at(key, clock.now())
        await enter_code(app, pilot, code)
        assert app.screen.id == "profile"
        assert shown(app, "#profile-message") == ""
        await click(pilot, "#logout")

        # -- the same code again (same 30 s step): refused; a wrong one: refused ----------
        await to_login_code(app, pilot)  # within the same step: the SMS code sent is kept
        await click(pilot, "#other-method")
        await settle(app, pilot)
        await enter_code(app, pilot, code)
        assert app.screen.id == "totp-login"
        assert error_of(app, "totp-code") == (
            "Mã này đã được sử dụng; chờ ứng dụng hiện mã mới (tối đa 30 giây) rồi nhập lại."
        )
        assert app.screen.query_one("#totp-code").value == ""
        await enter_code(app, pilot, another_code(code))
        assert error_of(app, "totp-code") == "Mã không đúng. Còn 4 lần thử."
        assert app.focused.id == "totp-code"
        # Back: the login screen again, the name kept
        await click(pilot, "#back")
        assert app.screen.id == "login"
        assert app.screen.query_one("#username").value == CITIZEN["cccd"]
        # The next step's code works.
        clock.advance(30)
        await log_in(app, pilot, CITIZEN["cccd"], GOOD_PASSWORD)
        await click(pilot, "#other-method")
        await settle(app, pilot)
        await enter_code(app, pilot, code_at(key, clock.now()))
        assert app.screen.id == "profile"


async def test_five_wrong_codes_lock_the_app_but_not_the_sms(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)
        await log_in_to_profile(app, pilot, clock)
        await click(pilot, "#enrol-totp")
        await settle(app, pilot)
        key = shown(app, "#totp-key").replace(" ", "")
        await enter_code(app, pilot, code_at(key, clock.now()))
        await click(pilot, "#logout")
        await to_other_method(app, pilot, clock)
        wrong = another_code(code_at(key, clock.now()))
        for _ in range(5):
            await enter_code(app, pilot, wrong)
        assert error_of(app, "totp-code") == (  # worded as the password's lock; 1 minute first
            "Ứng dụng xác thực tạm khóa do nhập sai mã 5 lần. Vui lòng thử lại sau 1 phút. Bạn vẫn có "
            "thể quay lại để đăng nhập bằng mã OTP qua SMS."
        )
        await enter_code(app, pilot, code_at(key, clock.now()))
        assert error_of(app, "totp-code").startswith(
            "Ứng dụng xác thực tạm khóa do nhập sai mã 5 lần. Vui lòng thử lại sau 1 phút")
        await pilot.press("escape")
        assert app.screen.id == "login"
        await log_in(app, pilot, CITIZEN["cccd"], GOOD_PASSWORD)
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "profile"


async def test_an_account_without_an_authenticator_is_told_so_and_offered_only_back(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app, MAI)
        await to_other_method(app, pilot, clock, MAI)
        assert shown(app, "#totp-missing").startswith("Tài khoản này chưa bật ứng dụng xác thực.")
        for hidden in ("#totp-prompt", "#totp-code-field", "#confirm"):
            assert not app.screen.query_one(hidden).display, hidden
        assert app.focused.id == "back"
        assert str(app.focused.label) == "Quay lại"
        await pilot.press("enter")
        assert app.screen.id == "login"
        assert app.screen.query_one("#username").value == MAI["cccd"]


async def test_leaving_the_enrolment_keeps_the_sms_only_and_reopening_shows_the_same_key(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)
        await log_in_to_profile(app, pilot, clock)
        await click(pilot, "#enrol-totp")
        await settle(app, pilot)
        key = shown(app, "#totp-key")
        await pilot.press("escape")
        assert app.screen.id == "profile"
        assert shown(app, "#profile-login-methods") == SMS_ONLY
        assert shown(app, "#profile-message") == ""
        await click(pilot, "#enrol-totp")
        await settle(app, pilot)
        assert shown(app, "#totp-key") == key  # an app that scanned it already stays good
        await pilot.press("f4")  # the session goes on: F4 also returns to the profile
        assert app.screen.id == "profile"
        await click(pilot, "#logout")
        await to_other_method(app, pilot, clock)
        assert shown(app, "#totp-missing")  # never confirmed: not a way to log in


async def test_the_whole_path_by_keyboard_in_english(make_app, clock):
    app = make_app(language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        seed_account(app)
        await log_in_to_profile(app, pilot, clock)
        assert shown(app, "#profile-login-methods") == "How to log in: ID number + password, then an OTP by SMS"
        await pilot.press("shift+tab")
        assert app.focused.id == "enrol-totp"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "totp-enrol"
        assert shown(app, ".title") == "Turn on an authenticator app"
        key = shown(app, "#totp-key").replace(" ", "")
        await enter_code(app, pilot, code_at(key, clock.now()))
        assert shown(app, "#profile-message").startswith("The authenticator app is on.")
        await submit(app, pilot, "#logout")
        assert app.screen.id == "home"
