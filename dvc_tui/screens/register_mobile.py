"""Đăng ký – Thuê bao di động (Chỉ dành cho công dân): the form (zone 6) and ĐĂNG KÝ (zone 7)."""

from __future__ import annotations


from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from dvc_tui.core.accounts import AccountExists, MobileRegistration
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import problem_text, t
from dvc_tui.screens.base import Busy, problem
from dvc_tui.screens.form import CitizenDetails, RegistrationFormScreen
from dvc_tui.widgets.captcha import Captcha
from dvc_tui.widgets.field import FormField

FIELDS = ("cccd", "full-name", "dob", "phone", "email", "captcha")


class RegisterMobileScreen(CitizenDetails, RegistrationFormScreen):
    STEP = (3, 5)
    ZONES = {"form": 6, "submit": 7}
    FIELDS = FIELDS
    OPTIONAL = frozenset({"email"})

    def __init__(self, draft, services) -> None:
        super().__init__(draft, services, id="register-mobile")

    def typed_values(self):
        return self.draft.form

    def compose_body(self) -> ComposeResult:
        form = self.draft.form
        yield Static(t("subject.title"), classes="title")
        yield Static(t("form.subtitle"), classes="subtitle")
        with Vertical(id="form"):
            yield FormField("cccd", "field.cccd", placeholder_key="field.cccd.ph", value=form.cccd)
            yield FormField("full-name", "field.full_name", placeholder_key="field.full_name.ph", value=form.full_name)
            yield FormField("dob", "field.dob", placeholder_key="field.dob.ph", value=form.dob)
            yield FormField("phone", "field.phone", placeholder_key="field.phone.ph", value=form.phone)
            yield FormField("email", "field.email", required=False, placeholder_key="field.email.ph", value=form.email)
            with Horizontal(id="captcha-row"):
                yield FormField("captcha", "field.captcha", placeholder_key="field.captcha.ph")
                yield Captcha(self.services.rng)
        yield Static(t("form.note_own"), id="note-own")
        yield Static("", id="form-message", classes="message")
        yield Busy()
        yield Button(t("form.submit"), id="submit", variant="primary", classes="submit")

    def on_mount(self) -> None:
        if self.draft.form.phone:
            self._check_field("phone", quiet=True)
        self.query_one("#cccd").focus()

    # -- submitting ------------------------------------------------------------------------
    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        if self.busy:
            return
        values = self.check_all()
        if values is None:
            return
        registration = MobileRegistration(
            id_number=values["cccd"],
            full_name=values["full-name"],
            dob=values["dob"],
            phone=values["phone"],
            email=values["email"],
        )
        accounts = self.services.accounts
        self.run_blocking(
            lambda: accounts.start_mobile_registration(registration),
            lambda issued: self._registered(registration, issued),
            self._refused,
            t("form.checking"),
        )

    def _registered(self, registration: MobileRegistration, issued) -> None:
        self.draft.registration = registration
        self.dismiss((registration, issued))

    def _refused(self, error: PortalError) -> None:
        self._renew_captcha_keeping_error()
        if isinstance(error, AccountExists):
            self.show_under("cccd", problem(error), t("account.exists.ways"))
        elif error.key.startswith("phone."):
            self.show_under("phone", problem(error))
        else:
            self.say("form-message", problem_text(error.problem))
