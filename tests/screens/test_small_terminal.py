"""At 80x24 every screen still lets the user reach its buttons: the body scrolls, nothing is cut."""

from tests.screens.helpers import (
    CITIZEN,
    GOOD_PASSWORD,
    captcha_code,
    last_code,
    paste,
    settle,
)


async def reach(app, pilot, selector: str) -> None:
    """Focus a button, scroll it into view and check it is on screen and not covered."""
    widget = app.screen.query_one(selector)
    widget.focus()
    widget.scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    region = widget.region
    assert region.area > 0, selector
    assert app.screen.region.contains_region(region), (selector, region)
    inside = app.screen.query_one("#main").scrollable_content_region  # not under its scrollbar
    assert inside.contains_region(region), (selector, region, inside)  # no part cut off
    middle = (region.x + region.width // 2, region.y + region.height // 2)
    assert app.screen.get_widget_at(*middle)[0] is widget, selector  # not under the footer or pane


async def press_focused(app, pilot, selector: str) -> None:
    """Reach a button and press it with Enter."""
    await reach(app, pilot, selector)
    await pilot.press("enter")
    await settle(app, pilot)


async def test_every_screen_s_buttons_can_be_reached_at_80x24(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await reach(app, pilot, "#info")
        await press_focused(app, pilot, "#register")
        assert app.screen.id == "choose-subject"
        await reach(app, pilot, "#subject-agency")
        await press_focused(app, pilot, "#subject-citizen")
        assert app.screen.id == "choose-method"
        await reach(app, pilot, "#method-sim")
        await press_focused(app, pilot, "#method-mobile")
        assert app.screen.id == "register-mobile"
        await paste(pilot, {**CITIZEN, "captcha": captcha_code(app)})
        await press_focused(app, pilot, "#submit")
        assert app.screen.id == "otp"
        await reach(app, pilot, "#resend")
        await paste(pilot, {"otp-code": last_code(app)})
        await press_focused(app, pilot, "#confirm")
        assert app.screen.id == "set-password"
        await paste(pilot, {"password": GOOD_PASSWORD, "password-confirm": GOOD_PASSWORD})
        await press_focused(app, pilot, "#submit")
        assert app.screen.id == "registered"
        await press_focused(app, pilot, "#to-login")
        assert app.screen.id == "login"
        await reach(app, pilot, "#go-register")
        await reach(app, pilot, "#forgot")
        await paste(pilot, {"password": GOOD_PASSWORD})
        await press_focused(app, pilot, "#submit")
        assert app.screen.id == "otp"
        await reach(app, pilot, "#go-register")
        await reach(app, pilot, "#other-method")
        await paste(pilot, {"otp-code": last_code(app)})
        await press_focused(app, pilot, "#confirm")
        assert app.screen.id == "profile"
        await press_focused(app, pilot, "#logout")
        assert app.screen.id == "home"


# -- a window smaller than 80x24, and resized again and again ---------------------------------
SIZES = [(40, 12), (200, 60), (80, 24), (41, 13), (100, 30), (40, 12), (79, 24), (80, 23), (120, 40),
         (40, 12), (60, 20), (80, 24), (45, 50), (200, 12), (40, 12), (81, 25), (52, 17), (100, 30),
         (40, 12), (79, 23), (150, 45), (40, 12), (80, 24), (40, 12)]
"""24 sizes: below, at and above the 80x24 minimum in each direction; ending at 40x12."""
FEW_SIZES = [(40, 12), (100, 30), (79, 24), (80, 24), (40, 12)]
"""The other screens: a few sizes each (layout is the slow part of a resize)."""


def notice_of(app):
    return app.screen.query_one("#too-small")


def check_notice(app, width: int, height: int) -> None:
    """Under 80x24 one Vietnamese line at the top says the window is too small; hidden otherwise."""
    from dvc_tui.core.text import t

    notice = notice_of(app)
    small = width < 80 or height < 24
    assert notice.display is small, (app.screen.id, width, height)
    if small:
        assert str(notice.render()) == t("window.too_small", width=width, height=height, min_width=80, min_height=24)
        assert str(notice.render()).startswith(f"Cửa sổ quá nhỏ ({width}×{height}); cần ít nhất 80×24.")
        assert notice.region.y == 0 and notice.region.width == width  # the first thing seen, whole width


async def resize_through(app, pilot, sizes=SIZES) -> None:
    """Every size in turn: the same screen, still laid out, with what it holds, and the notice right."""
    screen_id = app.screen.id
    values = {w.id: w.value for w in app.screen.query("Input") if w.id}
    focused = app.focused.id if app.focused else None
    for width, height in sizes:
        await pilot.resize_terminal(width, height)
        await pilot.pause()
        assert app.size == (width, height)
        assert app.screen.id == screen_id
        assert app.screen.region.size == (width, height)
        assert app.screen.query_one("#main").region.area > 0  # the body still has room to show itself
        check_notice(app, width, height)
        assert {w.id: w.value for w in app.screen.query("Input") if w.id} == values  # nothing typed is lost
        assert (app.focused.id if app.focused else None) == focused


async def press(app, pilot, selector: str) -> None:
    """A button pressed from the keyboard: a 40x12 window may show no part of it to click."""
    app.screen.query_one(selector).focus()
    await pilot.pause()
    await pilot.press("enter")
    await settle(app, pilot)


async def test_every_main_screen_at_40x12_says_it_is_too_small_and_survives_resizing(make_app):
    app = make_app()
    visited = []
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(app, pilot)

        async def here(screen_id: str, sizes=FEW_SIZES) -> None:
            assert app.screen.id == screen_id
            check_notice(app, 40, 12)  # composed at 40x12: it says so from the start
            await resize_through(app, pilot, sizes)
            visited.append(screen_id)

        await here("home")
        await press(app, pilot, "#register")
        await here("choose-subject")
        await press(app, pilot, "#subject-citizen")
        await here("choose-method")
        await press(app, pilot, "#method-mobile")
        await paste(pilot, {**CITIZEN, "captcha": captcha_code(app)})
        await here("register-mobile", SIZES)  # the fullest screen: the long run of resizes
        await press(app, pilot, "#submit")
        await paste(pilot, {"otp-code": last_code(app)})
        await here("otp")
        await press(app, pilot, "#confirm")
        await paste(pilot, {"password": GOOD_PASSWORD, "password-confirm": GOOD_PASSWORD})
        await here("set-password")
        await press(app, pilot, "#submit")
        assert app.screen.id == "registered"
        await press(app, pilot, "#to-login")
        await paste(pilot, {"password": GOOD_PASSWORD})
        await here("login")
        await press(app, pilot, "#submit")
        await paste(pilot, {"otp-code": last_code(app)})
        await press(app, pilot, "#confirm")
        await here("profile")
        await press(app, pilot, "#logout")
        assert app.screen.id == "home"
        check_notice(app, 40, 12)  # a screen shown again after the resizes of others says it too
    assert visited == ["home", "choose-subject", "choose-method", "register-mobile", "otp", "set-password",
                       "login", "profile"]


async def test_the_too_small_notice_follows_the_language(make_app):
    from dvc_tui.core.text import set_language

    app = make_app()
    try:
        async with app.run_test(size=(60, 20)) as pilot:
            await settle(app, pilot)
            await pilot.press("f8")
            await settle(app, pilot)
            assert str(notice_of(app).render()) == (
                "Window too small (60×20); at least 80×24 is needed. Please enlarge the window."
            )
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert notice_of(app).display is False
    finally:
        set_language("vi")
