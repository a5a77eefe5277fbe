"""What the registration forms share: fields checked on leaving them and on submit, the typed
values kept in the draft, the captcha (F5 or Đổi mã for a new one), Enter to move on."""

from __future__ import annotations

from typing import Any, Callable

from textual import on
from textual.widgets import Button, Input

from dvc_tui.core.captcha import captcha_matches
from dvc_tui.core.clock import local_today
from dvc_tui.core.identity import parse_dob, parse_email, parse_full_name, parse_id_number, parse_phone
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import t
from dvc_tui.screens.base import PortalScreen, problem
from dvc_tui.widgets.captcha import Captcha
from dvc_tui.widgets.field import FormField


class RegistrationFormScreen(PortalScreen):
    """A form of FIELDS (the captcha last); subclasses give the parsers and where to keep values."""

    BINDINGS = [("f5", "new_captcha", "key.new_captcha")]
    FIELDS: tuple[str, ...] = ()
    CAPTCHA = True
    """Whether the form ends with the captcha (False: staff screens; Enter in the last field submits)."""
    OPTIONAL: frozenset[str] = frozenset()

    def __init__(self, draft, services, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.draft = draft
        self.services = services

    def typed_values(self) -> Any:
        """The draft object the typed values are kept in (Back keeps them)."""
        raise NotImplementedError

    def field_parsers(self) -> dict[str, Callable[[str], object]]:
        raise NotImplementedError

    def field_checked(self, field_id: str, parsed: object | None) -> None:
        """Called after each check (hints, for example)."""

    # -- reading and checking the fields ---------------------------------------------------
    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def _field(self, field_id: str) -> FormField:
        return self.query_one(f"#{field_id}-field", FormField)

    def today(self):
        return local_today(self.services.clock)

    def _dob_or_none(self):
        try:
            return parse_dob(self.value("dob"), self.today())
        except PortalError:
            return None

    def _parsers(self) -> dict[str, Callable[[str], object]]:
        if not self.CAPTCHA:
            return self.field_parsers()
        return {**self.field_parsers(), "captcha": self._check_captcha}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.CAPTCHA and action == "new_captcha":
            return False  # no F5 on a form without a captcha
        return super().check_action(action, parameters)  # none on a screen without its widgets

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
            self.field_checked(field_id, None)
            return None
        field.show_error(None)
        self.field_checked(field_id, parsed)
        return parsed

    def check_all(self) -> dict[str, object] | None:
        """Check every field; on a problem, say so, renew the captcha (after every refused
        submit, as after the portal's refusals: one captcha answer, one try), focus the first
        bad field and return None."""
        self.say("form-message", None)
        values = {field_id: self._check_field(field_id) for field_id in self.FIELDS}
        bad = [
            field_id
            for field_id in self.FIELDS
            if values[field_id] is None and not (field_id in self.OPTIONAL and not self.value(field_id).strip())
        ]
        if bad:
            self._renew_captcha_keeping_error()
            self.say("form-message", t("form.fix"))
            self.query_one(f"#{bad[0]}", Input).focus()
            return None
        return values

    def show_under(self, field_id: str, message: str, extra: str | None = None) -> None:
        """A refusal from the portal: under the field, and in the message by ĐĂNG KÝ."""
        self._field(field_id).show_error(message)
        self.say("form-message", f"{message}\n{extra}" if extra else message)
        self.query_one(f"#{field_id}", Input).focus()

    @on(Input.Blurred)
    def _left_field(self, event: Input.Blurred) -> None:
        field_id = event.input.id
        if isinstance(self.focused, Button):
            # The focus left for ĐĂNG KÝ or Đổi mã on a mouse press: a message appearing now
            # would move the button from under the pointer before the release, and the click
            # would be lost. ĐĂNG KÝ checks every field itself.
            return
        if field_id in self.FIELDS and field_id != "captcha" and not self.busy:
            self._check_field(field_id)
            if field_id == "dob" and self.value("cccd").strip():
                self._check_field("cccd")

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        field_id = event.input.id
        kept = self.typed_values()
        attr = (field_id or "").replace("-", "_")  # #full-name is kept as the draft's full_name
        if field_id != "captcha" and isinstance(getattr(kept, attr, None), str):
            setattr(kept, attr, event.value)
        self.field_typed(field_id)

    def field_typed(self, field_id: str) -> None:
        """Called after each change of a field's text."""

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        if event.input.id == self.FIELDS[-1]:
            self.action_submit()
        else:
            self.focus_next()

    def action_submit(self) -> None:
        raise NotImplementedError

    def action_new_captcha(self) -> None:
        for captcha in self.query(Captcha):  # none while the form is still being put together
            captcha.renew()
            self.query_one("#captcha", Input).value = ""

    @on(Button.Pressed, "#captcha-new")
    def _new_captcha(self) -> None:
        self.action_new_captcha()
        self.query_one("#captcha", Input).focus()

    def _renew_captcha_keeping_error(self) -> None:
        if not self.CAPTCHA:
            return
        self.query_one(Captcha).renew()
        self.query_one("#captcha", Input).value = ""


class CitizenDetails:
    """The checks of a citizen's details typed on a form (#cccd, #full-name, #dob, #phone,
    #email): the CCCD against the date of birth, the phone's carrier shown as it is typed.
    Mixed into the mobile and the Vietnam Post forms, before RegistrationFormScreen."""

    def field_parsers(self) -> dict[str, Callable[[str], object]]:
        today = self.today()
        return {
            "cccd": lambda v: parse_id_number(v, self._dob_or_none()),
            "full-name": parse_full_name,
            "dob": lambda v: parse_dob(v, today),
            "phone": parse_phone,
            "email": parse_email,
        }

    def field_checked(self, field_id: str, parsed) -> None:
        if field_id == "phone":
            carrier = parsed.carrier if parsed is not None else ""
            self._field("phone").show_hint(t("form.carrier", carrier=carrier) if carrier else None)

    def field_typed(self, field_id: str) -> None:
        if field_id == "phone":
            self._check_field("phone", quiet=True)
