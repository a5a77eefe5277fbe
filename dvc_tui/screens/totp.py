"""The authenticator app (TOTP): enrolment from the profile, and the code at login.

`totp-enrol`: the QR code and the base32 key side by side, then one code from the app confirms
it. The code is 45 columns wide, so this one screen hides the SMS pane (no SMS is sent from it)
to keep the code, the key and the field on one 100x30 screen.

`totp-login`: "Chọn phương thức xác thực khác" on the login code screen leads here; the app's
6-digit code, or, for an account without an authenticator, a message and only Quay lại.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from dvc_tui.core.accounts import Account
from dvc_tui.core.identity import mask_id
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import t
from dvc_tui.core.totp import ISSUER, Enrolment
from dvc_tui.screens.base import Busy, PortalScreen, problem
from dvc_tui.widgets.field import FormField
from dvc_tui.widgets.inputs import VietInput
from dvc_tui.widgets.qr import QrCode


def _code_field() -> FormField:
    return FormField(
        "totp-code",
        "totp.code",
        input_widget=VietInput(
            id="totp-code", placeholder=t("totp.code.ph"), restrict=r"[\d ]*", max_length=8, select_on_focus=False
        ),
    )


class _TotpCodeScreen(PortalScreen):
    """A screen with the `#totp-code` field: refusals under it, the field emptied and focused."""

    def _refused(self, error: PortalError) -> None:
        self.query_one("#totp-code-field", FormField).show_error(problem(error))
        code = self.query_one("#totp-code", Input)
        code.value = ""
        code.focus()


class TotpEnrolScreen(_TotpCodeScreen):
    def __init__(self, account: Account, services) -> None:
        super().__init__(id="totp-enrol")
        self.account = account
        self.services = services
        self.enrolment: Enrolment | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(t("totp.enrol.title"), classes="title")
        yield Static(t("totp.enrol.replaces"), id="totp-replaces", classes="hint")
        with Horizontal(id="totp-enrol-row"):
            yield QrCode(id="totp-qr")
            with Vertical(id="totp-enrol-side"):
                yield Static(t("totp.enrol.scan"), id="totp-scan")
                yield Static(t("totp.enrol.key"), id="totp-key-intro")
                yield Static("", id="totp-key")
                yield Static(
                    t("totp.enrol.account", issuer=ISSUER, account=mask_id(self.account.username)),
                    id="totp-account",
                    classes="hint",
                )
                yield Static(t("totp.enrol.enter"), id="totp-enter")
                yield _code_field()
                yield Static("", id="totp-message", classes="message")
                yield Busy()
                yield Button(t("totp.confirm"), id="confirm", variant="primary", classes="submit")

    def on_mount(self) -> None:
        self.query_one("#totp-replaces").display = False
        authenticators, username = self.services.authenticators, self.account.username
        self.run_blocking(
            lambda: authenticators.begin_enrolment(username),
            self._show,
            lambda error: self.say("totp-message", problem(error)),
            t("totp.preparing"),
        )

    def _show(self, enrolment: Enrolment) -> None:
        self.enrolment = enrolment
        self.query_one("#totp-qr", QrCode).show(enrolment.uri)
        self.query_one("#totp-key", Static).update(enrolment.grouped_secret)
        self.query_one("#totp-replaces").display = enrolment.replaces
        self.query_one("#totp-code").focus()

    def action_cancel(self) -> None:
        self.action_back()  # the session goes on: F4 returns to the profile, like Esc

    @on(Input.Submitted, "#totp-code")
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        if self.busy or self.enrolment is None:
            return
        typed = self.query_one("#totp-code", Input).value
        authenticators, username = self.services.authenticators, self.account.username
        self.run_blocking(
            lambda: authenticators.confirm_enrolment(username, typed), self.dismiss, self._refused, t("totp.checking")
        )


class TotpLoginScreen(_TotpCodeScreen):
    STEP = (3, 3)

    def __init__(self, account: Account, services) -> None:
        super().__init__(id="totp-login")
        self.account = account
        self.services = services

    def compose_body(self) -> ComposeResult:
        yield Static(t("totp.login.title"), classes="title")
        yield Static(
            t("totp.login.prompt", issuer=ISSUER, account=mask_id(self.account.username)),
            id="totp-prompt",
            classes="subtitle",
        )
        yield Static(t("totp.login.missing"), id="totp-missing", classes="later")
        yield _code_field()
        yield Static("", id="totp-message", classes="message")
        yield Busy()
        yield Button(t("totp.confirm"), id="confirm", variant="primary", classes="submit")
        yield Button(t("totp.back"), id="back", compact=True)

    def on_mount(self) -> None:
        self._show_form(None)
        authenticators, username = self.services.authenticators, self.account.username
        self.run_blocking(
            lambda: authenticators.status(username),
            lambda status: self._show_form(status.enabled),
            lambda error: self.say("totp-message", problem(error)),
            t("totp.loading"),
        )

    def _show_form(self, enabled: bool | None) -> None:
        """None while the status loads; then the form, or the message and only Quay lại."""
        for selector in ("#totp-prompt", "#totp-code-field", "#confirm"):
            self.query_one(selector).display = enabled is True
        self.query_one("#totp-missing").display = enabled is False
        self.query_one("#totp-code" if enabled else "#back").focus()

    @on(Input.Submitted, "#totp-code")
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        if self.busy:
            return
        typed = self.query_one("#totp-code", Input).value
        authenticators, username = self.services.authenticators, self.account.username
        self.run_blocking(
            lambda: authenticators.verify_login(username, typed),
            lambda _step: self.dismiss(True),
            self._refused,
            t("totp.checking"),
        )

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.action_back()
