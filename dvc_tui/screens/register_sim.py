"""Đăng ký – SIM ký số (IAL3; citizens, businesses, agencies): the login name (CMT/CCCD, Mã số
thuế or the agency's code), the name, the number whose SIM holds the signing certificate, the
email (required for an organisation), a business's legal representative, and the captcha.
ĐĂNG KÝ sends a signing request to that phone (the SMS pane's card: the SIM PIN, Xác nhận or Từ
chối) and waits up to 2 minutes; a signature verified against the SIM's certificate and the CA
makes the account at level 3 (no code, no password) and the screen dismisses with it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from dvc_tui.core.accounts import AccountExists, Method, Subject
from dvc_tui.core.identity import (
    parse_agency_code,
    parse_email,
    parse_full_name,
    parse_id_number,
    parse_org_name,
    parse_phone,
    parse_tax_code,
)
from dvc_tui.core.problems import PortalError
from dvc_tui.core.sim import SigningRequest, SimPurpose, Verified
from dvc_tui.core.text import t
from dvc_tui.screens.base import Busy, problem
from dvc_tui.screens.form import RegistrationFormScreen
from dvc_tui.widgets.captcha import Captcha
from dvc_tui.widgets.field import FormField
from dvc_tui.widgets.sim_wait import SimWait
from dvc_tui.widgets.sms_inbox import SmsInbox

FIELDS = {
    Subject.CITIZEN: ("cccd", "full-name", "phone", "email", "captcha"),
    Subject.BUSINESS: ("tax-code", "org-name", "representative", "phone", "email", "captcha"),
    Subject.AGENCY: ("agency-code", "org-name", "phone", "email", "captcha"),
}
ID_FIELD = {Subject.CITIZEN: "cccd", Subject.BUSINESS: "tax-code", Subject.AGENCY: "agency-code"}
NAME_FIELD = {Subject.CITIZEN: "full-name", Subject.BUSINESS: "org-name", Subject.AGENCY: "org-name"}


def parse_org_email(text: str) -> str:
    """An organisation's email: required."""
    email = parse_email(text)
    if email is None:
        raise PortalError("sim.email_required")
    return email


@dataclass(frozen=True)
class SimApplication:
    """What a signing request was sent for: the account it makes once signed."""

    subject: Subject
    username: str
    name: str
    phone: str  # E.164
    email: str | None
    representative: str | None


class RegisterSimScreen(RegistrationFormScreen):
    STEP = (3, 5)
    ZONES = {"form": 6, "submit": 7}
    BINDINGS = [Binding("f6", "sim_pin", "key.sim_pin")]

    def __init__(self, draft, services) -> None:
        super().__init__(draft, services, id="register-sim")
        self.subject: Subject = draft.subject or Subject.CITIZEN
        self.citizen = self.subject is Subject.CITIZEN
        self.FIELDS = FIELDS[self.subject]
        self.OPTIONAL = frozenset({"email"}) if self.citizen else frozenset()
        self.application: SimApplication | None = None
        self._sent: dict[int, SimApplication] = {}  # request id -> what it was sent for

    def typed_values(self):
        return self.draft.sim_form

    def compose_body(self) -> ComposeResult:
        form, subject = self.draft.sim_form, self.subject
        yield Static(t("subject.title"), classes="title")
        yield Static(t("sim.subtitle", subject=t(f"subject.{subject.value}")), classes="subtitle")
        with Vertical(id="form"):
            if self.citizen:
                yield FormField("cccd", "field.cccd", placeholder_key="field.cccd.ph", value=form.cccd)
                yield FormField("full-name", "field.full_name", placeholder_key="field.full_name.ph",
                                value=form.full_name)
            else:
                if subject is Subject.BUSINESS:
                    yield FormField("tax-code", "sim.field.tax_code", placeholder_key="sim.field.tax_code.ph",
                                    value=form.tax_code)
                else:
                    yield FormField("agency-code", "sim.field.agency_code",
                                    placeholder_key="sim.field.agency_code.ph", value=form.agency_code)
                yield FormField("org-name", f"sim.field.org_name.{subject.value}",
                                placeholder_key="sim.field.org_name.ph", value=form.org_name)
                if subject is Subject.BUSINESS:
                    yield FormField("representative", "sim.field.representative",
                                    placeholder_key="field.full_name.ph", value=form.representative)
            yield FormField("phone", "sim.field.phone", placeholder_key="sim.field.phone.ph", value=form.phone)
            yield FormField("email", "field.email", required=not self.citizen,
                            placeholder_key="field.email.ph" if self.citizen else "sim.field.email.ph",
                            value=form.email)
            with Horizontal(id="captcha-row"):
                yield FormField("captcha", "field.captcha", placeholder_key="field.captcha.ph")
                yield Captcha(self.services.rng)
        yield Static(t("sim.note"), id="note-own")
        yield Static("", id="form-message", classes="message")
        yield Busy()
        yield Button(t("form.submit"), id="submit", variant="primary", classes="submit")
        yield SimWait(self.services, finish=self._create_account, done=self.dismiss, refused=self._wait_refused)

    def on_mount(self) -> None:
        self.query_one(f"#{self.FIELDS[0]}").focus()

    def field_parsers(self) -> dict[str, Callable[[str], object]]:
        return {
            "cccd": parse_id_number,
            "full-name": parse_full_name,
            "tax-code": parse_tax_code,
            "agency-code": parse_agency_code,
            "org-name": parse_org_name,
            "representative": parse_full_name,
            "phone": parse_phone,
            "email": parse_email if self.citizen else parse_org_email,
        }

    # -- sending the signing request -------------------------------------------------------
    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        if self.busy:
            return
        values = self.check_all()
        if values is None:
            return
        identifier = values[ID_FIELD[self.subject]]
        self.application = SimApplication(
            subject=self.subject,
            username=identifier.formatted if self.subject is Subject.BUSINESS else identifier.value,
            name=values[NAME_FIELD[self.subject]],
            phone=values["phone"].e164,
            email=values["email"],
            representative=values.get("representative"),
        )
        self._send()

    def _send(self) -> None:
        application, services = self.application, self.services

        def work() -> tuple[SigningRequest, SimApplication]:
            if services.accounts.account(application.username) is not None:
                raise AccountExists()
            request = services.sims.request(
                application.phone, SimPurpose.REGISTER, application.username, name=application.name
            )
            return request, application

        self.run_blocking(work, self._requested, self._refused, t("sim.sending"))

    def _requested(self, result: tuple[SigningRequest, SimApplication]) -> None:
        request, application = result
        self._sent[request.id] = application
        self.say("form-message", None)
        self.query_one(SimWait).start(request)
        self.query_one(SmsInbox).show_request(request, focus=True)

    def _refused(self, error: PortalError) -> None:
        self._renew_captcha_keeping_error()
        if isinstance(error, AccountExists):
            self._show_exists()
        elif error.key == "sim.id_mismatch":
            self.show_under(ID_FIELD[self.subject], problem(error))
        elif error.key == "sim.name_mismatch":
            self.show_under(NAME_FIELD[self.subject], problem(error))
        elif error.key.startswith(("sim.", "token.")):
            self.show_under("phone", problem(error))  # the SIM on that number, or its certificate
        else:
            self.say("form-message", problem(error))

    def _show_exists(self) -> None:
        if self.citizen:
            self.show_under("cccd", t("account.exists"), t("account.exists.ways"))
        else:
            self.show_under(ID_FIELD[self.subject], t("sim.exists.org", username=self.application.username))

    @on(SimWait.Resend)
    def _resend(self) -> None:
        # The form as it is now (it may have been corrected since the first request), checked
        # again like ĐĂNG KÝ; the captcha answered then still stands until it is renewed.
        self.action_submit()

    # -- signed --------------------------------------------------------------------------
    def _create_account(self, verified: Verified):
        """In the wait's worker thread: the account, named as the verified certificate names it."""
        application = self._sent[verified.request.id]
        return self.services.accounts.create_signed_account(
            subject=application.subject,
            method=Method.SIM,
            username=verified.holder.identifier,
            full_name=verified.holder.name,
            email=application.email,
            phone=application.phone,
            representative=application.representative,
        )

    def _wait_refused(self, error: PortalError) -> None:
        if isinstance(error, AccountExists):  # another kiosk registered it a moment ago
            self._show_exists()

    def action_sim_pin(self) -> None:
        self.query_one(SmsInbox).focus_newest_pending()
