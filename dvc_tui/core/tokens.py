"""USB ký số: simulated signing tokens (IAL3), their PIN, their lock, and login by challenge.

A token is a real key pair and an X.509 certificate from the simulated CA (core.pki): the private
key PKCS#8 PEM encrypted under the token's PIN, the certificate PEM, and a small state (wrong
PINs so far, locked). The store keeps them as files (store.tokens); this module holds the rules:

- the PIN has 6 to 8 digits. A PIN of another shape is refused before it is tried and not
  counted; each wrong PIN is counted on the token, the 5th locks it (kept on disk, for good: as
  with a real token, only its issuer could unlock it); a right PIN resets the count;
- login checks the certificate first (issued by our CA, untampered, valid at the clock's time,
  not revoked), so a refused certificate costs no PIN try; then the PIN unlocks the key, which
  signs a fresh random challenge (32 bytes from the injected random source, single use, valid
  2 minutes); the signature is verified against the certificate, the certificate against the
  CA again;
- every refusal is a PortalError with its own catalog key.

Importing this module is cheap: `cryptography` (core.pki) loads when a token is first used.
"""

from __future__ import annotations

import random
import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum
from typing import Callable, Protocol

from dvc_tui.core.accounts import Subject
from dvc_tui.core.clock import Clock
from dvc_tui.core.problems import PortalError, Problem

CA_NAME = "DVC-TUI Simulated CA"
FOREIGN_CA_NAME = "Foreign Simulated CA"
"""The issuer of the training token that our CA never vouched for."""

PIN_MIN_DIGITS = 6
PIN_MAX_DIGITS = 8
PIN_TRIES = 5
CHALLENGE_BYTES = 32
CHALLENGE_VALID_FOR = timedelta(minutes=2)
MAX_PENDING_CHALLENGES = 1000
DEFAULT_DAYS = 365
MIN_DAYS = 1
MAX_DAYS = 3650
SERIAL_BITS = 64
"""Certificate serial numbers: 64 random bits (RFC 5280 / CA/B Forum), shown as 16 hex digits."""
SERIAL_HEX = SERIAL_BITS // 4
MIN_SERIAL_PREFIX = 4
"""A serial may be typed by its first 4+ hex digits when they name one token only."""


class TokenStatus(str, Enum):
    VALID = "valid"
    LOCKED = "locked"  # too many wrong PINs
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    FOREIGN = "foreign"  # issued by another CA
    TAMPERED = "tampered"  # the CA's signature on the certificate does not hold
    INVALID = "invalid"  # the CA itself, its revocation list or the certificate's usage is wrong
    DAMAGED = "damaged"  # a file of the token is missing or unreadable

    @property
    def text_key(self) -> str:
        return f"token.status.{self.value}"


_STATUS_BY_REFUSAL = {
    "token.foreign_ca": TokenStatus.FOREIGN,
    "token.cert_tampered": TokenStatus.TAMPERED,
    "token.not_yet_valid": TokenStatus.NOT_YET_VALID,
    "token.expired": TokenStatus.EXPIRED,
    "token.revoked": TokenStatus.REVOKED,
    "token.locked": TokenStatus.LOCKED,
    "token.cert_unreadable": TokenStatus.DAMAGED,
    "token.damaged": TokenStatus.DAMAGED,
}

_UID_PREFIX = {Subject.BUSINESS: "MST", Subject.AGENCY: "MDD"}


@dataclass(frozen=True)
class TokenHolder:
    """Who a token's certificate names: a citizen (CCCD/CMND), a business (MST) or an agency."""

    kind: Subject
    identifier: str  # CCCD/CMND digits, the MST as printed (0109998883-001), the agency code
    name: str
    email: str | None = None
    uid_prefix: str = ""  # CCCD, CMND, MST or MDD: how the certificate's UID names the identifier

    def __post_init__(self) -> None:
        if not self.uid_prefix:
            prefix = _UID_PREFIX.get(self.kind) or ("CCCD" if len(self.identifier) == 12 else "CMND")
            object.__setattr__(self, "uid_prefix", prefix)

    @property
    def id_label_key(self) -> str:
        """The catalog key of the identifier's name (token.id.cccd, token.id.mst, ...)."""
        return f"token.id.{self.uid_prefix.lower()}"


@dataclass(frozen=True)
class TokenState:
    failed_pins: int = 0
    locked: bool = False
    training: str | None = None  # the training token's tag, for the training set


@dataclass(frozen=True)
class StoredToken:
    """A token's files as the store read them; None for a file missing or unreadable."""

    serial: str
    cert_pem: bytes | None
    key_pem: bytes | None
    state: TokenState | None


@dataclass(frozen=True)
class CaFiles:
    cert_pem: bytes
    key_pem: bytes  # encrypted under the passphrase derived from the install's key
    crl_pem: bytes


class TokenStore(Protocol):
    def read_ca(self) -> CaFiles | None: ...
    def create_ca(self, files: CaFiles) -> CaFiles:
        """Keep the CA unless one exists already; return the one kept (the first one wins)."""
    def write_crl(self, crl_pem: bytes) -> None: ...
    def locked(self) -> AbstractContextManager:
        """Hold the store's lock (between processes too) for a read-modify-write of the CA."""
    def training_locked(self) -> AbstractContextManager:
        """Hold the training set's lock (between processes too) while it is looked at and made."""
    def serials(self) -> list[str]: ...
    def read_token(self, serial: str) -> StoredToken | None: ...
    def add_token(self, serial: str, cert_pem: bytes, key_pem: bytes, state: TokenState) -> None: ...
    def update_state(self, serial: str, change: Callable[[TokenState], TokenState]) -> TokenState:
        """Apply `change` to the token's state under the store's lock and keep the result."""


@dataclass(frozen=True)
class TokenInfo:
    """A plugged-in token as the login tab and `dvc-tui token list` show it."""

    serial: str
    holder: TokenHolder | None
    issuer: str
    not_before: datetime | None
    not_after: datetime | None
    status: TokenStatus
    problem: Problem | None  # why a login with it is refused; None when it may be used
    failed_pins: int = 0
    locked: bool = False
    revoked_at: datetime | None = None
    training: str | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None

    @property
    def pins_left(self) -> int:
        return 0 if self.locked else PIN_TRIES - self.failed_pins


@dataclass(frozen=True)
class Challenge:
    value: bytes
    issued_at: datetime


# -- what a person types --------------------------------------------------------------------
def check_pin(text: str) -> str:
    """A token PIN: 6 to 8 ASCII digits, exactly as typed (no trimming: a PIN is a secret)."""
    if not text:
        raise PortalError("token.pin_required")
    if not (text.isascii() and text.isdigit() and PIN_MIN_DIGITS <= len(text) <= PIN_MAX_DIGITS):
        raise PortalError("token.pin_format", min=PIN_MIN_DIGITS, max=PIN_MAX_DIGITS)
    return text


def check_days(value: int | str) -> int:
    """A certificate's life in days, 1 to 3650 (typed or given)."""
    if isinstance(value, str):
        text = value.strip()
        if not (text.isascii() and text.isdigit()):
            raise PortalError("token.days", min=MIN_DAYS, max=MAX_DAYS)
        value = int(text)
    if isinstance(value, bool) or not MIN_DAYS <= value <= MAX_DAYS:
        raise PortalError("token.days", min=MIN_DAYS, max=MAX_DAYS)
    return value


def normalize_serial(text: str) -> str:
    """A serial as typed (any case, with colons or spaces) as the store names it: upper-case hex."""
    value = "".join(ch for ch in text.strip() if ch not in ": ").upper()
    if not value or len(value) > 40 or not all(ch in "0123456789ABCDEF" for ch in value):
        raise PortalError("token.serial_format", digits=SERIAL_HEX, prefix=MIN_SERIAL_PREFIX)
    return value


def format_serial(number: int) -> str:
    return f"{number:0{SERIAL_HEX}X}"


def parse_holder(kind: Subject | str, identifier: str, name: str, email: str | None = None) -> TokenHolder:
    """Check a token holder as `dvc-tui token new` takes it: the identifier by the kind's rule."""
    from dvc_tui.core.identity import (
        parse_agency_code,
        parse_email,
        parse_full_name,
        parse_id_number,
        parse_org_name,
        parse_tax_code,
    )

    try:
        kind = Subject(kind)
    except ValueError:
        raise PortalError("token.kind") from None
    if kind is Subject.CITIZEN:
        value = parse_id_number(identifier).value
        full_name = parse_full_name(name)
    elif kind is Subject.BUSINESS:
        value = parse_tax_code(identifier).formatted
        full_name = parse_org_name(name)
    else:
        value = parse_agency_code(identifier).value
        full_name = parse_org_name(name)
    return TokenHolder(kind, value, full_name, parse_email(email or ""))


# -- the training set -----------------------------------------------------------------------
@dataclass(frozen=True)
class TrainingToken:
    tag: str
    kind: Subject
    identifier: str
    name: str
    email: str | None
    pin: str
    shape: str  # "valid", "expired", "revoked" or "foreign"


TRAINING_TOKENS: tuple[TrainingToken, ...] = (
    TrainingToken("citizen", Subject.CITIZEN, "001090012345", "Nguyễn Văn An", "an.nguyen@example.vn", "123456", "valid"),
    TrainingToken("business", Subject.BUSINESS, "0109998883", "Công ty TNHH Thương mại Sao Mai",
                  "ketoan@saomai.example.vn", "234567", "valid"),
    TrainingToken("agency", Subject.AGENCY, "000.00.01.H99", "Trung tâm Phục vụ hành chính công (mô phỏng)",
                  None, "345678", "valid"),
    TrainingToken("expired", Subject.CITIZEN, "079190000111", "Trần Thị Mai", None, "456789", "expired"),
    TrainingToken("revoked", Subject.BUSINESS, "0409996661-001", "Công ty CP Dịch vụ Hoa Sen - Chi nhánh Đà Nẵng",
                  None, "567890", "revoked"),
    TrainingToken("foreign", Subject.CITIZEN, "048085000222", "Lê Văn Hùng", None, "678901", "foreign"),
)
"""Practice tokens (`dvc-tui token training`): holders from the carriers' training registry and
businesses with made-up tax codes whose check digit holds."""
TRAINING_DAYS = 730
EXPIRED_TRAINING_START = timedelta(days=730)
"""The expired training token was issued two years back for 700 days: expired a month ago."""
EXPIRED_TRAINING_DAYS = 700


# -- the use cases --------------------------------------------------------------------------
def _pki():
    from dvc_tui.core import pki

    return pki


def _refuse(problem: Problem) -> PortalError:
    return PortalError(problem.key, **problem.params)


class Tokens:
    """Issue, list, revoke and log in with the plugged-in tokens of one data dir."""

    def __init__(
        self,
        store: TokenStore,
        clock: Clock,
        *,
        ca_passphrase: Callable[[], bytes],
        rng: random.Random | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._ca_passphrase = ca_passphrase  # asked only to issue or revoke
        self._rng = rng if rng is not None else random.SystemRandom()
        self._lock = threading.Lock()
        self._pending: dict[bytes, datetime] = {}

    # -- the CA ----------------------------------------------------------------------------
    def authority(self):
        """Our CA as a verifier sees it (no key), or None before the first token is issued."""
        files = self._store.read_ca()
        return None if files is None else _pki().load_authority(files.cert_pem, files.crl_pem)

    def _signing_authority(self):
        pki = _pki()
        passphrase = self._ca_passphrase()
        files = self._store.read_ca()
        if files is None:
            made = pki.SigningAuthority.create(self._clock.now(), self._new_serial_number())
            files = self._store.create_ca(CaFiles(made.cert_pem, made.key_pem(passphrase), made.crl_pem))
        return pki.load_signing_authority(files.cert_pem, files.crl_pem, files.key_pem, passphrase)

    def _new_serial_number(self, avoid: frozenset[int] = frozenset()) -> int:
        taken = set(self._store.serials())
        while True:
            number = self._rng.getrandbits(SERIAL_BITS)
            if number and format_serial(number) not in taken and number not in avoid:
                return number

    def _check(self, certificate, authority) -> None:
        pki = _pki()
        if authority is None:
            raise PortalError("token.foreign_ca", issuer=pki.common_name(certificate.issuer), ca=CA_NAME)
        authority.check(certificate, self._clock.now())

    # -- issuing ---------------------------------------------------------------------------
    def issue(
        self,
        kind: Subject | str,
        identifier: str,
        name: str,
        email: str | None,
        pin: str,
        *,
        days: int | str = DEFAULT_DAYS,
        valid_from: datetime | None = None,
    ) -> TokenInfo:
        """A new token for the holder, valid from now (or `valid_from`) for `days` days."""
        holder = parse_holder(kind, identifier, name, email)
        pin = check_pin(pin)
        days = check_days(days)
        return self._make(self._signing_authority(), holder, pin, days, valid_from, None)

    def _make(self, authority, holder: TokenHolder, pin: str, days: int, valid_from, training) -> TokenInfo:
        pki = _pki()
        key = pki.new_key()
        start = valid_from or self._clock.now()
        number = self._new_serial_number()
        certificate = authority.issue(holder, key.public_key(), number, start, start + timedelta(days=days))
        serial = format_serial(number)
        self._store.add_token(
            serial, pki.certificate_pem(certificate), pki.encrypt_key(key, pin.encode("ascii")),
            TokenState(training=training),
        )
        return self.info(serial)

    def install_training(self) -> list[tuple[TrainingToken, TokenInfo, bool]]:
        """Make the training tokens not made yet: (spec, token, made now) for each, in order.
        Under the store's training lock: of two runs at once the second finds the first's set."""
        with self._store.training_locked():
            return self._install_training()

    def _install_training(self) -> list[tuple[TrainingToken, TokenInfo, bool]]:
        existing = {info.training: info for info in self.plugged_in() if info.training}
        results = []
        authority = None
        for spec in TRAINING_TOKENS:
            if spec.tag in existing:
                results.append((spec, existing[spec.tag], False))
                continue
            authority = authority or self._signing_authority()
            holder = parse_holder(spec.kind, spec.identifier, spec.name, spec.email)
            issuer, days, start = authority, TRAINING_DAYS, None
            if spec.shape == "foreign":
                issuer = _pki().SigningAuthority.create(
                    self._clock.now(), self._new_serial_number(), name=FOREIGN_CA_NAME
                )
            elif spec.shape == "expired":
                start, days = self._clock.now() - EXPIRED_TRAINING_START, EXPIRED_TRAINING_DAYS
            info = self._make(issuer, holder, spec.pin, days, start, spec.tag)
            if spec.shape == "revoked":
                info = self.revoke(info.serial)
            results.append((spec, info, True))
        return results

    # -- the plugged-in tokens -------------------------------------------------------------
    def plugged_in(self) -> list[TokenInfo]:
        """Every token in the data dir, by holder's name."""
        authority = self._authority_or_problem()
        infos = [self._describe(stored, authority) for serial in self._store.serials()
                 if (stored := self._store.read_token(serial)) is not None]
        return sorted(infos, key=lambda i: ((i.holder.name.casefold() if i.holder else "\uffff"), i.serial))

    def info(self, serial: str) -> TokenInfo:
        return self._describe(self._read(serial), self._authority_or_problem())

    def find(self, text: str) -> str:
        """The serial of the one plugged-in token `text` names (whole, or its first 4+ digits)."""
        wanted = normalize_serial(text)
        serials = self._store.serials()
        if wanted in serials:
            return wanted
        matches = [s for s in serials if s.startswith(wanted)] if len(wanted) >= MIN_SERIAL_PREFIX else []
        if len(matches) > 1:
            raise PortalError("token.ambiguous", serial=wanted)
        if not matches:
            raise PortalError("token.not_found", serial=wanted)
        return matches[0]

    def _read(self, serial: str) -> StoredToken:
        stored = self._store.read_token(serial)
        if stored is None:
            raise PortalError("token.not_found", serial=serial)
        return stored

    def _authority_or_problem(self):
        try:
            return self.authority()
        except PortalError as exc:
            return exc.problem

    def _describe(self, stored: StoredToken, authority) -> TokenInfo:
        pki = _pki()
        state = stored.state or TokenState()
        base = dict(serial=stored.serial, failed_pins=state.failed_pins, locked=state.locked,
                    training=state.training)
        try:
            certificate = pki.load_certificate(stored.cert_pem)
        except PortalError as exc:
            return TokenInfo(holder=None, issuer="", not_before=None, not_after=None,
                             status=TokenStatus.DAMAGED, problem=exc.problem, **base)
        problem = None
        if isinstance(authority, Problem):
            problem, authority = authority, None
        else:
            try:
                self._check(certificate, authority)
            except PortalError as exc:
                problem = exc.problem
        holder = pki.holder_of(certificate)
        if problem is None and (holder is None or stored.key_pem is None or stored.state is None):
            problem = Problem("token.damaged")
        if problem is None and state.locked:
            problem = Problem("token.locked", {"limit": PIN_TRIES})
        status = TokenStatus.VALID if problem is None else _STATUS_BY_REFUSAL.get(problem.key, TokenStatus.INVALID)
        revoked_at = None
        if authority is not None and authority.issued(certificate):
            revoked_at = authority.revoked_at(certificate.serial_number)
        return TokenInfo(
            holder=holder,
            issuer=pki.common_name(certificate.issuer),
            not_before=certificate.not_valid_before_utc,
            not_after=certificate.not_valid_after_utc,
            status=status,
            problem=problem,
            revoked_at=revoked_at,
            **base,
        )

    # -- revoking --------------------------------------------------------------------------
    def revoke(self, text: str) -> TokenInfo:
        """Add the token's certificate to our CA's signed revocation list."""
        pki = _pki()
        serial = self.find(text)
        self.revoke_certificate(pki.load_certificate(self._read(serial).cert_pem), serial)
        return self.info(serial)

    def revoke_certificate(self, certificate, serial: str | None = None) -> None:
        """Add a certificate of our CA (a token's, or a signing SIM's) to its revocation list."""
        pki = _pki()
        with self._store.locked():
            authority = self._signing_authority()
            if not authority.issued(certificate):
                raise PortalError("token.foreign_ca", issuer=pki.common_name(certificate.issuer), ca=authority.name)
            when = authority.revoked_at(certificate.serial_number)
            if when is not None:
                shown = serial or format_serial(certificate.serial_number)
                raise PortalError("token.already_revoked", serial=shown, date=pki.local_time(when))
            authority = authority.revoke(certificate.serial_number, self._clock.now())
            self._store.write_crl(authority.crl_pem)

    # -- certificates for keys kept elsewhere (signing SIMs, core.sim) ---------------------
    def issue_certificate(
        self, holder: TokenHolder, public_key, *, days: int, valid_from: datetime | None = None,
        avoid: frozenset[int] = frozenset(),
    ):
        """A certificate from our CA for a key this store does not keep (a signing SIM's): the
        same CA, serial numbers drawn as for the tokens (and not in `avoid`)."""
        start = valid_from or self._clock.now()
        authority = self._signing_authority()
        number = self._new_serial_number(avoid)
        return authority.issue(holder, public_key, number, start, start + timedelta(days=check_days(days)))

    def check_certificate(self, certificate) -> None:
        """Refuse, with the reason (token.* keys), a certificate our CA would not vouch for now."""
        self._check(certificate, self.authority())

    # -- logging in ------------------------------------------------------------------------
    def new_challenge(self) -> Challenge:
        """A fresh random challenge, single use, valid for 2 minutes."""
        now = self._clock.now()
        value = self._rng.randbytes(CHALLENGE_BYTES)
        with self._lock:
            for old, issued in list(self._pending.items()):
                if issued + CHALLENGE_VALID_FOR < now:
                    del self._pending[old]
            while len(self._pending) >= MAX_PENDING_CHALLENGES:
                del self._pending[next(iter(self._pending))]
            self._pending[value] = now
        return Challenge(value, now)

    def sign(self, serial: str, pin: str, data: bytes) -> bytes:
        """Unlock the token's key with the PIN (counted) and sign `data` with it."""
        pki = _pki()
        pin = check_pin(pin)
        stored = self._read(serial)
        if stored.key_pem is None or stored.state is None:
            raise PortalError("token.damaged")
        outcome: dict = {}

        def attempt(state: TokenState) -> TokenState:
            if state.locked:
                outcome["error"] = PortalError("token.locked", limit=PIN_TRIES)
                return state
            try:
                outcome["key"] = pki.decrypt_key(stored.key_pem, pin.encode("ascii"))
            except pki.WrongPassword:
                failed = state.failed_pins + 1
                if failed >= PIN_TRIES:
                    outcome["error"] = PortalError("token.locked_now", limit=PIN_TRIES)
                    return replace(state, failed_pins=failed, locked=True)
                outcome["error"] = PortalError("token.pin_wrong", left=PIN_TRIES - failed)
                return replace(state, failed_pins=failed)
            return replace(state, failed_pins=0)

        self._store.update_state(serial, attempt)
        if "error" in outcome:
            raise outcome["error"]
        return pki.sign(outcome["key"], data)

    def verify(self, serial: str, challenge: Challenge, signature: bytes) -> TokenInfo:
        """Check a signature over one of our challenges (used up by this call), the
        certificate against the CA, and return the token with its holder."""
        pki = _pki()
        self._take_challenge(challenge)
        stored = self._read(serial)
        certificate = pki.load_certificate(stored.cert_pem)
        authority = self.authority()
        self._check(certificate, authority)
        if not pki.signature_matches(certificate, signature, challenge.value):
            raise PortalError("token.signature_invalid")
        info = self._describe(stored, authority)
        if info.holder is None:
            raise PortalError("token.damaged")
        return info

    def _take_challenge(self, challenge: Challenge) -> None:
        with self._lock:
            issued = self._pending.pop(challenge.value, None)
        if issued is None:
            raise PortalError("token.challenge_unknown")
        if issued + CHALLENGE_VALID_FOR < self._clock.now():
            raise PortalError("token.challenge_expired")

    def login(self, serial: str, pin: str) -> TokenInfo:
        """The USB ký số tab: check the token's certificate, unlock it with the PIN, sign a fresh
        challenge and verify the signature. Returns the token (its holder) or raises the reason."""
        pin = check_pin(pin)
        info = self.info(serial)
        if info.problem is not None:
            raise _refuse(info.problem)
        challenge = self.new_challenge()
        signature = self.sign(serial, pin, challenge.value)
        return self.verify(serial, challenge, signature)
