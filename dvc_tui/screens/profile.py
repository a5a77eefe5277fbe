"""The logged-in profile: name, masked ID and phone, method, level, created; Đăng xuất."""

from __future__ import annotations

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Static

from dvc_tui.core.accounts import Account
from dvc_tui.core.clock import VN_TZ
from dvc_tui.core.identity import format_dob, mask_id
from dvc_tui.core.text import t
from dvc_tui.screens.base import Nav, PortalScreen


def profile_rows(account: Account) -> list[tuple[str, str]]:
    return [
        ("profile.name", account.full_name),
        ("profile.id", mask_id(account.username)),
        ("profile.dob", format_dob(account.dob) if account.dob else t("profile.none")),
        ("profile.phone", account.phone_number.masked()),
        ("profile.email", account.email or t("profile.none")),
        ("profile.subject", t(f"subject.{account.subject.value}")),
        ("profile.method", t(f"method.{account.method.value}")),
        ("profile.level", t(f"level.{int(account.level)}")),
        ("profile.created", account.created_at.astimezone(VN_TZ).strftime("%H:%M %d/%m/%Y")),
    ]


class ProfileScreen(PortalScreen):
    def __init__(self, account: Account) -> None:
        super().__init__(id="profile")
        self.account = account

    def compose_body(self) -> ComposeResult:
        yield Static(t("profile.title"), classes="title")
        yield Static(t("profile.welcome", name=self.account.full_name), classes="subtitle")
        rows = "\n".join(f"[b]{escape(t(key))}:[/] {escape(value)}" for key, value in profile_rows(self.account))
        yield Static(rows, id="profile-rows")
        yield Button(t("profile.logout"), id="logout", variant="warning")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#logout").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in ("back", "cancel")  # leaving a session is Đăng xuất

    @on(Button.Pressed, "#logout")
    def _logout(self) -> None:
        self.dismiss(Nav.CANCEL)
