"""Kiosk mode: the idle countdown and wipe (on the injected clock), and the trainer PIN gate."""

from __future__ import annotations

from textual.command import CommandPalette

from tests.conftest import CITIZEN, click, fill_form, settle, to_form, type_into
from tests.conftest import KIOSK_PIN as PIN


def countdown(app) -> str | None:
    found = app.screen.query("#kiosk-countdown")
    return str(found.first().render()) if found else None


async def idle(app, pilot, clock, seconds: float) -> None:
    """Let `seconds` pass on the injected clock, then run the once-a-second check."""
    clock.advance(seconds=seconds)
    app.kiosk_tick()
    await pilot.pause()


async def pin_checked(app, pilot) -> None:
    for _ in range(500):
        if not any(w.group == "kiosk-pin" and not w.is_finished for w in app.workers):
            break
        await pilot.pause(0.01)
    await pilot.pause()


async def test_countdown_shows_in_the_last_30_seconds_and_a_key_resets_it(kiosk_app, clock):
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        await type_into(pilot, "cccd", "00109")
        await idle(app, pilot, clock, 89)
        assert countdown(app) is None
        await idle(app, pilot, clock, 1)
        assert countdown(app) == "Phiên sẽ được xóa sau 30 giây – nhấn phím bất kỳ để tiếp tục"
        await idle(app, pilot, clock, 5)
        assert countdown(app) == "Phiên sẽ được xóa sau 25 giây – nhấn phím bất kỳ để tiếp tục"

        await pilot.press("0")  # typing in the field counts, and what was typed stays
        assert countdown(app) is None
        assert app.screen.query_one("#cccd").value == "001090"
        await idle(app, pilot, clock, 89)
        assert countdown(app) is None and app.screen.id == "register-mobile"


async def test_at_the_idle_limit_the_session_is_wiped(kiosk_app, clock):
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        await fill_form(app, pilot, CITIZEN)
        await click(pilot, "#submit")
        await settle(app, pilot)
        assert app.screen.id == "otp" and app.recent_sms
        assert app.screen.query(".sms")

        await idle(app, pilot, clock, 119)
        assert countdown(app) == "Phiên sẽ được xóa sau 1 giây – nhấn phím bất kỳ để tiếp tục"
        await idle(app, pilot, clock, 1)
        await pilot.pause()

        assert app.screen.id == "home" and len(app.screen_stack) == 2
        assert countdown(app) is None
        assert app.recent_sms == [] and not app.screen.query(".sms")
        assert app.screen.query_one("#sms-empty").display
        assert not any(w.group == "flow" and not w.is_finished for w in app.workers)

        # the draft went with the session: Đăng ký starts from an empty form
        await to_form(app, pilot)
        assert all(app.screen.query_one(f"#{field}").value == "" for field in CITIZEN)


async def test_an_untouched_home_page_has_no_countdown(kiosk_app, clock):
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await idle(app, pilot, clock, 100)
        assert countdown(app) is None and app.screen.id == "home"


async def test_ctrl_q_asks_the_trainer_pin_and_quits_only_on_the_right_one(kiosk_app):
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        assert app.screen.query("#kiosk-pin") and app.screen.query("#kiosk-pin-submit")

        await type_into(pilot, "kiosk-pin", "111222")
        await click(pilot, "#kiosk-pin-submit")
        await pin_checked(app, pilot)
        assert app.is_running and app.return_code is None
        message = str(app.screen.query_one("#kiosk-pin-message").render())
        assert message == "Mã PIN không đúng. Còn 4 lần thử trước khi phải chờ."
        assert app.screen.query_one("#kiosk-pin").value == "111222"  # kept, selected to retype

        await pilot.press("escape")  # back to the portal, still running
        assert app.screen.id == "home" and app.is_running

        await pilot.press("ctrl+q")
        await type_into(pilot, "kiosk-pin", PIN)
        await pilot.press("enter")
        await pin_checked(app, pilot)
    assert app.return_code == 0


async def test_ctrl_c_and_the_command_palette_do_nothing_in_kiosk_mode(kiosk_app):
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+c")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.id == "home" and app.is_running
        assert not CommandPalette.is_open(app)
        assert not app._notifications  # not even Textual's "press ctrl+q to quit" hint


async def test_ctrl_k_with_the_pin_leaves_kiosk_mode(kiosk_app, clock):
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await click(pilot, "#register")
        await pilot.press("ctrl+k")
        await type_into(pilot, "kiosk-pin", PIN)
        await pilot.press("enter")
        await pin_checked(app, pilot)
        assert app.screen.id == "choose-subject" and not app.kiosk_on
        await idle(app, pilot, clock, 300)
        assert app.screen.id == "choose-subject" and countdown(app) is None
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_without_kiosk_mode_nothing_changes(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await click(pilot, "#register")
        await idle(app, pilot, clock, 600)
        assert app.screen.id == "choose-subject" and countdown(app) is None
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        await pilot.press("escape")
        await pilot.press("ctrl+q")  # quits at once
    assert app.return_code == 0


async def test_the_wipe_gives_the_next_person_the_kiosks_language_and_training_mode(kiosk_app, clock):
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        await pilot.press("f8", "f7")  # the trainee switched to English and training mode
        await pilot.pause()
        from dvc_tui.core.text import language

        assert app.training and language() == "en"
        await idle(app, pilot, clock, 120)
        await pilot.pause()
        assert app.screen.id == "home"
        assert language() == "vi" and not app.training
        assert str(app.screen.query_one("#register").label) == "Đăng ký"
