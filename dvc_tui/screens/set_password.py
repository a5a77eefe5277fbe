"""The password step (zone 9): Nhập mật khẩu, Xác nhận mật khẩu, ĐĂNG KÝ, with a live checklist."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Static

from dvc_tui.core.accounts import MobileRegistration
from dvc_tui.core.passwords import check_new_password
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import t
from dvc_tui.screens.base import Busy, PortalScreen, problem
from dvc_tui.widgets.checklist import PasswordChecklist
from dvc_tui.widgets.field import FormField
from dvc_tui.widgets.inputs import PasswordInput


class SetPasswordScreen(PortalScreen):
    STEP = (5, 5)
    ZONES = {"password-box": 9}

    def __init__(self, registration: MobileRegistration, services) -> None:
        super().__init__(id="set-password")
        self.registration = registration
        self.services = services

    def compose_body(self) -> ComposeResult:
        yield Static(t("pw.title"), classes="title")
        yield Static(t("pw.rule"), id="pw-rule", classes="subtitle")
        with Vertical(id="password-box"):
            yield FormField("password", "pw.field", input_widget=PasswordInput(id="password", select_on_focus=False))
            yield FormField(
                "password-confirm", "pw.confirm", input_widget=PasswordInput(id="password-confirm", select_on_focus=False)
            )
        yield PasswordChecklist()
        yield Static("", id="password-message", classes="message")
        yield Busy()
        yield Button(t("pw.submit"), id="submit", variant="primary", classes="submit")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#password").focus()

    def _values(self) -> tuple[str, str]:
        return self.query_one("#password", Input).value, self.query_one("#password-confirm", Input).value

    @on(Input.Changed)
    def _typed(self) -> None:
        self.query_one(PasswordChecklist).check(*self._values())
        for field in self.query(FormField):
            field.show_error(None)

    @on(Input.Submitted, "#password")
    def _next(self) -> None:
        self.query_one("#password-confirm").focus()

    @on(Input.Submitted, "#password-confirm")
    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        if self.busy:
            return
        password, confirm = self._values()
        self.say("password-message", None)
        try:
            check_new_password(password, confirm)
        except PortalError as error:
            where = "password-confirm" if error.key == "password.mismatch" else "password"
            self.query_one(f"#{where}-field", FormField).show_error(problem(error))
            self.query_one(f"#{where}").focus()
            return
        accounts = self.services.accounts
        self.run_blocking(
            lambda: accounts.complete_mobile_registration(self.registration, password, confirm),
            self.dismiss,
            lambda error: self.say("password-message", problem(error)),
            t("pw.hashing"),
        )
