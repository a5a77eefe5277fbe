"""One-time codes sent by SMS: issue, verify, resend, expiry and attempt limits.

A code is HOTP (RFC 4226, pyotp) on a secret derived from the install's key, at a counter that
is the code's own row id in the store, so every code is distinct and none is ever stored in
clear. Rules (the portal's, and NIST SP 800-63B's for out-of-band codes):

- 6 digits, valid 5 minutes, single use;
- bound to its purpose (registration, login) and to its subject (the ID number);
- a new send supersedes the previous code of the same purpose and subject;
- 5 wrong entries void the code: each entry is read, checked and counted in one transaction
  of the store (count_code_attempt), so parallel guesses cannot check a code a 6th time;
- a resend is allowed 60 s after the previous send, and at most 5 sends per number per hour.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum

from dvc_tui.core.clock import Clock
from dvc_tui.core.problems import PortalError

CODE_DIGITS = 6
CODE_TTL = timedelta(minutes=5)
RESEND_AFTER = timedelta(seconds=60)
MAX_ATTEMPTS = 5
MAX_SENDS_PER_HOUR = 5


class Purpose(str, Enum):
    REGISTER = "register"
    LOGIN = "login"
    RESET = "reset"  # Quên mật khẩu


class CodeStatus(str, Enum):
    ACTIVE = "active"
    USED = "used"
    VOIDED = "voided"  # too many wrong entries
    SUPERSEDED = "superseded"  # a newer code was sent


@dataclass(frozen=True)
class IssuedCode:
    id: int
    purpose: Purpose
    subject: str
    phone: str
    issued_at: datetime
    expires_at: datetime
    attempts: int
    status: CodeStatus
    used_at: datetime | None = None


def derive_otp_secret(install_key: bytes) -> str:
    """The base32 HOTP secret for codes, derived from the install's key (never the key itself)."""
    digest = hmac.new(install_key, b"dvc-tui one-time codes v1", hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")


class OneTimeCodes:
    def __init__(self, store, clock: Clock, secret_b32: str, sms) -> None:
        import pyotp

        self._store = store
        self._clock = clock
        self._hotp = pyotp.HOTP(secret_b32, digits=CODE_DIGITS)
        self._sms = sms

    # -- sending ---------------------------------------------------------------------------
    def send(
        self,
        purpose: Purpose,
        subject: str,
        phone: str,
        *,
        resend: bool = False,
        deliver: bool = True,
        sms_key: str | None = None,
    ) -> IssuedCode:
        """Send a code by SMS; without `resend`, a still-valid code for the same number is kept.

        With `deliver=False` the code is issued under every rule (cooldown, hourly limit,
        attempts, expiry) but no SMS leaves: Quên mật khẩu's stand-in for an unknown ID.
        `sms_key` chooses another SMS text than the purpose's (the code rules stay the same).
        """
        now = self._clock.now()
        latest = self._store.latest_code(purpose.value, subject)
        if latest is not None and latest.status is CodeStatus.ACTIVE and latest.phone == phone:
            if not resend and latest.expires_at > now:
                return latest
        if latest is not None and now - latest.issued_at < RESEND_AFTER:
            wait = RESEND_AFTER - (now - latest.issued_at)
            raise PortalError("otp.cooldown", seconds=max(1, int(wait.total_seconds() + 0.999)))
        since = now - timedelta(hours=1)
        sends = self._store.code_send_times(phone, since)
        if len(sends) >= MAX_SENDS_PER_HOUR:
            free_at = min(sends) + timedelta(hours=1)
            minutes = max(1, int((free_at - now).total_seconds() // 60 + 1))
            raise PortalError("otp.hourly_limit", limit=MAX_SENDS_PER_HOUR, minutes=minutes)
        if not deliver:
            return self._store.issue_code(purpose.value, subject, phone, now, now + CODE_TTL)
        # The code and its SMS in one transaction (the SMS's text needs the code's row id).
        issued, message = self._store.issue_code_with_sms(
            purpose.value, subject, phone, now, now + CODE_TTL, self._sms.sender,
            lambda code_id: self._sms.code_text(purpose, self._hotp.at(code_id), key=sms_key),
        )
        self._sms.announce(message)
        return issued

    def seconds_until_resend(self, purpose: Purpose, subject: str) -> int:
        latest = self._store.latest_code(purpose.value, subject)
        if latest is None:
            return 0
        wait = RESEND_AFTER - (self._clock.now() - latest.issued_at)
        return max(0, int(wait.total_seconds() + 0.999))

    # -- checking --------------------------------------------------------------------------
    def verify(self, purpose: Purpose, subject: str, typed: str) -> IssuedCode:
        """Accept the latest code of this purpose and subject, or raise with the reason."""
        typed = typed.strip()
        if not typed:
            raise PortalError("otp.required")
        if len(typed) != CODE_DIGITS or not (typed.isascii() and typed.isdigit()):
            raise PortalError("otp.format", digits=CODE_DIGITS)
        now = self._clock.now()
        outcome: dict = {}

        def attempt(latest: IssuedCode | None) -> IssuedCode | None:
            """The code's row read, checked (an HMAC: microseconds) and counted in one transaction."""
            if latest is None:
                outcome["error"] = PortalError("otp.none")
            elif latest.status is CodeStatus.VOIDED:
                outcome["error"] = PortalError("otp.voided")
            elif latest.status is not CodeStatus.ACTIVE:  # used (or used and spent on a new password)
                outcome["error"] = PortalError("otp.used")
            elif latest.expires_at <= now:
                outcome["error"] = PortalError("otp.expired")
            elif self._hotp.verify(typed, latest.id):
                return replace(latest, status=CodeStatus.USED, used_at=now)
            else:
                attempts = latest.attempts + 1
                if attempts >= MAX_ATTEMPTS:
                    outcome["error"] = PortalError("otp.voided_now", limit=MAX_ATTEMPTS)
                    return replace(latest, attempts=attempts, status=CodeStatus.VOIDED)
                outcome["wrong"] = attempts
                return replace(latest, attempts=attempts)
            return latest

        _, after = self._store.count_code_attempt(purpose.value, subject, attempt)
        if "error" in outcome:
            raise outcome["error"]
        if "wrong" not in outcome:
            return after
        superseded = any(
            self._hotp.verify(typed, old.id)
            for old in self._store.recent_codes(purpose.value, subject, now - timedelta(hours=1))
            if old.status is CodeStatus.SUPERSEDED
        )
        key = "otp.superseded" if superseded else "otp.wrong"
        raise PortalError(key, left=MAX_ATTEMPTS - outcome["wrong"])

    def verified_since(self, purpose: Purpose, subject: str, phone: str, since: datetime) -> bool:
        """Whether a code of this purpose for this subject and number was used after `since`."""
        latest = self._store.latest_code(purpose.value, subject)
        return (
            latest is not None
            and latest.status is CodeStatus.USED
            and latest.phone == phone
            and latest.used_at is not None
            and latest.used_at >= since
        )

    def code_for_testing(self, code_id: int) -> str:
        """The code of a given row (tests and the demo read it from the SMS pane instead)."""
        return self._hotp.at(code_id)
