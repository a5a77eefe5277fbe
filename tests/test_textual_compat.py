"""dvc_tui/textual_compat.py: each private Textual name it uses is pinned here, and the terminal
parser it puts in Textual's drivers is tested on the bytes a terminal sends (issue 14, finding 8)."""

from __future__ import annotations

import importlib
import inspect

import pytest
from textual import events
from textual._parser import Parser
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser

from dvc_tui import textual_compat
from dvc_tui.textual_compat import PASTE_LIMIT, SafePasteParser, install_terminal_parser

START, END = "\x1b[200~", "\x1b[201~"


def parse(*chunks: str, parser_class=SafePasteParser) -> list:
    """The events a parser makes of the chunks a driver reads, then the end of the input."""
    parser = parser_class()
    found = []
    for chunk in chunks:
        found += parser.feed(chunk)
    return found + list(parser.feed(""))


def keys(found) -> list[str]:
    return [event.key for event in found if isinstance(event, events.Key)]


def pastes(found) -> list[str]:
    return [event.text for event in found if isinstance(event, events.Paste)]


# -- the private names, pinned ------------------------------------------------------------------
def test_the_private_names_are_where_textual_compat_expects_them():
    assert (BRACKETED_PASTE_START, BRACKETED_PASTE_END) == (START, END)
    assert issubclass(XTermParser, Parser)
    assert "_timeout_time" in vars(XTermParser())  # read by SafePasteParser.tick
    assert callable(getattr(XTermParser, "_parse_extended_key", None))
    for name in textual_compat._DRIVER_MODULES:  # each driver builds its parser from its globals
        module = importlib.import_module(name)
        assert getattr(module, "XTermParser") in (XTermParser, SafePasteParser), name
        assert "XTermParser(" in inspect.getsource(module.__dict__[_driver_class(module)].run_input_thread), name


def _driver_class(module) -> str:
    return next(name for name, value in vars(module).items()
                if inspect.isclass(value) and value.__module__ == module.__name__ and hasattr(value, "run_input_thread"))


def test_textuals_own_parser_still_turns_a_pasted_escape_into_keys():
    """The bug SafePasteParser exists for (finding 8): the day Textual fixes it, this fails and
    the override can go. `Nguyen ESC[31mVan An` pasted: keys `^[31mVan An`, then a paste `Nguyen`."""
    found = parse(START + "Nguyen\x1b[31mVan An" + END, parser_class=XTermParser)
    typed = "".join(event.character for event in found if isinstance(event, events.Key))
    assert typed == "^[31mVan An" and pastes(found) == ["Nguyen"]


def test_textuals_own_parser_raises_on_a_key_beyond_unicode():
    with pytest.raises(ValueError):
        parse("\x1b[99999999u", parser_class=XTermParser)


# -- pastes arrive whole, as text -----------------------------------------------------------------
def test_a_paste_with_escape_sequences_arrives_whole_as_text():
    found = parse("a" + START + "Nguyen\x1b[31mVan An" + END + "b")
    assert keys(found) == ["a", "b"]
    assert pastes(found) == ["Nguyen\x1b[31mVan An"]


@pytest.mark.parametrize("inside", [
    "x\ry\tz",  # Enter and Tab presses, were they keys
    "\x1bOP\x1b[15~\x11",  # F1, F5, Ctrl+Q
    "\x1b[<0;3;4M\x1b[I\x1b]52;c;aGk=\x07",  # a mouse click, focus, OSC 52
    "\x1b" * 40 + "[" * 40,  # past Textual's 32-character search
    "\x1b[200~nested",
    "\x1b",
])
def test_nothing_inside_a_paste_becomes_a_key(inside):
    found = parse(START + inside + END)
    assert [type(event) for event in found] == [events.Paste]
    assert pastes(found) == [inside]


def test_a_paste_split_anywhere_between_reads_arrives_the_same():
    data = "k" + START + "Ng\x1b[31mAn\x1b" + END + "z"
    whole = [repr(event) for event in parse(data)]
    assert whole == [repr(events.Key("k", "k")), repr(events.Paste("Ng\x1b[31mAn\x1b")), repr(events.Key("z", "z"))]
    for i in range(1, len(data)):
        for j in range(i, len(data)):
            chunks = [chunk for chunk in (data[:i], data[i:j], data[j:]) if chunk]
            assert [repr(event) for event in parse(*chunks)] == whole, (i, j)


def test_nul_is_removed_from_a_paste_as_textual_does():
    assert pastes(parse(START + "09\x0012" + END)) == ["0912"]


def test_a_huge_paste_is_kept_only_to_one_character_past_the_limit():
    text = ("Nguyễn\x1b[31mVăn\x1b]0;x\x07An " * 10_000)[:100_000]
    data = START + text + END + "q"
    found = parse(*(data[i:i + 4096] for i in range(0, len(data), 4096)))  # as the driver reads
    assert pastes(found) == [text[:PASTE_LIMIT + 1]]
    assert keys(found) == ["q"]  # and what follows the paste is typed again


def test_after_a_lone_esc_timed_out_what_follows_is_typed_not_a_paste(monkeypatch):
    import textual._parser

    now = [100.0]
    monkeypatch.setattr(textual._parser, "get_time", lambda: now[0])
    parser = SafePasteParser()
    found = list(parser.feed("\x1b"))
    now[0] += 1  # the Esc key: nothing followed it in time
    found += parser.tick()
    found += parser.feed("[200~ab")
    found += parser.feed("")
    assert keys(found)[0] == "escape" and not pastes(found)
    assert "a" in keys(found) and "b" in keys(found)


def test_a_key_beyond_unicode_crashes_nothing():
    found = parse("\x1b[99999999u", "x")
    assert "x" in keys(found)


def test_install_makes_every_driver_build_the_safe_parser(monkeypatch):
    modules = [importlib.import_module(name) for name in textual_compat._DRIVER_MODULES]
    for module in modules:
        monkeypatch.setattr(module, "XTermParser", XTermParser)
    install_terminal_parser()
    install_terminal_parser()  # twice is harmless
    assert all(module.XTermParser is SafePasteParser for module in modules)


def test_install_refuses_a_textual_whose_drivers_changed(monkeypatch):
    module = importlib.import_module(textual_compat._DRIVER_MODULES[0])
    monkeypatch.setattr(module, "XTermParser", object)
    with pytest.raises(RuntimeError):
        install_terminal_parser()


# -- ScrubbedCrashReport and DropMessagesFromGone (issue 14, findings 1 and 2): their private names
def test_the_crash_reports_private_names_are_where_it_expects_them():
    """ScrubbedCrashReport overrides App._handle_exception and App._fatal_error, appends to
    App._exit_renderables and closes with App._close_messages_no_wait: a Textual that renames or
    stops calling one of them fails here, not at a kiosk's crash."""
    from textual.app import App

    for name in ("_handle_exception", "_fatal_error", "_close_messages_no_wait"):
        assert callable(getattr(App, name, None)), name
    assert "_fatal_error()" in inspect.getsource(App._handle_exception)  # the report is made there
    assert "show_locals" in inspect.getsource(App._fatal_error)  # what the override exists to avoid
    assert isinstance(App()._exit_renderables, list)
    assert "_exit_renderables" in inspect.getsource(App._print_error_renderables)
    assert list(inspect.signature(App._handle_exception).parameters) == ["self", "error"]


def test_the_message_guards_private_name_is_where_it_expects_it():
    """DropMessagesFromGone overrides MessagePump._on_message, through which every message (not
    an event) reaches its handlers."""
    from textual.message_pump import MessagePump

    assert "await self._on_message(message)" in inspect.getsource(MessagePump._dispatch_message)
    assert list(inspect.signature(MessagePump._on_message).parameters) == ["self", "message"]


def test_the_crash_report_replaces_textuals_and_keeps_no_locals():
    """The mixin in place on DvcApp: a crash's report is the scrubbed lines, not rich's
    Traceback with its frames' locals."""
    from rich.text import Text

    from dvc_tui.app import DvcApp

    assert DvcApp._fatal_error is textual_compat.ScrubbedCrashReport._fatal_error
    assert DvcApp._handle_exception is textual_compat.ScrubbedCrashReport._handle_exception

    class Probe(textual_compat.ScrubbedCrashReport):
        def __init__(self):
            self._exit_renderables, self.closed = [], False

        def bell(self):
            pass

        def _close_messages_no_wait(self):
            self.closed = True

    def fails(secret):
        raise RuntimeError(f"code '{secret}'")

    probe = Probe()
    try:
        fails("493817")
    except RuntimeError as error:
        probe.crash = error
    probe._fatal_error()
    (report,) = probe._exit_renderables
    assert isinstance(report, Text) and "493817" not in report.plain and "fails" in report.plain
    assert probe.closed


def test_a_timer_with_a_negative_delay_fires_instead_of_freezing_the_app(tmp_path):
    """Textual 8.2's Timer spins for ever, never yielding, on a negative delay (a toast whose
    notification expired before it was mounted): found as a `serve` tab at 100% CPU that no
    longer answered. Run in a subprocess: without the guard it never ends (killed at 60 s)."""
    import subprocess
    import sys

    script = (
        "from textual.app import App\n"
        "from dvc_tui.textual_compat import install_timer_guard\n"
        "install_timer_guard()\n"
        "class A(App):\n"
        "    def on_mount(self):\n"
        "        self.set_timer(-0.5, lambda: self.exit(0))\n"
        "A().run(headless=True)\n"
        "print('fired')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "fired" in done.stdout, done.stderr[-2000:]


def test_the_timer_guard_is_in_every_app_of_dvc_tui():
    from textual.timer import Timer

    from dvc_tui.app import DvcApp  # noqa: F401 - DvcApp() and PhoneApp() install it

    import dvc_tui.phone_app as phone_app
    import inspect

    assert "install_timer_guard()" in inspect.getsource(DvcApp.__init__)
    assert "install_timer_guard()" in inspect.getsource(phone_app.PhoneApp.__init__)
    assert inspect.signature(Timer.__init__).parameters.keys() >= {"event_target", "interval"}
