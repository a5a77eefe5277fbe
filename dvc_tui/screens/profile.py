"""The logged-in profile: the account's details (a citizen's ID masked; a business's tax code or
an agency's code whole), its method and level, how it logs in (`#profile-login-methods`: the
password with SMS, and the authenticator app once enrolled from `#enrol-totp`; or USB / SIM ký
số), what its type of account may use (`#profile-type-note`); Đăng xuất."""

from __future__ import annotations

from enum import Enum

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Static

from dvc_tui.core.accounts import Account, Method, Subject
from dvc_tui.core.clock import VN_TZ
from dvc_tui.core.identity import format_dob, mask_id
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import t
from dvc_tui.markup import escape
from dvc_tui.screens.base import Nav, PortalScreen, problem


ID_LABEL = {Subject.CITIZEN: "profile.id", Subject.BUSINESS: "profile.id.business", Subject.AGENCY: "profile.id.agency"}


def profile_rows(account: Account) -> list[tuple[str, str]]:
    citizen = account.subject is Subject.CITIZEN
    phone = account.phone_number
    rows = [
        ("profile.name" if citizen else "profile.org_name", account.full_name),
        # a person's ID number is masked; a tax or agency code is public and shown whole
        (ID_LABEL[account.subject], mask_id(account.username) if citizen else account.username),
    ]
    if account.representative:
        rows.append(("profile.representative", account.representative))
    if account.dob:  # none for the signing methods: a certificate does not hold it
        rows.append(("profile.dob", format_dob(account.dob) if account.dob else t("profile.none")))
    rows += [
        ("profile.phone", phone.masked() if phone else t("profile.none")),
        ("profile.email", account.email or t("profile.none")),
        ("profile.subject", t(f"subject.{account.subject.value}")),
        ("profile.method", t(f"method.{account.method.value}")),
        ("profile.level", t(f"level.{int(account.level)}.{account.method.value}")),
        ("profile.created", account.created_at.astimezone(VN_TZ).strftime("%H:%M %d/%m/%Y")),
    ]
    return rows


def login_choices(account: Account, status=None) -> str:
    """How this account logs in, as one line: the signing method, or the password and the ways
    to verify it (SMS, and the authenticator app once enrolled)."""
    if account.method is Method.USB:
        choices = t("profile.login.usb")
    elif account.method is Method.SIM:
        phone = account.phone_number
        choices = t("profile.login.sim", id_label=t(ID_LABEL[account.subject]), phone=phone.masked() if phone else "")
    else:
        ways = [t("totp.profile.sms")]
        if status is not None and status.enabled:
            when = status.confirmed_at.astimezone(VN_TZ).strftime("%H:%M %d/%m/%Y") if status.confirmed_at else ""
            ways.append(t("totp.profile.app", time=when))
        choices = t("profile.login.password", ways=t("profile.login.or").join(ways))
    return f"[b]{escape(t('profile.login.label'))}:[/] {escape(choices)}"


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
        yield Static(t("profile.welcome", name=self.account.full_name), classes="subtitle", markup=False)  # a name is text
        rows = "\n".join(f"[b]{escape(t(key))}:[/] {escape(value)}" for key, value in profile_rows(self.account))
        yield Static(rows, id="profile-rows")
        yield Static(login_choices(self.account), id="profile-login-methods")
        yield Static(t(f"profile.type.{self.account.subject.value}"), id="profile-type-note", classes="hint")
        yield Static("", id="profile-message", classes="message")
        with Horizontal(id="profile-actions"):
            if self.services is not None and not self.account.signs_in:
                yield Button(t("totp.profile.enrol"), id="enrol-totp")
            yield Button(t("profile.logout"), id="logout", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#logout").focus()
        if self.notice:
            self.say("profile-message", self.notice, error=False)
        if self.services is not None and not self.account.signs_in:
            authenticators, username = self.services.authenticators, self.account.username
            self.run_blocking(lambda: authenticators.status(username), self._show_status, self._status_failed, t("totp.loading"))

    def _show_status(self, status) -> None:
        self.query_one("#profile-login-methods", Static).update(login_choices(self.account, status))
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
