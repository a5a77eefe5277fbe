"""The demo's scripts: each path is a list of steps, each step a caption and the actions that
drive the running app through the stable widget ids (the same ids the tests use).

Building a path may read the store (to pick an identity not registered yet), so `build_path`
is blocking: call it from a thread. Nothing here touches the screen; the Player does.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

PASSWORD = "Demo@2025a"
"""The password every demo account gets (typed visibly, masked in the field)."""
NEW_PASSWORD = "Moi#Matkhau9"
"""The new password the forgot-password path sets."""


# -- actions ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Press:
    """Press keys, as a user would (enter, tab, space, escape ...)."""

    keys: tuple[str, ...]


@dataclass(frozen=True)
class Type:
    """Focus a field, empty it and type `text` into it character by character."""

    widget_id: str
    text: str


@dataclass(frozen=True)
class TypeCaptcha:
    """Type the captcha the screen shows (`#captcha-code`) into `#captcha`."""


@dataclass(frozen=True)
class TypeCode:
    """Read the newest SMS's 6-digit code in the SMS pane and type it into `widget_id`."""

    widget_id: str = "otp-code"


@dataclass(frozen=True)
class Click:
    """Move the focus to a button (or tab, checkbox) and press it."""

    widget_id: str


@dataclass(frozen=True)
class Choose:
    """In an option list: move the highlight to the option `option_id`, then Enter."""

    list_id: str
    option_id: Callable[[object], str | None]  # app -> the option's id (found at run time)


@dataclass(frozen=True)
class ApproveSim:
    """On the phone pane: type the SIM's PIN into the newest signing request's card, Enter."""

    pin: str


@dataclass(frozen=True)
class WaitScreen:
    """Wait (doing nothing else) until the screen with this id is shown."""

    screen_id: str
    timeout: float = 60.0


@dataclass(frozen=True)
class WaitWorkers:
    """Wait until the screen's blocking work (store, hashing, signing) has finished."""


@dataclass(frozen=True)
class Show:
    """Hold still so people can read the screen; the handbook pictures the screen here."""

    seconds: float = 1.5


@dataclass(frozen=True)
class Prepare:
    """Blocking set-up work (run in a thread), e.g. plugging in the practice tokens."""

    work: Callable[[object], None]  # services -> None


Action = Press | Type | TypeCaptcha | TypeCode | Click | Choose | ApproveSim | WaitScreen | WaitWorkers | Show | Prepare


@dataclass(frozen=True)
class Step:
    caption: str  # a catalog key; shown as "Demo – Bước k: <caption>"
    actions: tuple[Action, ...]
    params: dict = field(default_factory=dict)  # for the caption's placeholders


@dataclass
class Path:
    name: str
    steps: list[Step]
    made: list[str] = field(default_factory=list)  # login names this path registers
    end: str = "profile"  # the screen it ends on


# -- identities ------------------------------------------------------------------------------
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
MIDDLE_MALE = ("Văn", "Đức", "Minh", "Quang", "Hữu")
MIDDLE_FEMALE = ("Thị", "Ngọc", "Thu", "Thanh", "Mỹ")
GIVEN_MALE = ("An", "Bình", "Cường", "Dũng", "Hải", "Khoa", "Long", "Nam", "Phúc", "Tuấn")
GIVEN_FEMALE = ("Anh", "Chi", "Dung", "Hà", "Hương", "Linh", "Mai", "Ngân", "Thảo", "Yến")
PROVINCE_CODES = ("001", "031", "048", "079", "092", "038", "040", "046", "056", "075")
PHONE_PREFIXES = ("0901", "0933", "0868", "0966", "0358", "0523", "0584", "0772", "0813", "0945")
"""Mobile prefixes (MobiFone, Viettel, Vinaphone, Vietnamobile); none of the carriers' training
numbers or the practice SIMs, so the simulated registry takes the number as the citizen's own."""


@dataclass(frozen=True)
class Citizen:
    cccd: str
    full_name: str
    dob: str  # dd/mm/yyyy
    phone: str


def fresh_citizen(rng: random.Random, taken: Callable[[str], bool]) -> Citizen:
    """A made-up citizen whose CCCD agrees with the date of birth and has no account yet."""
    for _ in range(1000):
        female = rng.random() < 0.5
        born = date(rng.randint(1960, 2005), rng.randint(1, 12), rng.randint(1, 28))
        century_digit = (0 if born.year < 2000 else 2) + (1 if female else 0)
        cccd = f"{rng.choice(PROVINCE_CODES)}{century_digit}{born.year % 100:02d}{rng.randint(0, 999999):06d}"
        if taken(cccd):
            continue
        name = " ".join((
            rng.choice(FAMILY),
            rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE),
            rng.choice(GIVEN_FEMALE if female else GIVEN_MALE),
        ))
        phone = rng.choice(PHONE_PREFIXES) + f"{rng.randint(0, 999999):06d}"
        return Citizen(cccd, name, born.strftime("%d/%m/%Y"), phone)
    raise RuntimeError("no free CCCD found")


# -- the paths -------------------------------------------------------------------------------
def _register_start(method: str) -> list[Step]:
    return [
        Step("demo.step.home", (WaitScreen("home"), Show(), Click("register"), WaitScreen("choose-subject"))),
        Step("demo.step.subject", (Show(), Click("subject-citizen"), WaitScreen("choose-method"))),
        Step(f"demo.step.method.{method}", (Show(), Click(f"method-{method}"), WaitScreen(f"register-{method}"))),
    ]


def _password_steps(end: str = "registered") -> list[Step]:
    return [
        Step("demo.step.code", (WaitScreen("otp"), TypeCode(), Show(), Click("confirm"), WaitScreen("set-password"))),
        Step("demo.step.password", (
            Type("password", PASSWORD), Type("password-confirm", PASSWORD), Show(),
            Click("submit"), WaitScreen(end),
        ), {"password": PASSWORD}),
        Step("demo.step.registered", (Show(2.5),)),
    ]


def _mobile(citizen: Citizen) -> list[Step]:
    return _register_start("mobile") + [
        Step("demo.step.form.mobile", (
            Type("cccd", citizen.cccd), Type("full-name", citizen.full_name), Type("dob", citizen.dob),
            Type("phone", citizen.phone), TypeCaptcha(), Show(), Click("submit"), WaitScreen("otp"),
        )),
    ] + _password_steps()


def _login_from_registered(password: str = PASSWORD) -> list[Step]:
    return [
        Step("demo.step.to_login", (Click("to-login"), WaitScreen("login"))),
        Step("demo.step.login", (
            Type("password", password), Show(), Click("submit"), WaitScreen("otp"),
        ), {"password": password}),
        Step("demo.step.login_code", (TypeCode(), Show(), Click("confirm"), WaitScreen("profile"))),
        Step("demo.step.profile", (Show(3.0),)),
    ]


def mobile_path(services) -> Path:
    citizen = fresh_citizen(services.rng, services.store.account_exists)
    return Path("mobile", _mobile(citizen), [citizen.cccd], "registered")


def login_path(services) -> Path:
    citizen = fresh_citizen(services.rng, services.store.account_exists)
    return Path("login", _mobile(citizen) + _login_from_registered(), [citizen.cccd])


def forgot_path(services) -> Path:
    citizen = fresh_citizen(services.rng, services.store.account_exists)
    steps = _mobile(citizen) + [
        Step("demo.step.to_login", (Click("to-login"), WaitScreen("login"))),
        Step("demo.step.forgot", (Show(), Click("forgot"), WaitScreen("forgot-password"))),
        Step("demo.step.forgot_form", (
            Type("cccd", citizen.cccd), TypeCaptcha(), Show(), Click("submit"), WaitScreen("otp"),
        )),
        Step("demo.step.code", (TypeCode(), Show(), Click("confirm"), WaitScreen("reset-password"))),
        Step("demo.step.new_password", (
            Type("password", NEW_PASSWORD), Type("password-confirm", NEW_PASSWORD), Show(),
            Click("submit"), WaitScreen("login"),
        ), {"password": NEW_PASSWORD}),
    ] + _login_from_registered(NEW_PASSWORD)[1:]
    return Path("forgot", steps, [citizen.cccd])


def post_path(services) -> Path:
    from dvc_tui.core.post import PAPERS

    citizen = fresh_citizen(services.rng, services.store.account_exists)
    steps = _register_start("post") + [
        Step("demo.step.post_papers", tuple(Click(f"paper-{paper}") for paper in PAPERS) + (Show(),)),
        Step("demo.step.form.post", (
            Type("cccd", citizen.cccd), Type("full-name", citizen.full_name), Type("dob", citizen.dob),
            Type("phone", citizen.phone), Show(), Click("submit"), WaitScreen("otp"),
        )),
    ] + _password_steps()
    return Path("post", steps, [citizen.cccd], "registered")


def bhxh_path(services) -> Path:
    from dvc_tui.core.bhxh import PRACTICE_INSURED

    store = services.store
    people = [p for p in PRACTICE_INSURED if p.id_number != "001090012345"]  # An: the "exists" case
    person = next((p for p in people if not store.account_exists(p.id_number)), None)
    if person is None:
        raise DemoUnavailable("demo.unavailable.bhxh")
    steps = _register_start("bhxh") + [
        Step("demo.step.form.bhxh", (
            Type("bhxh", person.bhxh_number), Type("cccd", person.id_number), Type("full-name", person.full_name),
            Type("dob", person.dob.strftime("%d/%m/%Y")), TypeCaptcha(), Show(), Click("submit"), WaitScreen("otp"),
        )),
    ] + _password_steps()
    return Path("bhxh", steps, [person.id_number], "registered")


def _token_serial(identifier: str) -> Callable[[object], str | None]:
    def find(app) -> str | None:
        for info in app.services.tokens.plugged_in():
            if info.holder is not None and info.holder.identifier == identifier and info.training:
                return info.serial
        return None

    return find


def usb_path(services) -> Path:
    from dvc_tui.core.tokens import TRAINING_TOKENS

    spec = next(s for s in TRAINING_TOKENS if s.tag == "citizen")
    if services.store.account_exists(spec.identifier):
        raise DemoUnavailable("demo.unavailable.usb")
    steps = _register_start("usb")[:2] + [
        Step("demo.step.method.usb", (
            Prepare(lambda s: s.tokens.install_training()), Show(), Click("method-usb"),
            WaitScreen("register-usb"), WaitWorkers(),
        )),
        Step("demo.step.usb_token", (Choose("token-list", _token_serial(spec.identifier)), Show())),
        Step("demo.step.usb_pin", (
            Type("token-pin", spec.pin), Press(("enter",)), WaitWorkers(), Show(),
        ), {"pin": spec.pin}),
        Step("demo.step.usb_review", (TypeCaptcha(), Show(), Click("submit"), WaitScreen("registered"))),
        Step("demo.step.registered", (Show(2.0),)),
        Step("demo.step.to_login_usb", (Click("to-login"), WaitScreen("login"), WaitWorkers(), Show())),
        Step("demo.step.usb_token", (Choose("token-list", _token_serial(spec.identifier)), Show())),
        Step("demo.step.usb_login", (
            Type("usb-pin", spec.pin), Press(("enter",)), WaitScreen("profile"),
        ), {"pin": spec.pin}),
        Step("demo.step.profile", (Show(3.0),)),
    ]
    return Path("usb", steps, [spec.identifier])


def sim_path(services) -> Path:
    from dvc_tui.core.sim import TRAINING_SIMS

    spec = next(s for s in TRAINING_SIMS if s.tag == "citizen")
    if services.store.account_exists(spec.identifier):
        raise DemoUnavailable("demo.unavailable.sim")
    phone = "0" + spec.phone[3:]
    steps = _register_start("sim") + [
        Step("demo.step.form.sim", (
            Type("cccd", spec.identifier), Type("full-name", spec.name), Type("phone", phone),
            TypeCaptcha(), Show(), Click("submit"), WaitWorkers(),
        )),
        Step("demo.step.sim_approve", (Show(), ApproveSim(spec.pin), WaitScreen("registered")), {"pin": spec.pin}),
        Step("demo.step.registered", (Show(2.5),)),
    ]
    return Path("sim", steps, [spec.identifier], "registered")


class DemoUnavailable(Exception):
    """The path's practice identity already has an account in this data dir (a catalog key)."""


PATHS: dict[str, Callable[[object], Path]] = {
    "mobile": mobile_path,
    "login": login_path,
    "bhxh": bhxh_path,
    "post": post_path,
    "usb": usb_path,
    "sim": sim_path,
    "forgot": forgot_path,
}


def build_path(name: str, services) -> Path:
    """The steps of a path with a fresh identity (blocking: reads the store)."""
    return PATHS[name](services)
