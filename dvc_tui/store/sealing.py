"""Secrets sealed at rest: AES-256-GCM under a key derived from the install's secret key.

The authenticator apps' TOTP secrets must be readable by the app (it computes the codes), so
they cannot be hashed like passwords; they are encrypted instead, under a key that lives in the
OS keyring (or the 0600 `install.key`), never in the database. A copy of the database alone
therefore gives no secret. Each sealed value is bound to a context (the account name) as GCM's
associated data, so a row copied onto another account does not open.

Layout of a sealed value: version byte 0x01, a 12-byte random nonce, the ciphertext and its
16-byte tag.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from dvc_tui.core.totp import UnsealError

VERSION = b"\x01"
NONCE_BYTES = 12
TAG_BYTES = 16
AUTHENTICATORS = b"dvc-tui authenticator secrets v1"


def derive_key(install_key: bytes, purpose: bytes) -> bytes:
    """A 256-bit key for one purpose, derived from the install's key (never the key itself)."""
    return hmac.new(install_key, purpose, hashlib.sha256).digest()


class SecretSealer:
    def __init__(self, install_key: bytes, purpose: bytes = AUTHENTICATORS) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(derive_key(install_key, purpose))

    def seal(self, plaintext: bytes, context: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return VERSION + nonce + self._aead.encrypt(nonce, plaintext, context)

    def open(self, sealed: bytes, context: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag

        sealed = bytes(sealed)
        if not sealed.startswith(VERSION) or len(sealed) < 1 + NONCE_BYTES + TAG_BYTES:
            raise UnsealError("not a sealed value")
        nonce, body = sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, body, context)
        except InvalidTag:
            raise UnsealError("the install key or the context does not match") from None
