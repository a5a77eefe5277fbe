"""The login screen's SIM ký số tab (#pane-sim): the login name (CMT/CCCD, Mã số thuế or the
agency's code), ĐĂNG NHẬP (#sim-submit); a signing request goes to the account's SIM number
(shown masked) and the tab waits for it as registration does (widgets/sim_wait.py). Approved and
verified: `self.screen.dismiss(account)`. A name with no SIM account -- unknown, or registered
another way -- gets one message, which tells nothing the password tab does not."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Static

from dvc_tui.core.accounts import Account, Method
from dvc_tui.core.problems import PortalError
from dvc_tui.core.sim import SigningRequest, SimPurpose, Verified, login_name
from dvc_tui.core.text import t
from dvc_tui.screens.base import localize_bindings, problem
from dvc_tui.widgets.field import FormField
from dvc_tui.widgets.sim_wait import SimWait
from dvc_tui.widgets.sms_inbox import SmsInbox
from dvc_tui.textual_compat import DropMessagesFromGone


class SimLoginPane(DropMessagesFromGone, Vertical):
    BINDINGS = [Binding("f6", "sim_pin", "key.sim_pin")]

    def __init__(self, services) -> None:
        super().__init__(id="pane-sim")
        localize_bindings(self)
        self.services = services
        self.typed = ""  # the login name the last request was sent for

    def compose(self) -> ComposeResult:
        yield FormField("sim-username", "sim.login.username", required=False, placeholder_key="sim.login.username.ph")
        yield Static(t("sim.login.note"), id="sim-login-note", classes="hint")
        yield Static("", id="sim-login-message", classes="message")
        yield Button(t("sim.login.submit"), id="sim-submit", variant="primary", classes="submit")
        yield SimWait(self.services, finish=self._account_of, done=self._logged_in)

    def on_mount(self) -> None:
        # the name the login screen was opened with (after a registration, for example)
        self.query_one("#sim-username", Input).value = getattr(self.screen, "username", "") or ""

    @on(Input.Submitted, "#sim-username")
    @on(Button.Pressed, "#sim-submit")
    def submit(self, event) -> None:
        event.stop()
        self.typed = self.query_one("#sim-username", Input).value
        self._send()

    @on(Input.Changed, "#sim-username")
    def _typing(self, event: Input.Changed) -> None:
        if event.input.has_focus:
            self.screen.say("sim-login-message", None)

    def _send(self) -> None:
        screen, services, typed = self.screen, self.services, self.typed
        if screen.busy:
            return

        def work() -> SigningRequest:
            name = login_name(typed)
            if not name:
                raise PortalError("login.username_required")
            account = services.accounts.account(name)
            if account is None or account.method is not Method.SIM or not account.phone:
                raise PortalError("sim.login.unknown")
            return services.sims.request(account.phone, SimPurpose.LOGIN, account.username)

        screen.say("sim-login-message", t("sim.sending"), error=False)
        screen.run_blocking(work, self._requested, self._refused, t("sim.sending"))

    def _requested(self, request: SigningRequest) -> None:
        self.screen.say("sim-login-message", None)
        self.query_one(SimWait).start(request)
        self.screen.query_one(SmsInbox).show_request(request, focus=True)

    def _refused(self, error: PortalError) -> None:
        self.screen.say("sim-login-message", problem(error))
        self.query_one("#sim-username").focus()

    @on(SimWait.Resend)
    def _resend(self, event: SimWait.Resend) -> None:
        event.stop()
        self._send()

    def _account_of(self, verified: Verified) -> Account:
        """In the wait's worker thread: the account the verified signature logs in."""
        account = self.services.accounts.account(verified.request.username)
        if account is None or account.method is not Method.SIM:
            raise PortalError("sim.login.unknown")
        return account

    def _logged_in(self, account: Account) -> None:
        self.screen.dismiss(account)

    def action_sim_pin(self) -> None:
        self.screen.query_one(SmsInbox).focus_newest_pending()
