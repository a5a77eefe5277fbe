"""The login screen's USB ký số tab (#pane-usb): pick the certificate, type the token's PIN,
ĐĂNG NHẬP. The token signs a fresh random challenge, checked against the certificate and the CA;
the account is the one whose login name is the certificate's identifier and that was registered
by USB ký số. No password, no code. On success: `self.screen.dismiss(account)`."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Static

from dvc_tui.core.accounts import Account, Method
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import problem_text, t
from dvc_tui.core.tokens import TokenInfo, check_pin
from dvc_tui.screens.base import Busy, Nav
from dvc_tui.widgets.field import FormField
from dvc_tui.widgets.inputs import PasswordInput
from dvc_tui.widgets.token_picker import TokenPicker, identifier_text


class UsbLoginPane(Vertical):
    def __init__(self, services) -> None:
        super().__init__(id="pane-usb")
        self.services = services

    def compose(self) -> ComposeResult:
        yield Static(t("usb.login.intro"), id="usb-intro", classes="hint")
        yield TokenPicker(self.services)
        pin = PasswordInput(id="usb-pin", placeholder=t("usb.pin.ph"), select_on_focus=False)
        yield FormField("usb-pin", "usb.pin", required=False, input_widget=pin)
        yield Static("", id="usb-message", classes="message")
        yield Busy()
        yield Button(t("login.submit"), id="usb-submit", variant="primary", classes="submit")
        yield Button(t("login.go_register"), id="usb-go-register", compact=True)

    def on_show(self) -> None:
        # Read the tokens each time the tab is opened: one may have been plugged in meanwhile.
        self.query_one(TokenPicker).reload()

    def _say(self, message: str | None) -> None:
        self.screen.say("usb-message", message)

    @on(TokenPicker.Chosen)
    def _chosen(self) -> None:
        self.query_one("#usb-pin").focus()

    @on(Input.Changed, "#usb-pin")
    def _typed(self, event: Input.Changed) -> None:
        if event.value and event.input.has_focus:
            self._say(None)

    @on(Input.Submitted, "#usb-pin")
    @on(Button.Pressed, "#usb-submit")
    def _submit(self, event) -> None:
        event.stop()
        screen = self.screen
        if screen.busy:
            return
        info = self.query_one(TokenPicker).chosen
        if info is None:
            self._say(t("usb.choose_first"))
            self.query_one("#token-list").focus()
            return
        pin_input = self.query_one("#usb-pin", Input)
        try:
            pin = check_pin(pin_input.value)
        except PortalError as error:
            self._say(problem_text(error.problem))
            pin_input.focus()
            return
        tokens, accounts = self.services.tokens, self.services.accounts

        def work():
            proved = tokens.login(info.serial, pin)
            return proved, accounts.account(proved.holder.identifier)

        screen.run_blocking(work, self._signed, self._refused, t("usb.logging_in"))

    def _signed(self, result: tuple[TokenInfo, Account | None]) -> None:
        proved, account = result
        self.query_one("#usb-pin", Input).value = ""
        holder = proved.holder
        if account is None:
            self._say(t("usb.login.no_account", identifier=identifier_text(proved), name=holder.name,
                        subject=t(f"subject.{holder.kind.value}")))
            self.query_one("#usb-go-register").focus()
        elif account.method is not Method.USB:
            way = "sim" if account.method is Method.SIM else "password"
            self._say(t("usb.login.other_method", username=account.username,
                        method=t(f"method.{account.method.value}"), way=t(f"usb.way.{way}")))
        else:
            self.screen.dismiss(account)

    def _refused(self, error: PortalError) -> None:
        pin_input = self.query_one("#usb-pin", Input)
        pin_input.value = ""
        self._say(problem_text(error.problem))
        self.query_one(TokenPicker).reload()  # tries left, locked, revoked meanwhile
        pin_input.focus()

    @on(Button.Pressed, "#usb-go-register")
    def _go_register(self, event: Button.Pressed) -> None:
        event.stop()
        if not self.screen.busy:
            self.screen.dismiss(Nav.REGISTER)
