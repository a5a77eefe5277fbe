"""High contrast (F9) and the large-text layout (F10): switched at run time and at start, readable
colours, every screen usable at 60x20 in the large-text layout, kept across F8 and new screens,
and reset by a kiosk's wipe."""

from __future__ import annotations

import dataclasses

import pytest
from textual.color import Color

from dvc_tui.appearance import HIGH_CONTRAST, HIGH_CONTRAST_CLASS, LARGE_TEXT
from dvc_tui.core.text import set_language
from tests.conftest import CITIZEN, settle
from tests.screens.helpers import captcha_code, paste

SMALL = (60, 20)
"""80x24 at about 1.3x the font: what the large-text layout is made for."""


@pytest.fixture(autouse=True)
def vietnamese():
    set_language("vi")
    yield
    set_language("vi")


# -- helpers -------------------------------------------------------------------------------------
def luminance(color: Color) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(widget) -> float:
    """The contrast ratio of a widget's text on its background, as drawn."""
    style = widget.visual_style
    lighter, darker = sorted((luminance(style.foreground), luminance(style.background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ratio(foreground: Color, background: Color) -> float:
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def press(app, pilot, selector: str) -> None:
    """A button pressed from the keyboard (at 60x20 a click may find it scrolled away)."""
    app.screen.query_one(selector).focus()
    await pilot.pause()
    await pilot.press("enter")
    await settle(app, pilot)


async def to_form_by_keys(app, pilot) -> None:
    await settle(app, pilot)
    await press(app, pilot, "#register")
    await press(app, pilot, "#subject-citizen")
    await press(app, pilot, "#method-mobile")
    assert app.screen.id == "register-mobile"


async def reachable(app, pilot, selector: str) -> None:
    """Scrolled to, the widget is whole inside the screen and the scrolling body, not covered."""
    widget = app.screen.query_one(selector)
    widget.scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    region = widget.region
    assert region.area > 0, selector
    assert app.screen.region.contains_region(region), (selector, region)
    inside = app.screen.query_one("#main").scrollable_content_region
    assert inside.contains_region(region), (selector, region, inside)
    middle = (region.x + region.width // 2, region.y + region.height // 2)
    assert app.screen.get_widget_at(*middle)[0] is widget, selector


def too_small(app) -> str:
    notice = app.screen.query_one("#too-small")
    return str(notice.render()) if notice.display else ""


# -- high contrast -------------------------------------------------------------------------------
async def test_f9_switches_high_contrast_on_and_back_off(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        normal = app.theme
        assert normal != HIGH_CONTRAST and not app.has_class(HIGH_CONTRAST_CLASS)

        await pilot.press("f9")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST and app.high_contrast
        assert app.has_class(HIGH_CONTRAST_CLASS)
        assert app.screen.styles.background == Color(0, 0, 0)
        assert "Đã bật chế độ tương phản cao (F9 để tắt)." in notes(app)

        await pilot.press("f9")
        await pilot.pause()
        assert app.theme == normal and not app.high_contrast
        assert not app.has_class(HIGH_CONTRAST_CLASS)
        assert "Đã tắt chế độ tương phản cao." in notes(app)


async def test_high_contrast_text_is_at_least_7_to_1_and_the_focus_is_a_thick_yellow_frame(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form_by_keys(app, pilot)
        screen = app.screen
        await paste(pilot, {"cccd": "123"})  # an error under the field
        screen.query_one("#full-name").focus()
        await pilot.pause()
        assert screen.query_one("#cccd-error").display
        readable = {
            "label": screen.query_one("#full-name-field .field-label"),
            "input": screen.query_one("#full-name"),
            "title": screen.query_one(".title"),
            "subtitle": screen.query_one(".subtitle"),
            "note": screen.query_one("#note-own"),
            "error": screen.query_one("#cccd-error"),
            "captcha": screen.query_one("#captcha-code"),
        }
        before = {name: contrast(widget) for name, widget in readable.items()}
        assert before["title"] < 7  # the normal look's blue title on black: below AAA

        await pilot.press("f9")
        await pilot.pause()
        after = {name: contrast(widget) for name, widget in readable.items()}
        assert all(value >= 7 for value in after.values()), after
        for widget in readable.values():  # black behind everything, never a grey or a tint
            assert widget.visual_style.background == Color(0, 0, 0) or widget.id == "captcha-code"
        assert "italic" not in str(readable["subtitle"].rich_style)
        placeholder = screen.query_one("#dob").get_component_rich_style("input--placeholder")
        assert ratio(Color.from_rich_color(placeholder.color), Color(0, 0, 0)) >= 7

        focused, blurred = screen.query_one("#full-name"), screen.query_one("#dob")
        assert app.focused is focused
        assert focused.styles.border.top == ("thick", Color(255, 255, 0))
        assert blurred.styles.border.top == ("tall", Color(255, 255, 255))
        error_border = screen.query_one("#cccd").styles.border.top
        assert error_border[0] == "tall" and ratio(error_border[1], Color(0, 0, 0)) >= 7


async def test_high_contrast_buttons_are_outlined_and_the_focused_one_filled_yellow(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f9")
        await pilot.pause()
        register, login = app.screen.query_one("#register"), app.screen.query_one("#login")
        assert app.focused is register
        assert register.visual_style.background == Color(255, 255, 0)
        assert register.visual_style.foreground == Color(0, 0, 0)
        assert login.visual_style.background == Color(0, 0, 0)
        assert contrast(login) >= 7 and contrast(register) >= 7
        await press(app, pilot, "#register")
        await press(app, pilot, "#subject-business")
        disabled = [b for b in app.screen.query("#methods Button") if b.disabled]
        assert disabled, "a business has methods that are not offered (Thuê bao di động)"
        for button in disabled:  # no faded text: readable, told apart by its strike-through
            assert button.styles.text_opacity == 1.0
            assert contrast(button) >= 7
            assert "strike" in str(button.rich_style)


# -- large text ----------------------------------------------------------------------------------
async def test_at_60x20_the_normal_layout_says_the_window_is_too_small(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert too_small(app).startswith("Cửa sổ quá nhỏ (60×20); cần ít nhất 80×24.")

        await pilot.press("f10")
        await pilot.pause()
        assert app.large_text and app.screen.has_class(LARGE_TEXT)
        assert too_small(app) == ""
        assert any(note.startswith("Đã bật bố cục chữ lớn") for note in notes(app))

        await pilot.resize_terminal(50, 16)  # under the large layout's own limit: it says so
        await pilot.pause()
        assert too_small(app).startswith("Cửa sổ quá nhỏ (50×16); cần ít nhất 60×20.")

        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        assert not app.large_text and not app.screen.has_class(LARGE_TEXT)
        assert too_small(app).startswith("Cửa sổ quá nhỏ (60×20); cần ít nhất 80×24.")
        assert "Đã tắt bố cục chữ lớn." in notes(app)


async def test_large_text_at_60x20_every_field_and_button_of_the_form_is_whole_on_screen(make_app):
    app = make_app(large_text=True)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert too_small(app) == ""
        await reachable(app, pilot, "#register")
        await reachable(app, pilot, "#info")
        await press(app, pilot, "#register")
        await reachable(app, pilot, "#subject-agency")
        await press(app, pilot, "#subject-citizen")
        await reachable(app, pilot, "#method-sim")
        await press(app, pilot, "#method-mobile")
        assert app.screen.id == "register-mobile" and too_small(app) == ""
        screen = app.screen

        main, pane = screen.query_one("#main"), screen.query_one("#sms-inbox")
        assert pane.region.y >= main.region.bottom  # one column: the SMS pane under the body
        assert pane.region.width == SMALL[0]
        assert pane.region.height == 1  # no message yet: only its title line
        for field_id in ("cccd", "full-name", "dob", "phone", "email", "captcha"):
            await reachable(app, pilot, f"#{field_id}")
            label = screen.query_one(f"#{field_id}-field .field-label")
            assert "bold" in str(label.rich_style)
            assert label.region.bottom <= screen.query_one(f"#{field_id}").region.y  # above its input
        gap = screen.query_one("#full-name-field").region.y - screen.query_one("#cccd-field").region.bottom
        assert gap >= 1  # a line between fields
        await reachable(app, pilot, "#captcha-code")
        await reachable(app, pilot, "#captcha-new")
        await reachable(app, pilot, "#submit")
        submit = screen.query_one("#submit")
        assert submit.region.width >= submit.styles.min_width.value  # the button is not cut

        for key in screen.query("FooterKey"):  # every key of the footer whole on the screen
            assert key.region.right <= SMALL[0] and key.region.bottom <= SMALL[1], key.description
            assert key.region.width >= len(key.key_display) + 1 + len(key.description)

        await paste(pilot, {**CITIZEN, "captcha": captcha_code(app)})
        await press(app, pilot, "#submit")
        assert app.screen.id == "otp"
        pane = app.screen.query_one("#sms-inbox")
        newest = pane.query(".sms").first()
        assert "Ma OTP" in str(newest.render())
        assert pane.region.contains_region(newest.region)  # the newest message whole, code and all
        await reachable(app, pilot, "#confirm")
        await reachable(app, pilot, "#resend")


async def test_the_toggles_survive_f8_and_the_screens_pushed_after_them(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f9")
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        await pilot.pause()
        assert app.high_contrast and app.screen.has_class(LARGE_TEXT)
        assert str(app.screen.query_one("#register").label) == "Register"

        await press(app, pilot, "#register")
        assert app.screen.id == "choose-subject"
        assert app.high_contrast and app.screen.has_class(LARGE_TEXT)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.pause()
        assert app.high_contrast and app.screen.has_class(LARGE_TEXT)
        assert str(app.screen.query_one("#subject-citizen").label) == "Công dân"

        await pilot.press("f10")  # off here: the home page under it follows when it comes back
        await pilot.pause()
        assert not app.screen.has_class(LARGE_TEXT)
        await pilot.press("f4")
        await settle(app, pilot)
        assert app.screen.id == "home" and not app.screen.has_class(LARGE_TEXT)


async def test_the_configured_look_applies_from_the_start(make_app, data_dir):
    from dvc_tui.config import Config

    config = dataclasses.replace(Config.load(data_dir, "vi", "test", use_keyring=False),
                                 theme="high-contrast", large_text=True)
    app = make_app(config=config)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert app.theme == HIGH_CONTRAST and app.has_class(HIGH_CONTRAST_CLASS)
        assert app.large_text and app.screen.has_class(LARGE_TEXT)
        assert too_small(app) == ""
        assert app.screen.query_one("#main").region.area > 0


async def test_the_keyword_arguments_give_the_look_too_and_default_is_the_normal_look(make_app):
    app = make_app(theme="default", large_text=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.theme == app.normal_theme != HIGH_CONTRAST
        assert not app.screen.has_class(LARGE_TEXT)


# -- kiosk mode ----------------------------------------------------------------------------------
async def test_in_kiosk_mode_f9_and_f10_work_and_the_wipe_restores_the_kiosk_s_look(kiosk_app, clock):
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f9")
        await pilot.press("f10")
        await pilot.pause()
        assert app.high_contrast and app.large_text
        await press(app, pilot, "#register")
        assert app.screen.has_class(LARGE_TEXT)

        clock.advance(seconds=120)
        app.kiosk_tick()
        await pilot.pause()
        await pilot.pause()
        assert app.screen.id == "home"
        assert not app.high_contrast and not app.large_text
        assert not app.screen.has_class(LARGE_TEXT)


async def test_a_kiosk_configured_with_the_look_gets_it_back_after_the_wipe(kiosk_app, clock):
    app = kiosk_app(theme="high-contrast", large_text=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f9")
        await pilot.press("f10")
        await pilot.pause()
        assert not app.high_contrast and not app.large_text
        await press(app, pilot, "#register")
        clock.advance(seconds=120)
        app.kiosk_tick()
        await pilot.pause()
        await pilot.pause()
        assert app.screen.id == "home"
        assert app.high_contrast and app.large_text and app.screen.has_class(LARGE_TEXT)
