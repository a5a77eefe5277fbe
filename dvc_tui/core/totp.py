"""Authenticator apps (TOTP, RFC 6238): enrolment from the profile, and codes at login.

"Chọn phương thức xác thực khác" on the login code screen lets a user who enrolled an
authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP, `oathtool --totp`, ...)
type the app's code instead of the SMS code. Rules:

- the secret: 160 random bits (RFC 4226's recommended length) from the injected random source
  (`random.SystemRandom` in production), shown as base32 and as an otpauth:// QR code;
- codes: 6 digits, 30 s steps, HMAC-SHA-1: every app's defaults, so no app needs settings;
- drift: the code of the current step, the one before or the one after is accepted (±30 s);
- single use: the last accepted step is remembered per account; a code of that step or of an
  earlier one is refused (`totp.used`), so a code seen over a shoulder is worth nothing;
- attempts, as the password's lock (core/lockout.py, the same rule and numbers): 5 wrong codes
  in a row lock the authenticator for 1 minute, the next locks of the streak for 2, 4, 8 and
  then 15 minutes (`totp.locked_now`, then `totp.locked`, worded as the password's lock), during
  which even the right code is refused without being checked; a right code, or 12 quiet hours,
  clear the count and the escalation. Counted in the store (across processes and restarts), and
  each code is read, checked and counted in ONE transaction (store.count_authenticator_attempt):
  parallel guesses from several windows or processes cannot slip past the limit. The SMS code
  stays available, so a locked authenticator never locks the account;
- confirm on enrolment: a new secret is pending until one valid code from the app confirms it;
  until then a previous authenticator stays in force. Wrong codes while enrolling are not
  counted: the secret is on the logged-in user's own screen, there is nothing to guess;
- at rest the secret is sealed by a `Sealer` (the store's AES-GCM under a key derived from the
  install's secret), bound to the account name, so the database alone does not give it.

Pure Python: the store, the clock, the random source and the sealer come by parameter, and
pyotp is imported only when a code is computed.
"""

from __future__ import annotations

import base64
import hmac
import math
import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol

from dvc_tui.core.clock import Clock
from dvc_tui.core.problems import PortalError

ISSUER = "Cong DVC quoc gia"
"""The issuer the apps show beside the account name (ASCII, as the portal's SMS are)."""
SECRET_BYTES = 20
TOTP_DIGITS = 6
TOTP_PERIOD = 30  # seconds
DRIFT_STEPS = 1
MAX_ATTEMPTS = 5  # core.lockout.MAX_FAILURES: the rule is the password's
PENDING_TTL = timedelta(minutes=10)
"""Reopening the enrolment within this time shows the same key (a QR already scanned stays good)."""


class UnsealError(Exception):
    """A sealed secret cannot be opened (another install's key, or damaged)."""


class Sealer(Protocol):
    def seal(self, plaintext: bytes, context: bytes) -> bytes: ...

    def open(self, sealed: bytes, context: bytes) -> bytes:
        """The plaintext, or UnsealError."""


@dataclass(frozen=True)
class AuthenticatorRecord:
    """One account's row in the store; the secrets as sealed bytes."""

    username: str
    secret: bytes | None = None  # the confirmed secret, None until confirmed
    confirmed_at: datetime | None = None
    last_step: int | None = None  # the last accepted time step (single use)
    failed_attempts: int = 0  # wrong login codes in a row
    locked_until: datetime | None = None
    pending_secret: bytes | None = None  # being enrolled, not yet confirmed
    pending_since: datetime | None = None
    lock_count: int = 0  # locks so far in this streak of wrong codes (core.lockout)
    last_failure: datetime | None = None


@dataclass(frozen=True)
class AuthenticatorStatus:
    enabled: bool
    confirmed_at: datetime | None = None


@dataclass(frozen=True)
class Enrolment:
    """What the enrolment screen shows: the key, and the URI its QR code carries."""

    username: str
    secret: str  # base32, no padding
    uri: str
    replaces: bool  # an authenticator is already enabled and stays so until this one is confirmed

    @property
    def grouped_secret(self) -> str:
        return group_key(self.secret)


def group_key(secret: str) -> str:
    """The base32 key in groups of 4, as people copy it into an app."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def new_secret(rng: random.Random) -> str:
    return base64.b32encode(rng.randbytes(SECRET_BYTES)).decode("ascii").rstrip("=")


def provisioning_uri(secret: str, username: str) -> str:
    """otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=... (Google's Key URI Format)."""
    import pyotp

    return pyotp.TOTP(secret, digits=TOTP_DIGITS, interval=TOTP_PERIOD).provisioning_uri(
        name=username, issuer_name=ISSUER
    )


def time_step(now: datetime) -> int:
    """RFC 6238's T: whole periods since the Unix epoch."""
    return int(now.timestamp()) // TOTP_PERIOD


def matching_steps(secret: str, typed: str, now: datetime) -> list[int]:
    """The steps within the drift window whose code is `typed` (normally zero or one)."""
    import pyotp

    totp = pyotp.TOTP(secret, digits=TOTP_DIGITS, interval=TOTP_PERIOD)
    current = totp.timecode(now)
    return [
        current + offset
        for offset in range(-DRIFT_STEPS, DRIFT_STEPS + 1)
        if current + offset >= 0 and hmac.compare_digest(totp.at(now, counter_offset=offset), typed)
    ]


def _context(username: str) -> bytes:
    """Binds a sealed secret to its account: a row copied onto another account will not open."""
    return b"dvc-tui totp:" + username.encode("utf-8")


def _normalise(typed: str) -> str:
    """The digits typed, without the spaces apps show ("123 456"); refused when not 6 digits."""
    code = "".join(typed.split())
    if not code:
        raise PortalError("totp.required")
    if len(code) != TOTP_DIGITS or not (code.isascii() and code.isdigit()):
        raise PortalError("totp.format", digits=TOTP_DIGITS)
    return code


class Authenticators:
    def __init__(self, store, clock: Clock, rng: random.Random, sealer: Sealer) -> None:
        self._store = store
        self._clock = clock
        self._rng = rng
        self._sealer = sealer

    def _open(self, username: str, sealed: bytes) -> str:
        try:
            return self._sealer.open(sealed, _context(username)).decode("ascii")
        except (UnsealError, UnicodeDecodeError):
            raise PortalError("totp.unreadable") from None

    # -- the profile -----------------------------------------------------------------------
    def status(self, username: str) -> AuthenticatorStatus:
        record = self._store.get_authenticator(username)
        if record is None or record.secret is None:
            return AuthenticatorStatus(False)
        return AuthenticatorStatus(True, record.confirmed_at)

    def begin_enrolment(self, username: str) -> Enrolment:
        """A new pending secret (or the one pending since less than PENDING_TTL)."""
        now = self._clock.now()
        record = self._store.get_authenticator(username)
        secret = None
        if (
            record is not None
            and record.pending_secret is not None
            and record.pending_since is not None
            and now - record.pending_since < PENDING_TTL
        ):
            try:
                secret = self._sealer.open(record.pending_secret, _context(username)).decode("ascii")
            except (UnsealError, UnicodeDecodeError):
                secret = None  # made under another key: make a new one
        if secret is None:
            secret = new_secret(self._rng)
            self._store.set_pending_authenticator(
                username, self._sealer.seal(secret.encode("ascii"), _context(username)), now
            )
        replaces = record is not None and record.secret is not None
        return Enrolment(username, secret, provisioning_uri(secret, username), replaces)

    def confirm_enrolment(self, username: str, typed: str) -> AuthenticatorStatus:
        """Activate the pending secret with one valid code from the app."""
        code = _normalise(typed)
        now = self._clock.now()
        record = self._store.get_authenticator(username)
        if record is None or record.pending_secret is None:
            raise PortalError("totp.no_pending")
        secret = self._open(username, record.pending_secret)
        steps = matching_steps(secret, code, now)
        if not steps:
            raise PortalError("totp.wrong_enrol")
        if not self._store.activate_authenticator(username, record.pending_secret, now, max(steps)):
            raise PortalError("totp.no_pending")  # another window replaced the key a moment ago
        return AuthenticatorStatus(True, now)

    # -- login -----------------------------------------------------------------------------
    def verify_login(self, username: str, typed: str) -> int:
        """Accept a code from the account's authenticator, once; the accepted step, or raise.

        The row is read, the code checked (an HMAC: microseconds) and the outcome counted in one
        transaction of the store, so no two checks of one account overlap."""
        code = _normalise(typed)
        now = self._clock.now()
        outcome: dict = {}

        def attempt(record: AuthenticatorRecord | None) -> AuthenticatorRecord | None:
            if record is None or record.secret is None:
                outcome["error"] = PortalError("totp.not_enrolled")
                return record
            if record.locked_until is not None and record.locked_until > now:
                outcome["error"] = _locked("totp.locked", record.locked_until, now)
                return record
            try:
                secret = self._open(username, record.secret)
            except PortalError as exc:
                outcome["error"] = exc
                return record
            steps = matching_steps(secret, code, now)
            fresh = [s for s in steps if record.last_step is None or s > record.last_step]
            if fresh:
                outcome["step"] = max(fresh)
                return replace(record, last_step=max(fresh), failed_attempts=0, lock_count=0, locked_until=None,
                               last_failure=None)
            if steps:
                outcome["error"] = PortalError("totp.used")
                return record
            after = _after_wrong_code(record, now)
            if after.locked_until is not None and after.locked_until > now:
                outcome["error"] = _locked("totp.locked_now", after.locked_until, now)
            else:
                outcome["error"] = PortalError("totp.wrong", left=MAX_ATTEMPTS - after.failed_attempts)
            return after

        self._store.count_authenticator_attempt(username, attempt)
        if "error" in outcome:
            raise outcome["error"]
        return outcome["step"]


def _after_wrong_code(record: AuthenticatorRecord, now: datetime) -> AuthenticatorRecord:
    """One more wrong code, counted by the password lock's own rule (core.lockout.after_attempt)."""
    from dvc_tui.core.lockout import LoginFailures, after_attempt

    state = LoginFailures(record.username, record.failed_attempts, record.lock_count, record.locked_until,
                          record.last_failure)
    after = after_attempt(state, record.username, now)
    return replace(record, failed_attempts=after.failures, lock_count=after.lock_count,
                   locked_until=after.locked_until, last_failure=after.last_failure)


def _locked(key: str, until: datetime, now: datetime) -> PortalError:
    """The lock's refusal, worded as the password's: the wrong codes that locked it and the wait
    (whole seconds, rounded up; core.text says it as "1 phút 30 giây")."""
    from dvc_tui.core.lockout import MAX_FAILURES

    seconds = max(1, math.ceil((until - now).total_seconds()))
    return PortalError(key, limit=MAX_FAILURES, seconds=seconds, until=until)
