"""`dvc-tui phone`: the simulated phone as an app of its own, for a second monitor or a tmux pane.

It reads the same database as the kiosk's app (WAL: readers never block the writer), polling it
about once a second in a thread worker: new SMS (after the newest one shown) and the SIM ký số
signing requests (new ones, and those whose state changed). It shows them with the kiosk's own
pane (widgets.sms_inbox.SmsInbox: render_sms and the SimRequestCard), fed the way DvcApp feeds
it (`recent_sms`, `recent_sim`, `sms_signal`, `sim_signal`), so a request is approved or declined
here with the SIM's PIN through the same core calls. With a number, only that number's.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.signal import Signal
from textual.widgets import Footer, Input, Static

from dvc_tui.config import Config
from dvc_tui.core.clock import Clock
from dvc_tui.core.identity import Phone
from dvc_tui.core.text import set_language, t
from dvc_tui.notices import PlainNotices
from dvc_tui.textual_compat import install_timer_guard
from dvc_tui.screens.base import localize_bindings
from dvc_tui.widgets.sms_inbox import SHOWN, SmsInbox

POLL_EVERY = 1.0
"""Seconds between two reads of the database."""


class PhoneApp(PlainNotices, App[None]):
    TITLE = "dvc-tui phone"
    CSS = """
    Screen {
        layout: vertical;
    }
    #phone-title {
        height: auto;
        background: #0b4d9b;
        color: #ffffff;
        text-style: bold;
        padding: 0 1;
    }
    #phone-hint {
        height: auto;
        color: $text-muted;
        padding: 0 1;
    }
    #sms-inbox {
        height: 1fr;
        border: round $secondary;
        border-title-color: $text;
        border-title-style: bold;
        padding: 0 1;
    }
    #sms-inbox:focus-within {
        border: round $accent;
    }
    #sms-empty {
        color: $text-muted;
    }
    .sms {
        margin: 0 0 1 0;
        padding: 0 1;
        background: $boost;
    }
    .sim-request {
        height: auto;
        margin: 0 0 1 0;
        padding: 0 1;
        background: $boost;
        border-left: thick $accent;
    }
    .sim-request.-closed {
        border-left: thick $secondary;
    }
    .sim-request Input {
        width: 100%;
    }
    .sim-left {
        color: $warning;
        text-style: bold;
    }
    .sim-error {
        color: $success;
    }
    .sim-error.-error {
        color: $error;
        text-style: bold;
    }
    .sim-actions {
        height: auto;
    }
    .sim-actions Button {
        width: auto;
        min-width: 10;
        padding: 0 1;
        margin: 0 1 0 0;
    }
    .sim-result {
        text-style: bold;
        color: $text-muted;
    }
    .sim-result.-approved {
        color: $success;
    }
    """
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", priority=True),
        Binding("q", "quit", "key.quit"),
        Binding("f6", "to_request", "key.sim_pin"),
    ]

    def __init__(
        self,
        data_dir: str | Path | None = None,
        *,
        config: Config | None = None,
        number: str | None = None,
        clock: Clock | None = None,
        language: str | None = None,
        poll_every: float = POLL_EVERY,
    ) -> None:
        from dvc_tui.services import Services

        config = config or Config.load(data_dir, language, use_keyring=False)
        set_language(config.language)
        install_timer_guard()  # a toast's expired timer froze the app (textual_compat)
        super().__init__()
        localize_bindings(self)
        self.number = number  # E.164, or None for every number
        self.poll_every = poll_every
        self.services = Services(config, clock=clock)
        self.services.sim_listeners.append(self._sim_from_any_thread)
        self._main_thread = threading.get_ident()
        # what the SmsInbox pane reads and follows, as on DvcApp
        self.recent_sms: list = []  # newest first
        self.sms_signal: Signal = Signal(self, "sms")
        self.recent_sim: dict[int, Any] = {}  # request id -> its latest state
        self.sim_signal: Signal = Signal(self, "sim")
        self._last_sms = 0
        self._problem: str | None = None

    def compose(self) -> ComposeResult:
        number = Phone(self.number).national if self.number else t("phoneapp.all")
        yield Static(t("phoneapp.title", number=number), id="phone-title", markup=False)
        yield Static(t("phoneapp.hint"), id="phone-hint")
        yield Footer()  # the inbox is mounted above it once the first read is in (see _apply)

    def on_mount(self) -> None:
        self.check_now()
        self.set_interval(self.poll_every, self.check_now)

    # -- reading the database ----------------------------------------------------------------
    def check_now(self) -> None:
        """Read the database in a thread worker (skipped while the previous read runs)."""
        if any(w.group == "poll" and not w.is_finished for w in self.workers):
            return
        self.run_worker(self._poll, thread=True, group="poll", exit_on_error=False)

    def _poll(self) -> None:
        import sqlite3

        from dvc_tui.core.text import problem_text
        from dvc_tui.store.errors import StoreError, storage_problem

        try:
            store = self.services.store
            messages = store.recent_sms(limit=SHOWN, phone=self.number, after_id=self._last_sms)
            wiped = False
            if not messages and self._last_sms:
                newest = store.recent_sms(limit=1, phone=self.number)
                if not newest or newest[0].id < self._last_sms:  # emptied (accounts reset), or a new file
                    wiped, messages = True, store.recent_sms(limit=SHOWN, phone=self.number)
            requests = self.services.sims.recent(limit=SHOWN, phone=self.number)
        except (StoreError, sqlite3.Error, OSError, ValueError) as exc:
            found = storage_problem(exc)  # said in the user's language; ValueError: a bad row
            self._call(self._failed, problem_text(found) if found else t("error.storage", detail=exc))
            return
        self._call(self._apply, messages, wiped, requests)

    def _call(self, callback, *args) -> None:
        try:
            self.call_from_thread(callback, *args)
        except RuntimeError:  # the app is closing
            pass

    def _failed(self, detail: str) -> None:
        if detail != self._problem:  # once per problem, not every second
            self._problem = detail
            self.notify(detail, severity="error", timeout=30)

    async def _apply(self, messages: list, wiped: bool, requests: list) -> None:
        self._problem = None
        inbox = self.query(SmsInbox)
        arriving = [r for r in requests if r.id not in self.recent_sim]
        if not inbox or wiped or (messages and arriving and not self._typing()):
            await self._rebuild(messages, wiped, requests, inbox)
            return
        for message in reversed(messages):  # oldest first: each goes on top
            self._last_sms = max(self._last_sms, message.id)
            self.recent_sms.insert(0, message)
            del self.recent_sms[SHOWN:]
            self.sms_signal.publish(message)
        self._forget_deleted(requests)
        arrived = None
        for request in reversed(requests):
            if self._add_sim(request):
                arrived = request
        if arrived is not None and not self._typing():
            self.query_one(SmsInbox).show_request(arrived, focus=True)
        self._show_empty()

    def _typing(self) -> bool:
        """A PIN is being typed: a new request does not take the cursor away from it."""
        return isinstance(self.focused, Input) and bool(self.focused.value)

    async def _rebuild(self, messages: list, wiped: bool, requests: list, old) -> None:
        """A new pane with everything: it sorts messages and requests by time when it mounts.
        Done at the first read, after a wipe, and when one read brings both a message and a
        request (added one by one, the two could land in the wrong order)."""
        if wiped:
            self.recent_sms.clear()
            self._last_sms = 0
        self.recent_sms[:0] = messages
        del self.recent_sms[SHOWN:]
        self._last_sms = max([self._last_sms, *(m.id for m in messages)])
        self.recent_sim.clear()
        self.recent_sim.update((r.id, r) for r in reversed(requests))
        typing = self._typing()
        await old.remove()
        await self.mount(SmsInbox(), before=self.query_one(Footer))
        pending = [r for r in requests if r.shown_status(self.services.clock.now()).value == "pending"]
        if pending and not typing:
            self._focus_when_ready(pending[0].id)
        self._show_empty()

    def _focus_when_ready(self, request_id: int, tries: int = 50) -> None:
        """The PIN field of a request on the new pane, once its card is mounted."""
        cards = self.query(f"#sim-request-{request_id}")
        card = cards.first() if cards else None
        if card is not None and card.is_mounted and card.query(Input):
            card.focus_pin()
        elif tries:
            self.set_timer(0.02, lambda: self._focus_when_ready(request_id, tries - 1))

    def _forget_deleted(self, requests: list) -> None:
        """Take down the cards of requests no longer in the database (accounts reset)."""
        present = {r.id for r in requests}
        oldest = min(present, default=None)
        for rid in list(self.recent_sim):
            if rid not in present and (oldest is None or rid > oldest):
                del self.recent_sim[rid]
                self.query(f"#sim-request-{rid}").remove()

    def _show_empty(self) -> None:
        inbox = self.query_one(SmsInbox)
        inbox.query_one("#sms-empty").display = not self.recent_sms and not self.recent_sim

    # -- the signing requests ----------------------------------------------------------------
    def _sim_from_any_thread(self, request) -> None:
        """Answered here (core.sim tells its listeners): show the new state at once."""
        if threading.get_ident() == self._main_thread:
            self._add_sim(request)
        else:
            self._call(self._add_sim, request)

    def _add_sim(self, request) -> bool:
        """Show a request new or changed; True when it is new and waits for an answer."""
        known = self.recent_sim.get(request.id)
        if known is not None and (known.status, known.decided_at) == (request.status, request.decided_at):
            return False
        self.recent_sim[request.id] = request
        while len(self.recent_sim) > SHOWN:
            del self.recent_sim[min(self.recent_sim)]
        self.sim_signal.publish(request)
        return known is None and request.shown_status(self.services.clock.now()).value == "pending"

    def action_to_request(self) -> None:
        """F6: the PIN field of the newest request still waiting."""
        self.query_one(SmsInbox).focus_newest_pending()

    def on_unmount(self) -> None:
        self.services.close()
