"""Keys faster than screens (issue 14, finding 1): random mixes of Enter, Esc, Tab, Shift+Tab,
F1-F10, arrows, letters, digits and Ctrl+Q at machine speed, as terminal bytes through the
terminal parser (tests/keyburst.py), in reads of 1-8 keys, on every screen: deep ones reached by
a walk first. The same through a real terminal (a pty): tests/test_key_burst_pty.py; the long
run: benchmarks/key_burst.py."""

from __future__ import annotations

import random

import pytest
from textual.widgets import Input

from tests import keyburst
from tests.conftest import settle, to_form

KEYS_PER_ROUND = 40


async def _at_every_moment_of_f8(screen, act) -> None:
    """Compose `screen` again in English (F8) and call `act` (a key's work; awaited if it
    returns an awaitable) at every turn of the event loop until the new composition is done."""
    import asyncio
    import inspect

    from dvc_tui.core.text import set_language

    set_language("en")
    try:
        composing = asyncio.ensure_future(screen.relocalize())
        while not composing.done():
            done = act()
            if inspect.isawaitable(done):
                await done
            await asyncio.sleep(0)
        await composing
    finally:
        set_language("vi")


async def _fuzz(app, start: str, seed: int, rounds: int) -> set[str]:
    screens: set[str] = set()
    rng = random.Random(seed)
    async with app.run_test(size=(100, 30)) as pilot:
        terminal = keyburst.parser()
        keyburst.watch_screens(app, screens)
        for _ in range(rounds):
            await keyburst.burst_round(app, pilot, terminal, rng, start, KEYS_PER_ROUND, screens)
            assert app.is_running and app.return_code in (None, 0)
        await keyburst.to_home(app, pilot)
        assert app.screen.id == "home"  # the wizard still answers: nothing waits on a gone screen
    assert app.return_code in (None, 0)
    return screens


async def test_burst_from_home_reaches_the_wizard(kiosk_app):
    screens = await _fuzz(kiosk_app(), "home", 1, 10)
    assert {"home", "choose-subject", "choose-method"} <= screens, screens


# Each deep start: the screen the walk reaches is the first one burst; the rounds then leave it.
DEEP = {"register-mobile": "register-mobile", "otp": "otp", "set-password": "set-password",
        "login-tab": "login", "forgot-password": "forgot-password", "profile": "profile"}


@pytest.mark.parametrize("start", DEEP)
async def test_burst_on_a_deep_screen(kiosk_app, start):
    screens = await _fuzz(kiosk_app(), start, sum(map(ord, start)), 2)
    assert DEEP[start] in screens, screens


async def test_issue_sequence_at_machine_speed(kiosk_app):
    """Enter Enter Enter Esc Esc F4, 40 times in one read, then each key in its own frame."""
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        terminal = keyburst.parser()
        keyburst.feed(app, terminal, keyburst.as_bytes(keyburst.ISSUE_BURST * 40))
        await settle(app, pilot)
        for _ in range(8):
            for name in keyburst.ISSUE_BURST:
                keyburst.feed(app, terminal, keyburst.KEYS[name])
                await pilot.pause()
        await settle(app, pilot)
        assert app.is_running
        assert app.screen.id in ("home", "choose-subject", "choose-method", "register-mobile")
    assert app.return_code in (None, 0)


async def test_a_second_dismiss_never_pops_the_next_step(kiosk_app):
    """A button's press handled after Escape took the screen away dismissed it again: that
    popped the next step's screen, and the wizard waited for ever on a screen already gone."""
    from dvc_tui.core.accounts import Subject
    from dvc_tui.screens.base import Nav

    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.action_register()
        await settle(app, pilot)
        subject = app.screen
        assert subject.id == "choose-subject"
        subject.dismiss(Subject.CITIZEN)  # Công dân pressed ...
        subject.dismiss(Nav.BACK)  # ... and Escape's Back handled after it: dropped
        for _ in range(5):
            await pilot.pause()
        assert app.screen.id == "choose-method", app.screen.id
        subject.dismiss(Nav.CANCEL)  # late again, the screen gone: the method step stays
        for _ in range(5):
            await pilot.pause()
        assert app.screen.id == "choose-method", app.screen.id
        app.screen.dismiss(Nav.CANCEL)
        await settle(app, pilot)
        for _ in range(5):
            await pilot.pause()
        assert app.screen.id == "home"
        assert not any(w.group == "flow" and not w.is_finished for w in app.workers)
    assert app.return_code in (None, 0)


async def test_a_screen_dismissed_while_mounting_is_removed_after_its_mount(kiosk_app):
    """Escape before the choice screen had mounted its SMS pane: the pane's on_mount found its
    children pruned (NoMatches '#sms-empty'), the kiosk crashed."""
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        terminal = keyburst.parser()
        for _ in range(20):
            keyburst.feed(app, terminal, "\r\x1b\x1b")  # Enter, then Esc Esc in the same read
            app.action_register()
            app.screen.dismiss(None) if app.screen.id != "home" else None
            await pilot.pause()
        await settle(app, pilot)
        assert app.is_running
    assert app.return_code in (None, 0)


async def test_a_message_from_a_field_already_gone_is_dropped(kiosk_app):
    """F8 composes the form again: the old fields' Blurred and Changed messages were handled after
    they had gone (NoMatches '#cccd-field'). A handler never sees a widget that is gone."""
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        screen = app.screen
        old = screen.query_one("#cccd", Input)
        await screen.query_one("#cccd-field").remove()
        screen.post_message(Input.Changed(old, "0010"))
        screen.post_message(Input.Blurred(old, "0010"))
        for _ in range(3):
            await pilot.pause()
        assert app.is_running and app.screen is screen
    assert app.return_code in (None, 0)


async def test_ctrl_q_under_another_screen_opens_one_pin_dialog(kiosk_app):
    """Found by the pty fuzzer: a PIN dialog (Ctrl+Q) with another screen over it, or closed but
    not yet taken away, and Ctrl+Q again pushed a second PIN dialog with the same id
    (DuplicateIds): the kiosk crashed."""
    from textual.screen import Screen

    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        terminal = keyburst.parser()
        keyburst.feed(app, terminal, "\x11")  # Ctrl+Q: the PIN dialog
        await pilot.pause()
        assert app.screen.id == "kiosk-pin-screen"
        await app.push_screen(Screen(id="over"))  # anything over it
        keyburst.feed(app, terminal, "\x11\x11")
        for _ in range(3):
            await pilot.pause()
        app.pop_screen()
        keyburst.feed(app, terminal, "\x1b\x11")  # Esc closes the dialog, Ctrl+Q at once
        await settle(app, pilot)
        assert app.is_running
        assert sum(screen.id == "kiosk-pin-screen" for screen in app.screen_stack) <= 1
    assert app.return_code in (None, 0)


async def test_a_key_on_a_screen_without_its_widgets_does_nothing(kiosk_app):
    """Found by the pty fuzzer: a key's action (F5, Đổi mã) read while the form's widgets were
    gone ran into NoMatches 'Captcha': the kiosk crashed. No action runs on such a screen."""
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        screen = app.screen
        await screen.query_one("#layout").remove()  # as while it is taken away or composed again
        await app.run_action("new_captcha", screen)
        await pilot.pause()
        assert app.is_running and app.screen is screen
    assert app.return_code in (None, 0)


async def test_a_step_left_and_entered_again_at_machine_speed_waits_for_the_old_screen(kiosk_app):
    """Found by serve's fuzzer: Enter (Đăng ký), Esc, Enter in one read pushed a new choice
    screen while the old one, left at once, was still being taken away and still held its id
    (DuplicateIds in the wizard's worker: the tab crashed). push_step waits for it to be gone."""
    from dvc_tui.screens.info import InfoScreen

    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.push_screen(InfoScreen())
        app.pop_screen()  # taken away before its mount was done: it still holds the id "info"
        new = InfoScreen()
        worker = app.run_worker(app.push_step(new), exit_on_error=False)
        for _ in range(100):
            await pilot.pause(0.01)
            if app.screen is new:
                break
        assert app.screen is new
        new.dismiss(None)
        await worker.wait()
        assert worker.error is None
    assert app.return_code in (None, 0)


async def test_f7_while_f8_composes_the_login_screen_again_crashes_nothing(kiosk_app):
    """Found by serve's fuzzer: F7 (training) reached the login screen while F8 composed it again
    and its tabs were gone (NoMatches 'Tabs' in its guide): the tab crashed."""
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.action_login()
        await settle(app, pilot)
        screen = app.screen
        assert screen.id == "login"
        await _at_every_moment_of_f8(screen, screen.apply_training)  # F7
        assert app.is_running and app.screen is screen
    assert app.return_code in (None, 0)


async def test_a_key_while_f8_composes_the_form_again_does_nothing(kiosk_app):
    """Found by the pty fuzzer: F5 (Đổi mã) read while F8 composed the form again, after its new
    layout was there but before its captcha was (NoMatches 'Captcha'): the kiosk crashed."""
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        screen = app.screen
        await _at_every_moment_of_f8(screen, lambda: app.run_action("new_captcha", screen))  # F5
        assert app.is_running and app.screen is screen
    assert app.return_code in (None, 0)


async def test_a_result_held_under_a_dialog_is_delivered_when_the_dialog_closes(kiosk_app):
    """Found by the pty fuzzer: a step's result that arrived while the PIN dialog was over it was
    delivered, once on top again, by awaiting the dismissal inside the screen's own handler
    (ScreenError): the kiosk crashed. It is delivered without awaiting."""
    from textual.screen import Screen

    from dvc_tui.screens.info import InfoScreen

    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        step = InfoScreen()
        worker = app.run_worker(app.push_step(step), exit_on_error=False)
        for _ in range(100):
            await pilot.pause(0.01)
            if app.screen is step:
                break
        await app.push_screen(Screen(id="over"))  # a dialog over the step
        step.dismiss("chosen")  # held: the step is not on top
        await pilot.pause()
        app.pop_screen()  # the dialog closes: the held result goes
        await worker.wait()
        assert worker.error is None and worker.result == "chosen"
        assert app.is_running
    assert app.return_code in (None, 0)
