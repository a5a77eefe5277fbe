"""Trang chủ: the portal's name, Đăng ký (register) and Đăng nhập (log in)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Static

from dvc_tui.core.text import t
from dvc_tui.screens.base import PortalScreen


class HomeScreen(PortalScreen):
    ZONES = {"login": 1}
    BINDINGS = [Binding("i", "app.info", "key.info")]

    def __init__(self) -> None:
        super().__init__(id="home")

    def compose_body(self) -> ComposeResult:
        yield Static(t("home.title"), classes="title")
        yield Static(t("portal.sim"), classes="subtitle")
        yield Static(t("home.intro"), classes="intro")
        with Horizontal(id="home-actions"):
            yield Button(t("home.register"), id="register", variant="primary")
            yield Button(t("home.login"), id="login", variant="success")
            yield Button(t("home.info"), id="info")
        yield Static("", id="home-message", classes="message")

    def on_mount(self) -> None:
        self.query_one("#register").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in ("back", "cancel")  # home has nowhere to go back to

    @on(Button.Pressed, "#register")
    def _register(self) -> None:
        self.app.action_register()

    @on(Button.Pressed, "#login")
    def _login(self) -> None:
        self.app.action_login()

    @on(Button.Pressed, "#info")
    def _info(self) -> None:
        self.app.action_info()
