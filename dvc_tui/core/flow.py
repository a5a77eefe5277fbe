"""Which methods each subject may use, the steps of each path, and the wizard's draft."""

from __future__ import annotations

from dataclasses import dataclass, field

from dvc_tui.core.accounts import Account, BhxhRegistration, Level, Method, MobileRegistration, Subject

LEVEL_OF = {
    Method.MOBILE: Level.IAL2,
    Method.BHXH: Level.IAL2,
    Method.POST: Level.IAL2,
    Method.USB: Level.IAL3,
    Method.SIM: Level.IAL3,
}
METHODS_BY_LEVEL = {
    Level.IAL2: (Method.MOBILE, Method.BHXH, Method.POST),
    Level.IAL3: (Method.USB, Method.SIM),
}
CITIZEN_ONLY = {Method.MOBILE, Method.BHXH, Method.POST}
BUILT = {Method.MOBILE, Method.BHXH}
"""Methods this version simulates end to end; the others say they come in a later version."""


@dataclass(frozen=True)
class Availability:
    enabled: bool
    reason: str | None = None  # a catalog key when not usable


def availability(subject: Subject, method: Method) -> Availability:
    if method in CITIZEN_ONLY and subject is not Subject.CITIZEN:
        return Availability(False, "method.citizens_only")
    if method not in BUILT:
        return Availability(True, "method.later")
    return Availability(True)


REGISTRATION_STEPS = ("choose-subject", "choose-method", "register-mobile", "otp", "set-password")
"""The leaflet's five steps of the mobile path, in order (Bước 1..5 counts from the home page)."""


@dataclass
class MobileForm:
    """What the user typed on the form, kept verbatim so nothing is lost on Back or an error."""

    cccd: str = ""
    full_name: str = ""
    dob: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class BhxhForm:
    """The social-insurance form as typed, kept verbatim like MobileForm."""

    bhxh: str = ""
    cccd: str = ""
    full_name: str = ""
    dob: str = ""


@dataclass
class RegistrationDraft:
    subject: Subject | None = None
    method: Method | None = None
    form: MobileForm = field(default_factory=MobileForm)
    bhxh_form: BhxhForm = field(default_factory=BhxhForm)
    registration: MobileRegistration | BhxhRegistration | None = None
    code_confirmed: bool = False
    account: Account | None = None
