"""The simulated SMS inbox pane: every message the simulator sends lands here, newest first."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from dvc_tui.core.clock import VN_TZ
from dvc_tui.core.identity import Phone
from dvc_tui.core.sms import SmsMessage
from dvc_tui.core.text import t

SHOWN = 50
"""How many of the newest messages the pane keeps on screen."""


def render_sms(message: SmsMessage) -> str:
    when = message.sent_at.astimezone(VN_TZ).strftime("%H:%M:%S %d/%m")
    header = t("sms.header", sender=message.sender, phone=Phone(message.phone).national, time=when)
    return f"[b]{escape(header)}[/]\n{escape(message.body)}"


class SmsInbox(VerticalScroll):
    """Shows the app's recent messages; follows the app's `sms_signal`."""

    def __init__(self) -> None:
        super().__init__(id="sms-inbox")
        self.can_focus = True

    def compose(self) -> ComposeResult:
        yield Static(t("sms.empty"), id="sms-empty")

    def on_mount(self) -> None:
        self.border_title = t("sms.title")
        app = self.app
        for message in reversed(getattr(app, "recent_sms", [])):
            self._add(message)
        signal = getattr(app, "sms_signal", None)
        if signal is not None:
            signal.subscribe(self, self._add)

    def _add(self, message: SmsMessage | None) -> None:
        if message is None:  # the inbox was wiped
            self.query(".sms").remove()
            self.query_one("#sms-empty").display = True
            return
        self.query_one("#sms-empty").display = False
        shown = self.query(".sms")
        self.mount(Static(render_sms(message), classes="sms"), before=shown.first() if shown else None)
        if len(shown) >= SHOWN:
            shown.last().remove()
        self.scroll_home(animate=False)
