"""Vietnamese typed through an input method (Textual issue #6605), and names stored composed (NFC).

Input methods such as Unikey or ibus-bamboo correct a word by writing backspaces and the new
letters in one burst ("Nguye" then "\\x7fê"). The tests feed the raw bytes through Textual's own
terminal parser and post the resulting events as the driver would, one burst at a time.
"""

import unicodedata

from textual.app import App, ComposeResult
from textual.widgets import Input

from tests.screens.helpers import CITIZEN, register, shown, to_form

BURSTS = ["N", "g", "u", "y", "e", "\x7fê", "n", "\x7f\x7fễn", " ", "V", "a", "w", "\x7f\x7făn"]
"""Telex: N g u y e e(->ê) n x(->ễn: 2 backspaces) space V a w(->ă) n."""


async def feed_bursts(app, pilot, bursts) -> None:
    from textual._xterm_parser import XTermParser

    parser = XTermParser()
    for burst in bursts:
        for event in parser.feed(burst):
            app.post_message(event)
        await pilot.pause()


class BareInput(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="plain")


async def test_an_input_method_burst_keeps_every_letter_in_the_form(make_app):
    # Without the fix: a plain Textual Input loses letters to the same bursts.
    bare = BareInput()
    async with bare.run_test(size=(100, 30)) as pilot:
        bare.query_one("#plain").focus()
        await pilot.pause()
        await feed_bursts(bare, pilot, BURSTS)
        assert bare.query_one("#plain").value != "Nguyễn Văn"
    # The portal's form field.
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        app.screen.query_one("#full-name").focus()
        await pilot.pause()
        await feed_bursts(app, pilot, BURSTS)
        assert app.screen.query_one("#full-name").value == "Nguyễn Văn"
        # And in the ID field, a digit corrected in a burst.
        app.screen.query_one("#cccd").focus()
        await pilot.pause()
        await feed_bursts(app, pilot, ["0", "0", "2", "\x7f1", "0"])
        assert app.screen.query_one("#cccd").value == "0010"


async def test_a_decomposed_name_is_stored_composed(make_app):
    decomposed = unicodedata.normalize("NFD", CITIZEN["full-name"])
    assert decomposed != CITIZEN["full-name"]
    values = {**CITIZEN, "full-name": decomposed, "email": "An.Nguyen@Example.VN"}
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await register(app, pilot, values)
        account = app.services.store.get_account(CITIZEN["cccd"])
        assert account.full_name == CITIZEN["full-name"]
        assert unicodedata.is_normalized("NFC", account.full_name)
        assert account.email == "An.Nguyen@example.vn"  # the domain is case-free, the mailbox is not
        assert CITIZEN["full-name"] in shown(app, "#done-body")
        # Back from the finished registration goes home, not into the finished wizard.
        await pilot.press("escape")
        assert app.screen.id == "home"
