"""Back (Escape) and Cancel (F4) on every step, and the whole registration by keyboard alone.

Back and Cancel on the login path are in test_login.py."""

from tests.screens.helpers import (
    CITIZEN,
    GOOD_PASSWORD,
    captcha_code,
    click,
    error_of,
    form_values,
    last_code,
    paste,
    press_text,
    settle,
    shown,
    sms_shown,
    submit,
    to_otp,
    value_of,
)

DRAFT = {**CITIZEN, "email": "an@example.vn"}


async def test_escape_steps_back_one_step_at_a_time_keeping_the_draft(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await click(pilot, "#register")
        await pilot.press("escape")  # the subject is the first step: back is home
        assert app.screen.id == "home"
        await click(pilot, "#register")
        await click(pilot, "#subject-citizen")
        assert app.screen.id == "choose-method"
        await pilot.press("escape")
        assert app.screen.id == "choose-subject"
        assert app.focused.id == "subject-citizen"  # the subject chosen before
        await pilot.press("enter")
        await click(pilot, "#method-mobile")
        await paste(pilot, DRAFT)
        await pilot.press("escape")  # form -> method
        assert app.screen.id == "choose-method"
        await click(pilot, "#method-mobile")  # ... and forward again: nothing was lost
        assert app.screen.id == "register-mobile"
        assert form_values(app) == DRAFT
        assert value_of(app, "captcha") == ""  # a captcha is good for one screen only
        assert shown(app, "#phone-hint") == "Nhà mạng: Vinaphone"
        await paste(pilot, {"captcha": captcha_code(app)})
        await submit(app, pilot)
        assert app.screen.id == "otp"
        await pilot.press("escape")  # code -> form
        assert app.screen.id == "register-mobile"
        assert form_values(app) == DRAFT
        assert [error_of(app, f) for f in DRAFT] == [""] * 5
        # Submitting again within the code's 5 minutes reuses the code already sent.
        await paste(pilot, {"captcha": captcha_code(app)})
        await submit(app, pilot)
        assert app.screen.id == "otp"
        assert len(sms_shown(app)) == 1
        await paste(pilot, {"otp-code": last_code(app)})
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "set-password"
        await pilot.press("escape")  # password -> form (the code is spent)
        assert app.screen.id == "register-mobile"
        assert form_values(app) == DRAFT


async def test_f4_cancels_to_home_and_forgets_the_draft(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_otp(app, pilot)
        await pilot.press("f4")  # from the code
        assert app.screen.id == "home"
        assert len(app.screen_stack) == 2  # the default screen and home: nothing left behind
        await click(pilot, "#register")
        await click(pilot, "#subject-citizen")
        await pilot.press("f4")  # from the method
        assert app.screen.id == "home"
        await click(pilot, "#register")
        await click(pilot, "#subject-citizen")
        await click(pilot, "#method-mobile")
        assert form_values(app) == dict.fromkeys(DRAFT, "")  # a new registration starts empty
        await paste(pilot, CITIZEN)
        await pilot.press("f4")  # from the form
        assert app.screen.id == "home"
        await click(pilot, "#login")
        await pilot.press("f4")  # from the login
        assert app.screen.id == "home"
        assert len(app.screen_stack) == 2
        assert app.services.store.count_accounts() == 0


async def test_the_whole_registration_by_keyboard_alone(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.focused.id == "register"
        await pilot.press("enter")
        assert app.screen.id == "choose-subject" and app.focused.id == "subject-citizen"
        await pilot.press("enter")
        assert app.screen.id == "choose-method" and app.focused.id == "method-mobile"
        await pilot.press("enter")
        assert app.screen.id == "register-mobile" and app.focused.id == "cccd"
        # Enter moves from field to field; the email is left empty.
        for field_id in ("cccd", "full-name", "dob", "phone"):
            assert app.focused.id == field_id
            await press_text(pilot, CITIZEN[field_id])
            await pilot.press("enter")
        assert app.focused.id == "email"
        await pilot.press("tab")
        assert app.focused.id == "captcha"
        await press_text(pilot, captcha_code(app).lower())
        await pilot.press("tab")
        assert app.focused.id == "captcha-new"
        await pilot.press("tab")
        assert app.focused.id == "submit"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "otp", shown(app, "#form-message")
        assert app.focused.id == "otp-code"
        await press_text(pilot, last_code(app))
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "set-password"
        assert app.focused.id == "password"
        await press_text(pilot, GOOD_PASSWORD)
        await pilot.press("enter")
        assert app.focused.id == "password-confirm"
        await press_text(pilot, GOOD_PASSWORD)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "registered"
        account = app.services.store.get_account(CITIZEN["cccd"])
        assert account.full_name == CITIZEN["full-name"]
        assert account.phone == "+84828123088"
        # Đăng nhập ngay is focused: Enter leads to the login, where the password is next.
        assert app.focused.id == "to-login"
        await pilot.press("enter")
        assert app.screen.id == "login" and app.focused.id == "password"
