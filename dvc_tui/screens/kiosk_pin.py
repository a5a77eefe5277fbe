"""Kiosk mode: the trainer PIN, asked before quitting (Ctrl+Q) or leaving kiosk mode (Ctrl+K).

A modal over the current screen; dismissed with True on the right PIN, False on Esc or Quay
lại. The PIN is checked (Argon2id, the wrong-PIN count and waits of core.kiosk) in a thread.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from dvc_tui.core.kiosk import PIN_MAX_CHARS
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import problem_text, t
from dvc_tui.markup import escape
from dvc_tui.widgets.inputs import PasswordInput


class KioskPinScreen(ModalScreen[bool]):
    DEFAULT_CSS = """
    KioskPinScreen {
        align: center middle;
    }
    KioskPinScreen #kiosk-pin-box {
        width: 60;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    KioskPinScreen #kiosk-pin-title {
        text-style: bold;
        margin-bottom: 1;
    }
    KioskPinScreen #kiosk-pin-message {
        height: auto;
        min-height: 1;
        color: $error;
    }
    KioskPinScreen #kiosk-pin-message.info {
        color: $text-muted;
    }
    KioskPinScreen #kiosk-pin-buttons {
        height: auto;
        margin-top: 1;
    }
    KioskPinScreen #kiosk-pin-buttons Button {
        margin-right: 2;
    }
    """
    BINDINGS = [Binding("escape", "back", show=False)]

    def __init__(self, purpose: str, services) -> None:
        super().__init__(id="kiosk-pin-screen")
        self.purpose = purpose  # "quit" or "leave"
        self.services = services
        self.checking = False

    def compose(self) -> ComposeResult:
        with Vertical(id="kiosk-pin-box"):
            yield Static(t(f"kiosk.pin.title.{self.purpose}"), id="kiosk-pin-title")
            yield Static(t("kiosk.pin.intro"), id="kiosk-pin-intro")
            yield Label(t("kiosk.pin.label"))
            yield PasswordInput(id="kiosk-pin", max_length=PIN_MAX_CHARS)  # digits or a passphrase
            yield Static("", id="kiosk-pin-message")
            with Horizontal(id="kiosk-pin-buttons"):
                yield Button(t("kiosk.pin.submit"), id="kiosk-pin-submit", variant="primary")
                yield Button(t("kiosk.pin.back"), id="kiosk-pin-back")

    def on_mount(self) -> None:
        self.query_one("#kiosk-pin", Input).focus()

    def action_back(self) -> None:
        if not self.checking:
            self.dismiss(False)

    @on(Button.Pressed, "#kiosk-pin-back")
    def _back(self) -> None:
        self.action_back()

    @on(Input.Submitted, "#kiosk-pin")
    @on(Button.Pressed, "#kiosk-pin-submit")
    def _submit(self) -> None:
        if self.checking:
            return
        typed = self.query_one("#kiosk-pin", Input).value
        self.checking = True
        self.query_one("#kiosk-pin-submit", Button).disabled = True
        self._say(t("kiosk.pin.checking"), error=False)
        services, app = self.services, self.app

        def job() -> None:
            try:
                services.trainer_pin.verify(typed)
                error = None
            except PortalError as exc:
                error = exc
            except Exception as exc:  # noqa: BLE001 - a broken keyring or disk: one line, no traceback
                error = PortalError("error.unexpected", detail=type(exc).__name__)
            try:
                app.call_from_thread(self._checked, error)
            except RuntimeError:  # the app is closing
                pass

        self.run_worker(job, thread=True, exclusive=True, group="kiosk-pin", exit_on_error=False)

    def _checked(self, error: PortalError | None) -> None:
        self.checking = False
        if not self.is_attached:
            return
        if error is None:
            self.dismiss(True)
            return
        self.query_one("#kiosk-pin-submit", Button).disabled = False
        self._say(problem_text(error.problem), error=True)
        field = self.query_one("#kiosk-pin", Input)
        field.focus()
        field.select_all()

    def _say(self, text: str, *, error: bool) -> None:
        message = self.query_one("#kiosk-pin-message", Static)
        message.update(escape(text))
        message.set_class(not error, "info")
