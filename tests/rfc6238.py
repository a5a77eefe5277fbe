"""TOTP by RFC 6238's own steps, with hmac, hashlib and struct only: an implementation other than
the app's (no pyotp, no dvc_tui), standing in for the authenticator app on the user's phone."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
from datetime import datetime


def b32_key(secret: str) -> bytes:
    """The key of a base32 secret as an app takes it: spaces and case ignored, padding optional."""
    cleaned = "".join(secret.split()).upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def totp(key: bytes, unix_time: int, *, digits: int = 6, period: int = 30, digest=hashlib.sha1, t0: int = 0) -> str:
    counter = (unix_time - t0) // period  # T = floor((Current Unix time - T0) / X)
    mac = hmac.new(key, struct.pack(">Q", counter), digest).digest()
    offset = mac[-1] & 0x0F  # dynamic truncation (RFC 4226 section 5.3)
    binary = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(binary % 10**digits).zfill(digits)


def code_at(secret: str, when: datetime, *, step_offset: int = 0) -> str:
    """The 6-digit code an authenticator app shows for `secret` at `when` (or a step away)."""
    return totp(b32_key(secret), int(when.timestamp()) + 30 * step_offset)


def another_code(code: str) -> str:
    """A 6-digit code that is not `code`."""
    return f"{(int(code) + 1) % 10**6:06d}"
