"""The result: the account exists, at its verification level (2 or 3), and how to log in with it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Static

from dvc_tui.core.accounts import Account
from dvc_tui.core.text import t
from dvc_tui.screens.base import Nav, PortalScreen


class RegisteredScreen(PortalScreen):
    def __init__(self, account: Account) -> None:
        super().__init__(id="registered")
        self.account = account

    def compose_body(self) -> ComposeResult:
        yield Static(t("done.title"), classes="title success")
        yield Static(t("done.body", username=self.account.username, name=self.account.full_name), id="done-body",
                     markup=False)  # a name from the store is text, never markup
        method = self.account.method.value
        yield Static(t(f"done.level.{method}"), id="done-level", classes="subtitle")
        yield Static(t(f"done.next.{method}", username=self.account.username), id="done-next", classes="intro")
        yield Button(t("done.to_login"), id="to-login", variant="success")

    def on_mount(self) -> None:
        self.query_one("#to-login").focus()

    def action_back(self) -> None:
        self.dismiss(Nav.CANCEL)  # the account exists: back goes home, not into the finished wizard

    @on(Button.Pressed, "#to-login")
    def _to_login(self) -> None:
        self.dismiss(Nav.LOGIN)
