"""Quên mật khẩu, the first step: the CMT/CCCD and the captcha, then a code to the account's phone.

The answer is the same whether or not the ID has an account (see
`Accounts.start_password_reset`): this screen only checks the ID's format and the captcha.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from dvc_tui.core.captcha import captcha_matches
from dvc_tui.core.identity import IdNumber, parse_id_number
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import t
from dvc_tui.screens.base import Busy, PortalScreen, problem
from dvc_tui.widgets.captcha import Captcha
from dvc_tui.widgets.field import FormField


class ForgotPasswordScreen(PortalScreen):
    STEP = (1, 3)
    BINDINGS = [("f5", "new_captcha", "key.new_captcha")]

    def __init__(self, services, id_text: str = "") -> None:
        super().__init__(id="forgot-password")
        self.services = services
        self.id_text = id_text

    def compose_body(self) -> ComposeResult:
        yield Static(t("forgot.title"), classes="title")
        yield Static(t("forgot.intro"), id="forgot-intro", classes="subtitle")
        with Vertical(id="forgot-form"):
            yield FormField("cccd", "field.cccd", placeholder_key="field.cccd.ph", value=self.id_text)
            with Horizontal(id="captcha-row"):
                yield FormField("captcha", "field.captcha", placeholder_key="field.captcha.ph")
                yield Captcha(self.services.rng)
        yield Static("", id="forgot-message", classes="message")
        yield Busy()
        yield Button(t("forgot.submit"), id="submit", variant="primary", classes="submit")

    def on_mount(self) -> None:
        self.query_one("#captcha" if self.id_text else "#cccd").focus()

    # -- the fields ------------------------------------------------------------------------
    def _field(self, field_id: str) -> FormField:
        return self.query_one(f"#{field_id}-field", FormField)

    def _check_id(self) -> IdNumber | None:
        try:
            id_number = parse_id_number(self.query_one("#cccd", Input).value)
        except PortalError as error:
            self._field("cccd").show_error(problem(error))
            return None
        self._field("cccd").show_error(None)
        return id_number

    def _check_captcha(self) -> bool:
        typed = self.query_one("#captcha", Input).value
        key = None
        if not typed.strip():
            key = "captcha.required"
        elif not captcha_matches(self.query_one(Captcha).code, typed):
            key = "captcha.wrong"
        self._field("captcha").show_error(problem(PortalError(key)) if key else None)
        return key is None

    @on(Input.Blurred, "#cccd")
    def _left_id(self) -> None:
        # Not when the focus left for a button on a mouse press: a message appearing now would
        # move the button from under the pointer and lose the click (GỬI MÃ OTP checks it anyway).
        if not isinstance(self.focused, Button) and not self.busy:
            self._check_id()

    @on(Input.Submitted, "#cccd")
    def _next(self) -> None:
        self.query_one("#captcha").focus()

    def action_new_captcha(self) -> None:
        self.query_one(Captcha).renew()
        self.query_one("#captcha", Input).value = ""

    @on(Button.Pressed, "#captcha-new")
    def _new_captcha(self) -> None:
        self.action_new_captcha()
        self.query_one("#captcha", Input).focus()

    # -- sending the code ------------------------------------------------------------------
    @on(Input.Submitted, "#captcha")
    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        if self.busy:
            return
        self.say("forgot-message", None)
        id_number = self._check_id()
        captcha_ok = self._check_captcha()
        if id_number is None or not captcha_ok:
            self.action_new_captcha()  # a new captcha after every refused submit, as on the forms
            self.query_one("#cccd" if id_number is None else "#captcha", Input).focus()
            return
        accounts = self.services.accounts
        self.run_blocking(
            lambda: accounts.start_password_reset(id_number),
            self.dismiss,
            self._refused,
            t("form.checking"),
        )

    def _refused(self, error: PortalError) -> None:
        """A code that cannot be sent yet (cooldown, hourly limit) or a broken store."""
        self.action_new_captcha()
        self.say("forgot-message", problem(error))
        self.query_one("#captcha", Input).focus()
