"""SIM ký số: simulated signing SIMs (IAL3) and the signing requests sent to their phones.

A signing SIM is a phone number whose SIM holds a real EC key pair and an X.509 certificate from
the SAME simulated CA as the USB tokens (core.tokens / core.pki): the certificate names the
holder (a citizen's CCCD, a business's MST, an agency's code), the private key is kept PKCS#8
encrypted under the SIM's PIN (6 to 8 digits), and the SIM counts wrong PINs: the 5th locks its
signing for good (as with a real SIM, only the carrier could unlock it); a right PIN resets the
count. The store keeps the SIMs and the requests in the database (store.sqlite, migration 5), so
another process on the same data dir (a phone) can approve what this one asked.

A registration or a login asks the portal for a signature: `request()` checks the SIM (one on
that number, not locked, its certificate naming the login name and vouched for by the CA now)
and records a request with a fresh 32-byte challenge from the injected random source, valid 2
minutes by the injected clock. On the phone, `approve()` unlocks the key with the PIN (counted)
and signs the request's data (the challenge bound to the purpose, login name, number and time);
`decline()` refuses it. On the portal's side, `outcome()` says: still pending (None), or
approved AND verified (the signature checked against the SIM's certificate, the certificate
against the CA, now) -- only then a success, used once -- or why not, as a PortalError:
declined, expired, locked, cancelled (a newer request, or the portal gave up), used.

Training SIMs (TRAINING_SIMS) are made when a request first needs them (`ensure_training`: a
few milliseconds of key generation and the CA on first use, in the caller's worker thread),
never at import or first paint. Importing this module is cheap: `cryptography` loads when a SIM
is first used.
"""

from __future__ import annotations

import math
import random
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import Callable, Protocol

from dvc_tui.core.accounts import Subject
from dvc_tui.core.clock import Clock
from dvc_tui.core.problems import PortalError
from dvc_tui.core.tokens import PIN_MAX_DIGITS, PIN_MIN_DIGITS, PIN_TRIES, TokenHolder, parse_holder

REQUEST_VALID_FOR = timedelta(minutes=2)
CHALLENGE_BYTES = 32
MAX_REQUESTS_PER_HOUR = 10
"""Signing requests to one number within an hour: enough to practise, not to flood a phone."""
TRAINING_DAYS = 730
SIGNED_PREFIX = "dvc-tui SIM ky so v1"


class SimPurpose(str, Enum):
    REGISTER = "register"
    LOGIN = "login"


class RequestStatus(str, Enum):
    PENDING = "pending"
    APPROVED = "approved"  # signed on the phone, not yet checked by the portal
    DECLINED = "declined"
    EXPIRED = "expired"
    LOCKED = "locked"  # the 5th wrong PIN locked the SIM while answering it
    CANCELLED = "cancelled"  # a newer request to the same phone, or the portal stopped waiting
    USED = "used"  # approved, verified and taken by the portal (once)


OUTCOME_KEYS = {
    RequestStatus.DECLINED: "sim.declined",
    RequestStatus.EXPIRED: "sim.expired",
    RequestStatus.LOCKED: "sim.locked_request",
    RequestStatus.CANCELLED: "sim.cancelled",
    RequestStatus.USED: "sim.used",
}
"""Why the portal's wait ended without a signature (outcome)."""
CLOSED_KEYS = {
    RequestStatus.APPROVED: "sim.closed.approved",
    RequestStatus.USED: "sim.closed.approved",
    RequestStatus.DECLINED: "sim.closed.declined",
    RequestStatus.EXPIRED: "sim.closed.expired",
    RequestStatus.LOCKED: "sim.closed.locked",
    RequestStatus.CANCELLED: "sim.closed.cancelled",
}
"""Why the phone can no longer answer a request (approve, decline)."""
CERTIFICATE_KEYS = {
    "token.damaged": "sim.damaged",
    "token.cert_unreadable": "sim.damaged",
    "token.ca_invalid": "sim.unverifiable",
    "token.crl_invalid": "sim.unverifiable",
}
"""Certificate refusals whose token wording names the USB token; the others read right as they are."""


@dataclass(frozen=True)
class StoredSim:
    phone: str  # E.164
    cert_pem: bytes
    key_pem: bytes  # PKCS#8, encrypted under the SIM's PIN
    failed_pins: int = 0
    locked: bool = False
    training: str | None = None


@dataclass(frozen=True)
class SigningRequest:
    id: int
    phone: str  # E.164
    purpose: SimPurpose
    username: str  # the login name the certificate must name
    challenge: bytes
    created_at: datetime
    expires_at: datetime
    status: RequestStatus
    signature: bytes | None = None
    decided_at: datetime | None = None

    @property
    def signed_data(self) -> bytes:
        """What the SIM signs: the challenge bound to what it is for, whom and when."""
        parts = (SIGNED_PREFIX, self.purpose.value, self.username, self.phone, self.challenge.hex(),
                 self.created_at.isoformat())
        return "\n".join(parts).encode("utf-8")

    def seconds_left(self, now: datetime) -> int:
        return max(0, math.ceil((self.expires_at - now).total_seconds()))

    def shown_status(self, now: datetime) -> RequestStatus:
        """The status as a screen shows it: a pending request past its time is expired."""
        if self.status is RequestStatus.PENDING and now > self.expires_at:
            return RequestStatus.EXPIRED
        return self.status


@dataclass(frozen=True)
class Verified:
    """An approved request whose signature held: the certificate's holder signed it."""

    request: SigningRequest
    holder: TokenHolder


class SimStore(Protocol):
    def get_sim(self, phone: str) -> StoredSim | None: ...
    def add_sim(self, sim: StoredSim, created_at: datetime) -> bool:
        """Keep a new SIM; False when the number (or the training tag) has one already."""
    def sim_training_tags(self) -> set[str]: ...
    def reserve_sim_pin(self, phone: str, limit: int) -> tuple[int, bool]:
        """Count a PIN try before it is checked, in one transaction: (its number, refused). A
        locked SIM counts nothing (refused); the try numbered `limit` locks the SIM."""
    def settle_sim_pin(self, phone: str, attempt: int, limit: int, outcome: str) -> None:
        """The reserved try's outcome: "right" clears the count (and the lock the try itself
        set), "wrong" keeps what was counted, "unchecked" takes the try back."""
    def reset_training_sims(self) -> int:
        """Unlock the training SIMs and clear their wrong-PIN counts: how many changed."""
    def insert_sim_request(
        self, phone: str, purpose: str, username: str, challenge: bytes, created_at: datetime, expires_at: datetime
    ) -> tuple[SigningRequest, list[int]]:
        """Cancel the number's pending requests and add this one: (it, the ids cancelled)."""
    def get_sim_request(self, request_id: int) -> SigningRequest | None: ...
    def close_sim_request(
        self, request_id: int, status: str, when: datetime, *, signature: bytes | None = None,
        only_from: str = "pending",
    ) -> bool:
        """Set the status while it is still `only_from`; False when it was no longer."""
    def count_sim_requests(self, phone: str, since: datetime) -> int: ...
    def sim_requests(self, limit: int = 20, phone: str | None = None) -> list[SigningRequest]: ...


class CertificateAuthority(Protocol):
    """What the SIMs need of core.tokens.Tokens: the one simulated CA."""

    def issue_certificate(self, holder: TokenHolder, public_key, *, days: int, valid_from=None, avoid=frozenset()): ...
    def check_certificate(self, certificate) -> None: ...
    def revoke_certificate(self, certificate, serial: str | None = None) -> None: ...


# -- what a person types --------------------------------------------------------------------
def check_sim_pin(text: str) -> str:
    """A SIM PIN: 6 to 8 ASCII digits, as typed. A PIN of another shape is not counted."""
    if not text:
        raise PortalError("sim.pin_required")
    if not (text.isascii() and text.isdigit() and PIN_MIN_DIGITS <= len(text) <= PIN_MAX_DIGITS):
        raise PortalError("sim.pin_format", min=PIN_MIN_DIGITS, max=PIN_MAX_DIGITS)
    return text


def login_name(text: str) -> str:
    """A login name as typed on the SIM tab, as accounts store it: a CMT/CCCD as is, a tax code
    as printed (0109998883 or 0109998883-001, typed with or without the dash), an agency code in
    capitals. Anything else is returned trimmed (and will match no account)."""
    from dvc_tui.core.identity import parse_agency_code, parse_tax_code

    value = text.strip()
    digits = value.replace("-", "").replace(" ", "")
    try:
        if len(digits) in (10, 13) and digits.isascii() and digits.isdigit():
            return parse_tax_code(value).formatted
        if "." in value:
            return parse_agency_code(value).value
    except PortalError:
        pass
    return value


# -- the training set -----------------------------------------------------------------------
@dataclass(frozen=True)
class TrainingSim:
    tag: str
    phone: str  # E.164
    kind: Subject
    identifier: str
    name: str
    email: str | None
    pin: str
    revoked: bool = False


TRAINING_SIMS: tuple[TrainingSim, ...] = (
    TrainingSim("citizen", "+84703000333", Subject.CITIZEN, "031195000333", "Phạm Thị Lan", None, "246810"),
    TrainingSim("business", "+84903888999", Subject.BUSINESS, "0109998883", "Công ty TNHH Thương mại Sao Mai",
                "ketoan@saomai.example.vn", "135790"),
    TrainingSim("agency", "+84889000111", Subject.AGENCY, "000.00.01.H99",
                "Trung tâm Phục vụ hành chính công (mô phỏng)", None, "112233"),
    TrainingSim("revoked", "+84987000222", Subject.CITIZEN, "048085000222", "Lê Văn Hùng", None, "778899",
                revoked=True),
)
"""Practice SIMs: citizens from the carriers' training registry on their own numbers (core.carrier),
the training business and agency of the USB tokens on made-up numbers, and one revoked."""


def _pki():
    from dvc_tui.core import pki

    return pki


class Sims:
    """The signing SIMs of one data dir and the requests sent to them."""

    def __init__(
        self, store: SimStore, clock: Clock, ca: CertificateAuthority, *, rng: random.Random | None = None
    ) -> None:
        self._store = store
        self._clock = clock
        self._ca = ca
        self._rng = rng if rng is not None else random.SystemRandom()
        self._listeners: list[Callable[[SigningRequest], None]] = []
        self._training_lock = threading.Lock()
        self._training_ready = False

    def subscribe(self, listener: Callable[[SigningRequest], None]) -> None:
        """Called with every request made or changed here, from whichever thread did it."""
        self._listeners.append(listener)

    def _tell(self, request: SigningRequest | None) -> None:
        if request is not None:
            for listener in list(self._listeners):
                listener(request)

    # -- the SIMs --------------------------------------------------------------------------
    def issue(self, phone: str, kind: Subject | str, identifier: str, name: str, email: str | None, pin: str,
              *, days: int = TRAINING_DAYS, training: str | None = None) -> StoredSim | None:
        """Put a new signing SIM on a number: a key under `pin` and a certificate from the CA.
        None when the number (or the training tag) has a SIM already."""
        pki = _pki()
        holder = parse_holder(kind, identifier, name, email)
        pin = check_sim_pin(pin)
        key = pki.new_key()
        certificate = self._ca.issue_certificate(holder, key.public_key(), days=days)
        sim = StoredSim(phone, pki.certificate_pem(certificate), pki.encrypt_key(key, pin.encode("ascii")),
                        training=training)
        return sim if self._store.add_sim(sim, self._clock.now()) else None

    def install_training(self) -> list[tuple[TrainingSim, bool]]:
        """Make the training SIMs not made yet: (spec, made now) for each, in order."""
        with self._training_lock:
            have = self._store.sim_training_tags()
            results = []
            for spec in TRAINING_SIMS:
                made = None
                if spec.tag not in have:
                    made = self.issue(spec.phone, spec.kind, spec.identifier, spec.name, spec.email, spec.pin,
                                      training=spec.tag)
                    if made is not None and spec.revoked:
                        self._ca.revoke_certificate(_pki().load_certificate(made.cert_pem))
                results.append((spec, made is not None))
            self._training_ready = True
            return results

    def ensure_training(self) -> None:
        if not self._training_ready:
            self.install_training()

    def _certificate(self, sim: StoredSim):
        pki = _pki()
        try:
            certificate = pki.load_certificate(sim.cert_pem)
        except PortalError:
            raise PortalError("sim.damaged") from None
        holder = pki.holder_of(certificate)
        if holder is None:
            raise PortalError("sim.damaged")
        return certificate, holder

    def _check_certificate(self, certificate) -> None:
        try:
            self._ca.check_certificate(certificate)
        except PortalError as exc:
            if exc.key in CERTIFICATE_KEYS:
                raise PortalError(CERTIFICATE_KEYS[exc.key]) from None
            raise

    # -- the portal asks -------------------------------------------------------------------
    def request(self, phone: str, purpose: SimPurpose, username: str, *, name: str | None = None) -> SigningRequest:
        """Send a signing request to the SIM of `phone` (E.164) for `username`; with `name`
        (registration), the certificate must name it too."""
        from dvc_tui.core.identity import Phone, same_name

        self.ensure_training()
        now = self._clock.now()
        sim = self._store.get_sim(phone)
        if sim is None:
            raise PortalError("sim.none", phone=Phone(phone).national)
        certificate, holder = self._certificate(sim)
        if holder.identifier != username:
            raise PortalError("sim.id_mismatch", username=username)
        if name is not None and not same_name(holder.name, name):
            raise PortalError("sim.name_mismatch")
        if sim.locked:
            raise PortalError("sim.locked", limit=PIN_TRIES)
        self._check_certificate(certificate)
        if self._store.count_sim_requests(phone, now - timedelta(hours=1)) >= MAX_REQUESTS_PER_HOUR:
            raise PortalError("sim.too_many", limit=MAX_REQUESTS_PER_HOUR)
        challenge = self._rng.randbytes(CHALLENGE_BYTES)
        request, cancelled = self._store.insert_sim_request(
            phone, purpose.value, username, challenge, now, now + REQUEST_VALID_FOR
        )
        for old in cancelled:
            self._tell(self._store.get_sim_request(old))
        self._tell(request)
        return request

    def get(self, request_id: int) -> SigningRequest:
        request = self._store.get_sim_request(request_id)
        if request is None:
            raise PortalError("sim.request_unknown")
        return request

    def recent(self, limit: int = 20, phone: str | None = None) -> list[SigningRequest]:
        """The newest requests first (a phone's inbox)."""
        return self._store.sim_requests(limit=limit, phone=phone)

    def _close(self, request: SigningRequest, status: RequestStatus, **extra) -> bool:
        closed = self._store.close_sim_request(request.id, status.value, self._clock.now(), **extra)
        self._tell(self._store.get_sim_request(request.id))
        return closed

    def outcome(self, request_id: int) -> Verified | None:
        """The portal's side: None while pending; the verified signer once approved (used up by
        this call); otherwise a PortalError saying why not."""
        pki = _pki()
        request = self.get(request_id)
        if request.status is RequestStatus.PENDING:
            if self._clock.now() <= request.expires_at:
                return None
            if self._close(request, RequestStatus.EXPIRED):
                raise PortalError(OUTCOME_KEYS[RequestStatus.EXPIRED])
            request = self.get(request_id)  # answered a moment ago: read it again
        if request.status is not RequestStatus.APPROVED:
            if request.status is RequestStatus.PENDING:
                return None
            raise PortalError(OUTCOME_KEYS[request.status])
        sim = self._store.get_sim(request.phone)
        if sim is None:
            raise PortalError("sim.damaged")
        certificate, holder = self._certificate(sim)
        self._check_certificate(certificate)
        if holder.identifier != request.username:
            raise PortalError("sim.id_mismatch", username=request.username)
        if not request.signature or not pki.signature_matches(certificate, request.signature, request.signed_data):
            raise PortalError("sim.signature_invalid")
        if not self._close(request, RequestStatus.USED, only_from=RequestStatus.APPROVED.value):
            raise PortalError(OUTCOME_KEYS[RequestStatus.USED])
        return Verified(request, holder)

    def cancel(self, request_id: int) -> None:
        """The portal stopped waiting (the user went back): the phone can no longer answer."""
        request = self._store.get_sim_request(request_id)
        if request is not None and request.status is RequestStatus.PENDING:
            self._close(request, RequestStatus.CANCELLED)

    # -- the phone answers -----------------------------------------------------------------
    def _open(self, request_id: int) -> SigningRequest:
        """The request if the phone may still answer it; otherwise why not."""
        request = self.get(request_id)
        if request.status is RequestStatus.PENDING and self._clock.now() > request.expires_at:
            self._close(request, RequestStatus.EXPIRED)
            raise PortalError(CLOSED_KEYS[RequestStatus.EXPIRED])
        if request.status is not RequestStatus.PENDING:
            raise PortalError(CLOSED_KEYS[request.status])
        return request

    def approve(self, request_id: int, pin: str) -> SigningRequest:
        """On the phone: unlock the SIM's key with the PIN (counted) and sign the request."""
        pki = _pki()
        pin = check_sim_pin(pin)
        request = self._open(request_id)
        sim = self._store.get_sim(request.phone)
        if sim is None:
            raise PortalError("sim.damaged")
        if sim.locked:
            self._close(request, RequestStatus.LOCKED)
            raise PortalError("sim.locked", limit=PIN_TRIES)
        # Counted BEFORE the (slow) check, in the transaction that reads the lock: of parallel
        # tries from several phones or processes no more than PIN_TRIES are ever checked.
        attempt, refused = self._store.reserve_sim_pin(request.phone, PIN_TRIES)
        if refused:
            self._close(request, RequestStatus.LOCKED)
            raise PortalError("sim.locked", limit=PIN_TRIES)
        try:
            key = pki.decrypt_key(sim.key_pem, pin.encode("ascii"))
        except pki.WrongPassword:
            self._store.settle_sim_pin(request.phone, attempt, PIN_TRIES, "wrong")
            if attempt >= PIN_TRIES:
                self._close(request, RequestStatus.LOCKED)
                raise PortalError("sim.locked_now", limit=PIN_TRIES) from None
            raise PortalError("sim.pin_wrong", left=PIN_TRIES - attempt) from None
        except PortalError:
            self._store.settle_sim_pin(request.phone, attempt, PIN_TRIES, "unchecked")
            raise PortalError("sim.damaged") from None
        except BaseException:
            self._store.settle_sim_pin(request.phone, attempt, PIN_TRIES, "unchecked")
            raise
        self._store.settle_sim_pin(request.phone, attempt, PIN_TRIES, "right")
        signature = pki.sign(key, request.signed_data)
        if not self._close(request, RequestStatus.APPROVED, signature=signature):
            self._open(request_id)  # answered or cancelled meanwhile: say which
        return self.get(request_id)

    def decline(self, request_id: int) -> SigningRequest:
        """On the phone: refuse to sign."""
        request = self._open(request_id)
        if not self._close(request, RequestStatus.DECLINED):
            self._open(request_id)
        return self.get(request_id)
