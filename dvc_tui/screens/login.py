"""Đăng nhập: tabs CMT/CCCD (default), USB ký số, SIM ký số (zone 1); ĐĂNG NHẬP (zone 2).

After 5 wrong passwords the name is locked for a while (core/lockout.py): #login-message says
so with the time left, counted down once a second from the injected clock, until it says the
lock is over. Typing a password meanwhile keeps it; typing another name clears it."""

from __future__ import annotations

import math

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, ContentSwitcher, Input, Static, Tab, Tabs

from dvc_tui.core.problems import PortalError, Problem
from dvc_tui.core.text import problem_text, t
from dvc_tui.screens.base import Busy, Nav, PortalScreen, problem
from dvc_tui.screens.login_sim import SimLoginPane
from dvc_tui.screens.login_usb import UsbLoginPane
from dvc_tui.widgets.field import FormField
from dvc_tui.widgets.inputs import PasswordInput


class LoginScreen(PortalScreen):
    STEP = (2, 3)
    ZONES = {"login-tabs": 1, "submit": 2}

    def __init__(self, services, username: str = "", notice: str | None = None, tab: str = "cccd") -> None:
        super().__init__(id="login")
        self.services = services
        self.username = username
        self.notice = notice  # shown as information, e.g. after Quên mật khẩu
        self.tab = tab  # "usb" or "sim" after registering by a signing method: open its tab
        self.login_lock: Problem | None = None  # the lock shown in #login-message, counted down
        self._lock_timer = None

    def compose_body(self) -> ComposeResult:
        yield Static(t("login.title"), classes="title")
        yield Tabs(
            Tab(t("login.tab.cccd"), id="tab-cccd"),
            Tab(t("login.tab.usb"), id="tab-usb"),
            Tab(t("login.tab.sim"), id="tab-sim"),
            id="login-tabs",
        )
        with ContentSwitcher(initial="pane-cccd", id="login-panes"):
            with Vertical(id="pane-cccd"):
                yield FormField(
                    "username", "login.username", required=False, placeholder_key="login.username.ph", value=self.username
                )
                yield FormField(
                    "password",
                    "login.password",
                    required=False,
                    input_widget=PasswordInput(id="password", placeholder=t("login.password.ph"), select_on_focus=False),
                )
                yield Static("", id="login-message", classes="message")
                yield Busy()
                yield Button(t("login.submit"), id="submit", variant="primary", classes="submit")
                with Horizontal(id="login-links"):
                    yield Button(t("login.forgot"), id="forgot", compact=True)
                    yield Button(t("login.go_register"), id="go-register", compact=True)
                yield Static(t("login.note"), id="login-note", classes="hint")
            yield UsbLoginPane(self.services)
            yield SimLoginPane(self.services)

    def on_mount(self) -> None:
        self._lock_timer = self.set_interval(1, self.tick_lock, pause=True)
        if self.notice:
            self.say("login-message", self.notice, error=False)
        if self.tab != "cccd":
            self.query_one(Tabs).active = f"tab-{self.tab}"
            self.query_one(ContentSwitcher).current = f"pane-{self.tab}"
            if self.tab == "sim" and self.username:
                self.query_one("#sim-username", Input).value = self.username
            self.call_after_refresh(self._focus_pane)
            return
        self.query_one("#password" if self.username else "#username").focus()

    def _focus_pane(self) -> None:
        pane = self.query_one(f"#pane-{self.tab}")
        focusable = [w for w in pane.query("*") if w.focusable]
        if focusable:
            focusable[0].focus()

    @on(Tabs.TabActivated, "#login-tabs")
    def _tab(self, event: Tabs.TabActivated) -> None:
        self.query_one(ContentSwitcher).current = event.tab.id.replace("tab-", "pane-")
        self.update_guide()

    def guide_key(self) -> str:
        tabs = self.query(Tabs)  # none while the screen mounts or is composed again (F8)
        tab = tabs.first().active if tabs else f"tab-{self.tab}"
        return "login" if not tab or tab == "tab-cccd" else f"login-{tab.removeprefix('tab-')}"

    @on(Input.Submitted, "#username")
    def _next(self) -> None:
        self.query_one("#password").focus()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        # Typing clears the message; not the reset after a refusal, nor the name filled in on
        # opening (its Changed may arrive after the notice is shown).
        if not (event.value and event.input.has_focus):
            return
        if self.login_lock is not None and event.input.id == "password":
            return  # the lock stays in view (and counts down) while the password is typed
        self._end_lock()
        self.say("login-message", None)

    @on(Input.Submitted, "#password")
    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        if self.busy:
            return
        username = self.query_one("#username", Input).value
        password = self.query_one("#password", Input).value
        accounts = self.services.accounts

        def work():
            account = accounts.check_password(username, password)
            return account, accounts.send_login_code(account)

        self.run_blocking(work, self.dismiss, self._refused, t("login.checking"))

    def _refused(self, error: PortalError) -> None:
        self.say("login-message", problem(error))
        if error.key == "login.locked":
            self.login_lock = error.problem
            self._lock_timer.resume()
        else:
            self._end_lock()
        password = self.query_one("#password", Input)
        if error.key == "login.username_required":
            self.query_one("#username").focus()
        else:
            password.value = ""
            password.focus()

    # -- the lock's countdown -------------------------------------------------------------
    def tick_lock(self) -> None:
        """Once a second while a lock is shown: the time left, from the injected clock."""
        if self.login_lock is None:
            return
        until = self.login_lock.params.get("until")
        left = math.ceil((until - self.services.clock.now()).total_seconds()) if until else 0
        if left <= 0:
            self._end_lock()
            self.say("login-message", t("login.unlocked"), error=False)
            return
        if self.login_lock.params.get("seconds") != left:
            self.login_lock = Problem(self.login_lock.key, {**self.login_lock.params, "seconds": left})
            self.say("login-message", problem_text(self.login_lock))

    def _end_lock(self) -> None:
        self.login_lock = None
        if self._lock_timer is not None:
            self._lock_timer.pause()

    @on(Button.Pressed, "#forgot")
    def _forgot(self) -> None:
        if not self.busy:
            self.username = self.query_one("#username", Input).value  # Quên mật khẩu starts with it
            self.dismiss(Nav.FORGOT)

    @on(Button.Pressed, "#go-register")
    def _go_register(self) -> None:
        if not self.busy:
            self.dismiss(Nav.REGISTER)
