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
