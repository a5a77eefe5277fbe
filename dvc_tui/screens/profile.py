"""The logged-in profile: name, masked ID and phone, method, level, created; the ways to verify a
login (SMS, and the authenticator app once enrolled: `#enrol-totp`); Đăng xuất."""

from __future__ import annotations

from enum import Enum

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Static

from dvc_tui.core.accounts import Account, Method
from dvc_tui.core.clock import VN_TZ
from dvc_tui.core.identity import format_dob, mask_id
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import t
from dvc_tui.screens.base import Nav, PortalScreen, problem


def profile_rows(account: Account) -> list[tuple[str, str]]:
    return [
        ("profile.name", account.full_name),
        ("profile.id", mask_id(account.username)),
        ("profile.dob", format_dob(account.dob) if account.dob else t("profile.none")),
        ("profile.phone", account.phone_number.masked()),
        ("profile.email", account.email or t("profile.none")),
        ("profile.subject", t(f"subject.{account.subject.value}")),
        ("profile.method", t(f"method.{account.method.value}")),
        ("profile.level", t("level.2.bhxh") if account.method is Method.BHXH else t(f"level.{int(account.level)}")),
        ("profile.created", account.created_at.astimezone(VN_TZ).strftime("%H:%M %d/%m/%Y")),
    ]


class ProfileChoice(Enum):
    """What the profile asks of the coordinator, besides Đăng xuất."""

    ENROL_TOTP = "enrol-totp"


class ProfileScreen(PortalScreen):
    def __init__(self, account: Account, services=None, notice: str | None = None) -> None:
        super().__init__(id="profile")
        self.account = account
        self.services = services  # without it, no authenticator app (status or enrolment)
        self.notice = notice  # shown once above the buttons, e.g. after enrolling an authenticator

    def compose_body(self) -> ComposeResult:
        yield Static(t("profile.title"), classes="title")
        yield Static(t("profile.welcome", name=self.account.full_name), classes="subtitle")
        rows = "\n".join(f"[b]{escape(t(key))}:[/] {escape(value)}" for key, value in profile_rows(self.account))
        yield Static(rows, id="profile-rows")
        yield Static(self._login_methods(None), id="profile-login-methods")
        yield Static("", id="profile-message", classes="message")
        with Horizontal(id="profile-actions"):
            if self.services is not None:
                yield Button(t("totp.profile.enrol"), id="enrol-totp")
            yield Button(t("profile.logout"), id="logout", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#logout").focus()
        if self.notice:
            self.say("profile-message", self.notice, error=False)
        if self.services is not None:
            authenticators, username = self.services.authenticators, self.account.username
            self.run_blocking(lambda: authenticators.status(username), self._show_status, self._status_failed, t("totp.loading"))

    @staticmethod
    def _login_methods(status) -> str:
        methods = [t("totp.profile.sms")]
        if status is not None and status.enabled:
            when = status.confirmed_at.astimezone(VN_TZ).strftime("%H:%M %d/%m/%Y") if status.confirmed_at else ""
            methods.append(t("totp.profile.app", time=when))
        return f"[b]{escape(t('totp.profile.label'))}:[/] {escape('; '.join(methods))}"

    def _show_status(self, status) -> None:
        self.query_one("#profile-login-methods", Static).update(self._login_methods(status))
        self.query_one("#enrol-totp", Button).label = t("totp.profile.reenrol" if status.enabled else "totp.profile.enrol")

    def _status_failed(self, error: PortalError) -> None:
        self.notify(problem(error), severity="error", timeout=10)

    @on(Button.Pressed, "#enrol-totp")
    def _enrol(self) -> None:
        if not self.busy:
            self.dismiss(ProfileChoice.ENROL_TOTP)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in ("back", "cancel")  # leaving a session is Đăng xuất

    @on(Button.Pressed, "#logout")
    def _logout(self) -> None:
        self.dismiss(Nav.CANCEL)
