"""Accounts and the registration and login use cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum, IntEnum

from dvc_tui.core.carrier import check_own_number
from dvc_tui.core.clock import Clock
from dvc_tui.core.identity import IdNumber, Phone
from dvc_tui.core.otp import IssuedCode, OneTimeCodes, Purpose
from dvc_tui.core.passwords import PasswordHasher, check_new_password
from dvc_tui.core.problems import PortalError

VERIFIED_CODE_VALID_FOR = timedelta(minutes=15)
"""How long after the code is confirmed the password may still be set."""


class Subject(str, Enum):
    CITIZEN = "citizen"
    BUSINESS = "business"
    AGENCY = "agency"


class Method(str, Enum):
    MOBILE = "mobile"
    BHXH = "bhxh"
    POST = "post"
    USB = "usb"
    SIM = "sim"


class Level(IntEnum):
    IAL2 = 2
    IAL3 = 3


class AccountExists(PortalError):
    def __init__(self) -> None:
        super().__init__("account.exists")


@dataclass(frozen=True)
class Account:
    username: str  # the login name: CMT/CCCD for citizens
    full_name: str
    dob: date | None
    phone: str  # E.164
    email: str | None
    subject: Subject
    method: Method
    level: Level
    created_at: datetime
    password_hash: str | None = None

    @property
    def phone_number(self) -> Phone:
        return Phone(self.phone)


@dataclass(frozen=True)
class MobileRegistration:
    """The mobile-subscription form, checked: what the account will hold."""

    id_number: IdNumber
    full_name: str
    dob: date
    phone: Phone
    email: str | None


class Accounts:
    """Registration by mobile subscription, and login by ID number, password and SMS code."""

    def __init__(self, store, clock: Clock, hasher: PasswordHasher, codes: OneTimeCodes) -> None:
        self._store = store
        self._clock = clock
        self._hasher = hasher
        self._codes = codes

    # -- registration ----------------------------------------------------------------------
    def start_mobile_registration(self, reg: MobileRegistration) -> IssuedCode:
        """Check the ID is free and the number is the citizen's own, then send the code."""
        if self._store.account_exists(reg.id_number.value):
            raise AccountExists()
        check_own_number(self._store, reg.phone.e164, reg.id_number.value)
        return self._codes.send(Purpose.REGISTER, reg.id_number.value, reg.phone.e164)

    def resend_code(self, purpose: Purpose, subject: str, phone: str) -> IssuedCode:
        return self._codes.send(purpose, subject, phone, resend=True)

    def confirm_code(self, purpose: Purpose, subject: str, typed: str) -> IssuedCode:
        return self._codes.verify(purpose, subject, typed)

    def complete_mobile_registration(self, reg: MobileRegistration, password: str, confirm: str) -> Account:
        """Set the password and create the account: one transaction, after a confirmed code."""
        check_new_password(password, confirm)
        now = self._clock.now()
        if not self._codes.verified_since(
            Purpose.REGISTER, reg.id_number.value, reg.phone.e164, now - VERIFIED_CODE_VALID_FOR
        ):
            raise PortalError("register.code_needed")
        account = Account(
            username=reg.id_number.value,
            full_name=reg.full_name,
            dob=reg.dob,
            phone=reg.phone.e164,
            email=reg.email,
            subject=Subject.CITIZEN,
            method=Method.MOBILE,
            level=Level.IAL2,
            created_at=now,
            password_hash=self._hasher.hash(password),
        )
        self._store.insert_account(account)  # raises AccountExists when another kiosk won
        return account

    # -- login -----------------------------------------------------------------------------
    def check_password(self, username: str, password: str) -> Account:
        """The first factor. One message for a wrong name or a wrong password."""
        username = username.strip()
        if not username:
            raise PortalError("login.username_required")
        if not password:
            raise PortalError("login.password_required")
        account = self._store.get_account(username) if len(username) <= 64 else None
        if account is None or not account.password_hash:
            self._hasher.burn(password)
            raise PortalError("login.invalid")
        if not self._hasher.verify(account.password_hash, password):
            raise PortalError("login.invalid")
        if self._hasher.needs_rehash(account.password_hash):
            self._store.set_password_hash(account.username, self._hasher.hash(password))
        return account

    def send_login_code(self, account: Account) -> IssuedCode:
        return self._codes.send(Purpose.LOGIN, account.username, account.phone)
