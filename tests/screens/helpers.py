"""Helpers for the Pilot tests: read what the user sees, seed the store, walk to a step.

The fixtures and the basic drivers (settle, click, type_into, fill_form, to_form, register,
last_code) live in tests/conftest.py; these build on them.
"""

from __future__ import annotations

from datetime import date

from dvc_tui.core.accounts import Account, Level, Method, Subject
from tests.conftest import (
    CITIZEN,
    GOOD_PASSWORD,
    click,
    fill_form,
    last_code,
    press_text,
    register,
    settle,
    to_form,
    type_into,
)

# A second training citizen: the carrier registry holds +84912000111 under this ID.
MAI = {
    "cccd": "079190000111",
    "full-name": "Trần Thị Mai",
    "dob": "15/06/1990",
    "phone": "0912000111",
}


def shown(app, selector: str) -> str:
    """The text a widget of the current screen shows, or "" when it is hidden."""
    widget = app.screen.query_one(selector)
    if not widget.display:
        return ""
    return str(widget.render())


def error_of(app, field_id: str) -> str:
    """The message under a form field ("" when there is none)."""
    return shown(app, f"#{field_id}-error")


def hint_of(app, field_id: str) -> str:
    return shown(app, f"#{field_id}-hint")


def value_of(app, field_id: str) -> str:
    return app.screen.query_one(f"#{field_id}").value


def form_values(app) -> dict[str, str]:
    return {field_id: value_of(app, field_id) for field_id in ("cccd", "full-name", "dob", "phone", "email")}


def sms_shown(app) -> list[str]:
    """The messages in the current screen's SMS pane, newest first, as rendered."""
    pane = app.screen.query_one("#sms-inbox")
    return [str(w.render()) for w in pane.query(".sms")]


def captcha_code(app) -> str:
    return str(app.screen.query_one("#captcha-code").render())


def seed_account(app, values: dict[str, str] = CITIZEN, password: str = GOOD_PASSWORD) -> Account:
    """Put a mobile-registered account straight into the store (the test's precondition)."""
    from dvc_tui.core.identity import parse_phone

    services = app.services
    day, month, year = (int(part) for part in values["dob"].split("/"))
    account = Account(
        username=values["cccd"],
        full_name=values["full-name"],
        dob=date(year, month, day),
        phone=parse_phone(values["phone"]).e164,
        email=None,
        subject=Subject.CITIZEN,
        method=Method.MOBILE,
        level=Level.IAL2,
        created_at=services.clock.now(),
        password_hash=services.hasher.hash(password),
    )
    services.store.insert_account(account)
    return account


async def paste(pilot, values: dict[str, str]) -> None:
    """Put values into fields of the current screen as a paste would, without moving the focus.

    Cheaper than `type_into` (no focus change per field); use it where what is tested is the
    values, not the moving between fields.
    """
    for widget_id, text in values.items():
        pilot.app.screen.query_one(f"#{widget_id}").value = text
    await pilot.pause()


async def submit(app, pilot, selector: str = "#submit") -> None:
    """Click a button that starts blocking work and wait for the work to finish."""
    await click(pilot, selector)
    await settle(app, pilot)


async def to_otp(app, pilot, values: dict[str, str] = CITIZEN) -> None:
    """Home -> ... -> the filled form -> ĐĂNG KÝ -> the code screen."""
    await to_form(app, pilot)
    await fill_form(app, pilot, values)
    await submit(app, pilot)
    assert app.screen.id == "otp", shown(app, "#form-message")


async def confirm_code(app, pilot, code: str) -> None:
    await type_into(pilot, "otp-code", code)
    await pilot.press("enter")
    await settle(app, pilot)


async def to_set_password(app, pilot, values: dict[str, str] = CITIZEN) -> None:
    await to_otp(app, pilot, values)
    await confirm_code(app, pilot, last_code(app))
    assert app.screen.id == "set-password", error_of(app, "otp-code")


async def to_login(app, pilot) -> None:
    await settle(app, pilot)
    await click(pilot, "#login")
    assert app.screen.id == "login"


async def log_in(app, pilot, username: str, password: str) -> None:
    """On the login screen: type the name and password and press ĐĂNG NHẬP."""
    await type_into(pilot, "username", username)
    await type_into(pilot, "password", password)
    await submit(app, pilot)


async def to_login_code(app, pilot, values: dict[str, str] = CITIZEN, password: str = GOOD_PASSWORD) -> None:
    """With an account seeded: home -> Đăng nhập -> the code screen."""
    await to_login(app, pilot)
    await log_in(app, pilot, values["cccd"], password)
    assert app.screen.id == "otp", shown(app, "#login-message")


__all__ = [
    "CITIZEN",
    "GOOD_PASSWORD",
    "MAI",
    "captcha_code",
    "click",
    "confirm_code",
    "error_of",
    "fill_form",
    "form_values",
    "hint_of",
    "last_code",
    "log_in",
    "paste",
    "press_text",
    "register",
    "seed_account",
    "settle",
    "shown",
    "sms_shown",
    "submit",
    "to_form",
    "to_login",
    "to_login_code",
    "to_otp",
    "to_set_password",
    "type_into",
    "value_of",
]
