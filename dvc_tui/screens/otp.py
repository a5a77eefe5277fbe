"""Xác thực mã OTP: the code sent by SMS, for registration (zone 8), login (zones 3-5) or
Quên mật khẩu."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Static

from dvc_tui.core.clock import VN_TZ
from dvc_tui.core.identity import Phone
from dvc_tui.core.otp import RESEND_AFTER, IssuedCode, Purpose
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import t
from dvc_tui.screens.base import Busy, Nav, PortalScreen, problem
from dvc_tui.widgets.field import FormField
from dvc_tui.widgets.inputs import VietInput


class OtpScreen(PortalScreen):
    def __init__(self, purpose: Purpose, subject: str, phone: Phone, issued: IssuedCode, services) -> None:
        super().__init__(id="otp")
        self.purpose = purpose
        self.subject = subject
        self.phone = phone
        self.issued = issued
        self.services = services
        if purpose is Purpose.REGISTER:
            self.STEP = (4, 5)
            self.ZONES = {"otp-code-field": 8, "confirm": 8}
        elif purpose is Purpose.RESET:  # Quên mật khẩu: no zones in the leaflet
            self.STEP = (2, 3)
            self.ZONES = {}
        else:
            self.STEP = (3, 3)
            self.ZONES = {"otp-code-field": 3, "confirm": 4, "other-method": 5}

    def guide_key(self) -> str:
        return f"otp-{self.purpose.value}"  # training mode's guide: one per purpose

    def compose_body(self) -> ComposeResult:
        login = self.purpose is Purpose.LOGIN
        masked = self.phone.masked_login() if login else self.phone.masked()
        yield Static(t("otp.title"), classes="title")
        yield Static(t(f"otp.sent.{self.purpose.value}", phone=masked), id="otp-sent", classes="subtitle")
        yield FormField(
            "otp-code",
            "otp.field",
            input_widget=VietInput(
                id="otp-code", placeholder=t("otp.field.ph"), restrict=r"\s*\d*\s*", max_length=8, select_on_focus=False
            ),
        )
        yield Static("", id="otp-valid", classes="hint")
        with Horizontal(id="otp-resend-row"):
            yield Static(t("otp.not_received"), id="otp-not-received")
            yield Button(t("otp.resend"), id="resend", compact=True)
        yield Static("", id="otp-message", classes="message")
        yield Busy()
        yield Button(t("otp.confirm"), id="confirm", variant="primary", classes="submit")
        if login:
            yield Button(t("otp.other_method"), id="other-method", compact=True)
            yield Button(t("otp.no_account"), id="go-register", compact=True)

    def on_mount(self) -> None:
        self._show_validity()
        self._tick()
        self.set_interval(1, self._tick)
        self.query_one("#otp-code").focus()

    def _show_validity(self) -> None:
        until = self.issued.expires_at.astimezone(VN_TZ).strftime("%H:%M:%S")
        self.say("otp-valid", t("otp.valid_until", time=until), error=False)

    def _tick(self) -> None:
        """The resend countdown, computed from the injected clock (no store access)."""
        elapsed = self.services.clock.now() - self.issued.issued_at
        left = int((RESEND_AFTER - elapsed).total_seconds() + 0.999)
        label = t("otp.resend_in", seconds=left) if left > 0 else t("otp.resend")
        resend = self.query_one("#resend", Button)
        if str(resend.label) != label:
            resend.label = label

    # -- confirm ---------------------------------------------------------------------------
    @on(Input.Submitted, "#otp-code")
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        if self.busy:
            return
        typed = self.query_one("#otp-code", Input).value
        accounts = self.services.accounts
        self.run_blocking(
            lambda: accounts.confirm_code(self.purpose, self.subject, typed),
            self.dismiss,
            self._refused,
            t("otp.checking"),
        )

    def _refused(self, error: PortalError) -> None:
        self.query_one(FormField).show_error(problem(error))
        code = self.query_one("#otp-code", Input)
        code.value = ""
        code.focus()

    # -- resend ----------------------------------------------------------------------------
    @on(Button.Pressed, "#resend")
    def action_resend(self) -> None:
        if self.busy:
            return
        accounts = self.services.accounts
        self.run_blocking(
            lambda: accounts.resend_code(self.purpose, self.subject, self.phone.e164),
            self._resent,
            lambda error: self.say("otp-message", problem(error)),
            t("otp.checking"),
        )

    def _resent(self, issued: IssuedCode) -> None:
        self.issued = issued
        self.query_one(FormField).show_error(None)
        masked = self.phone.masked_login() if self.purpose is Purpose.LOGIN else self.phone.masked()
        self.say("otp-message", t("otp.resent", phone=masked), error=False)
        self._show_validity()
        self._tick()
        self.query_one("#otp-code", Input).focus()

    @on(Button.Pressed, "#other-method")
    def _other(self) -> None:
        if not self.busy and self.purpose is Purpose.LOGIN:
            self.dismiss(Nav.OTHER)  # the coordinator offers the authenticator app

    @on(Button.Pressed, "#go-register")
    def _go_register(self) -> None:
        if not self.busy:
            self.dismiss(Nav.REGISTER)
