"""SIM ký số: the training SIMs, signing requests and their answers from the phone, the portal's
check of the signature, the PIN count and lock, expiry by the injected clock, and a request
answered through a second connection to the database (as a phone's process would)."""

from __future__ import annotations

import random
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from dvc_tui.core import pki
from dvc_tui.core.accounts import Subject
from dvc_tui.core.clock import FakeClock
from dvc_tui.core.problems import PortalError
from dvc_tui.core.sim import (
    CHALLENGE_BYTES,
    MAX_REQUESTS_PER_HOUR,
    REQUEST_VALID_FOR,
    TRAINING_SIMS,
    RequestStatus,
    Sims,
    SimPurpose,
    check_sim_pin,
    login_name,
)
from dvc_tui.core.text import EN, VI, problem_text
from dvc_tui.core.tokens import PIN_TRIES, Tokens
from dvc_tui.store.sqlite import DB_NAME, SqliteStore
from dvc_tui.store.tokens import FileTokenStore

SPEC = {spec.tag: spec for spec in TRAINING_SIMS}
LAN, SAO_MAI, AGENCY, HUNG = SPEC["citizen"], SPEC["business"], SPEC["agency"], SPEC["revoked"]
PASSPHRASE = b"test passphrase"


def make_sims(data_dir: Path, clock, *, seed: int = 7) -> Sims:
    tokens = Tokens(FileTokenStore(data_dir), clock, ca_passphrase=lambda: PASSPHRASE, rng=random.Random(seed))
    return Sims(SqliteStore(data_dir / DB_NAME), clock, tokens, rng=random.Random(seed + 1))


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> Path:
    """A data dir holding the training SIMs, made once for the module (copied by each test)."""
    data_dir = tmp_path_factory.mktemp("sims") / "data"
    sims = make_sims(data_dir, FakeClock())
    assert [made for _, made in sims.install_training()] == [True] * len(TRAINING_SIMS)
    sims._store.close()
    return data_dir


@pytest.fixture
def data_dir(prepared, tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(prepared, copy)
    return copy


@pytest.fixture
def sims(data_dir, clock) -> Sims:
    made = make_sims(data_dir, clock)
    yield made
    made._store.close()


def refused(call, *args, **kwargs) -> PortalError:
    with pytest.raises(PortalError) as caught:
        call(*args, **kwargs)
    return caught.value


def ask(sims: Sims, spec=LAN, purpose=SimPurpose.LOGIN):
    return sims.request(spec.phone, purpose, spec.identifier)


# -- the training SIMs ------------------------------------------------------------------------
def test_training_sims_are_made_once_from_the_tokens_ca_with_the_key_under_the_pin(sims, data_dir):
    assert [made for _, made in sims.install_training()] == [False] * len(TRAINING_SIMS)
    ca = sims._ca.authority()
    assert ca is not None and ca.name == "DVC-TUI Simulated CA" and (data_dir / "ca" / "ca.pem").is_file()
    for spec in TRAINING_SIMS:
        stored = sims._store.get_sim(spec.phone)
        certificate = pki.load_certificate(stored.cert_pem)
        holder = pki.holder_of(certificate)
        assert (holder.kind, holder.identifier, holder.name) == (spec.kind, spec.identifier, spec.name)
        assert ca.issued(certificate)
        assert b"ENCRYPTED" in stored.key_pem
        pki.decrypt_key(stored.key_pem, spec.pin.encode())  # the documented PIN opens it
        with pytest.raises(pki.WrongPassword):
            pki.decrypt_key(stored.key_pem, b"000000")
    assert (ca.revoked_at(pki.load_certificate(sims._store.get_sim(HUNG.phone).cert_pem).serial_number)
            is not None)


def test_the_citizen_sims_are_on_numbers_the_carriers_registry_gives_to_their_holders():
    from dvc_tui.core.carrier import TRAINING_SUBSCRIBERS

    owners = {s.phone: s.id_number for s in TRAINING_SUBSCRIBERS}
    for spec in TRAINING_SIMS:
        if spec.kind is Subject.CITIZEN:
            assert owners[spec.phone] == spec.identifier


def test_a_first_request_makes_the_training_sims(tmp_path, clock):
    sims = make_sims(tmp_path / "fresh", clock)
    assert sims._store.sim_training_tags() == set()
    request = ask(sims)
    assert request.status is RequestStatus.PENDING
    assert sims._store.sim_training_tags() == set(SPEC)


# -- request, approve, verify -----------------------------------------------------------------
def test_approved_and_verified_once(sims, clock):
    seen = []
    sims.subscribe(seen.append)
    request = ask(sims, purpose=SimPurpose.REGISTER)
    assert len(request.challenge) == CHALLENGE_BYTES
    assert request.expires_at - request.created_at == REQUEST_VALID_FOR == timedelta(minutes=2)
    assert sims.outcome(request.id) is None  # pending
    clock.advance(30)
    approved = sims.approve(request.id, LAN.pin)
    assert approved.status is RequestStatus.APPROVED and approved.signature
    verified = sims.outcome(request.id)
    assert verified.holder.identifier == LAN.identifier and verified.holder.name == LAN.name
    assert sims.get(request.id).status is RequestStatus.USED
    assert refused(sims.outcome, request.id).key == "sim.used"  # once
    assert [r.status for r in seen] == [RequestStatus.PENDING, RequestStatus.APPROVED, RequestStatus.USED]


def test_each_request_has_a_fresh_challenge_and_a_new_one_cancels_the_pending(sims):
    first = ask(sims)
    second = ask(sims)
    assert first.challenge != second.challenge
    assert sims.get(first.id).status is RequestStatus.CANCELLED
    assert refused(sims.approve, first.id, LAN.pin).key == "sim.closed.cancelled"
    assert refused(sims.outcome, first.id).key == "sim.cancelled"
    sims.cancel(second.id)
    assert refused(sims.decline, second.id).key == "sim.closed.cancelled"


def test_business_and_agency_sims_sign_for_their_codes(sims):
    for spec in (SAO_MAI, AGENCY):
        request = sims.request(spec.phone, SimPurpose.REGISTER, spec.identifier, name=spec.name.upper())
        sims.approve(request.id, spec.pin)
        assert sims.outcome(request.id).holder.identifier == spec.identifier


# -- refusals before anything is sent ---------------------------------------------------------
def test_refusals_when_asking(sims):
    assert refused(sims.request, "+84912345678", SimPurpose.LOGIN, "001090012345").problem.params == {
        "phone": "0912345678"
    }
    assert refused(sims.request, "+84912345678", SimPurpose.LOGIN, "x").key == "sim.none"
    mismatch = refused(sims.request, LAN.phone, SimPurpose.REGISTER, "001090012345")
    assert mismatch.key == "sim.id_mismatch" and mismatch.problem.params == {"username": "001090012345"}
    name = refused(sims.request, LAN.phone, SimPurpose.REGISTER, LAN.identifier, name="Phạm Thị Lam")
    assert name.key == "sim.name_mismatch"
    revoked = refused(sims.request, HUNG.phone, SimPurpose.REGISTER, HUNG.identifier)
    assert revoked.key == "token.revoked"
    assert "thu hồi" in problem_text(revoked.problem)
    assert sims.recent() == []  # none of these reached a phone


def test_an_expired_sim_certificate_is_refused(sims, clock):
    clock.advance(days=731)
    assert refused(ask, sims).key == "token.expired"


def test_requests_to_one_number_are_limited_per_hour(sims, clock):
    for _ in range(MAX_REQUESTS_PER_HOUR):
        ask(sims)
    assert refused(ask, sims).key == "sim.too_many"
    clock.advance(hours=1, seconds=1)
    assert ask(sims).status is RequestStatus.PENDING


# -- the phone's answers ----------------------------------------------------------------------
def test_wrong_pins_are_counted_the_fifth_locks_and_a_right_one_resets(sims):
    request = ask(sims)
    assert refused(sims.approve, request.id, "").key == "sim.pin_required"
    assert refused(sims.approve, request.id, "12a4").key == "sim.pin_format"  # not counted
    wrong = refused(sims.approve, request.id, "000000")
    assert wrong.key == "sim.pin_wrong" and wrong.problem.params == {"left": PIN_TRIES - 1}
    assert problem_text(wrong.problem) == "Sai mã PIN, còn 4 lần thử trước khi SIM ký số bị khóa."
    sims.approve(request.id, LAN.pin)
    assert sims._store.get_sim(LAN.phone).failed_pins == 0
    request = ask(sims)
    for left in range(PIN_TRIES - 1, 0, -1):
        assert refused(sims.approve, request.id, "999999").problem.params == {"left": left}
    assert refused(sims.approve, request.id, "999999").key == "sim.locked_now"
    assert sims.get(request.id).status is RequestStatus.LOCKED
    assert refused(sims.outcome, request.id).key == "sim.locked_request"
    assert sims._store.get_sim(LAN.phone).locked
    assert refused(ask, sims).key == "sim.locked"  # no more requests to a locked SIM


def test_declined(sims):
    request = ask(sims)
    assert sims.decline(request.id).status is RequestStatus.DECLINED
    assert refused(sims.outcome, request.id).key == "sim.declined"
    assert refused(sims.approve, request.id, LAN.pin).key == "sim.closed.declined"


def test_expired_by_the_clock_on_both_sides(sims, clock):
    request = ask(sims)
    clock.advance(REQUEST_VALID_FOR.total_seconds())
    assert request.seconds_left(clock.now()) == 0 and sims.outcome(request.id) is None  # to the second
    clock.advance(1)
    assert request.shown_status(clock.now()) is RequestStatus.EXPIRED
    assert refused(sims.approve, request.id, LAN.pin).key == "sim.closed.expired"  # no PIN try spent
    assert sims._store.get_sim(LAN.phone).failed_pins == 0
    assert refused(sims.outcome, request.id).key == "sim.expired"
    other = ask(sims)
    clock.advance(121)
    assert refused(sims.outcome, other.id).key == "sim.expired"


def test_a_tampered_signature_is_refused(sims, data_dir):
    request = ask(sims)
    signed = sims.approve(request.id, LAN.pin)
    forged = bytearray(signed.signature)
    forged[-1] ^= 1
    sims._store.close_sim_request(request.id, "approved", signed.decided_at, signature=bytes(forged),
                                  only_from="approved")
    assert refused(sims.outcome, request.id).key == "sim.signature_invalid"
    assert sims.get(request.id).status is RequestStatus.APPROVED  # not taken


def test_a_signature_by_another_key_is_refused(sims):
    request = ask(sims)
    other = pki.new_key()
    sims._store.close_sim_request(request.id, "approved", request.created_at,
                                  signature=pki.sign(other, request.signed_data))
    assert refused(sims.outcome, request.id).key == "sim.signature_invalid"


def test_a_certificate_revoked_after_the_approval_is_refused(sims):
    request = ask(sims)
    sims.approve(request.id, LAN.pin)
    sims._ca.revoke_certificate(pki.load_certificate(sims._store.get_sim(LAN.phone).cert_pem))
    assert refused(sims.outcome, request.id).key == "token.revoked"


def test_a_request_approved_through_a_second_connection_is_seen_by_the_first(sims, data_dir, clock):
    request = ask(sims)
    phone = make_sims(data_dir, clock, seed=99)  # another process: its own connection and objects
    try:
        assert [r.id for r in phone.recent(phone=LAN.phone)] == [request.id]
        phone.approve(request.id, LAN.pin)
    finally:
        phone._store.close()
    assert sims.outcome(request.id).holder.identifier == LAN.identifier


def test_unknown_request_ids_are_refused(sims):
    assert refused(sims.approve, 12345, LAN.pin).key == "sim.request_unknown"
    assert refused(sims.outcome, 12345).key == "sim.request_unknown"


# -- what a person types ----------------------------------------------------------------------
def test_pin_shape():
    assert check_sim_pin("246810") == "246810"
    for bad in ("12345", "123456789", "１２３４５６", " 123456"):
        assert refused(check_sim_pin, bad).key == "sim.pin_format"


@pytest.mark.parametrize(
    "typed, name",
    [
        (" 031195000333 ", "031195000333"),
        ("0109998883", "0109998883"),
        ("0109998883001", "0109998883-001"),
        ("0109998883 - 001", "0109998883-001"),
        ("000.00.01.h99", "000.00.01.H99"),
        ("nobody", "nobody"),
    ],
)
def test_login_names_as_stored(typed, name):
    assert login_name(typed) == name


def test_every_sim_key_has_words_in_both_languages():
    keys = [k for k in VI if k.startswith("sim.")]
    assert len(keys) > 20 and all(k in EN for k in keys)
