"""Every use of a private Textual name, each pinned by a test; nowhere else.

Each name below is Textual's own, not part of its public API, and may change in any release:
`tests/test_textual_compat.py` pins each one (it fails the day a Textual upgrade moves it).

The terminal parser (issue 14, finding 8). Textual's `XTermParser` (textual/_xterm_parser.py,
`parse`) reads a bracketed paste (ESC[200~ ... ESC[201~) one character at a time into its paste
buffer, but an ESC inside the paste sends it into its escape-sequence loop, which reads the next
characters WITHOUT adding them to the buffer: they are looked up as a key sequence, and when
none matches (32 characters on, or at the next ESC) they are re-issued as key presses (the ESC
itself as "^"). So `Nguyen ESC[31mVan An` pasted gives the keys `^[31mVan An` and then a paste of
`Nguyen`; a paste's CR, Tab or ESC O P became Enter, Tab or F1 presses at machine speed, and a
long paste full of ESC became one key event per character (minutes of CPU, gigabytes).

`SafePasteParser` takes each paste whole, before Textual's parse sees it: once the parser has
read ESC[200~ it collects every character up to the literal ESC[201~ itself, ESC included, and
delivers one `events.Paste` (NUL removed, as Textual does). It keeps at most `PASTE_LIMIT` + 1
characters of a paste, however long it is (the rest is counted, not kept), so a field can
refuse it in place (`widgets.inputs.VietInput`) in bounded time and memory. Everything outside
a paste is Textual's own parsing, except that a Kitty key sequence naming no character
(ESC[99999999u) is ignored instead of raising ValueError in the input thread (a crash).
`install_terminal_parser()` makes Textual's drivers (a terminal, `serve`'s web driver) use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from textual import events
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.screen import Screen

PASTE_LIMIT = 1_000
"""The longest paste a field takes (the longest right value, an email address, is 254): the
parser keeps one character more, so the field knows to refuse it."""

_DRIVER_MODULES = ("textual.drivers.linux_driver", "textual.drivers.linux_inline_driver",
                   "textual.drivers.web_driver")
"""Driver modules that build their parser as `XTermParser(...)` from their module's globals."""


class SafePasteParser(XTermParser):
    """Textual's terminal parser with each bracketed paste taken whole, as text (see above)."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._tail = ""  # outside a paste: the last characters read, which may begin ESC[200~
        self._paste: list[str] | None = None  # inside a paste: its text so far, at most LIMIT + 1
        self._paste_kept = 0
        self._pending = ""  # inside a paste: the last characters read, which may begin ESC[201~

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of the input (an unfinished paste is dropped, as Textual does)
            self._paste = None
            yield from super().feed(data)
            return
        while data:
            if self._paste is None:
                window = self._tail + data
                found = window.find(BRACKETED_PASTE_START)
                if found < 0:
                    self._tail = window[-(len(BRACKETED_PASTE_START) - 1):]
                    yield from super().feed(data)
                    return
                cut = found + len(BRACKETED_PASTE_START) - len(self._tail)
                yield from super().feed(data[:cut])  # Textual's parse now waits in its paste mode
                data = data[cut:]
                self._tail = ""
                self._paste, self._paste_kept, self._pending = [], 0, ""
            else:
                window = self._pending + data
                found = window.find(BRACKETED_PASTE_END)
                if found < 0:
                    keep = len(BRACKETED_PASTE_END) - 1
                    self._keep(window[:-keep])
                    self._pending = window[-keep:]
                    return
                self._keep(window[:found])
                data = window[found + len(BRACKETED_PASTE_END):]
                yield from self._end_paste()

    def _keep(self, text: str) -> None:
        room = PASTE_LIMIT + 1 - self._paste_kept
        if room > 0 and text:
            piece = text.replace("\x00", "")[:room]
            self._paste.append(piece)
            self._paste_kept += len(piece)

    def _end_paste(self) -> Iterable[Message]:
        text = "".join(self._paste)
        self._paste = None
        self._pending = ""
        # Textual's parse ends its (empty) paste on the same marker; its empty Paste is dropped.
        for token in super().feed(BRACKETED_PASTE_END):
            if not isinstance(token, events.Paste):
                yield token
        yield events.Paste(text)

    def tick(self) -> Iterable[Message]:
        # A lone ESC timed out (the Esc key): what follows it cannot complete a paste's start.
        waiting = self._timeout_time
        yield from super().tick()
        if waiting is not None and self._timeout_time is None:
            self._tail = ""

    def _parse_extended_key(self, sequence: str) -> list[events.Key] | None:
        try:
            return super()._parse_extended_key(sequence)
        except (ValueError, OverflowError):  # a code point beyond Unicode: no key at all
            return []


def install_terminal_parser() -> None:
    """Make Textual's drivers build `SafePasteParser` (call before `App.run`)."""
    import importlib

    for name in _DRIVER_MODULES:
        module = importlib.import_module(name)
        if getattr(module, "XTermParser", None) not in (XTermParser, SafePasteParser):
            raise RuntimeError(f"{name} no longer builds textual's XTermParser")
        module.XTermParser = SafePasteParser


class ScrubbedCrashReport:
    """The crash report without local variables (issue 14, finding 2), mixed into DvcApp.

    On an unhandled exception Textual calls `App._handle_exception(error)`, which (for an error
    with no `__rich__`) calls `App._fatal_error()`: that renders rich's `Traceback(show_locals=
    True)` into `App._exit_renderables`, printed on the terminal (or `serve`'s log) as the app
    ends, with the values of every frame's variables: fields typed, the SMS pane's codes and
    phone numbers. Here `_handle_exception` keeps the error (`crash`) and tells `crashed(error)`
    (DvcApp writes the crash log), and `_fatal_error` puts dvc_tui.crash_report's lines there
    instead (type, scrubbed message, file:line function), as plain text, then closes the app as
    Textual does (`_close_messages_no_wait`). Textual has no public hook for this.
    """

    crash: BaseException | None = None

    def crash_report(self, error: BaseException) -> list[str]:  # DvcApp adds its header
        from dvc_tui.crash_report import describe

        return describe(error)

    def crashed(self, error: BaseException) -> None:
        """Called once, with the first unhandled exception."""

    def _handle_exception(self, error: Exception) -> None:
        if self.crash is None:
            self.crash = error
            try:
                self.crashed(error)
            except Exception:  # noqa: BLE001 - the crash log is best effort; the app still ends
                pass
        super()._handle_exception(error)  # type: ignore[misc]

    def _fatal_error(self) -> None:
        from rich.text import Text

        self.bell()  # type: ignore[attr-defined]
        error = self.crash
        lines = self.crash_report(error) if error is not None else ["dvc-tui: unknown error"]
        self._exit_renderables.append(Text("\n".join(lines), no_wrap=False))  # type: ignore[attr-defined]
        self._close_messages_no_wait()  # type: ignore[attr-defined]


class DropMessagesFromGone:
    """Keys faster than screens (issue 14, finding 1), mixed into PortalScreen and every widget
    of dvc-tui with an on_mount that looks at its children: a message whose
    control (the Input, Button ... that sent it) has been taken away by the time it is handled
    (its screen composed again for F8, or left) is dropped, never handled: every handler may
    assume the widget that sent it, and its siblings, are still there. A widget taken away before
    its own Mount was handled never runs its on_mount.

    Textual dispatches a message (not an event) through `MessagePump._on_message`, the one place
    every `@on` and `on_...` handler is found; it has no public hook to filter them."""

    async def _on_message(self, message: Message) -> None:
        from textual import events
        from textual.widget import Widget

        control = message.control
        if isinstance(control, Widget) and control is not self and is_going(control):
            return  # the widget is gone: its message with it
        if isinstance(message, events.Mount) and is_going(self):  # type: ignore[arg-type]
            return  # taken away before its Mount was handled (F8 composed its screen again)
        await super()._on_message(message)  # type: ignore[misc]


def is_going(node: "MessagePump") -> bool:
    """Whether `node` is gone or being taken away: not attached to the app, or it or a parent
    is being pruned or closed (Textual removes the children first, so a parent still attached
    may have lost them). Textual's flags `_pruning`, `_closing`, `_closed`, `_parent`."""
    if not node.is_attached:
        return True
    current: MessagePump | None = node
    while current is not None:
        if getattr(current, "_pruning", False) or current._closing or current._closed:
            return True
        current = current._parent
    return False


def registered_screens(app: "App") -> list["Screen"]:
    """Every screen the app holds as a child, those still being taken away included (the App's
    public `children` is its current screen only); a new screen's id must differ from theirs."""
    return list(app._nodes)


TIMER_FLOOR = 0.01
"""The shortest delay a Textual timer is given (seconds): see install_timer_guard."""


def install_timer_guard() -> None:
    """Textual 8.2's Timer loops for ever, without yielding, when its delay is negative (its
    catch-up arithmetic counts backwards): the app freezes at 100% CPU. A toast makes one whenever
    its notification has expired by the time it is mounted (a busy moment, a screen switched):
    the fuzzer through `serve` left a tab so. Every timer's delay is made at least TIMER_FLOOR.
    Idempotent; wraps `textual.timer.Timer.__init__` (public class, its `interval` argument)."""
    from textual.timer import Timer

    if getattr(Timer.__init__, "dvc_tui_guard", False):
        return
    original = Timer.__init__

    def __init__(self, event_target, interval: float, *args, **kwargs) -> None:
        original(self, event_target, max(interval, TIMER_FLOOR), *args, **kwargs)

    __init__.dvc_tui_guard = True  # type: ignore[attr-defined]
    Timer.__init__ = __init__  # type: ignore[method-assign]
