"""Training mode (F7, --training): the leaflet's zone badges, the step guide, the rule behind a
mistake; and every screen's ZONES name widgets that exist, with the leaflet's numbers."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dvc_tui.core.guide import GUIDED, HINTS, guide_keys, hint_key
from dvc_tui.core.text import EN, VI, set_language
from tests.conftest import click, settle, to_form, type_into


@pytest.fixture(autouse=True)
def vietnamese():
    set_language("vi")
    yield
    set_language("vi")


def guide_text(app) -> str:
    guide = app.screen.query_one("#guide")
    return f"{guide.border_title}\n{guide.render()}" if guide.display else ""


def badge(app, widget_id: str) -> str | None:
    return app.screen.query_one(f"#{widget_id}").border_title


# -- core: the guide's keys and the hints -------------------------------------------------
def test_every_guided_screen_has_an_instruction_and_a_next_step_in_both_languages():
    for name in GUIDED:
        for key in guide_keys(name):
            assert key in VI and key in EN, key
    assert guide_keys("no-such-screen") is None


def test_every_hint_exists_in_both_catalogs():
    assert all(key in VI and key in EN for key in HINTS.values())


@pytest.mark.parametrize(
    ("problem", "hint"),
    [
        ("id.length", "guide.hint.id"),
        ("id.century", "guide.hint.id"),
        ("phone.format", "guide.hint.phone"),
        ("phone.not_owner", "guide.hint.phone_owner"),  # the longest prefix wins
        ("otp.wrong", "guide.hint.otp"),
        ("register.code_needed", "guide.hint.otp"),
        ("password.weak", "guide.hint.password"),
        ("captcha.wrong", "guide.hint.captcha"),
        ("form.fix", None),
        (None, None),
    ],
)
def test_a_problem_gets_the_hint_of_its_rule(problem, hint):
    assert hint_key(problem) == hint


# -- the screens ----------------------------------------------------------------------------
async def test_f7_shows_and_hides_the_badges_and_the_guide(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        assert guide_text(app) == ""
        assert badge(app, "form") is None and badge(app, "submit") is None
        await pilot.press("f7")
        await pilot.pause()
        assert app.training is True
        assert (badge(app, "form"), badge(app, "submit")) == ("vùng 6", "vùng 7")
        text = guide_text(app)
        assert "Bước 3/5" in text and "vùng 6" in text and "ĐĂNG KÝ" in text
        await pilot.press("escape")  # Back: the method screen carries the badges too
        await pilot.pause()
        assert app.screen.id == "choose-method"
        assert badge(app, "methods") == "vùng 4"
        assert "Bước 2/5" in guide_text(app)
        await pilot.press("f7")
        await pilot.pause()
        assert guide_text(app) == "" and badge(app, "methods") is None


async def test_a_field_error_adds_the_rule_behind_it_and_goes_when_fixed(make_app):
    app = make_app(training=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        assert "Quy tắc" not in guide_text(app)
        await type_into(pilot, "cccd", "00109001234")  # 11 digits
        await type_into(pilot, "full-name", "Nguyễn Văn An")  # leaving #cccd checks it
        text = guide_text(app)
        assert "Quy tắc" in text and "3 số đầu là mã tỉnh" in text
        await type_into(pilot, "cccd", "001090012345")
        await type_into(pilot, "dob", "01/01/1990")
        assert "Quy tắc" not in guide_text(app)


async def test_login_code_screen_has_zones_3_4_5_and_a_wrong_code_names_the_code_rule(make_app):
    from dvc_tui.screens.otp import OtpScreen

    app = make_app(training=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.push_screen(_login_otp(app))
        await pilot.pause()
        assert isinstance(app.screen, OtpScreen)
        assert [badge(app, w) for w in ("otp-code-field", "confirm", "other-method")] == ["vùng 3", "vùng 4", "vùng 5"]
        assert "Bước 3/3" in guide_text(app) and "vùng 5" in guide_text(app)
        await type_into(pilot, "otp-code", "12")
        await click(pilot, "#confirm")
        await settle(app, pilot)
        assert "hiệu lực 5 phút" in guide_text(app)  # the code rule


def _login_otp(app):
    from dvc_tui.core.identity import parse_phone
    from dvc_tui.core.otp import CodeStatus, IssuedCode, Purpose
    from dvc_tui.screens.otp import OtpScreen

    now = app.services.clock.now()
    issued = IssuedCode(1, Purpose.LOGIN, "001090012345", "+84828123088", now, now + timedelta(minutes=5), 0,
                        CodeStatus.ACTIVE)
    return OtpScreen(Purpose.LOGIN, "001090012345", parse_phone("0828123088"), issued, app.services)


# -- every screen's zones exist, with the leaflet's numbers (FLOWS.md) ------------------------
LEAFLET_ZONES = {
    "home": {1},
    "choose-subject": {3},
    "choose-method": {4},
    "register-mobile": {6, 7},
    "register-bhxh": {6, 7},
    "register-post": {6, 7},
    "register-usb": {6, 7},
    "register-sim": {6, 7},
    "otp-register": {8},
    "otp-login": {3, 4, 5},
    "set-password": {9},
    "login": {1, 2},
}


async def test_every_screens_zones_name_widgets_it_has(make_app):
    from dvc_tui.app import form_screen
    from dvc_tui.core.accounts import Method, Subject
    from dvc_tui.core.flow import RegistrationDraft
    from dvc_tui.core.otp import Purpose
    from dvc_tui.screens.choose import ChooseMethodScreen, ChooseSubjectScreen
    from dvc_tui.screens.login import LoginScreen
    from dvc_tui.screens.otp import OtpScreen
    from dvc_tui.screens.set_password import SetPasswordScreen

    app = make_app(training=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        services = app.services
        login_otp = _login_otp(app)
        register_otp = OtpScreen(Purpose.REGISTER, login_otp.subject, login_otp.phone, login_otp.issued, services)
        screens = {
            "choose-subject": ChooseSubjectScreen(),
            "choose-method": ChooseMethodScreen(Subject.CITIZEN),
            **{
                f"register-{m.value}": form_screen(m)(RegistrationDraft(subject=Subject.CITIZEN, method=m), services)
                for m in Method
            },
            "otp-register": register_otp,
            "otp-login": login_otp,
            "set-password": SetPasswordScreen(None, services),
            "login": LoginScreen(services),
        }
        seen = {}
        for name, screen in [("home", app.screen), *screens.items()]:
            if screen is not app.screen:
                await app.push_screen(screen)
                await pilot.pause()
            missing = [w for w in screen.ZONES if not screen.query(f"#{w}")]
            assert missing == [], (name, missing)
            assert all(badge(app, w) == f"vùng {z}" for w, z in screen.ZONES.items()), name
            seen[name] = set(screen.ZONES.values())
            if name != "home":
                app.pop_screen()
                await pilot.pause()
        assert seen == LEAFLET_ZONES
