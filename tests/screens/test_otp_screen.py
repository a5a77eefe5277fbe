"""Xác thực mã OTP (zone 8): the code by SMS, wrong/expired/reused codes, resend and its limits.

Time moves only when the test advances the injected clock. The #resend countdown is refreshed by
a one-second interval; where a test checks the label right after advancing the clock it calls
that interval's callback (`_tick`) at once instead of waiting a real second.
"""

from dvc_tui.core.otp import Purpose
from tests.screens.helpers import (
    CITIZEN,
    captcha_code,
    click,
    confirm_code,
    error_of,
    form_values,
    last_code,
    paste,
    shown,
    sms_shown,
    submit,
    to_otp,
)
from tests.conftest import type_into

WRONG = "Mã OTP không đúng. Còn {} lần thử."


def resend_label(app) -> str:
    return str(app.screen.query_one("#resend").label)


def other_than(code: str) -> str:
    return "000000" if code != "000000" else "111111"


async def tick(app, pilot) -> None:
    """Fire the screen's one-second countdown now (the clock was advanced by hand)."""
    app.screen._tick()
    await pilot.pause()


async def test_the_code_arrives_by_sms_and_wrong_codes_count_down_until_five_void_it(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_otp(app, pilot)
        assert shown(app, "#otp-sent") == "Mã xác thực đã được gửi qua SĐT: 082****088"
        assert "Xác thực mã OTP" in [str(w.render()) for w in app.screen.query(".title")]
        assert shown(app, "#otp-valid") == "Mã có hiệu lực 5 phút, đến 15:05:00."  # 08:00 UTC + 5 min, in ICT
        assert str(app.screen.query_one("#confirm").label) == "XÁC NHẬN"
        assert shown(app, "#otp-not-received") == "Bạn chưa nhận được mã?"
        assert resend_label(app) == "Gửi lại OTP (60s)"
        assert app.focused.id == "otp-code"
        # The SMS is in the pane, the only message there, and carries the code.
        messages = sms_shown(app)
        assert len(messages) == 1
        code = last_code(app)
        assert code in messages[0]
        assert "DVCQG → 0828123088" in messages[0]
        assert "Ma OTP dang ky tai khoan Cong DVC quoc gia cua ban la" in messages[0]
        assert [m.phone for m in app.services.store.recent_sms()] == ["+84828123088"]
        # Wrong entries.
        await click(pilot, "#confirm")  # nothing typed
        assert error_of(app, "otp-code") == "Bạn phải nhập mã OTP."
        await type_into(pilot, "otp-code", "12a4")
        assert app.screen.query_one("#otp-code").value == ""  # the field takes digits only
        await confirm_code(app, pilot, "1234")
        assert error_of(app, "otp-code") == "Mã OTP gồm 6 chữ số."
        for left in (4, 3, 2, 1):
            await confirm_code(app, pilot, other_than(code))
            assert app.screen.id == "otp"
            assert error_of(app, "otp-code") == WRONG.format(left)
            assert app.screen.query_one("#otp-code").value == ""  # ready for the next try
            assert app.focused.id == "otp-code"
        await confirm_code(app, pilot, other_than(code))
        assert error_of(app, "otp-code") == (
            "Bạn đã nhập sai 5 lần, mã OTP đã bị hủy. Nhấn “Gửi lại OTP” để nhận mã mới."
        )
        # Even the right code is refused now.
        await confirm_code(app, pilot, code)
        assert app.screen.id == "otp"
        assert error_of(app, "otp-code") == "Mã OTP đã bị hủy do nhập sai quá nhiều lần; nhấn “Gửi lại OTP”."


async def test_resend_waits_60_seconds_then_replaces_the_code_and_codes_expire_after_5_minutes(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_otp(app, pilot)
        old = last_code(app)
        assert resend_label(app) == "Gửi lại OTP (60s)"
        await submit(app, pilot, "#resend")
        assert shown(app, "#otp-message") == "Vui lòng chờ 60 giây nữa trước khi gửi lại OTP."
        assert len(sms_shown(app)) == 1
        clock.advance(20)
        await tick(app, pilot)
        assert resend_label(app) == "Gửi lại OTP (40s)"
        await submit(app, pilot, "#resend")
        assert shown(app, "#otp-message") == "Vui lòng chờ 40 giây nữa trước khi gửi lại OTP."
        clock.advance(41)
        await tick(app, pilot)
        assert resend_label(app) == "Gửi lại OTP"
        await submit(app, pilot, "#resend")
        assert shown(app, "#otp-message") == "Đã gửi lại mã OTP tới 082****088."
        assert shown(app, "#otp-valid") == "Mã có hiệu lực 5 phút, đến 15:06:01."
        assert resend_label(app) == "Gửi lại OTP (60s)"  # the countdown starts again
        # The new SMS arrives on top of the pane, with a different code.
        messages = sms_shown(app)
        assert len(messages) == 2
        new = last_code(app)
        assert new != old
        assert new in messages[0] and old in messages[1]
        # The old code is refused, and says why.
        await confirm_code(app, pilot, old)
        assert error_of(app, "otp-code") == "Đây là mã cũ, đã được thay bằng mã gửi sau. Còn 4 lần thử."
        # Five minutes on, the new code has expired too.
        clock.advance(301)
        await confirm_code(app, pilot, new)
        assert app.screen.id == "otp"
        assert error_of(app, "otp-code") == "Mã OTP đã hết hạn (hiệu lực 5 phút); nhấn “Gửi lại OTP”."
        await submit(app, pilot, "#resend")
        assert error_of(app, "otp-code") == ""
        assert shown(app, "#otp-message") == "Đã gửi lại mã OTP tới 082****088."
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "set-password"


async def test_a_sixth_code_within_the_hour_is_refused(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_otp(app, pilot)  # the 1st send
        for sent in range(2, 6):
            clock.advance(61)
            await submit(app, pilot, "#resend")
            assert shown(app, "#otp-message") == "Đã gửi lại mã OTP tới 082****088.", sent
        assert len(sms_shown(app)) == 5
        clock.advance(61)  # 305 s after the first send
        await submit(app, pilot, "#resend")
        assert shown(app, "#otp-message") == (
            "Số điện thoại này đã nhận 5 mã trong một giờ; vui lòng thử lại sau 55 phút."
        )
        assert len(sms_shown(app)) == 5
        # The fifth code is still good.
        await confirm_code(app, pilot, last_code(app))
        assert app.screen.id == "set-password"


async def test_a_used_code_is_refused(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_otp(app, pilot)
        first = last_code(app)
        await confirm_code(app, pilot, first)
        assert app.screen.id == "set-password"
        # Back from the password goes to the form: the code is spent, a new one is needed.
        await pilot.press("escape")
        assert app.screen.id == "register-mobile"
        assert form_values(app) == {**CITIZEN, "email": ""}
        await paste(pilot, {"captcha": captcha_code(app)})
        await submit(app, pilot)
        assert app.screen.id == "register-mobile"
        assert shown(app, "#form-message") == "Vui lòng chờ 60 giây nữa trước khi gửi lại OTP."
        clock.advance(61)
        await paste(pilot, {"captcha": captcha_code(app)})
        await submit(app, pilot)
        assert app.screen.id == "otp"
        second = last_code(app)
        assert len(sms_shown(app)) == 2
        await confirm_code(app, pilot, first)
        assert error_of(app, "otp-code") == WRONG.format(4)
        # A code used a moment ago in another window is refused here.
        app.services.accounts.confirm_code(Purpose.REGISTER, CITIZEN["cccd"], second)
        await confirm_code(app, pilot, second)
        assert app.screen.id == "otp"
        assert error_of(app, "otp-code") == "Mã OTP này đã được sử dụng; nhấn “Gửi lại OTP” để nhận mã mới."
