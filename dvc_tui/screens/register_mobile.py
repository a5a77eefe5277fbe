"""Đăng ký – Thuê bao di động (Chỉ dành cho công dân): the form (zone 6) and ĐĂNG KÝ (zone 7)."""

from __future__ import annotations

from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from dvc_tui.core.accounts import AccountExists, MobileRegistration
from dvc_tui.core.captcha import captcha_matches
from dvc_tui.core.clock import local_today
from dvc_tui.core.flow import RegistrationDraft
from dvc_tui.core.identity import parse_dob, parse_email, parse_full_name, parse_id_number, parse_phone
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import problem_text, t
from dvc_tui.screens.base import Busy, PortalScreen, problem
from dvc_tui.widgets.captcha import Captcha
from dvc_tui.widgets.field import FormField

FIELDS = ("cccd", "full-name", "dob", "phone", "email", "captcha")
DRAFT_ATTR = {"cccd": "cccd", "full-name": "full_name", "dob": "dob", "phone": "phone", "email": "email"}


class RegisterMobileScreen(PortalScreen):
    STEP = (3, 5)
    ZONES = {"form": 6, "submit": 7}
    BINDINGS = [("f5", "new_captcha", "key.new_captcha")]

    def __init__(self, draft: RegistrationDraft, services) -> None:
        super().__init__(id="register-mobile")
        self.draft = draft
        self.services = services

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

    # -- reading and checking the fields ---------------------------------------------------
    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def _field(self, field_id: str) -> FormField:
        return self.query_one(f"#{field_id}-field", FormField)

    def _dob_or_none(self):
        try:
            return parse_dob(self.value("dob"), local_today(self.services.clock))
        except PortalError:
            return None

    def _parsers(self) -> dict[str, Callable[[str], object]]:
        today = local_today(self.services.clock)
        return {
            "cccd": lambda v: parse_id_number(v, self._dob_or_none()),
            "full-name": parse_full_name,
            "dob": lambda v: parse_dob(v, today),
            "phone": parse_phone,
            "email": parse_email,
            "captcha": self._check_captcha,
        }

    def _check_captcha(self, typed: str) -> str:
        if not typed.strip():
            raise PortalError("captcha.required")
        if not captcha_matches(self.query_one(Captcha).code, typed):
            raise PortalError("captcha.wrong")
        return typed

    def _check_field(self, field_id: str, *, quiet: bool = False):
        """Check one field; show its message (unless quiet) and return the value or None."""
        field = self._field(field_id)
        try:
            parsed = self._parsers()[field_id](self.value(field_id))
        except PortalError as error:
            if not quiet:
                field.show_error(problem(error))
            if field_id == "phone":
                field.show_hint(None)
            return None
        field.show_error(None)
        if field_id == "phone":
            carrier = parsed.carrier
            field.show_hint(t("form.carrier", carrier=carrier) if carrier else None)
        return parsed

    @on(Input.Blurred)
    def _left_field(self, event: Input.Blurred) -> None:
        field_id = event.input.id
        if isinstance(self.focused, Button):
            # The focus left for ĐĂNG KÝ or Đổi mã on a mouse press: a message appearing now
            # would move the button from under the pointer before the release, and the click
            # would be lost. ĐĂNG KÝ checks every field itself.
            return
        if field_id in FIELDS and field_id != "captcha" and not self.busy:
            self._check_field(field_id)
            if field_id == "dob" and self.value("cccd").strip():
                self._check_field("cccd")

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        field_id = event.input.id
        if field_id in DRAFT_ATTR:
            setattr(self.draft.form, DRAFT_ATTR[field_id], event.value)
        if field_id == "phone":
            self._check_field("phone", quiet=True)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        if event.input.id == "captcha":
            self.action_submit()
        else:
            self.focus_next()

    def action_new_captcha(self) -> None:
        self.query_one(Captcha).renew()
        self.query_one("#captcha", Input).value = ""

    @on(Button.Pressed, "#captcha-new")
    def _new_captcha(self) -> None:
        self.action_new_captcha()
        self.query_one("#captcha", Input).focus()

    # -- submitting ------------------------------------------------------------------------
    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        if self.busy:
            return
        self.say("form-message", None)
        values = {field_id: self._check_field(field_id) for field_id in FIELDS}
        bad = [field_id for field_id in FIELDS if values[field_id] is None and not (field_id == "email" and not self.value("email").strip())]
        if "captcha" in bad:
            self._renew_captcha_keeping_error()
        if bad:
            self.say("form-message", t("form.fix"))
            self.query_one(f"#{bad[0]}", Input).focus()
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
            self._field("cccd").show_error(problem(error))
            self.say("form-message", f"{problem(error)}\n{t('account.exists.ways')}")
            self.query_one("#cccd", Input).focus()
        elif error.key.startswith("phone."):
            self._field("phone").show_error(problem(error))
            self.say("form-message", problem(error))
            self.query_one("#phone", Input).focus()
        else:
            self.say("form-message", problem_text(error.problem))

    def _renew_captcha_keeping_error(self) -> None:
        self.query_one(Captcha).renew()
        self.query_one("#captcha", Input).value = ""
