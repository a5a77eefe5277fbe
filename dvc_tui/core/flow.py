"""Which methods each subject may use, the steps of each path, and the wizard's draft."""

from __future__ import annotations

from dataclasses import dataclass, field

from dvc_tui.core.accounts import (
    Account,
    BhxhRegistration,
    Level,
    Method,
    MobileRegistration,
    PostRegistration,
    Subject,
)

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


@dataclass(frozen=True)
class Availability:
    enabled: bool
    reason: str | None = None  # a catalog key when not usable


def availability(subject: Subject, method: Method) -> Availability:
    if method in CITIZEN_ONLY and subject is not Subject.CITIZEN:
        return Availability(False, "method.citizens_only")
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
class PostForm:
    """The Vietnam Post counter's form as typed, kept verbatim, and the papers ticked (their
    keys, core.post.PAPERS)."""

    cccd: str = ""
    full_name: str = ""
    dob: str = ""
    phone: str = ""
    email: str = ""
    papers: set[str] = field(default_factory=set)


@dataclass
class UsbForm:
    """The USB ký số form's typed values, kept on Back, and the token they were typed for (its
    serial). Never the PIN: the token proves itself again each time the form is opened."""

    serial: str = ""
    email: str = ""
    representative: str = ""


@dataclass
class SimForm:
    """The SIM ký số form as typed (every subject's fields), kept verbatim on Back or an error."""

    cccd: str = ""
    full_name: str = ""
    tax_code: str = ""
    agency_code: str = ""
    org_name: str = ""
    representative: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class RegistrationDraft:
    subject: Subject | None = None
    method: Method | None = None
    form: MobileForm = field(default_factory=MobileForm)
    bhxh_form: BhxhForm = field(default_factory=BhxhForm)
    sim_form: SimForm = field(default_factory=SimForm)
    usb_form: UsbForm = field(default_factory=UsbForm)
    post_form: PostForm = field(default_factory=PostForm)
    registration: MobileRegistration | BhxhRegistration | PostRegistration | None = None
    code_confirmed: bool = False
    account: Account | None = None
