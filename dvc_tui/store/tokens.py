"""The plugged-in signing tokens (USB ký số) and the simulated CA, kept as files in the data dir.

```
DATA_DIR/ca/                 0700, the simulated CA, made once:
    ca.pem                   its self-signed certificate
    ca-key.pem               its key, PKCS#8 encrypted under a passphrase derived from the
                             install's secret key (keyring or install.key): these files alone
                             do not let anyone issue or revoke
    crl.pem                  its signed certificate revocation list
DATA_DIR/tokens/             0700, the "plugged-in" tokens:
    <SERIAL>/                0700, one per token, named by its serial (16 hex digits)
        cert.pem             its certificate
        key.pem              its key, PKCS#8 encrypted under the token's PIN
        state.json           {"failed_pins": 0, "locked": false, "training": null}
    .lock                    held (flock) for every read-modify-write: a PIN try, a revocation
    .training.lock           held (flock) while the training tokens are made: two `token
                             training` or `training load` at once make one set, not two
```

Every file is 0600 and written whole: aside, then renamed into place. A new token or CA is a
directory built aside and renamed into place, so no reader ever sees half of one, and of two
processes making the CA at once the first one wins. Unplugging a token is removing its directory.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from dvc_tui.core.tokens import CaFiles, StoredToken, TokenState
from dvc_tui.store.sqlite import StoreError

CA_DIR = "ca"
TOKENS_DIR = "tokens"
CA_CERT_FILE = "ca.pem"
CA_KEY_FILE = "ca-key.pem"
CRL_FILE = "crl.pem"
CERT_FILE = "cert.pem"
KEY_FILE = "key.pem"
STATE_FILE = "state.json"
LOCK_FILE = ".lock"
TRAINING_LOCK_FILE = ".training.lock"
_SERIAL = re.compile(r"[0-9A-F]{1,40}")

try:
    import fcntl
except ImportError:  # Windows: msvcrt's byte-range lock on the same file instead of flock
    fcntl = None
    import msvcrt


class TokenStoreError(StoreError):
    """The token files cannot be used: a one-line reason, no traceback."""


def _fail(path: Path, exc: OSError) -> TokenStoreError:
    return TokenStoreError(f"{path}: {exc.strerror or exc}")


def _write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole (0600): aside, flushed to disk, then renamed into place."""
    aside = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    try:
        fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(aside, path)
        finally:
            aside.unlink(missing_ok=True)
    except OSError as exc:
        raise _fail(path, exc) from None


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def state_json(state: TokenState) -> bytes:
    return json.dumps(
        {"failed_pins": state.failed_pins, "locked": state.locked, "training": state.training}, indent=1
    ).encode("utf-8") + b"\n"


def parse_state(data: bytes | None) -> TokenState | None:
    """The state in a state.json, or None when it is missing or not one we wrote."""
    if data is None:
        return None
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None
    failed, locked, training = raw.get("failed_pins"), raw.get("locked"), raw.get("training")
    if type(failed) is not int or failed < 0 or type(locked) is not bool:
        return None
    if training is not None and not isinstance(training, str):
        return None
    return TokenState(failed, locked, training)


class FileTokenStore:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.ca_dir = self.data_dir / CA_DIR
        self.tokens_dir = self.data_dir / TOKENS_DIR
        self._threads = threading.Lock()  # where no flock exists
        self._training_threads = threading.Lock()

    def _make_dir(self, path: Path) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            path.mkdir(exist_ok=True, mode=0o700)
            os.chmod(path, 0o700)
        except OSError as exc:
            raise _fail(path, exc) from None

    def _build_aside(self, parent: Path, files: dict[str, bytes]) -> Path:
        """A 0700 directory beside its place holding `files` (each 0600)."""
        try:
            aside = Path(tempfile.mkdtemp(prefix=".new-", dir=parent))
        except OSError as exc:
            raise _fail(parent, exc) from None
        try:
            for name, data in files.items():
                _write_file(aside / name, data)
        except BaseException:
            shutil.rmtree(aside, ignore_errors=True)
            raise
        return aside

    # -- the CA ----------------------------------------------------------------------------
    def read_ca(self) -> CaFiles | None:
        if not self.ca_dir.is_dir():
            return None
        found = {}
        for name in (CA_CERT_FILE, CA_KEY_FILE, CRL_FILE):
            path = self.ca_dir / name
            try:
                found[name] = path.read_bytes()
            except OSError as exc:
                raise _fail(path, exc) from None
        return CaFiles(found[CA_CERT_FILE], found[CA_KEY_FILE], found[CRL_FILE])

    def create_ca(self, files: CaFiles) -> CaFiles:
        self._make_dir(self.data_dir)
        aside = self._build_aside(
            self.data_dir, {CA_CERT_FILE: files.cert_pem, CA_KEY_FILE: files.key_pem, CRL_FILE: files.crl_pem}
        )
        try:
            os.rename(aside, self.ca_dir)
        except OSError:  # another process made it first: keep theirs
            shutil.rmtree(aside, ignore_errors=True)
        kept = self.read_ca()
        if kept is None:
            raise TokenStoreError(f"{self.ca_dir}: could not be created")
        return kept

    def write_crl(self, crl_pem: bytes) -> None:
        _write_file(self.ca_dir / CRL_FILE, crl_pem)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """The store's lock, between processes (flock on tokens/.lock) and threads. Not
        re-entrant: take it once per read-modify-write."""
        with self._flock(LOCK_FILE, self._threads):
            yield

    @contextmanager
    def training_locked(self) -> Iterator[None]:
        """Held while the training set is looked at and made (core.tokens.install_training):
        between processes and threads, apart from `locked` (which making a token takes inside)."""
        with self._flock(TRAINING_LOCK_FILE, self._training_threads):
            yield

    @contextmanager
    def _flock(self, name: str, threads: threading.Lock) -> Iterator[None]:
        """flock on tokens/<name>: an open file description of its own, so it excludes the other
        threads of this process as well as other processes. On Windows, msvcrt.locking on the
        file's first byte (per handle, so threads too), taken with the threads' lock."""
        self._make_dir(self.tokens_dir)
        path = self.tokens_dir / name
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise _fail(path, exc) from None
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
                yield
                return
            with threads:
                while True:
                    try:
                        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # gives up after 10 s: try again
                        break
                    except OSError:
                        continue
                try:
                    yield
                finally:
                    os.lseek(fd, 0, os.SEEK_SET)
                    msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(fd)  # releases the flock

    # -- the tokens ------------------------------------------------------------------------
    def serials(self) -> list[str]:
        try:
            return sorted(p.name for p in self.tokens_dir.iterdir() if _SERIAL.fullmatch(p.name) and p.is_dir())
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise _fail(self.tokens_dir, exc) from None

    def token_dir(self, serial: str) -> Path:
        if not _SERIAL.fullmatch(serial):
            raise ValueError(f"not a serial: {serial!r}")
        return self.tokens_dir / serial

    def read_token(self, serial: str) -> StoredToken | None:
        if not _SERIAL.fullmatch(serial):
            return None
        folder = self.tokens_dir / serial
        if not folder.is_dir():
            return None
        return StoredToken(
            serial,
            _read_or_none(folder / CERT_FILE),
            _read_or_none(folder / KEY_FILE),
            parse_state(_read_or_none(folder / STATE_FILE)),
        )

    def add_token(self, serial: str, cert_pem: bytes, key_pem: bytes, state: TokenState) -> None:
        folder = self.token_dir(serial)
        self._make_dir(self.tokens_dir)
        aside = self._build_aside(
            self.tokens_dir, {CERT_FILE: cert_pem, KEY_FILE: key_pem, STATE_FILE: state_json(state)}
        )
        try:
            os.rename(aside, folder)
        except OSError as exc:
            shutil.rmtree(aside, ignore_errors=True)
            raise _fail(folder, exc) from None

    def update_state(self, serial: str, change: Callable[[TokenState], TokenState]) -> TokenState:
        path = self.token_dir(serial) / STATE_FILE
        with self.locked():
            current = parse_state(_read_or_none(path))
            if current is None:
                raise TokenStoreError(f"{path}: missing or unreadable")
            new = change(current)
            if new != current:
                _write_file(path, state_json(new))
            return new
