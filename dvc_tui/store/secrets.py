"""The install's secret key: in the OS keyring (service "dvc-tui"), or a 0600 file.

The key derives the one-time codes' HOTP secret, seals every enrolled authenticator app's TOTP
secret and derives the passphrase of the simulated CA's private key. Losing it (or replacing
it) loses all three: every enrolled authenticator app stops working (`totp.unreadable`), the
CA can issue and revoke nothing (`token.ca_key`), and pending codes fail.

So a new key is made only for a data dir never used. Where the key is looked for, in order:
the key file (`key_file` in the settings, else `install.key` in the data dir), the data dir's
`install.key`, the OS keyring. A keyring that is locked, unreachable or absent while the data dir
has been used (`install-key.check`, a database with data, tokens, a PIN, a log...) is refused
(InstallKeyUnavailable: one line, nothing written), never answered with a new key. Moving the
key between the keyring and the file is `dvc-tui key to-file | to-keyring` (commands/key.py).

`install-key.check` in the data dir holds an HMAC of the key (it gives nothing of the key away):
its presence says the data dir has a key, and a key found that does not match it is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import random
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from dvc_tui.store.errors import StoreError

SERVICE = "dvc-tui"
KEY_FILE = "install.key"
CHECK_FILE = "install-key.check"
KEY_BYTES = 32
_CHECK_LABEL = b"dvc-tui install key check v1"

USED_MARKS = ("ca/ca-key.pem",)
"""Files that only a data dir whose key was made holds (the simulated CA's private key, sealed
under a passphrase derived from it), besides the check file, a key file and a database with
data in it. (A trainer PIN, a training log, an empty `ca` or `tokens` folder - made before the
key is asked for - need no key: a data dir with only those has no key to lose.)"""
_KEYED_TABLES = ("authenticators", "otp_codes", "sims", "sim_requests")
"""Tables whose rows were made with the key (sealed TOTP secrets, codes from it, SIMs' certificates
from the CA). Accounts and SMS alone need no key: a store seeded with them is not 'used'."""


@dataclass(frozen=True)
class InstallSecret:
    key: bytes
    where: str  # "keyring" or "file"
    path: Path | None = None  # the file, when `where` is "file"
    fell_back: bool = False  # True when a keyring was tried and failed during this load


class InstallKeyUnavailable(StoreError):
    """The key of a data dir already used is in no store that can be read now: the app and the
    commands refuse to start (one line, exit 2) rather than make a new one."""


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


def key_file_path(data_dir: Path, key_file: Path | None = None) -> Path:
    """Where the key's file is (or would be): the configured `key_file`, else the data dir's."""
    return Path(key_file) if key_file is not None else Path(data_dir) / KEY_FILE


def key_check(key: bytes) -> str:
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()


def data_dir_used(data_dir: Path) -> bool:
    """Whether the data dir has ever been used: a key made for it, or anything the app keeps."""
    data_dir = Path(data_dir)
    if any((data_dir / name).exists() for name in (CHECK_FILE, KEY_FILE, *USED_MARKS)):
        return True
    from dvc_tui.store.sqlite import DB_NAME

    db_path = data_dir / DB_NAME
    if not db_path.exists():
        return False
    try:
        db = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            return any(db.execute(f"SELECT 1 FROM {name} LIMIT 1").fetchone()
                       for name in _KEYED_TABLES if name in tables)
        finally:
            db.close()
    except sqlite3.Error:  # unreadable: it is something, so count it as used
        return db_path.stat().st_size > 0


@dataclass(frozen=True)
class KeyringRead:
    key: bytes | None  # the key found there
    reachable: bool  # False: no usable backend, locked, unreachable, denied


def read_keyring(data_dir: Path, backend=None) -> KeyringRead:
    try:
        kr = _usable_backend(backend)
        if kr is None:
            return KeyringRead(None, False)
        stored = kr.get_password(SERVICE, _username(Path(data_dir)))
    except Exception:  # any backend failure (no D-Bus, locked, denied)
        return KeyringRead(None, False)
    return KeyringRead(bytes.fromhex(stored) if stored else None, True)


def load_install_secret(
    data_dir: Path, *, use_keyring: bool = True, backend=None, rng: random.Random | None = None,
    key_file: Path | None = None, create: bool = True,
) -> InstallSecret | None:
    """Read the install's key; make it only for a data dir never used (from `rng` in tests,
    else `secrets`). InstallKeyUnavailable when the key of a used data dir cannot be read;
    `create=False` only looks (None where a new key would be made)."""

    data_dir = Path(data_dir)
    files = [key_file_path(data_dir, key_file)]
    if key_file is not None:
        files.append(data_dir / KEY_FILE)
    for path in files:
        if path.exists():
            return _checked(data_dir, InstallSecret(_read_key_file(path), "file", path))
    reachable = False
    if use_keyring:
        found = read_keyring(data_dir, backend)
        reachable = found.reachable
        if found.key is not None:
            return _checked(data_dir, InstallSecret(found.key, "keyring"))
    if data_dir_used(data_dir):
        if use_keyring and not reachable:
            raise InstallKeyUnavailable(key="secret.keyring_unavailable", data_dir=str(data_dir))
        raise InstallKeyUnavailable(key="secret.key_missing", data_dir=str(data_dir), path=str(files[0]))
    if not create:
        return None
    key = rng.randbytes(KEY_BYTES) if rng is not None else secrets.token_bytes(KEY_BYTES)
    if use_keyring and reachable and key_file is None:
        try:
            kr = _usable_backend(backend)
            kr.set_password(SERVICE, _username(data_dir), key.hex())
            if kr.get_password(SERVICE, _username(data_dir)) == key.hex():
                _write_check(data_dir, key)
                return InstallSecret(key, "keyring")
        except Exception:  # it could be read but not written: the file, said once
            pass
    tried = use_keyring and key_file is None
    path = files[0]
    _write_key_file(path, key)
    secret = InstallSecret(_read_key_file(path), "file", path, fell_back=tried)
    _write_check(data_dir, secret.key)
    secret = _checked(data_dir, secret)
    if tried:
        for listener in list(fallback_listeners):
            listener(secret)
    return secret


def _checked(data_dir: Path, secret: InstallSecret) -> InstallSecret:
    """The secret, when it is the data dir's key (its check file written if missing)."""
    check = data_dir / CHECK_FILE
    try:
        recorded = check.read_text().strip()
    except FileNotFoundError:
        _write_check(data_dir, secret.key)
        return secret
    except OSError:
        return secret
    if recorded and not hmac.compare_digest(recorded, key_check(secret.key)):
        where = str(secret.path) if secret.path is not None else "keyring"
        raise InstallKeyUnavailable(key="secret.key_mismatch", data_dir=str(data_dir), where=where)
    return secret


def _write_check(data_dir: Path, key: bytes) -> None:
    try:
        _write_key_file(data_dir / CHECK_FILE, key, text=key_check(key))
    except OSError:  # a read-only data dir: the check is a safeguard, not a need
        pass


def write_key_file(path: Path, key: bytes) -> None:
    """`dvc-tui key to-file`: the key's file, whole, 0600 (an existing file is left alone)."""
    _write_key_file(path, key)


def _write_key_file(path: Path, key: bytes, *, text: str | None = None) -> None:
    """Create the file whole or not at all: written aside, then linked into place, so a
    process racing this one never reads a half-written key (and the first one wins)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    aside = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write((key.hex() if text is None else text) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(aside, path)
        except FileExistsError:  # another process made it first: use theirs
            pass
    finally:
        aside.unlink(missing_ok=True)


def read_key_file(path: Path) -> bytes:
    return _read_key_file(path)


def _read_key_file(path: Path) -> bytes:
    os.chmod(path, 0o600)
    text = path.read_text().strip()
    key = bytes.fromhex(text)
    if len(key) < 16:
        raise ValueError(f"{path}: the install key is too short")
    return key
