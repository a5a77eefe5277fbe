"""The simulated certification authority behind the USB signing tokens (USB ký số).

Real X.509 with `cryptography`, nothing contacted:

- keys are EC P-256 with ECDSA-SHA256 (what X.509, PKCS#11 tokens and `cryptography` all
  support well, and generated in a millisecond, where RSA takes a good part of a second);
- the CA ("DVC-TUI Simulated CA") is a self-signed root with BasicConstraints CA, path length 0,
  made once per data dir; its key is written only encrypted (the caller gives the passphrase,
  derived from the install's secret key by `derive_ca_passphrase`);
- a token's certificate names its holder in the subject: CN = the name, UID = "CCCD:<12 digits>"
  (or "CMND:<9 digits>"), "MST:<tax code>" or "MDD:<agency code>" (the UID convention of
  Vietnamese signing certificates), C = VN; the email, when given, as an rfc822Name SAN; key usage
  digitalSignature and nonRepudiation, extended key usage clientAuth and emailProtection;
- revocation is a CRL (X.509 v2) signed by the CA: editing it on disk to un-revoke a certificate
  breaks its signature, and a token checked against it is then refused.

`check_certificate` says why a certificate is refused, one catalog key per reason. This module
imports `cryptography` at the top; `core.tokens` imports it only when a token is first used, so
the app's start does not pay for it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from dvc_tui.core.accounts import Subject
from dvc_tui.core.clock import VN_TZ
from dvc_tui.core.problems import PortalError
from dvc_tui.core.tokens import CA_NAME, TokenHolder

CA_LIFETIME = timedelta(days=20 * 365)
CA_BACKDATE = timedelta(days=3 * 365)
"""The CA's validity starts three years before it is made, so a training certificate that has
already expired (issued two years back) still falls inside the CA's life."""
CRL_NEXT_UPDATE = timedelta(days=365)
"""Written into each CRL as required by X.509; not enforced: the simulated CA re-signs its CRL
only when it revokes, and a stale list must not lock a training install out."""

UID_PREFIXES = {"CCCD": Subject.CITIZEN, "CMND": Subject.CITIZEN, "MST": Subject.BUSINESS, "MDD": Subject.AGENCY}


def new_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def sign(key, data: bytes) -> bytes:
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise PortalError("token.damaged")
    return key.sign(data, ec.ECDSA(hashes.SHA256()))


def signature_matches(certificate: x509.Certificate, signature: bytes, data: bytes) -> bool:
    public_key = certificate.public_key()
    if not isinstance(public_key, ec.EllipticCurvePublicKey):
        return False
    try:
        public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError):
        return False
    return True


# -- keys on disk ---------------------------------------------------------------------------
def encrypt_key(key, password: bytes) -> bytes:
    """PKCS#8 PEM, encrypted (BestAvailableEncryption: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC)."""
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(password),
    )


class WrongPassword(Exception):
    """The key did not decrypt with this password (a wrong PIN, or a wrong install key)."""


def decrypt_key(pem: bytes, password: bytes):
    try:
        return serialization.load_pem_private_key(pem, password)
    except ValueError as exc:
        text = str(exc).lower()
        # A wrong password usually fails the padding check ("Bad decrypt"), but about one time
        # in 250 it decrypts into garbage that then fails to parse: for an encrypted key both
        # mean the PIN did not open it, and both are counted as a wrong PIN.
        if "password" in text or "decrypt" in text or pem.lstrip().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----"):
            raise WrongPassword() from None
        raise PortalError("token.damaged") from None
    except TypeError:  # the key was stored without encryption: never accepted
        raise PortalError("token.damaged") from None


def derive_ca_passphrase(install_key: bytes) -> bytes:
    """The CA key's passphrase, derived from the install's secret key (never the key itself), so
    the files in the data dir alone do not let anyone issue certificates."""
    derived = HKDF(hashes.SHA256(), 32, salt=None, info=b"dvc-tui simulated CA key v1").derive(install_key)
    return derived.hex().encode("ascii")


# -- certificates ---------------------------------------------------------------------------
def load_certificate(pem: bytes | None) -> x509.Certificate:
    if not pem:
        raise PortalError("token.cert_unreadable")
    try:
        return x509.load_pem_x509_certificate(pem)
    except ValueError:
        raise PortalError("token.cert_unreadable") from None


def certificate_pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def common_name(name: x509.Name) -> str:
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else name.rfc4514_string()


def holder_of(certificate: x509.Certificate) -> TokenHolder | None:
    """The holder named in a certificate's subject, or None when it names none we know."""
    uids = certificate.subject.get_attributes_for_oid(NameOID.USER_ID)
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if not uids or not names:
        return None
    prefix, _, identifier = str(uids[0].value).partition(":")
    kind = UID_PREFIXES.get(prefix)
    if kind is None or not identifier:
        return None
    email = None
    try:
        san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        emails = san.get_values_for_type(x509.RFC822Name)
        email = emails[0] if emails else None
    except x509.ExtensionNotFound:
        pass
    return TokenHolder(kind, identifier, str(names[0].value), email, uid_prefix=prefix)


def _seconds(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(microsecond=0)


def local_time(moment: datetime) -> str:
    """How a date appears in a message: Vietnam's local time, dd/mm/yyyy HH:MM."""
    return moment.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M")


def _key_id(certificate: x509.Certificate, extension) -> bytes | None:
    try:
        value = certificate.extensions.get_extension_for_class(extension).value
    except x509.ExtensionNotFound:
        return None
    return value.key_identifier if isinstance(value, x509.AuthorityKeyIdentifier) else value.digest


# -- the authority --------------------------------------------------------------------------
@dataclass(frozen=True)
class Authority:
    """The CA as a verifier sees it: its certificate and its signed revocation list (no key)."""

    certificate: x509.Certificate
    crl: x509.CertificateRevocationList

    @property
    def name(self) -> str:
        return common_name(self.certificate.subject)

    @property
    def cert_pem(self) -> bytes:
        return certificate_pem(self.certificate)

    @property
    def crl_pem(self) -> bytes:
        return self.crl.public_bytes(serialization.Encoding.PEM)

    def issued(self, certificate: x509.Certificate) -> bool:
        """Names this CA as issuer, by name and key id (a CA of another install has another key)."""
        return certificate.issuer == self.certificate.subject and _key_id(
            certificate, x509.AuthorityKeyIdentifier
        ) == _key_id(self.certificate, x509.SubjectKeyIdentifier)

    def revoked_at(self, serial_number: int) -> datetime | None:
        entry = self.crl.get_revoked_certificate_by_serial_number(serial_number)
        return entry.revocation_date_utc if entry is not None else None

    def check(self, certificate: x509.Certificate, now: datetime) -> None:
        """Refuse, with the reason, a certificate this CA would not vouch for at `now`."""
        ca = self.certificate
        if not ca.not_valid_before_utc <= now <= ca.not_valid_after_utc:
            raise PortalError("token.ca_invalid", ca=self.name)
        if not self.issued(certificate):
            raise PortalError("token.foreign_ca", issuer=common_name(certificate.issuer), ca=self.name)
        try:
            certificate.verify_directly_issued_by(ca)
        except (InvalidSignature, ValueError, TypeError):
            raise PortalError("token.cert_tampered", ca=self.name) from None
        if not _is_signing_certificate(certificate):
            raise PortalError("token.cert_usage")
        if now < certificate.not_valid_before_utc:
            raise PortalError("token.not_yet_valid", date=local_time(certificate.not_valid_before_utc))
        if now > certificate.not_valid_after_utc:
            raise PortalError("token.expired", date=local_time(certificate.not_valid_after_utc))
        if not self.crl.is_signature_valid(ca.public_key()) or self.crl.issuer != ca.subject:
            raise PortalError("token.crl_invalid", ca=self.name)
        revoked = self.revoked_at(certificate.serial_number)
        if revoked is not None:
            raise PortalError("token.revoked", date=local_time(revoked))


def _is_signing_certificate(certificate: x509.Certificate) -> bool:
    extensions = certificate.extensions
    try:
        if extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            return False
    except x509.ExtensionNotFound:
        pass
    try:
        usage = extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return usage.digital_signature and isinstance(certificate.public_key(), ec.EllipticCurvePublicKey)


@dataclass(frozen=True)
class SigningAuthority(Authority):
    """The CA with its private key: issues and revokes."""

    key: ec.EllipticCurvePrivateKey

    @classmethod
    def create(cls, now: datetime, serial_number: int, name: str = CA_NAME) -> "SigningAuthority":
        key = new_key()
        subject = x509.Name([
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "dvc-tui (mô phỏng / simulated)"),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ])
        start = _seconds(now) - CA_BACKDATE
        ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
        certificate = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(serial_number)
            .not_valid_before(start)
            .not_valid_after(start + CA_LIFETIME)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False), critical=True)
            .add_extension(ski, critical=False)
            .sign(key, hashes.SHA256())
        )
        crl = _build_crl(key, certificate, now, [])
        return cls(certificate, crl, key)

    def key_pem(self, passphrase: bytes) -> bytes:
        return encrypt_key(self.key, passphrase)

    def issue(
        self, holder: TokenHolder, public_key, serial_number: int, not_before: datetime, not_after: datetime
    ) -> x509.Certificate:
        subject = [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.COMMON_NAME, holder.name),
            x509.NameAttribute(NameOID.USER_ID, f"{holder.uid_prefix}:{holder.identifier}"),
        ]
        ca_ski = self.certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name(subject))
            .issuer_name(self.certificate.subject)
            .public_key(public_key)
            .serial_number(serial_number)
            .not_valid_before(_seconds(not_before))
            .not_valid_after(_seconds(not_after))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.CLIENT_AUTH, ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False)
        )
        if holder.email:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.RFC822Name(holder.email)]), critical=False
            )
        return builder.sign(self.key, hashes.SHA256())

    def revoke(self, serial_number: int, when: datetime) -> "SigningAuthority":
        """A new authority whose CRL adds `serial_number`, re-signed."""
        entries = list(self.crl)
        entries.append(
            x509.RevokedCertificateBuilder().serial_number(serial_number).revocation_date(_seconds(when)).build()
        )
        return replace(self, crl=_build_crl(self.key, self.certificate, when, entries))


def _build_crl(key, certificate: x509.Certificate, now: datetime, entries) -> x509.CertificateRevocationList:
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(certificate.subject)
        .last_update(_seconds(now))
        .next_update(_seconds(now) + CRL_NEXT_UPDATE)
    )
    for entry in entries:
        builder = builder.add_revoked_certificate(entry)
    return builder.sign(key, hashes.SHA256())


def load_authority(cert_pem: bytes, crl_pem: bytes) -> Authority:
    try:
        certificate = x509.load_pem_x509_certificate(cert_pem)
        crl = x509.load_pem_x509_crl(crl_pem)
    except ValueError:
        raise PortalError("token.ca_unreadable") from None
    return Authority(certificate, crl)


def load_signing_authority(cert_pem: bytes, crl_pem: bytes, key_pem: bytes, passphrase: bytes) -> SigningAuthority:
    public = load_authority(cert_pem, crl_pem)
    try:
        key = decrypt_key(key_pem, passphrase)
    except (WrongPassword, PortalError):
        raise PortalError("token.ca_key") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.public_key() != public.certificate.public_key():
        raise PortalError("token.ca_key")
    return SigningAuthority(public.certificate, public.crl, key)

