"""Đăng ký – USB ký số (IAL3; citizens, businesses, agencies): pick the certificate among the
plugged-in tokens, prove possession with the PIN (the token signs a fresh challenge, checked
against the certificate and the CA), review what the certificate says, then the email (and a
business's legal representative) and the captcha. No phone, no code, no password: the account
is made at level 3 and the app shows it registered."""

from __future__ import annotations

from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from dvc_tui.core.accounts import Account, AccountExists, Method, Subject
from dvc_tui.core.identity import parse_email, parse_full_name
from dvc_tui.core.pki import local_time
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import problem_text, t
from dvc_tui.core.tokens import TokenInfo, check_pin
from dvc_tui.markup import escape
from dvc_tui.screens.base import Busy, problem
from dvc_tui.screens.form import RegistrationFormScreen
from dvc_tui.widgets.captcha import Captcha
from dvc_tui.widgets.field import FormField
from dvc_tui.widgets.inputs import PasswordInput
from dvc_tui.widgets.token_picker import TokenPicker, kind_mismatch

PIN_REFUSALS = {"token.pin_required", "token.pin_format", "token.pin_wrong", "token.locked_now", "token.locked"}
"""Refusals shown under the PIN field; the others (the certificate's) by the button."""


def existing_account_text(account: Account) -> str:
    """An account with this login name exists: say how it was registered and how to log in."""
    way = "usb" if account.method is Method.USB else "sim" if account.method is Method.SIM else "password"
    method = t(f"method.{account.method.value}")
    return t("usb.exists", username=account.username, method=method, way=t(f"usb.way.{way}"))


class RegisterUsbScreen(RegistrationFormScreen):
    STEP = (3, 5)
    ZONES = {"form": 6, "submit": 7}

    def __init__(self, draft, services) -> None:
        super().__init__(draft, services, id="register-usb")
        self.subject: Subject = draft.subject or Subject.CITIZEN
        self.organisation = self.subject is not Subject.CITIZEN
        self.FIELDS = (("representative",) if self.subject is Subject.BUSINESS else ()) + ("email", "captcha")
        self.OPTIONAL = frozenset() if self.organisation else frozenset({"email"})
        self.proved: TokenInfo | None = None  # the token whose PIN signed our challenge

    def typed_values(self):
        return self.draft.usb_form

    def compose_body(self) -> ComposeResult:
        form = self.draft.usb_form
        yield Static(t("subject.title"), classes="title")
        yield Static(t("usb.subtitle", subject=t(f"subject.{self.subject.value}")), classes="subtitle")
        with Vertical(id="form"):
            yield Static(t("usb.step.pick"), classes="group-title")
            yield TokenPicker(self.services, subject=self.subject, selected=form.serial)
            pin = PasswordInput(id="token-pin", placeholder=t("usb.pin.ph"), select_on_focus=False)
            yield FormField("token-pin", "usb.pin", input_widget=pin)
            yield Button(t("usb.read"), id="read-cert", classes="submit")
            with Vertical(id="cert-stage"):
                yield Static("", id="cert-review")
                with Vertical(id="cert-fields"):
                    if self.subject is Subject.BUSINESS:
                        yield FormField("representative", "usb.representative",
                                        placeholder_key="field.full_name.ph", value=form.representative)
                    yield FormField("email", "field.email", required=self.organisation,
                                    placeholder_key="usb.email.ph.org" if self.organisation else "field.email.ph",
                                    value=form.email)
                    with Horizontal(id="captcha-row"):
                        yield FormField("captcha", "field.captcha", placeholder_key="field.captcha.ph")
                        yield Captcha(self.services.rng)
            yield Static(t("usb.note"), id="usb-note", classes="hint")
        yield Static("", id="form-message", classes="message")
        yield Busy()
        yield Button(t("form.submit"), id="submit", variant="primary", classes="submit")

    def on_mount(self) -> None:
        self._stage(False)
        self.query_one(TokenPicker).reload()
        self.query_one("#token-list").focus()

    def _stage(self, shown: bool, fields: bool = True) -> None:
        """Show the certificate's review (and the fields and ĐĂNG KÝ when they may be used)."""
        self.query_one("#cert-stage").display = shown
        self.query_one("#cert-fields").display = shown and fields
        self.query_one("#submit").display = shown and fields

    def field_parsers(self) -> dict[str, Callable[[str], object]]:
        return {"email": self._parse_email, "representative": parse_full_name}

    def _parse_email(self, text: str) -> str | None:
        email = parse_email(text)
        if email is None and self.organisation:
            raise PortalError("usb.email_required")
        return email

    # -- the token -------------------------------------------------------------------------
    @on(TokenPicker.Chosen)
    def _chosen(self) -> None:
        self.query_one("#token-pin").focus()

    @on(TokenPicker.Changed)
    def _changed(self, event: TokenPicker.Changed) -> None:
        if self.proved is not None and (event.info is None or event.info.serial != self.proved.serial):
            self.proved = None  # another token: it must prove itself with its own PIN
            self._stage(False)
            self.say("form-message", None)

    @on(Input.Submitted, "#token-pin")
    def _pin_entered(self, event: Input.Submitted) -> None:
        event.prevent_default()  # not the form's "Enter goes to the next field"
        self.action_read()

    @on(Button.Pressed, "#read-cert")
    def action_read(self) -> None:
        if self.busy:
            return
        self.say("form-message", None)
        info = self.query_one(TokenPicker).chosen
        pin_field = self._field("token-pin")
        if info is None:
            self.say("form-message", t("usb.choose_first"))
            self.query_one("#token-list").focus()
            return
        try:
            pin = check_pin(self.value("token-pin"))
        except PortalError as error:
            pin_field.show_error(problem(error))
            self.query_one("#token-pin").focus()
            return
        pin_field.show_error(None)
        tokens, accounts = self.services.tokens, self.services.accounts

        def work():
            proved = tokens.login(info.serial, pin)
            return proved, accounts.account(proved.holder.identifier)

        self.run_blocking(work, self._read, self._read_refused, t("usb.reading"))

    def _read(self, result: tuple[TokenInfo, Account | None]) -> None:
        proved, existing = result
        self.query_one("#token-pin", Input).value = ""  # the PIN has done its work: not kept
        mismatch = kind_mismatch(proved, self.subject)
        if mismatch:  # listed as unusable already; a token swapped behind the list's back
            self.say("form-message", mismatch)
            return
        self.proved = proved
        form, holder = self.draft.usb_form, proved.holder
        if form.serial != proved.serial:  # values typed for another token are not this one's
            form.serial = proved.serial
            self.query_one("#email", Input).value = holder.email or ""
            if self.subject is Subject.BUSINESS:
                self.query_one("#representative", Input).value = ""
        self._show_review(proved)
        self._stage(True, fields=existing is None)
        if existing is not None:
            self.say("form-message", existing_account_text(existing))
            return
        from_cert = bool(holder.email) and self.value("email") == holder.email
        self._field("email").show_hint(t("usb.email_from_cert") if from_cert else None)
        first_empty = next((f for f in self.FIELDS if not self.value(f).strip()), "captcha")
        self.query_one(f"#{first_empty}").focus()
        self.call_after_refresh(self._review_on_top)

    def _review_on_top(self) -> None:
        self.query_one("#main").scroll_to_widget(self.query_one("#cert-review"), top=True, animate=False)

    def _show_review(self, info: TokenInfo) -> None:
        holder = info.holder
        rows = [
            (t(f"usb.review.name.{holder.kind.value}"), holder.name),
            (t(holder.id_label_key), holder.identifier),
            (t("usb.review.email"), holder.email or t("usb.review.none")),
            (t("usb.review.issuer"), info.issuer),
            (t("usb.review.valid"), local_time(info.not_after)),
            (t("usb.review.serial"), info.serial),
        ]
        width = max(len(label) for label, _ in rows) + 1
        lines = [f"[b]{escape(label + ':'):<{width}}[/b] {escape(value)}" for label, value in rows]
        lines.append(f"[$success]✔ {escape(t('usb.review.verified'))}[/]")
        review = self.query_one("#cert-review", Static)
        review.border_title = t("usb.review.title")
        review.update("\n".join(lines))

    def _read_refused(self, error: PortalError) -> None:
        pin = self.query_one("#token-pin", Input)
        pin.value = ""
        self.query_one(TokenPicker).reload()  # tries left, locked, revoked meanwhile
        if error.key in PIN_REFUSALS:
            self._field("token-pin").show_error(problem(error))
            pin.focus()
        else:
            self.say("form-message", problem(error))

    # -- Đăng ký ---------------------------------------------------------------------------
    @on(Button.Pressed, "#submit")
    def action_submit(self) -> None:
        if self.busy or self.proved is None:
            return
        values = self.check_all()
        if values is None:
            return
        proved, subject = self.proved, self.subject
        holder = proved.holder
        tokens, accounts = self.services.tokens, self.services.accounts

        def work():
            current = tokens.info(proved.serial)  # revoked or expired since it was read?
            if current.problem is not None:
                raise PortalError(current.problem.key, **current.problem.params)
            try:
                return True, accounts.create_signed_account(
                    subject=subject, method=Method.USB, username=holder.identifier, full_name=holder.name,
                    email=values["email"], representative=values.get("representative"),
                )
            except AccountExists:  # registered a moment ago, here or at another kiosk
                return False, accounts.account(holder.identifier)

        self.run_blocking(work, self._registered, self._refused, t("usb.registering"))

    def _registered(self, result: tuple[bool, Account | None]) -> None:
        made, account = result
        if made:
            self.dismiss(account)
            return
        self._renew_captcha_keeping_error()
        self.say("form-message", existing_account_text(account) if account else t("usb.exists_gone"))

    def _refused(self, error: PortalError) -> None:
        self._renew_captcha_keeping_error()
        self.say("form-message", problem_text(error.problem))
