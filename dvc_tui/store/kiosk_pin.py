"""The trainer PIN's hash (kiosk mode): in the OS keyring beside the install key (service
"dvc-tui", user "trainer-pin-hash:<data dir>"), or in a 0600 file in the data dir.

Only the Argon2id hash is kept, never the PIN. As with the install key, a file in the data dir
wins over the keyring (it is what `--no-keyring` wrote); saving to the keyring removes it.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from dvc_tui.store.secrets import SERVICE, _usable_backend

PIN_FILE = "trainer-pin.hash"


@dataclass(frozen=True)
class StoredPin:
    phc: str
    where: str  # "keyring" or "file"
    path: Path | None = None  # the file, when `where` is "file"
    fell_back: bool = False  # a keyring was tried and failed while saving


def _username(data_dir: Path) -> str:
    return f"trainer-pin-hash:{Path(data_dir).resolve()}"


def load_pin_hash(data_dir: Path, *, use_keyring: bool = True, backend=None) -> StoredPin | None:
    """The stored hash, or None when no trainer PIN was set."""
    data_dir = Path(data_dir)
    path = data_dir / PIN_FILE
    if path.exists():
        os.chmod(path, 0o600)
        phc = path.read_text().strip()
        return StoredPin(phc, "file", path) if phc else None
    if use_keyring:
        try:
            kr = _usable_backend(backend)
            stored = kr.get_password(SERVICE, _username(data_dir)) if kr is not None else None
        except Exception:  # no D-Bus, a locked collection: as if none were set
            stored = None
        if stored:
            return StoredPin(stored, "keyring")
    return None


def save_pin_hash(data_dir: Path, phc: str, *, use_keyring: bool = True, backend=None) -> StoredPin:
    """Keep `phc` (an Argon2id PHC string): in the keyring where one works, else the file."""
    data_dir = Path(data_dir)
    path = data_dir / PIN_FILE
    tried = False
    if use_keyring:
        tried = True
        try:
            kr = _usable_backend(backend)
            if kr is not None:
                kr.set_password(SERVICE, _username(data_dir), phc)
                if kr.get_password(SERVICE, _username(data_dir)) == phc:
                    path.unlink(missing_ok=True)  # an older file would win over the keyring
                    return StoredPin(phc, "keyring")
        except Exception:  # any backend failure: use the file
            pass
    _write_file(path, phc)
    return StoredPin(phc, "file", path, fell_back=tried)


def _write_file(path: Path, text: str) -> None:
    """Write whole or not at all (aside, then renamed over the old one), mode 0600."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    aside = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(text + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(aside, path)
    finally:
        aside.unlink(missing_ok=True)
