"""Waiting for a SIM ký số signing request to be answered on the phone (`#sim-wait`): the masked
number, a countdown from 2:00 driven by the injected clock (a 1 s interval that reads it), and
the request's outcome checked in a thread worker -- at once when the app hears the request
changed, when the time is up, and every few seconds (another process, a phone, may answer it
through the database). Approved and verified, and the wait still current: the owner's `finish`
runs in a blocking worker of the screen (the account's creation, for example; Back waits for
it) and `done` gets its result. A signature that arrives after the user left, or for a request
since replaced, makes nothing. Declined, expired, locked, or any
refusal: the reason and `#resend-request` (posts `SimWait.Resend`). Leaving cancels the request."""

from __future__ import annotations

from typing import Any, Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, Static

from dvc_tui.core.identity import Phone
from dvc_tui.core.problems import PortalError
from dvc_tui.core.sim import RequestStatus, SigningRequest, Verified
from dvc_tui.core.text import problem_text, t
from dvc_tui.markup import escape
from dvc_tui.widgets.sim_request import clock_text
from dvc_tui.textual_compat import DropMessagesFromGone

POLL_EVERY = 3
"""Ticks (seconds) between two reads of the request while nothing was heard of it."""


class SimWait(DropMessagesFromGone, Vertical):
    class Resend(Message):
        """The user asks for a new signing request (#resend-request)."""

    def __init__(
        self,
        services,
        *,
        finish: Callable[[Verified], Any],
        done: Callable[[Any], None],
        refused: Callable[[PortalError], None] | None = None,
    ) -> None:
        super().__init__(id="sim-wait")
        self.services = services
        self.finish = finish  # in the worker thread, after the signature was verified
        self.done = done  # on the event loop, with finish's result
        self.refused = refused  # on the event loop, after the reason is shown
        self.request: SigningRequest | None = None
        self.waiting = False
        self._checking = False
        self._again = False
        self._ticks = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="sim-wait-title")
        yield Static("", id="sim-wait-left")
        yield Static(t("sim.wait.hint"), id="sim-wait-hint", classes="hint")
        yield Static("", id="sim-wait-message", classes="message")
        yield Button(t("sim.resend"), id="resend-request")

    def on_mount(self) -> None:
        self.display = False
        self.set_interval(1, self._tick)
        signal = getattr(self.app, "sim_signal", None)
        if signal is not None:
            # immediate: the check starts while the phone's worker is still running, so whoever
            # waits for the app's workers sees no gap between the answer and its check
            signal.subscribe(self, self._heard, immediate=True)

    def on_unmount(self) -> None:
        self.abandon()

    # -- the states ------------------------------------------------------------------------
    def start(self, request: SigningRequest) -> None:
        if self.waiting and self.request is not None and self.request.id != request.id:
            self.abandon()
        self.request, self.waiting, self._ticks = request, True, 0
        self.display = True
        self._line("#sim-wait-title", t("sim.wait.title", phone=Phone(request.phone).masked()))
        self.query_one("#sim-wait-hint").display = True
        self.query_one("#sim-wait-left").display = True
        self._say(None)
        self.query_one("#resend-request").display = False
        self._tick(poll=False)
        self.call_after_refresh(self.scroll_visible, animate=False)

    def stop(self, error: PortalError) -> None:
        """The wait ended without a signature: say why, offer to send again."""
        self.waiting = False
        self.display = True
        if self.request is not None:
            self._line("#sim-wait-title", t("sim.wait.ended", phone=Phone(self.request.phone).masked()))
        self.query_one("#sim-wait-hint").display = False
        self.query_one("#sim-wait-left").display = False
        self._say(problem_text(error.problem))
        resend = self.query_one("#resend-request", Button)
        resend.display = True
        resend.focus()
        resend.scroll_visible(animate=False)

    def abandon(self) -> None:
        """Stop waiting and cancel the request, so the phone can no longer answer it."""
        if not self.waiting or self.request is None:
            return
        self.waiting = False
        request_id, sims = self.request.id, self.services.sims
        try:
            self.app.run_worker(lambda: sims.cancel(request_id), thread=True, group="sim-cancel", exit_on_error=False)
        except Exception:  # noqa: BLE001 - the app is closing: the request expires by itself
            pass

    def _line(self, selector: str, text: str) -> None:
        self.query_one(selector, Static).update(escape(text))

    def _say(self, message: str | None) -> None:
        target = self.query_one("#sim-wait-message", Static)
        target.update(escape(message or ""))
        target.set_class(bool(message), "-shown")
        target.set_class(True, "error")

    # -- the countdown and the checks ------------------------------------------------------
    def _tick(self, poll: bool = True) -> None:
        if not self.waiting or self.request is None:
            return
        left = self.request.seconds_left(self.services.clock.now())
        self._line("#sim-wait-left", t("sim.wait.left", time=clock_text(left)))
        self._ticks += 1
        if poll and (left == 0 or self._ticks % POLL_EVERY == 0):
            self.check()

    def _heard(self, request: SigningRequest) -> None:
        if self.waiting and self.request is not None and request.id == self.request.id:
            if request.status is RequestStatus.APPROVED:
                self._line("#sim-wait-title", t("sim.wait.checking"))
            if request.status is not RequestStatus.PENDING:
                self.check()

    def check(self) -> None:
        """Read the request's outcome in a thread worker (one at a time)."""
        if not self.waiting or self.request is None:
            return
        if self._checking:
            self._again = True
            return
        self._checking = True
        app, sims, request_id = self.app, self.services.sims, self.request.id

        def job() -> None:
            result, error = None, None
            try:
                verified = sims.outcome(request_id)
                if verified is not None:
                    result = (verified,)
            except PortalError as exc:
                error = exc
            except Exception as exc:  # noqa: BLE001 - one line, never a traceback
                error = PortalError("error.unexpected", detail=type(exc).__name__)
            try:
                app.call_from_thread(self._checked, request_id, result, error)
            except RuntimeError:  # the app is closing
                pass

        self.run_worker(job, thread=True, group="blocking", exit_on_error=False)

    def _checked(self, request_id: int, result: tuple | None, error: PortalError | None) -> None:
        self._checking = False
        if not self.is_attached or not self.waiting or self.request is None:
            return
        if self.request.id != request_id:  # a newer request was sent meanwhile
            if self._again:
                self._again = False
                self.check()
            return
        if error is not None:
            self.stop(error)
            if self.refused is not None:
                self.refused(error)
        elif result is not None:
            self.waiting = False
            verified, finish = result[0], self.finish
            self.screen.run_blocking(lambda: finish(verified), self.done, self._finish_failed, t("sim.wait.checking"))
        elif self._again:
            self._again = False
            self.check()

    def _finish_failed(self, error: PortalError) -> None:
        self.stop(error)
        if self.refused is not None:
            self.refused(error)

    @on(Button.Pressed, "#resend-request")
    def _resend(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Resend())
