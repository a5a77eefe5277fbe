"""The install's secret key: kept in the OS keyring where one works, else in a 0600 file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordSetError

from dvc_tui.store.secrets import KEY_BYTES, KEY_FILE, SERVICE, load_install_secret


class MemoryKeyring(KeyringBackend):
    """A working keyring that keeps its passwords in a dict."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        self.passwords.pop((service, username), None)


class BrokenKeyring(KeyringBackend):
    """A keyring that is there but fails (no D-Bus, locked collection, access denied)."""

    priority = 1

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error
        self.calls = 0

    def get_password(self, service, username):
        self.calls += 1
        raise self.error

    def set_password(self, service, username, password):
        self.calls += 1
        raise self.error

    def delete_password(self, service, username):
        raise self.error


class WriteFailsKeyring(MemoryKeyring):
    """Reads work, writes are refused."""

    def set_password(self, service, username, password):
        raise PasswordSetError("read-only collection")


class NullPriorityKeyring(MemoryKeyring):
    priority = 0


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_a_working_keyring_holds_the_key_and_no_file_is_written(data_dir):
    backend = MemoryKeyring()
    secret = load_install_secret(data_dir, backend=backend)

    assert secret.where == "keyring"
    assert secret.fell_back is False
    assert secret.path is None
    assert len(secret.key) == KEY_BYTES
    [(service, username)] = backend.passwords
    assert service == SERVICE
    assert str(data_dir.resolve()) in username
    assert backend.passwords[(service, username)] == secret.key.hex()
    assert not (data_dir / KEY_FILE).exists()


def test_a_second_load_from_the_keyring_returns_the_same_key(data_dir):
    backend = MemoryKeyring()
    first = load_install_secret(data_dir, backend=backend)
    second = load_install_secret(data_dir, backend=backend)
    assert second.key == first.key
    assert second.where == "keyring"
    assert len(backend.passwords) == 1


def test_two_data_dirs_get_two_keys_in_one_keyring(tmp_path):
    backend = MemoryKeyring()
    one = load_install_secret(tmp_path / "one", backend=backend)
    two = load_install_secret(tmp_path / "two", backend=backend)
    assert one.key != two.key
    assert len(backend.passwords) == 2


@pytest.mark.parametrize(
    "error",
    [KeyringError("no D-Bus session"), RuntimeError("backend crashed"), OSError(13, "denied")],
    ids=["keyring-error", "runtime-error", "os-error"],
)
def test_a_failing_keyring_falls_back_to_a_private_file(data_dir, error):
    backend = BrokenKeyring(error)
    secret = load_install_secret(data_dir, backend=backend)

    assert backend.calls >= 1  # the keyring was really tried
    assert secret.where == "file"
    assert secret.fell_back is True
    assert secret.path == data_dir / KEY_FILE
    assert len(secret.key) == KEY_BYTES
    assert stat.S_IMODE(secret.path.stat().st_mode) == 0o600
    assert secret.path.read_text().strip() == secret.key.hex()


def test_a_keyring_that_cannot_store_falls_back_to_the_file(data_dir):
    backend = WriteFailsKeyring()
    secret = load_install_secret(data_dir, backend=backend)
    assert secret.where == "file" and secret.fell_back is True
    assert backend.passwords == {}


def test_a_null_priority_keyring_counts_as_no_keyring(data_dir):
    backend = NullPriorityKeyring()
    secret = load_install_secret(data_dir, backend=backend)
    assert secret.where == "file" and secret.fell_back is True
    assert backend.passwords == {}


def test_without_keyring_the_key_is_a_private_file_and_no_fallback_is_reported(data_dir):
    backend = MemoryKeyring()
    secret = load_install_secret(data_dir, use_keyring=False, backend=backend)

    assert secret.where == "file"
    assert secret.fell_back is False
    assert secret.path == data_dir / KEY_FILE
    assert stat.S_IMODE(secret.path.stat().st_mode) == 0o600
    assert backend.passwords == {}  # the keyring was not touched


def test_a_second_load_from_the_file_returns_the_same_key_and_reports_no_fallback(data_dir):
    first = load_install_secret(data_dir, backend=BrokenKeyring(KeyringError("locked")))
    assert first.fell_back is True

    second = load_install_secret(data_dir, backend=BrokenKeyring(KeyringError("locked")))
    assert second.key == first.key
    assert second.where == "file"
    assert second.fell_back is False  # told once, on the load that fell back

    # once the file exists it is the key, even where a keyring now works
    working = MemoryKeyring()
    third = load_install_secret(data_dir, backend=working)
    assert third.key == first.key and third.where == "file"
    assert working.passwords == {}


def test_the_key_file_is_made_private_again_when_read(data_dir):
    first = load_install_secret(data_dir, use_keyring=False)
    first.path.chmod(0o644)
    second = load_install_secret(data_dir, use_keyring=False)
    assert second.key == first.key
    assert stat.S_IMODE(second.path.stat().st_mode) == 0o600


def test_a_seeded_generator_makes_the_same_new_key(tmp_path):
    import random

    one = load_install_secret(tmp_path / "one", use_keyring=False, rng=random.Random(7))
    two = load_install_secret(tmp_path / "two", backend=MemoryKeyring(), rng=random.Random(7))
    assert one.key == two.key and len(one.key) == KEY_BYTES
    assert load_install_secret(tmp_path / "three", use_keyring=False).key != one.key
