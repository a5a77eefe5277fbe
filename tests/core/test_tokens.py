"""USB signing tokens: the simulated CA, issuing, the checks that refuse a certificate, the PIN
and its lock, and login by a signed challenge. Time is the injected FakeClock throughout."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from stdnum.vn import mst

from dvc_tui.core import pki
from dvc_tui.core.accounts import Subject
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import EN, VI
from dvc_tui.core.tokens import (
    CA_NAME,
    CHALLENGE_BYTES,
    CHALLENGE_VALID_FOR,
    DEFAULT_DAYS,
    PIN_TRIES,
    TRAINING_TOKENS,
    Challenge,
    TokenHolder,
    Tokens,
    TokenStatus,
    check_days,
    check_pin,
    normalize_serial,
)
from dvc_tui.store.tokens import FileTokenStore

PIN = "123456"
CITIZEN = ("citizen", "001090012345", "Nguyễn Văn An", "an.nguyen@example.vn")


def make_tokens(data_dir: Path, clock, *, passphrase: bytes = b"test passphrase", seed: int = 7) -> Tokens:
    return Tokens(FileTokenStore(data_dir), clock, ca_passphrase=lambda: passphrase, rng=random.Random(seed))


@pytest.fixture
def tokens(tmp_path, clock) -> Tokens:
    return make_tokens(tmp_path / "data", clock)


def refused(call, *args, **kwargs) -> PortalError:
    with pytest.raises(PortalError) as caught:
        call(*args, **kwargs)
    return caught.value


def cert_path(tokens: Tokens, serial: str) -> Path:
    return tokens._store.token_dir(serial) / "cert.pem"


# -- issuing and logging in -------------------------------------------------------------------
def test_a_new_token_logs_in_and_names_its_holder(tokens, clock):
    info = tokens.issue(*CITIZEN, PIN)
    assert info.status is TokenStatus.VALID and info.usable
    assert info.not_before == clock.now() and info.not_after == clock.now() + timedelta(days=DEFAULT_DAYS)
    assert info.issuer == CA_NAME and len(info.serial) == 16
    logged_in = tokens.login(info.serial, PIN)
    assert logged_in.holder == TokenHolder(Subject.CITIZEN, "001090012345", "Nguyễn Văn An", "an.nguyen@example.vn")
    assert logged_in.holder.uid_prefix == "CCCD" and logged_in.holder.id_label_key == "token.id.cccd"


def test_the_certificate_is_real_x509_issued_by_the_simulated_ca(tokens):
    info = tokens.issue(*CITIZEN, PIN)
    cert = x509.load_pem_x509_certificate(cert_path(tokens, info.serial).read_bytes())
    ca = tokens.authority().certificate
    cert.verify_directly_issued_by(ca)
    assert ca.subject == ca.issuer  # a self-signed root
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert str(cert.subject.get_attributes_for_oid(x509.NameOID.USER_ID)[0].value) == "CCCD:001090012345"
    assert cert.extensions.get_extension_for_class(x509.KeyUsage).value.digital_signature
    assert format(cert.serial_number, "016X") == info.serial


def test_businesses_and_agencies_get_tokens_under_their_codes(tokens):
    business = tokens.issue("business", "0109998883001", "Công ty TNHH Sao Mai", None, "87654321", days=30)
    agency = tokens.issue(Subject.AGENCY, "000.00.01.h99", "Sở Thông tin (mô phỏng)", None, "1234567")
    assert business.holder.identifier == "0109998883-001" and business.holder.uid_prefix == "MST"
    assert agency.holder.identifier == "000.00.01.H99" and agency.holder.kind is Subject.AGENCY
    assert tokens.login(business.serial, "87654321").holder.name == "Công ty TNHH Sao Mai"
    assert tokens.login(agency.serial, "1234567").holder.id_label_key == "token.id.mdd"


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (("business", "0109998884", "Công ty ABC", None, PIN), "mst.checksum"),
        (("citizen", "00109001234", "Nguyễn Văn An", None, PIN), "id.length"),
        (("agency", "H29.000", "Sở ABC", None, PIN), "agency.format"),
        (("robot", "1", "R2D2", None, PIN), "token.kind"),
        (("citizen", "001090012345", "An 2", None, PIN), "name.letters"),
        (("business", "0109998883", "Công ty\u0007", None, PIN), "org_name.chars"),
        (("citizen", "001090012345", "Nguyễn Văn An", "not-an-email", PIN), "email.invalid"),
        (("citizen", "001090012345", "Nguyễn Văn An", None, "12345"), "token.pin_format"),
        (("citizen", "001090012345", "Nguyễn Văn An", None, "123456789"), "token.pin_format"),
        (("citizen", "001090012345", "Nguyễn Văn An", None, ""), "token.pin_required"),
    ],
)
def test_issuing_refuses_bad_input_with_its_reason(tokens, args, key):
    assert refused(tokens.issue, *args).key == key
    assert tokens._store.serials() == []


@pytest.mark.parametrize("days", [0, -1, 3651, "", "ten", "1.5", True])
def test_the_validity_in_days_is_checked(days):
    assert refused(check_days, days).key == "token.days"


def test_pins_are_6_to_8_ascii_digits_as_typed():
    assert check_pin("000000") == "000000" and check_pin("12345678") == "12345678"
    for bad in ("12345", "123456789", "12345a", " 123456", "１２３４５６", "12 3456"):
        assert refused(check_pin, bad).key == "token.pin_format"


def test_serials_are_typed_in_any_case_with_colons():
    assert normalize_serial(" 0a:1b:2c ") == "0A1B2C"
    for bad in ("", "xyz", "0" * 41):
        assert refused(normalize_serial, bad).key == "token.serial_format"


def test_a_serial_may_be_typed_by_a_unique_prefix(tokens):
    info = tokens.issue(*CITIZEN, PIN)
    assert tokens.find(info.serial.lower()) == info.serial
    assert tokens.find(info.serial[:4]) == info.serial
    assert refused(tokens.find, info.serial[:3]).key == "token.not_found"  # too short to guess
    assert refused(tokens.find, "F" * 16 if info.serial != "F" * 16 else "E" * 16).key == "token.not_found"


# -- refusals: foreign CA, validity, revocation, tampering ------------------------------------
def plug_in(from_tokens: Tokens, serial: str, into: Tokens) -> None:
    """Copy a token made elsewhere into `into`'s data dir (plugging it in)."""
    into._store._make_dir(into._store.tokens_dir)
    shutil.copytree(from_tokens._store.token_dir(serial), into._store.token_dir(serial))


def test_a_certificate_from_another_ca_is_refused(tmp_path, clock, tokens):
    tokens.issue(*CITIZEN, PIN)  # our CA exists
    elsewhere = make_tokens(tmp_path / "elsewhere", clock, seed=99)
    stranger = elsewhere.issue("citizen", "079190000111", "Trần Thị Mai", None, PIN)
    plug_in(elsewhere, stranger.serial, tokens)
    info = tokens.info(stranger.serial)
    assert info.status is TokenStatus.FOREIGN
    # Another install's CA has the very same name: its key, not its name, gives it away.
    assert info.issuer == CA_NAME
    error = refused(tokens.login, stranger.serial, PIN)
    assert error.key == "token.foreign_ca"
    assert error.problem.params == {"issuer": CA_NAME, "ca": CA_NAME}
    assert tokens.info(stranger.serial).failed_pins == 0  # refused before the PIN was tried


def test_a_certificate_from_a_differently_named_ca_is_refused_naming_it(tokens, clock):
    tokens.issue(*CITIZEN, PIN)
    other = pki.SigningAuthority.create(clock.now(), 1, name="Some Other CA")
    holder = TokenHolder(Subject.CITIZEN, "048085000222", "Lê Văn Hùng")
    cert = other.issue(holder, pki.new_key().public_key(), 2, clock.now(), clock.now() + timedelta(days=30))
    error = refused(tokens.authority().check, cert, clock.now())
    assert error.key == "token.foreign_ca" and error.problem.params["issuer"] == "Some Other CA"


def test_before_any_ca_exists_every_token_is_foreign(tmp_path, clock, tokens):
    elsewhere = make_tokens(tmp_path / "elsewhere", clock, seed=99)
    stranger = elsewhere.issue(*CITIZEN, PIN)
    plug_in(elsewhere, stranger.serial, tokens)
    assert tokens.authority() is None
    assert refused(tokens.login, stranger.serial, PIN).key == "token.foreign_ca"


def test_an_expired_certificate_is_refused(tokens, clock):
    info = tokens.issue(*CITIZEN, PIN, days=30)
    clock.advance(days=30)
    assert tokens.login(info.serial, PIN).usable  # the last second of its life
    clock.advance(seconds=1)
    assert tokens.info(info.serial).status is TokenStatus.EXPIRED
    error = refused(tokens.login, info.serial, "000000")
    assert error.key == "token.expired"
    assert error.problem.params == {"date": "30/12/2026 15:00"}  # Vietnam's local time
    assert tokens.info(info.serial).failed_pins == 0


def test_a_certificate_not_valid_yet_is_refused(tokens, clock):
    info = tokens.issue(*CITIZEN, PIN)
    clock.advance(seconds=-1)
    assert tokens.info(info.serial).status is TokenStatus.NOT_YET_VALID
    assert refused(tokens.login, info.serial, PIN).key == "token.not_yet_valid"
    later = tokens.issue(*CITIZEN, PIN, valid_from=clock.now() + timedelta(days=2))
    clock.advance(days=1)
    assert refused(tokens.login, later.serial, PIN).problem.params == {"date": "02/12/2026 14:59"}


def test_a_revoked_certificate_is_refused(tokens, clock):
    info = tokens.issue(*CITIZEN, PIN)
    other = tokens.issue("citizen", "079190000111", "Trần Thị Mai", None, PIN)
    clock.advance(hours=1)
    revoked = tokens.revoke(info.serial[:6])
    assert revoked.status is TokenStatus.REVOKED and revoked.revoked_at == clock.now()
    assert refused(tokens.login, info.serial, PIN).key == "token.revoked"
    assert tokens.login(other.serial, PIN).usable  # the others stay valid
    error = refused(tokens.revoke, info.serial)
    assert error.key == "token.already_revoked" and error.problem.params["serial"] == info.serial
    crl = x509.load_pem_x509_crl((tokens._store.ca_dir / "crl.pem").read_bytes())
    assert crl.is_signature_valid(tokens.authority().certificate.public_key())
    assert [entry.serial_number for entry in crl] == [int(info.serial, 16)]


def test_a_revocation_list_not_signed_by_the_ca_refuses_every_token(tokens, clock):
    info = tokens.issue(*CITIZEN, PIN)
    tokens.revoke(info.serial)
    forger = pki.new_key()
    ca = tokens.authority()
    forged = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.certificate.subject)
        .last_update(clock.now())
        .next_update(clock.now() + timedelta(days=1))
        .sign(forger, hashes.SHA256())
    )  # an empty list, to "un-revoke" the token
    (tokens._store.ca_dir / "crl.pem").write_bytes(forged.public_bytes(serialization.Encoding.PEM))
    assert refused(tokens.login, info.serial, PIN).key == "token.crl_invalid"
    assert tokens.info(info.serial).status is TokenStatus.INVALID


def test_a_tampered_certificate_is_refused(tokens):
    info = tokens.issue(*CITIZEN, PIN)
    path = cert_path(tokens, info.serial)
    der = x509.load_pem_x509_certificate(path.read_bytes()).public_bytes(serialization.Encoding.DER)
    assert der.count(b"001090012345") == 1
    altered = x509.load_der_x509_certificate(der.replace(b"001090012345", b"001090099999"))
    path.write_bytes(altered.public_bytes(serialization.Encoding.PEM))
    assert tokens.info(info.serial).status is TokenStatus.TAMPERED
    assert refused(tokens.login, info.serial, PIN).key == "token.cert_tampered"


def test_a_certificate_that_does_not_parse_is_damaged(tokens):
    info = tokens.issue(*CITIZEN, PIN)
    cert_path(tokens, info.serial).write_bytes(b"-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")
    assert tokens.info(info.serial).status is TokenStatus.DAMAGED
    assert refused(tokens.login, info.serial, PIN).key == "token.cert_unreadable"


def test_a_tampered_signature_is_refused(tokens):
    info = tokens.issue(*CITIZEN, PIN)
    challenge = tokens.new_challenge()
    signature = tokens.sign(info.serial, PIN, challenge.value)
    flipped = signature[:-1] + bytes([signature[-1] ^ 0x01])
    assert refused(tokens.verify, info.serial, challenge, flipped).key == "token.signature_invalid"


def test_a_signature_over_another_challenge_or_by_another_key_is_refused(tokens):
    info = tokens.issue(*CITIZEN, PIN)
    other = tokens.issue("citizen", "079190000111", "Trần Thị Mai", None, "654321")
    challenge = tokens.new_challenge()
    elsewhere = tokens.sign(info.serial, PIN, b"another challenge")
    assert refused(tokens.verify, info.serial, challenge, elsewhere).key == "token.signature_invalid"
    challenge = tokens.new_challenge()
    by_other_key = tokens.sign(other.serial, "654321", challenge.value)
    assert refused(tokens.verify, info.serial, challenge, by_other_key).key == "token.signature_invalid"


def test_a_challenge_is_ours_single_use_and_short_lived(tokens, clock):
    info = tokens.issue(*CITIZEN, PIN)
    challenge = tokens.new_challenge()
    signature = tokens.sign(info.serial, PIN, challenge.value)
    assert tokens.verify(info.serial, challenge, signature).holder.name == "Nguyễn Văn An"
    assert refused(tokens.verify, info.serial, challenge, signature).key == "token.challenge_unknown"  # replay
    made_up = Challenge(b"\x00" * CHALLENGE_BYTES, clock.now())
    assert refused(tokens.verify, info.serial, made_up, tokens.sign(info.serial, PIN, made_up.value)).key == (
        "token.challenge_unknown"
    )
    late = tokens.new_challenge()
    signature = tokens.sign(info.serial, PIN, late.value)
    clock.advance(seconds=CHALLENGE_VALID_FOR.total_seconds() + 1)
    assert refused(tokens.verify, info.serial, late, signature).key == "token.challenge_expired"


def test_challenges_are_fresh_and_come_from_the_injected_random_source(tmp_path, clock):
    a = make_tokens(tmp_path / "a", clock, seed=5)
    b = make_tokens(tmp_path / "b", clock, seed=5)
    first = a.new_challenge()
    assert len(first.value) == CHALLENGE_BYTES and first.issued_at == clock.now()
    assert b.new_challenge().value == first.value  # same seed, same challenge
    assert len({a.new_challenge().value for _ in range(20)} | {first.value}) == 21


# -- the PIN and the lock -------------------------------------------------------------------
def test_five_wrong_pins_lock_the_token_for_good_across_reloads(tmp_path, clock):
    data_dir = tmp_path / "data"
    tokens = make_tokens(data_dir, clock)
    serial = tokens.issue(*CITIZEN, PIN).serial
    for left in range(PIN_TRIES - 1, 0, -1):
        error = refused(make_tokens(data_dir, clock).login, serial, "999999")  # a fresh load each time
        assert (error.key, error.problem.params) == ("token.pin_wrong", {"left": left})
    error = refused(tokens.login, serial, "999999")
    assert (error.key, error.problem.params) == ("token.locked_now", {"limit": PIN_TRIES})
    reloaded = make_tokens(data_dir, clock)
    info = reloaded.info(serial)
    assert (info.status, info.locked, info.failed_pins, info.pins_left) == (TokenStatus.LOCKED, True, PIN_TRIES, 0)
    assert refused(reloaded.login, serial, PIN).key == "token.locked"  # the right PIN no longer helps
    assert refused(reloaded.sign, serial, PIN, b"data").key == "token.locked"
    state = json.loads((reloaded._store.token_dir(serial) / "state.json").read_text())
    assert state == {"failed_pins": PIN_TRIES, "locked": True, "training": None}


def test_the_right_pin_resets_the_count(tokens):
    serial = tokens.issue(*CITIZEN, PIN).serial
    for _ in range(PIN_TRIES - 1):
        refused(tokens.login, serial, "999999")
    assert tokens.info(serial).failed_pins == PIN_TRIES - 1
    assert tokens.login(serial, PIN).failed_pins == 0
    for _ in range(PIN_TRIES - 1):
        refused(tokens.login, serial, "999999")
    assert not tokens.info(serial).locked
    assert refused(tokens.login, serial, "999999").key == "token.locked_now"


def test_a_pin_of_the_wrong_shape_is_not_tried_nor_counted(tokens):
    serial = tokens.issue(*CITIZEN, PIN).serial
    for typed, key in [("", "token.pin_required"), ("12345", "token.pin_format"), ("abcdef", "token.pin_format")]:
        assert refused(tokens.login, serial, typed).key == key
    assert tokens.info(serial).failed_pins == 0


def test_the_key_is_stored_encrypted_under_the_pin(tokens):
    serial = tokens.issue(*CITIZEN, PIN).serial
    pem = (tokens._store.token_dir(serial) / "key.pem").read_bytes()
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    with pytest.raises(TypeError):
        serialization.load_pem_private_key(pem, None)
    with pytest.raises(ValueError):
        serialization.load_pem_private_key(pem, b"654321")
    key = serialization.load_pem_private_key(pem, PIN.encode())
    cert = x509.load_pem_x509_certificate(cert_path(tokens, serial).read_bytes())
    assert key.public_key() == cert.public_key()


# -- the CA's key -----------------------------------------------------------------------------
def test_verifying_needs_no_ca_key_but_issuing_and_revoking_do(tmp_path, clock):
    data_dir = tmp_path / "data"
    serial = make_tokens(data_dir, clock).issue(*CITIZEN, PIN).serial

    def no_passphrase() -> bytes:
        raise AssertionError("the CA key was asked for")

    verifier = Tokens(FileTokenStore(data_dir), clock, ca_passphrase=no_passphrase, rng=random.Random(1))
    assert verifier.login(serial, PIN).usable
    assert verifier.plugged_in()[0].status is TokenStatus.VALID
    wrong = make_tokens(data_dir, clock, passphrase=b"another install's key")
    assert refused(wrong.issue, *CITIZEN, PIN).key == "token.ca_key"
    assert refused(wrong.revoke, serial).key == "token.ca_key"


def test_the_ca_passphrase_is_derived_from_the_install_key_not_equal_to_it():
    key = bytes(range(32))
    derived = pki.derive_ca_passphrase(key)
    assert derived == pki.derive_ca_passphrase(key) and derived != pki.derive_ca_passphrase(key[::-1])
    assert key.hex().encode() != derived and len(derived) == 64


def test_the_ca_is_made_once_per_data_dir(tmp_path, clock):
    data_dir = tmp_path / "data"
    make_tokens(data_dir, clock).issue(*CITIZEN, PIN)
    first = (data_dir / "ca" / "ca.pem").read_bytes()
    make_tokens(data_dir, clock, seed=8).issue(*CITIZEN, PIN)
    assert (data_dir / "ca" / "ca.pem").read_bytes() == first
    assert len(make_tokens(data_dir, clock).plugged_in()) == 2


# -- listing and the training set ---------------------------------------------------------------
def test_the_plugged_in_tokens_are_listed_with_their_state(tokens, clock):
    assert tokens.plugged_in() == []
    valid = tokens.issue(*CITIZEN, PIN)
    expiring = tokens.issue("citizen", "079190000111", "Trần Thị Mai", None, PIN, days=1)
    clock.advance(days=2)
    by_serial = {info.serial: info for info in tokens.plugged_in()}
    assert by_serial[valid.serial].status is TokenStatus.VALID
    assert by_serial[expiring.serial].status is TokenStatus.EXPIRED
    assert [info.holder.name for info in tokens.plugged_in()] == ["Nguyễn Văn An", "Trần Thị Mai"]


def test_the_training_set_holds_one_token_of_each_kind_and_state(tokens):
    made = tokens.install_training()
    assert [spec.tag for spec, _, _ in made] == [spec.tag for spec in TRAINING_TOKENS]
    assert all(was_made for _, _, was_made in made)
    states = {spec.tag: info.status for spec, info, _ in made}
    assert states == {
        "citizen": TokenStatus.VALID,
        "business": TokenStatus.VALID,
        "agency": TokenStatus.VALID,
        "expired": TokenStatus.EXPIRED,
        "revoked": TokenStatus.REVOKED,
        "foreign": TokenStatus.FOREIGN,
    }
    expected_refusal = {"expired": "token.expired", "revoked": "token.revoked", "foreign": "token.foreign_ca"}
    for spec, info, _ in made:
        if spec.tag in expected_refusal:
            assert refused(tokens.login, info.serial, spec.pin).key == expected_refusal[spec.tag]
        else:
            assert tokens.login(info.serial, spec.pin).holder.name == spec.name
    again = tokens.install_training()
    assert not any(was_made for _, _, was_made in again)
    assert len(tokens.plugged_in()) == len(TRAINING_TOKENS)


def test_the_training_tax_codes_have_a_valid_check_digit():
    codes = [spec.identifier for spec in TRAINING_TOKENS if spec.kind is Subject.BUSINESS]
    assert codes and all(mst.is_valid(code) for code in codes)
    assert any(len(mst.compact(code)) == 13 for code in codes)  # a branch too


# -- the catalogs and import cost -----------------------------------------------------------------
def test_every_status_and_identifier_label_has_words_in_both_languages():
    keys = [status.text_key for status in TokenStatus]
    keys += [f"token.id.{prefix.lower()}" for prefix in pki.UID_PREFIXES]
    assert [k for k in keys if k not in VI or k not in EN] == []


def test_importing_the_token_rules_loads_no_cryptography():
    probe = "import sys, dvc_tui.core.tokens; print(sorted(m for m in sys.modules if m.startswith('cryptography')))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_every_wrong_pin_is_a_wrong_pin_even_when_it_decrypts_into_garbage():
    """A wrong password fails PKCS#8's padding check most times, but about one in 250 decrypts
    into bytes that then fail to parse; both must count as a wrong PIN, never as a damaged key."""
    from dvc_tui.core import pki

    pem = pki.encrypt_key(pki.new_key(), b"123456")
    outcomes = set()
    for guess in range(100000, 101500):
        try:
            pki.decrypt_key(pem, str(guess).encode())
        except pki.WrongPassword:
            outcomes.add("wrong")
    assert outcomes == {"wrong"}
    assert pki.decrypt_key(pem, b"123456") is not None
