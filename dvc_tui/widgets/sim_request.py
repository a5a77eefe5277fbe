"""A signing request as the simulated phone shows it: a card in the SMS pane (class
`sim-request`) naming the service, the number, what is being signed and the time left, with the
SIM PIN (`#sim-pin-<id>`, masked, digits only), `#sim-approve-<id>` and `#sim-decline-<id>`.
The answer is given in a thread worker (core.sim: PIN check, counted; signing); afterwards the
card shows the result. The request itself lives in the database, so another process could
answer it as well; the card then follows the app's `sim_signal`."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from dvc_tui.core.clock import VN_TZ
from dvc_tui.core.identity import Phone
from dvc_tui.core.problems import PortalError
from dvc_tui.core.sim import RequestStatus, SigningRequest
from dvc_tui.core.text import problem_text, t
from dvc_tui.core.tokens import PIN_MAX_DIGITS
from dvc_tui.markup import escape
from dvc_tui.widgets.inputs import PasswordInput
from dvc_tui.textual_compat import DropMessagesFromGone


def clock_text(seconds: int) -> str:
    """2:00, 1:59, ... 0:00."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def _local(moment) -> str:
    return moment.astimezone(VN_TZ).strftime("%H:%M:%S")


def result_text(request: SigningRequest, status: RequestStatus) -> str:
    decided = _local(request.decided_at) if request.decided_at else ""
    if status in (RequestStatus.APPROVED, RequestStatus.USED):
        return t("sim.card.approved", time=decided)
    if status is RequestStatus.DECLINED:
        return t("sim.card.declined", time=decided)
    if status is RequestStatus.LOCKED:
        return t("sim.card.locked")
    if status is RequestStatus.CANCELLED:
        return t("sim.card.cancelled")
    return t("sim.card.expired")


class SimRequestCard(DropMessagesFromGone, Vertical):
    def __init__(self, request: SigningRequest) -> None:
        super().__init__(id=f"sim-request-{request.id}", classes="sim-request")
        self.request = request
        self.working = False

    def compose(self) -> ComposeResult:
        request, rid = self.request, self.request.id
        when = request.created_at.astimezone(VN_TZ).strftime("%H:%M:%S %d/%m")
        header = t("sim.card.header", phone=Phone(request.phone).national, time=when)
        body = t("sim.card.body", what=t(f"sim.purpose.{request.purpose.value}"), username=request.username)
        yield Static(f"[b]{escape(header)}[/]\n{escape(body)}", classes="sim-request-text")
        yield Static("", id=f"sim-left-{rid}", classes="sim-left")
        yield PasswordInput(
            id=f"sim-pin-{rid}", placeholder=t("sim.card.pin.ph"), restrict=r"\d*", max_length=PIN_MAX_DIGITS,
            select_on_focus=False,
        )
        yield Static("", id=f"sim-error-{rid}", classes="sim-error")
        with Horizontal(classes="sim-actions"):
            yield Button(t("sim.card.approve"), id=f"sim-approve-{rid}", compact=True, variant="success")
            yield Button(t("sim.card.decline"), id=f"sim-decline-{rid}", compact=True, variant="error")
        yield Static("", id=f"sim-result-{rid}", classes="sim-result")

    def on_mount(self) -> None:
        self._say(None)
        self.show(self.request)

    def _now(self):
        return self.app.services.clock.now()

    @property
    def pending(self) -> bool:
        return self.request.shown_status(self._now()) is RequestStatus.PENDING

    def show(self, request: SigningRequest) -> None:
        """Show the request's latest state: the PIN and buttons while pending, then the result."""
        self.request = request
        rid = request.id
        status = request.shown_status(self._now())
        pending = status is RequestStatus.PENDING
        for selector in (f"#sim-left-{rid}", f"#sim-pin-{rid}", ".sim-actions"):
            self.query_one(selector).display = pending
        result = self.query_one(f"#sim-result-{rid}", Static)
        result.display = not pending
        if pending:
            self.query_one(f"#sim-left-{rid}", Static).update(
                escape(t("sim.card.left", time=clock_text(request.seconds_left(self._now()))))
            )
        else:
            result.update(escape(result_text(request, status)))
            result.set_class(status in (RequestStatus.APPROVED, RequestStatus.USED), "-approved")
            self.query_one(f"#sim-pin-{rid}", Input).value = ""
        self.set_class(not pending, "-closed")

    def tick(self) -> None:
        if self.request.status is RequestStatus.PENDING:
            self.show(self.request)

    def focus_pin(self) -> bool:
        if not self.pending:
            return False
        pin = self.query_one(f"#sim-pin-{self.request.id}", Input)
        pin.focus()
        self.scroll_visible(animate=False)
        return True

    def _say(self, message: str | None, *, error: bool = True) -> None:
        target = self.query_one(f"#sim-error-{self.request.id}", Static)
        target.update(escape(message or ""))
        target.display = bool(message)
        target.set_class(error, "-error")

    # -- the phone's answer ----------------------------------------------------------------
    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()  # not the form's Enter (next field)
        self.approve()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value and not self.working:
            self._say(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == f"sim-approve-{self.request.id}":
            self.approve()
        elif event.button.id == f"sim-decline-{self.request.id}":
            self.decline()

    def approve(self) -> None:
        pin = self.query_one(f"#sim-pin-{self.request.id}", Input).value
        self._answer(lambda sims, rid: sims.approve(rid, pin))

    def decline(self) -> None:
        self._answer(lambda sims, rid: sims.decline(rid))

    def _answer(self, work) -> None:
        if self.working or not self.pending:
            return
        self.working = True
        self._say(t("sim.card.signing"), error=False)
        for button in self.query(Button):
            button.disabled = True
        app, sims, rid = self.app, self.app.services.sims, self.request.id

        def job() -> None:
            try:
                result, error = work(sims, rid), None
            except PortalError as exc:
                result, error = None, exc
            except Exception as exc:  # noqa: BLE001 - one line on the card, never a traceback
                result, error = None, PortalError("error.unexpected", detail=type(exc).__name__)
            try:
                app.call_from_thread(self._answered, result, error)
            except RuntimeError:  # the app is closing
                pass

        self.run_worker(job, thread=True, group="blocking", exit_on_error=False)

    def _answered(self, result: SigningRequest | None, error: PortalError | None) -> None:
        self.working = False
        if not self.is_attached:
            return
        for button in self.query(Button):
            button.disabled = False
        if error is None:
            self._say(None)
            self.show(result)
            return
        self._say(problem_text(error.problem))
        pin = self.query_one(f"#sim-pin-{self.request.id}", Input)
        pin.value = ""
        if self.pending:
            pin.focus()
