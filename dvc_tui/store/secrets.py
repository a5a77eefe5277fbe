"""The install's secret key: in the OS keyring (service "dvc-tui"), or a 0600 file.

The key derives the one-time codes' HOTP secret. Where no keyring backend works (a headless
kiosk, CI), the key falls back to `install.key` in the data dir, and the caller is told once so
it can say so. Losing the key only invalidates codes still pending.
"""

from __future__ import annotations

import os
import random
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

SERVICE = "dvc-tui"
KEY_FILE = "install.key"
KEY_BYTES = 32


@dataclass(frozen=True)
class InstallSecret:
    key: bytes
    where: str  # "keyring" or "file"
    path: Path | None = None  # the file, when `where` is "file"
    fell_back: bool = False  # True when a keyring was tried and failed during this load


fallback_listeners: list[Callable[["InstallSecret"], None]] = []
"""Called with the secret of a load that fell back to the file because no keyring worked (the
staff commands say so on stderr; the app reads `fell_back` and says it in a notice)."""


def _username(data_dir: Path) -> str:
    return f"install-key:{data_dir.resolve()}"


def _usable_backend(backend):
    import keyring
    from keyring.backends import fail

    kr = backend if backend is not None else keyring.get_keyring()
    if isinstance(kr, fail.Keyring):
        return None
    try:
        if kr.priority <= 0:  # the null/fail backends of keyring's chainer
            return None
    except Exception:
        return None
    return kr


def load_install_secret(
    data_dir: Path, *, use_keyring: bool = True, backend=None, rng: random.Random | None = None
) -> InstallSecret:
    """Read the install's key, creating it on first use (from `rng` in tests, else `secrets`)."""

    def new_key() -> bytes:
        return rng.randbytes(KEY_BYTES) if rng is not None else secrets.token_bytes(KEY_BYTES)

    data_dir = Path(data_dir)
    key_file = data_dir / KEY_FILE
    if key_file.exists():
        return InstallSecret(_read_key_file(key_file), "file", key_file)
    tried = False
    if use_keyring:
        tried = True
        try:
            kr = _usable_backend(backend)
            if kr is not None:
                stored = kr.get_password(SERVICE, _username(data_dir))
                if stored:
                    return InstallSecret(bytes.fromhex(stored), "keyring")
                key = new_key()
                kr.set_password(SERVICE, _username(data_dir), key.hex())
                if kr.get_password(SERVICE, _username(data_dir)) == key.hex():
                    return InstallSecret(key, "keyring")
        except Exception:  # any backend failure (no D-Bus, locked, denied): use the file
            pass
    key = new_key()
    _write_key_file(key_file, key)
    secret = InstallSecret(_read_key_file(key_file), "file", key_file, fell_back=tried)
    if tried:
        for listener in list(fallback_listeners):
            listener(secret)
    return secret


def _write_key_file(path: Path, key: bytes) -> None:
    """Create the key file whole or not at all: written aside, then linked into place, so a
    process racing this one never reads a half-written key (and the first one wins)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    aside = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(key.hex() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(aside, path)
        except FileExistsError:  # another process made it first: use theirs
            pass
    finally:
        aside.unlink(missing_ok=True)


def _read_key_file(path: Path) -> bytes:
    os.chmod(path, 0o600)
    text = path.read_text().strip()
    key = bytes.fromhex(text)
    if len(key) < 16:
        raise ValueError(f"{path}: the install key is too short")
    return key
