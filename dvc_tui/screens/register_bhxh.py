"""Đăng ký – Bảo hiểm xã hội (Chỉ dành cho công dân): Mã số BHXH, CMT/CCCD, name, date of
birth and the captcha; the code goes to the number the social-insurance registry holds."""

from __future__ import annotations

from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from dvc_tui.core.accounts import AccountExists, BhxhRegistration
from dvc_tui.core.identity import parse_bhxh_number, parse_dob, parse_full_name, parse_id_number
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import problem_text, t
from dvc_tui.screens.base import Busy, problem
from dvc_tui.screens.form import RegistrationFormScreen
from dvc_tui.widgets.captcha import Captcha
from dvc_tui.widgets.field import FormField

FIELDS = ("bhxh", "cccd", "full-name", "dob", "captcha")
REFUSED_UNDER = {
    "bhxh.unknown": "bhxh",
    "bhxh.mismatch.id": "cccd",
    "bhxh.mismatch.name": "full-name",
    "bhxh.mismatch.dob": "dob",
}
"""The field under which each of the registry's refusals is shown."""


class RegisterBhxhScreen(RegistrationFormScreen):
    STEP = (3, 5)
    ZONES = {"form": 6, "submit": 7}
    FIELDS = FIELDS

    def __init__(self, draft, services) -> None:
        super().__init__(draft, services, id="register-bhxh")

    def typed_values(self):
        return self.draft.bhxh_form

    def compose_body(self) -> ComposeResult:
        form = self.draft.bhxh_form
        yield Static(t("subject.title"), classes="title")
        yield Static(t("bhxh.subtitle"), classes="subtitle")
        with Vertical(id="form"):
            yield FormField("bhxh", "field.bhxh", placeholder_key="field.bhxh.ph", value=form.bhxh)
            yield FormField("cccd", "field.cccd", placeholder_key="field.cccd.ph", value=form.cccd)
            yield FormField("full-name", "field.full_name", placeholder_key="field.full_name.ph", value=form.full_name)
            yield FormField("dob", "field.dob", placeholder_key="field.dob.ph", value=form.dob)
            with Horizontal(id="captcha-row"):
                yield FormField("captcha", "field.captcha", placeholder_key="field.captcha.ph")
                yield Captcha(self.services.rng)
        yield Static(t("bhxh.note"), id="note-own")
        yield Static("", id="form-message", classes="message")
        yield Busy()
        yield Button(t("form.submit"), id="submit", variant="primary", classes="submit")

    def on_mount(self) -> None:
        self.query_one("#bhxh").focus()

    def field_parsers(self) -> dict[str, Callable[[str], object]]:
        today = self.today()
        return {
            "bhxh": parse_bhxh_number,
            "cccd": lambda v: parse_id_number(v, self._dob_or_none()),
            "full-name": parse_full_name,
            "dob": lambda v: parse_dob(v, today),
        }

    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        if self.busy:
            return
        values = self.check_all()
        if values is None:
            return
        form = BhxhRegistration(
            bhxh_number=values["bhxh"],
            id_number=values["cccd"],
            full_name=values["full-name"],
            dob=values["dob"],
        )
        accounts = self.services.accounts
        self.run_blocking(
            lambda: accounts.start_bhxh_registration(form),
            self._registered,
            self._refused,
            t("form.checking"),
        )

    def _registered(self, result) -> None:
        registration, issued = result
        self.draft.registration = registration
        self.dismiss((registration, issued))

    def _refused(self, error: PortalError) -> None:
        self._renew_captcha_keeping_error()
        if isinstance(error, AccountExists):
            self.show_under("cccd", problem(error), t("account.exists.ways"))
        elif error.key in REFUSED_UNDER:
            self.show_under(REFUSED_UNDER[error.key], problem(error))
        else:
            self.say("form-message", problem_text(error.problem))
