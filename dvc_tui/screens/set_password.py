"""The password step (zone 9): Nhập mật khẩu, Xác nhận mật khẩu, ĐĂNG KÝ, with a live checklist.

`NewPasswordScreen` is the step without its purpose: registration's `SetPasswordScreen` here,
Quên mật khẩu's `ResetPasswordScreen` in reset_password.py.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Static

from dvc_tui.core.accounts import BhxhRegistration, MobileRegistration, PostRegistration
from dvc_tui.core.passwords import PersonalData, check_new_password, warm_up
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import t
from dvc_tui.screens.base import Busy, PortalScreen, problem
from dvc_tui.widgets.checklist import PasswordChecklist
from dvc_tui.widgets.field import FormField
from dvc_tui.widgets.inputs import PasswordInput


class NewPasswordScreen(PortalScreen):
    """Two password fields, the live checklist, a button; subclasses say what the password is for."""

    LABEL_KEYS = ("pw.field", "pw.confirm")
    SUBMIT_KEY = "pw.submit"
    BUSY_KEY = "pw.hashing"

    def __init__(self, services, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.services = services

    def compose_intro(self) -> ComposeResult:
        """The title and the rule above the fields."""
        yield from ()

    def complete(self, password: str, confirm: str) -> Any:
        """Store the password (in a worker thread); the result is the screen's result."""
        raise NotImplementedError

    def personal(self) -> PersonalData:
        """What the screen knows of the person, checked before the password is sent on (the
        use case in complete() checks again, with all the store knows)."""
        return PersonalData()

    def compose_body(self) -> ComposeResult:
        yield from self.compose_intro()
        with Vertical(id="password-box"):
            yield FormField(
                "password", self.LABEL_KEYS[0], input_widget=PasswordInput(id="password", select_on_focus=False)
            )
            yield FormField(
                "password-confirm",
                self.LABEL_KEYS[1],
                input_widget=PasswordInput(id="password-confirm", select_on_focus=False),
            )
        yield PasswordChecklist()
        yield Static("", id="password-message", classes="message")
        yield Busy()
        yield Button(t(self.SUBMIT_KEY), id="submit", variant="primary", classes="submit")

    def on_mount(self) -> None:
        self.query_one("#password").focus()
        # zxcvbn and the common list load off the event loop while the user types
        self.run_worker(warm_up, thread=True, group="warm-up", exit_on_error=False)

    def relocalized(self) -> None:
        self.query_one(PasswordChecklist).check(*self._values())  # after a language switch

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
            check_new_password(password, confirm, personal=self.personal())
        except PortalError as error:
            self._refused(error)
            return
        self.run_blocking(lambda: self.complete(password, confirm), self.dismiss, self._refused, t(self.BUSY_KEY))

    def field_of(self, error: PortalError) -> str | None:
        """The field a problem is shown under, or None for the message below the checklist."""
        if error.key == "password.mismatch":
            return "password-confirm"
        return "password" if error.key.startswith("password.") else None

    def _refused(self, error: PortalError) -> None:
        where = self.field_of(error)
        if where is None:
            self.say("password-message", problem(error))
            return
        self.query_one(f"#{where}-field", FormField).show_error(problem(error))
        self.query_one(f"#{where}").focus()


class SetPasswordScreen(NewPasswordScreen):
    """Registration's last step: the password of the account about to be created."""

    STEP = (5, 5)
    ZONES = {"password-box": 9}

    def __init__(self, registration: MobileRegistration | BhxhRegistration, services) -> None:
        super().__init__(services, id="set-password")
        self.registration = registration

    def compose_intro(self) -> ComposeResult:
        yield Static(t("pw.title"), classes="title")
        yield Static(t("pw.rule"), id="pw-rule", classes="subtitle")

    def personal(self) -> PersonalData:
        return PersonalData.of(self.registration)  # the ID, name, birth date and phone of the form

    def complete(self, password: str, confirm: str):
        accounts = self.services.accounts
        if isinstance(self.registration, BhxhRegistration):
            return accounts.complete_bhxh_registration(self.registration, password, confirm)
        if isinstance(self.registration, PostRegistration):
            return accounts.complete_post_registration(self.registration, password, confirm)
        return accounts.complete_mobile_registration(self.registration, password, confirm)
