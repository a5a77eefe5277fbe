"""The result: the account exists, at verification level 2, and a way to log in."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Static

from dvc_tui.core.accounts import Account, Method
from dvc_tui.core.text import t
from dvc_tui.screens.base import Nav, PortalScreen


class RegisteredScreen(PortalScreen):
    def __init__(self, account: Account) -> None:
        super().__init__(id="registered")
        self.account = account

    def compose_body(self) -> ComposeResult:
        yield Static(t("done.title"), classes="title success")
        yield Static(t("done.body", username=self.account.username, name=self.account.full_name), id="done-body")
        level_key = "done.level.bhxh" if self.account.method is Method.BHXH else "done.level"
        yield Static(t(level_key), id="done-level", classes="subtitle")
        yield Static(t("done.next"), classes="intro")
        yield Button(t("done.to_login"), id="to-login", variant="success")

    def on_mount(self) -> None:
        self.query_one("#to-login").focus()

    def action_back(self) -> None:
        self.dismiss(Nav.CANCEL)  # the account exists: back goes home, not into the finished wizard

    @on(Button.Pressed, "#to-login")
    def _to_login(self) -> None:
        self.dismiss(Nav.LOGIN)
