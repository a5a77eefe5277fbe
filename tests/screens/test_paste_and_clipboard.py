"""Issue 14, findings 7 and 8: a terminal's paste reaches a field as text, through the parser the
app's drivers use (bracketed paste bytes, not a posted Paste event); at a kiosk nothing is
copied or cut, and the idle wipe empties the clipboard, the app's and the terminal's."""

from __future__ import annotations

import importlib

import pytest
from textual import events
from textual.drivers.headless_driver import HeadlessDriver

from dvc_tui.core.text import t
from dvc_tui.textual_compat import PASTE_LIMIT, install_terminal_parser
from dvc_tui.widgets.inputs import shown
from tests.conftest import CITIZEN, settle, to_form, type_into
from tests.screens.helpers import error_of, value_of

START, END = "\x1b[200~", "\x1b[201~"


def the_apps_parser():
    """A parser as the app's terminal driver builds it (`dvc-tui` installs the safe one first)."""
    install_terminal_parser()
    return importlib.import_module("textual.drivers.linux_driver").XTermParser()


async def from_terminal(app, pilot, data: str) -> None:
    """`data` as a terminal sends it: parsed in 4 KiB reads as the driver reads, each event
    handed to the app as the driver hands it."""
    parser = the_apps_parser()
    for start in range(0, len(data), 4096):
        for event in parser.feed(data[start:start + 4096]):
            app.post_message(event)
    await pilot.pause()
    await pilot.pause()


async def test_a_pasted_escape_sequence_lands_in_the_field_as_text(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        app.screen.query_one("#full-name").focus()
        await pilot.pause()
        await from_terminal(app, pilot, START + "Nguyen\x1b[31mVan An" + END)
        assert app.screen.id == "register-mobile"
        assert value_of(app, "full-name") == "Nguyen\x1b[31mVan An"  # not "^[31mVan AnNguyen"
        assert "Nguyen\u241b[31mVan" in app.export_screenshot()  # shown, never sent raw


async def test_a_paste_full_of_command_keys_presses_none_of_them(kiosk_app):
    """Enter, Tab, Esc, F4 (Hủy), Ctrl+Q inside a paste: at a kiosk they moved screens at machine
    speed. Now they are the paste's text: its first line goes in, nothing else happens."""
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        app.screen.query_one("#full-name").focus()
        await pilot.pause()
        text = "An\x1b\x1b[14~\x1bOS\x11\t\x1b[Z" + "\x1b[31mx" * 20 + "\rBinh"
        await from_terminal(app, pilot, START + text + END)
        assert app.screen.id == "register-mobile" and app.is_running
        assert value_of(app, "full-name") == text.split("\r")[0]
        assert app.focused.id == "full-name"


@pytest.mark.parametrize("length", [3_000, 100_000])
async def test_a_paste_longer_than_a_field_takes_is_refused_in_place(kiosk_app, length):
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        await type_into(pilot, "full-name", "Nguyễn")
        text = ("Nguyen\x1b[31mVan An\x1b]0;x\x07" * (length // 20 + 1))[:length]
        await from_terminal(app, pilot, START + text + END)
        assert app.screen.id == "register-mobile" and app.is_running
        assert value_of(app, "full-name") == "Nguyễn"  # nothing typed is lost
        assert error_of(app, "full-name") == t("paste.too_long", limit=PASTE_LIMIT)


async def test_a_posted_paste_of_any_length_is_refused_the_same(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        app.screen.query_one("#cccd").focus()
        await pilot.pause()
        app.post_message(events.Paste("0" * 100_000))
        await pilot.pause()
        assert value_of(app, "cccd") == ""
        assert error_of(app, "cccd") == t("paste.too_long", limit=PASTE_LIMIT)
        app.post_message(events.Paste(" 001090012345\n" + "x" * 100_000))  # its first line fits
        await pilot.pause()
        assert value_of(app, "cccd") == " 001090012345"


async def test_a_pin_field_refuses_an_over_long_paste_with_a_notice(kiosk_app):
    app = kiosk_app()
    said = []
    app.notify = lambda message, **options: said.append(message)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        field = app.screen.query_one("#kiosk-pin")
        assert field.has_focus and field.max_length
        await from_terminal(app, pilot, START + "4" * (field.max_length + 1) + END)
        assert field.value == ""
        assert said == [t("paste.too_long", limit=field.max_length)]


def test_shown_makes_every_escape_of_a_paste_visible():
    assert shown("Nguyen\x1b[31mVan\x07") == "Nguyen\u241b[31mVan\u2407"


# -- finding 7: the clipboard at a kiosk ------------------------------------------------------
async def select_all(app, pilot, field_id: str) -> None:
    field = app.screen.query_one(f"#{field_id}")
    field.focus()
    await pilot.pause()
    field.select_all()
    await pilot.pause()


async def test_copy_and_cut_do_nothing_at_a_kiosk(kiosk_app):
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        await type_into(pilot, "cccd", CITIZEN["cccd"])
        await select_all(app, pilot, "cccd")
        await pilot.press("ctrl+c")
        assert app.clipboard == ""
        await pilot.press("ctrl+x")
        assert app.clipboard == "" and value_of(app, "cccd") == CITIZEN["cccd"]  # cut: the text stays
        app.copy_to_clipboard("from anywhere")  # any other way to copy does nothing too
        assert app.clipboard == ""
        assert app.screen.id == "register-mobile" and app.is_running


async def test_copy_still_works_outside_kiosk_mode(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        await type_into(pilot, "cccd", CITIZEN["cccd"])
        await select_all(app, pilot, "cccd")
        await pilot.press("ctrl+c")
        assert app.clipboard == CITIZEN["cccd"]


async def test_the_wipe_empties_the_apps_clipboard_and_the_terminals(kiosk_app, clock, monkeypatch):
    """One visitor's ID must not reach the next with Ctrl+V: the app's clipboard (whatever put
    text in it) is emptied, and the terminal gets an empty OSC 52 (its clipboard cleared)."""
    from textual.app import App

    written: list[str] = []
    monkeypatch.setattr(HeadlessDriver, "write", lambda self, data: written.append(data))
    app = kiosk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        await type_into(pilot, "cccd", CITIZEN["cccd"])
        App.copy_to_clipboard(app, CITIZEN["cccd"])  # a clipboard left as Textual itself would fill it
        assert app.clipboard == CITIZEN["cccd"]
        written.clear()
        clock.advance(seconds=120)
        app.kiosk_tick()
        await pilot.pause()
        assert app.screen.id == "home"
        assert app.clipboard == ""
        assert "\x1b]52;c;\x07" in written

        await to_form(app, pilot)  # the next visitor's Ctrl+V brings nothing
        app.screen.query_one("#cccd").focus()
        await pilot.pause()
        await pilot.press("ctrl+v")
        assert value_of(app, "cccd") == ""
