"""Accounts and the registration, login and password-reset use cases."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import Enum, IntEnum

from dvc_tui.core.bhxh import InsuredPerson
from dvc_tui.core.carrier import check_own_number
from dvc_tui.core.clock import Clock
from dvc_tui.core.identity import IdNumber, Phone, parse_id_number, same_name
from dvc_tui.core.lockout import MAX_FAILURES, QUIET_RESET, WARN_WHEN_LEFT, LoginFailures, after_attempt, lock_key
from dvc_tui.core.otp import IssuedCode, OneTimeCodes, Purpose
from dvc_tui.core.passwords import PasswordHasher, PersonalData, check_new_password
from dvc_tui.core.post import check_papers
from dvc_tui.core.problems import PortalError

VERIFIED_CODE_VALID_FOR = timedelta(minutes=15)
"""How long after the code is confirmed the password may still be set."""

STAND_IN_PREFIXES = (
    "032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098",  # Viettel
    "081", "082", "083", "084", "085", "088", "091", "094",  # Vinaphone
    "070", "076", "077", "078", "079", "090", "093",  # MobiFone
    "056", "058", "092", "059",  # Vietnamobile, Gmobile
)
"""Mobile prefixes a stand-in number (Quên mật khẩu for an ID without an account) starts with."""


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
    username: str  # the login name: CMT/CCCD for citizens, the MST or agency code otherwise
    full_name: str  # a person's name, or the business's or agency's
    dob: date | None
    phone: str  # E.164; "" for an account by USB ký số (no phone on file)
    email: str | None
    subject: Subject
    method: Method
    level: Level
    created_at: datetime
    password_hash: str | None = None  # None for the signing methods (no password)
    representative: str | None = None  # a business's legal representative

    @property
    def phone_number(self) -> Phone | None:
        return Phone(self.phone) if self.phone else None

    @property
    def signs_in(self) -> bool:
        """Logs in by a signature (USB or SIM ký số), not by password and code."""
        return self.method in (Method.USB, Method.SIM)


@dataclass(frozen=True)
class MobileRegistration:
    """The mobile-subscription form, checked: what the account will hold."""

    id_number: IdNumber
    full_name: str
    dob: date
    phone: Phone
    email: str | None


@dataclass(frozen=True)
class BhxhRegistration:
    """The social-insurance (BHXH) form, checked. `phone` is the number the BHXH registry holds
    for the person, filled in by `start_bhxh_registration` (never typed by the user)."""

    bhxh_number: str
    id_number: IdNumber
    full_name: str
    dob: date
    phone: Phone | None = None
    email: str | None = None


@dataclass(frozen=True)
class PostRegistration:
    """A Vietnam Post counter's entry, checked: the citizen's details as the staff typed them
    and the keys of the papers the staff checked in person (core.post.PAPERS)."""

    id_number: IdNumber
    full_name: str
    dob: date
    phone: Phone
    email: str | None
    papers: tuple[str, ...]


POST_ACTIVATION_SMS = "sms.activation.post"
"""The text of the code sent after a counter registration (an activation SMS)."""


@dataclass(frozen=True)
class PasswordReset:
    """Quên mật khẩu under way: the login name, the number shown as the code's destination
    (the account's, or a stand-in when the ID has no account) and the code issued."""

    username: str
    phone: Phone
    issued: IssuedCode


class Accounts:
    """Registration by mobile subscription, login by ID number, password and SMS code, and
    Quên mật khẩu (a code to the account's number, then a new password)."""

    def __init__(
        self,
        store,
        clock: Clock,
        hasher: PasswordHasher,
        codes: OneTimeCodes,
        *,
        stand_in_key: bytes | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._hasher = hasher
        self._codes = codes
        # Keyed, so the stand-in number of an ID cannot be computed outside this install
        # (without a key: a random one, stable for this process only).
        self._stand_in_key = hmac.new(
            stand_in_key or secrets.token_bytes(32), b"dvc-tui reset stand-in v1", hashlib.sha256
        ).digest()
        self._activation_codes: set[int] = set()  # codes sent as a post-office activation SMS

    # -- registration ----------------------------------------------------------------------
    def start_mobile_registration(self, reg: MobileRegistration) -> IssuedCode:
        """Check the ID is free and the number is the citizen's own, then send the code."""
        if self._store.account_exists(reg.id_number.value):
            raise AccountExists()
        check_own_number(self._store, reg.phone.e164, reg.id_number.value)
        return self._codes.send(Purpose.REGISTER, reg.id_number.value, reg.phone.e164)

    def start_bhxh_registration(self, reg: BhxhRegistration) -> tuple[BhxhRegistration, IssuedCode]:
        """Check the ID is free and the registry holds this person, then send the code to the
        number on file with the registry. Returns the registration with that number."""
        if self._store.account_exists(reg.id_number.value):
            raise AccountExists()
        person = self._insured_person(reg)
        reg = replace(reg, phone=Phone(person.phone), full_name=person.full_name)  # the registry's spelling
        return reg, self._codes.send(Purpose.REGISTER, reg.id_number.value, person.phone)

    def _insured_person(self, reg: BhxhRegistration) -> InsuredPerson:
        """The registry's person for the form, or a PortalError saying which part disagrees
        (never what the registry holds)."""
        person = self._store.insured_person(reg.bhxh_number)
        if person is None:
            raise PortalError("bhxh.unknown")
        if person.id_number != reg.id_number.value:
            raise PortalError("bhxh.mismatch.id")
        if not same_name(person.full_name, reg.full_name):
            raise PortalError("bhxh.mismatch.name")
        if person.dob != reg.dob:
            raise PortalError("bhxh.mismatch.dob")
        return person

    def start_post_registration(self, reg: PostRegistration) -> IssuedCode:
        """At a Vietnam Post counter: every paper checked and the ID free, then the activation
        SMS with the code to the citizen's phone. No carrier check: the staff saw the citizen
        holding the phone (a paper of the checklist)."""
        check_papers(reg.papers)
        if self._store.account_exists(reg.id_number.value):
            raise AccountExists()
        issued = self._codes.send(Purpose.REGISTER, reg.id_number.value, reg.phone.e164, sms_key=POST_ACTIVATION_SMS)
        self._activation_codes.add(issued.id)
        return issued

    def resend_code(self, purpose: Purpose, subject: str, phone: str) -> IssuedCode:
        if purpose is Purpose.RESET:  # the number comes from the account, never from the screen
            return self._send_reset_code(subject, resend=True)[1]
        latest = self._store.latest_code(purpose.value, subject)
        activation = latest is not None and latest.id in self._activation_codes
        issued = self._codes.send(
            purpose, subject, phone, resend=True, sms_key=POST_ACTIVATION_SMS if activation else None
        )
        if activation:
            self._activation_codes.add(issued.id)
        return issued

    def confirm_code(self, purpose: Purpose, subject: str, typed: str) -> IssuedCode:
        return self._codes.verify(purpose, subject, typed)

    def complete_mobile_registration(self, reg: MobileRegistration, password: str, confirm: str) -> Account:
        """Set the password and create the account: one transaction, after a confirmed code."""
        check_new_password(password, confirm, personal=PersonalData.of(reg))
        return self._create_account(reg, reg.phone.e164, Method.MOBILE, password)

    def complete_bhxh_registration(self, reg: BhxhRegistration, password: str, confirm: str) -> Account:
        """As for the mobile path, with the number the BHXH registry holds (looked up again)."""
        check_new_password(password, confirm, personal=PersonalData.of(reg))
        person = self._insured_person(reg)
        return self._create_account(reg, person.phone, Method.BHXH, password, full_name=person.full_name)

    def complete_post_registration(self, reg: PostRegistration, password: str, confirm: str) -> Account:
        """The citizen's password after the activation code: a level-2 account by Vietnam Post."""
        check_new_password(password, confirm, personal=PersonalData.of(reg))
        check_papers(reg.papers)
        return self._create_account(reg, reg.phone.e164, Method.POST, password)

    def _create_account(
        self, reg, phone: str, method: Method, password: str, *, full_name: str | None = None
    ) -> Account:
        now = self._clock.now()
        if not self._codes.verified_since(
            Purpose.REGISTER, reg.id_number.value, phone, now - VERIFIED_CODE_VALID_FOR
        ):
            raise PortalError("register.code_needed")
        account = Account(
            username=reg.id_number.value,
            full_name=full_name or reg.full_name,
            dob=reg.dob,
            phone=phone,
            email=reg.email,
            subject=Subject.CITIZEN,
            method=method,
            level=Level.IAL2,
            created_at=now,
            password_hash=self._hasher.hash(password),
        )
        self._store.insert_account(account)  # raises AccountExists when another kiosk won
        return account

    def create_signed_account(
        self,
        *,
        subject: Subject,
        method: Method,
        username: str,
        full_name: str,
        email: str | None,
        phone: str = "",
        dob: date | None = None,
        representative: str | None = None,
    ) -> Account:
        """An account proved by a signature (USB or SIM ký số), level 3, no password.

        The caller has verified the signature over a fresh challenge with the certificate that
        names `username`; the account is created in one statement (AccountExists when the login
        name is taken, by an earlier registration or by another kiosk a moment ago)."""
        if method not in (Method.USB, Method.SIM):
            raise ValueError(f"not a signing method: {method}")
        account = Account(
            username=username,
            full_name=full_name,
            dob=dob,
            phone=phone,
            email=email,
            subject=subject,
            method=method,
            level=Level.IAL3,
            created_at=self._clock.now(),
            representative=representative,
        )
        self._store.insert_account(account)
        return account

    def account(self, username: str) -> Account | None:
        return self._store.get_account(username.strip()) if len(username) <= 64 else None

    # -- login -----------------------------------------------------------------------------
    def check_password(self, username: str, password: str) -> Account:
        """The first factor. One message for a wrong name or a wrong password, and the
        brute-force lock of core/lockout.py, counted per typed name whether or not it has an
        account (the same answers, the same lock).

        The attempt is counted before the password is checked, in the transaction that reads
        the lock, and uncounted by a right password. While locked, the password is not checked
        and no hashing time is spent: the answer is the same for every locked name, so its speed
        tells nothing, and a locked name cannot be used to make the server hash at will."""
        username = username.strip()
        if not username:
            raise PortalError("login.username_required")
        if not password:
            raise PortalError("login.password_required")
        key, now = lock_key(username), self._clock.now()
        before, after = self._store.count_login_attempt(
            key, lambda state: after_attempt(state, key, now), stale_before=now - QUIET_RESET, now=now
        )
        if before is not None and before.locked_at(now):
            raise _locked(before, now)
        account = self._store.get_account(username) if len(username) <= 64 else None
        if account is None or not account.password_hash:
            self._hasher.burn(password)
            raise _wrong_password(after, now)
        if not self._hasher.verify(account.password_hash, password):
            raise _wrong_password(after, now)
        self._store.clear_login_failures(key)
        if self._hasher.needs_rehash(account.password_hash):
            self._store.set_password_hash(account.username, self._hasher.hash(password))
        return account

    def send_login_code(self, account: Account) -> IssuedCode:
        return self._codes.send(Purpose.LOGIN, account.username, account.phone)

    # -- Quên mật khẩu ---------------------------------------------------------------------
    def start_password_reset(self, id_number: IdNumber | str) -> PasswordReset:
        """Send a reset code to the account's number.

        The answer never tells whether the ID has an account: without one (or without a
        number), a code is issued all the same, under the same rules (cooldown, hourly limit,
        5 wrong entries, 5 minutes), for a stand-in number derived from the ID with the
        install's key (the same one every time), and no SMS leaves. No one receives that
        code, so a code typed for it is wrong, with the same count of tries left (a lucky guess,
        one in a million a try, ends at the password step with "reset.code_needed").
        """
        username = _username(id_number)
        phone, issued = self._send_reset_code(username, resend=False)
        return PasswordReset(username, phone, issued)

    def _send_reset_code(self, username: str, *, resend: bool) -> tuple[Phone, IssuedCode]:
        account = self._store.get_account(username)
        # An account that signs in (USB, SIM ký số) has no password to reset: it is answered as
        # an ID without an account, so the reset can neither tell it apart nor give it a password.
        if account is not None and account.phone and not account.signs_in:
            phone, deliver = account.phone_number, True
        else:
            phone, deliver = self.stand_in_phone(username), False
        return phone, self._codes.send(Purpose.RESET, username, phone.e164, resend=resend, deliver=deliver)

    def stand_in_phone(self, username: str) -> Phone:
        """A plausible Vietnamese mobile number for an ID without an account (no SMS goes to it)."""
        digest = hmac.new(self._stand_in_key, username.encode("utf-8", "replace"), hashlib.sha256).digest()
        prefix = STAND_IN_PREFIXES[digest[0] % len(STAND_IN_PREFIXES)]
        rest = int.from_bytes(digest[1:9], "big") % 10**7
        return Phone(f"+84{prefix[1:]}{rest:07d}")

    def complete_password_reset(self, id_number: IdNumber | str, password: str, confirm: str) -> Account:
        """Replace the password after a reset code confirmed within 15 minutes.

        The code is checked before the old password is compared, so the comparison tells
        nothing to anyone who has not proved they hold the phone. The new hash is stored and the
        code spent in one transaction: one confirmed code, one new password.
        """
        username = _username(id_number)
        check_new_password(password, confirm, personal=PersonalData(id_number=username))
        account = self._store.get_account(username)
        since = self._clock.now() - VERIFIED_CODE_VALID_FOR
        if (
            account is None
            or not account.phone
            or account.signs_in
            or not self._codes.verified_since(Purpose.RESET, username, account.phone, since)
        ):
            raise PortalError("reset.code_needed")
        # The account's name, phone and birth date only once the code proved the phone.
        check_new_password(password, confirm, personal=PersonalData.of(account))
        if account.password_hash and self._hasher.verify(account.password_hash, password):
            raise PortalError("reset.same_as_old")
        phc = self._hasher.hash(password)
        code = self._store.latest_code(Purpose.RESET.value, username)
        if code is None or not self._store.set_password_hash(username, phc, spend_code=code.id):
            raise PortalError("reset.code_needed")  # spent or replaced a moment ago (another window)
        self._store.clear_login_failures(lock_key(username))  # the phone was proved: no lock left
        return replace(account, password_hash=phc)


def _locked(state: LoginFailures, now) -> PortalError:
    """The lock, with the whole seconds left and the moment it ends (the screen counts down)."""
    return PortalError("login.locked", limit=MAX_FAILURES, seconds=state.seconds_left(now), until=state.locked_until)


def _wrong_password(state: LoginFailures, now) -> PortalError:
    """A wrong password (or name): the lock it caused, or the one message, with the attempts
    left once they are few."""
    if state.locked_at(now):
        return _locked(state, now)
    if state.attempts_left <= WARN_WHEN_LEFT:
        return PortalError("login.invalid_left", left=state.attempts_left)
    return PortalError("login.invalid")


def _username(id_number: IdNumber | str) -> str:
    """The login name of a checked ID, or of an ID typed as text (checked here)."""
    if isinstance(id_number, IdNumber):
        return id_number.value
    return parse_id_number(id_number).value
