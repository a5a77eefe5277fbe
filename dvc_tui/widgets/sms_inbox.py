"""The simulated SMS inbox pane: every message the simulator sends lands here, newest first;
so do the SIM ký số signing requests, as cards the user answers with the SIM's PIN (the phone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from dvc_tui.core.clock import VN_TZ
from dvc_tui.core.identity import Phone
from dvc_tui.core.sms import SmsMessage
from dvc_tui.core.text import t
from dvc_tui.markup import escape
from dvc_tui.textual_compat import DropMessagesFromGone

if TYPE_CHECKING:  # imported with the first signing request: a home page with none starts without it
    from dvc_tui.widgets.sim_request import SimRequestCard

SHOWN = 10
"""How many of the newest messages (and signing requests) the pane keeps: about twice what its
height shows; `dvc-tui sms` and `dvc-tui phone` list more. Each is a widget mounted on every
screen the user opens, so fewer keep each step quick (benchmarks/scale.py, heartbeat.py)."""


def render_sms(message: SmsMessage) -> str:
    when = message.sent_at.astimezone(VN_TZ).strftime("%H:%M:%S %d/%m")
    header = t("sms.header", sender=message.sender, phone=Phone(message.phone).national, time=when)
    return f"[b]{escape(header)}[/]\n{escape(message.body)}"


def _sim_card(request) -> SimRequestCard:
    from dvc_tui.widgets.sim_request import SimRequestCard

    return SimRequestCard(request)


class SmsInbox(DropMessagesFromGone, VerticalScroll):
    """Shows the app's recent messages; follows the app's `sms_signal`."""

    def __init__(self) -> None:
        super().__init__(id="sms-inbox")
        self.can_focus = True

    def compose(self) -> ComposeResult:
        yield Static(t("sms.empty"), id="sms-empty")

    def on_mount(self) -> None:
        self.border_title = t("sms.title")
        app = self.app
        self.show_all()
        signal = getattr(app, "sms_signal", None)
        if signal is not None:
            signal.subscribe(self, self._add)
        sim_signal = getattr(app, "sim_signal", None)
        if sim_signal is not None:
            sim_signal.subscribe(self, self._add_sim)
            self.set_interval(1, self.tick)

    def show_all(self) -> None:
        """The app's newest messages and signing requests, newest on top, mounted in one go
        (on mount, and when the start-up worker hands over the store's newest messages)."""
        app = self.app
        self.query(".sms, .sim-request").remove()
        items = [(m.sent_at, 0, m.id, m) for m in getattr(app, "recent_sms", [])]
        items += [(r.created_at, 1, r.id, r) for r in getattr(app, "recent_sim", {}).values()]
        newest = sorted(items, key=lambda entry: entry[:3], reverse=True)[:SHOWN]
        self._show_empty(not newest)
        if newest:
            self.mount_all([_sim_card(item) if kind else Static(render_sms(item), classes="sms")
                            for _, kind, _, item in newest])

    def _show_empty(self, empty: bool) -> None:
        # query, not query_one: a pane taken away while it mounts (its screen composed again
        # for F8, or left) has no "no message" line any more, and nothing to show
        for line in self.query("#sms-empty"):
            line.display = empty

    def _add(self, message: SmsMessage | None) -> None:
        if message is None:  # the inbox was wiped
            self.query(".sms").remove()
            self._show_empty(True)
            return
        self._show_empty(False)
        shown = self.query(".sms, .sim-request")
        self.mount(Static(render_sms(message), classes="sms"), before=shown.first() if shown else None)
        if len(shown) >= SHOWN:
            shown.last().remove()
        self.scroll_home(animate=False)

    # -- SIM ký số: signing requests (widgets/sim_request.py) ------------------------------
    def _card(self, request_id: int) -> SimRequestCard | None:
        found = self.query(f"#sim-request-{request_id}")
        return found.first() if found else None

    def _add_sim(self, request) -> SimRequestCard:
        """Show a request: a new card on top, or the card it has already, brought up to date."""
        card = self._card(request.id)
        if card is not None:
            if card.is_mounted:
                card.show(request)
            else:
                card.request = request
            return card
        self._show_empty(False)
        shown = self.query(".sms, .sim-request")
        from dvc_tui.widgets.sim_request import SimRequestCard

        card = SimRequestCard(request)
        self.mount(card, before=shown.first() if shown else None)
        if len(shown) >= SHOWN:
            shown.last().remove()
        self.scroll_home(animate=False)
        return card

    def show_request(self, request, *, focus: bool = False) -> None:
        """Show a request made on this screen; with `focus`, put the cursor in its PIN field."""
        card = self._add_sim(request)
        if focus:
            self.call_after_refresh(card.focus_pin)

    def focus_newest_pending(self) -> bool:
        """Move to the PIN field of the newest request still waiting for an answer."""
        for card in self.query(".sim-request"):
            if card.is_mounted and card.focus_pin():
                return True
        return False

    def tick(self) -> None:
        """Once a second: the time left on the waiting requests, from the injected clock."""
        for card in self.query(".sim-request"):
            if card.is_mounted:
                card.tick()
