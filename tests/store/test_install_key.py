"""Issue 14, finding 3: the install key is never replaced while a store may hold it.

A locked, unreachable or absent keyring on a data dir already used is refused (one line, exit 2,
nothing written), never answered with a new `install.key`; a new key only for a data dir never
used; `key_file` keeps the key outside the data dir; `dvc-tui key to-file | to-keyring` moves it
(copied, checked, then the other copy removed). The real Secret Service: test_secret_service.py.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from keyring.errors import KeyringLocked

from dvc_tui.cli import _parser
from dvc_tui.config import Config
from dvc_tui.core.text import t
from dvc_tui.services import Services
from dvc_tui.store.secrets import (
    CHECK_FILE, KEY_FILE, InstallKeyUnavailable, data_dir_used, key_check, load_install_secret,
)
from dvc_tui.store.sqlite import DB_NAME, SqliteStore
from tests.store.test_secrets import BrokenKeyring, MemoryKeyring

LOCKED = BrokenKeyring(KeyringLocked("the collection is locked"))


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` with its size and mtime: what 'nothing written' compares."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def used_in_keyring(data_dir):
    """A data dir whose key was made in a working keyring (its install-key.check written): the
    keyring and the key it holds."""
    keyring = MemoryKeyring()
    secret = load_install_secret(data_dir, backend=keyring)
    assert secret.where == "keyring" and not (data_dir / KEY_FILE).exists()
    assert data_dir_used(data_dir)
    return keyring, secret.key


@pytest.mark.parametrize("backend", [LOCKED, BrokenKeyring(RuntimeError("no D-Bus")), None],
                         ids=["locked", "unreachable", "no-backend"])
def test_a_used_data_dir_with_an_unusable_keyring_is_refused_and_no_key_is_made(used_in_keyring, data_dir,
                                                                                   backend):
    from keyring.backends import fail

    before = snapshot(data_dir)
    with pytest.raises(InstallKeyUnavailable) as refused:
        load_install_secret(data_dir, backend=backend if backend is not None else fail.Keyring())
    assert refused.value.problem.key == "secret.keyring_unavailable"
    assert "dvc-tui key to-file" in refused.value.text() and "keyring" in refused.value.text()
    assert not (data_dir / KEY_FILE).exists() and snapshot(data_dir) == before
    # the keyring unlocked again: the same key, as if nothing had happened
    keyring, key = used_in_keyring
    assert load_install_secret(data_dir, backend=keyring).key == key


def test_a_data_dir_from_before_the_check_file_counts_as_used_by_its_data(data_dir):
    """No install-key.check (made by an older dvc-tui): a database with data, or the CA's or
    tokens' folder, says the data dir was used; an empty database (as `dvc-tui` makes before
    the key) does not."""
    SqliteStore(data_dir / DB_NAME).close()
    assert not data_dir_used(data_dir)
    assert load_install_secret(data_dir, backend=LOCKED, create=False) is None  # would be made

    with sqlite3.connect(data_dir / DB_NAME) as db:
        db.execute("INSERT INTO otp_codes (purpose, subject, phone, issued_at, expires_at, status) "
                   "VALUES ('register', '001090012345', '+84828123088', '2026', '2026', 'pending')")
    assert data_dir_used(data_dir)
    with pytest.raises(InstallKeyUnavailable):
        load_install_secret(data_dir, backend=LOCKED)
    assert not (data_dir / KEY_FILE).exists()


def test_a_new_data_dir_with_a_locked_keyring_gets_its_key_in_a_file_said_once(data_dir):
    secret = load_install_secret(data_dir, backend=LOCKED)
    assert secret.where == "file" and secret.fell_back
    assert (data_dir / CHECK_FILE).read_text().strip() == key_check(secret.key)
    assert secret.key.hex() not in (data_dir / CHECK_FILE).read_text()
    again = load_install_secret(data_dir, backend=MemoryKeyring())  # the file wins: the same key
    assert again.key == secret.key and not again.fell_back


def test_a_working_keyring_without_the_key_of_a_used_data_dir_makes_no_new_key(used_in_keyring, data_dir):
    keyring, _ = used_in_keyring
    keyring.passwords.clear()  # the keyring was reset, or the data dir copied from elsewhere
    with pytest.raises(InstallKeyUnavailable) as refused:
        load_install_secret(data_dir, backend=keyring)
    assert refused.value.problem.key == "secret.key_missing"
    assert keyring.passwords == {} and not (data_dir / KEY_FILE).exists()


def test_a_key_that_is_not_the_data_dirs_is_refused(used_in_keyring, data_dir):
    (data_dir / KEY_FILE).write_text("ab" * 32 + "\n")  # a stray file: it would win over the keyring
    with pytest.raises(InstallKeyUnavailable) as refused:
        load_install_secret(data_dir, backend=used_in_keyring[0])
    assert refused.value.problem.key == "secret.key_mismatch"


def test_a_key_file_outside_the_data_dir_keeps_a_copy_of_the_data_dir_keyless(tmp_path, data_dir):
    key_file = tmp_path / "usb" / "dvc.key"
    secret = load_install_secret(data_dir, use_keyring=False, key_file=key_file)
    assert secret.path == key_file and key_file.read_text().strip() == secret.key.hex()
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert not (data_dir / KEY_FILE).exists()
    for path in data_dir.rglob("*"):
        assert secret.key.hex() not in path.read_text()
    # without the key file (the stick removed) the used data dir is refused, not re-keyed
    key_file.rename(tmp_path / "elsewhere.key")
    with pytest.raises(InstallKeyUnavailable):
        load_install_secret(data_dir, use_keyring=False, key_file=key_file)
    assert not key_file.exists() and not (data_dir / KEY_FILE).exists()


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DVC_TUI_", "PYTHON_KEYRING"))}
    env.update(HOME=str(tmp_path / "home"), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               DVC_TUI_CONFIG=str(tmp_path / "none.toml"), PYTHONDONTWRITEBYTECODE="1")
    env.update(extra)
    return env


@pytest.mark.parametrize("command", [[], ["token", "training"], ["kiosk", "status"]], ids=["app", "token", "kiosk"])
def test_the_app_and_a_command_refuse_in_one_line_before_anything_is_written(tmp_path, used_in_keyring, data_dir,
                                                                            command):
    """The app (before the screen is taken) and a command that needs the key: one Vietnamese
    line, exit 2, the data dir byte for byte as it was (the keyring here is absent)."""
    before = snapshot(data_dir)
    result = subprocess.run([sys.executable, "-m", "dvc_tui", "--data-dir", str(data_dir), "--hash-cost", "test",
                             *command], capture_output=True, text=True, timeout=60, env=cli_env(tmp_path),
                            stdin=subprocess.DEVNULL)
    if command == ["kiosk", "status"]:  # needs no key: it still works
        assert result.returncode == 0, result.stderr
        return
    assert result.returncode == 2, (result.stdout, result.stderr)
    expected = t("secret.keyring_unavailable", data_dir=str(data_dir))
    assert result.stderr == f"dvc-tui: {expected}\n" and result.stdout == ""
    assert snapshot(data_dir) == before


# -- dvc-tui key status | to-file | to-keyring -------------------------------------------------
def key_command(data_dir: Path, action: str, backend, *flags: str) -> int:
    from dvc_tui.commands import key

    args = _parser().parse_args(["--data-dir", str(data_dir), *flags, "key", action])
    return key.run(args, backend=backend)


def test_the_key_moves_to_a_file_and_back_each_copy_checked_before_the_other_is_removed(used_in_keyring,
                                                                                         data_dir, capsys):
    keyring, key = used_in_keyring
    assert key_command(data_dir, "status", keyring) == 0
    assert "có khóa của thư mục dữ liệu này" in capsys.readouterr().out

    assert key_command(data_dir, "to-file", keyring) == 0
    assert "Đã chuyển khóa từ keyring sang tệp" in capsys.readouterr().out
    assert (data_dir / KEY_FILE).read_text().strip() == key.hex() and keyring.passwords == {}
    assert load_install_secret(data_dir, backend=LOCKED).key == key  # a locked keyring no longer matters

    assert key_command(data_dir, "to-keyring", keyring) == 0
    assert not (data_dir / KEY_FILE).exists() and list(keyring.passwords.values()) == [key.hex()]
    assert load_install_secret(data_dir, backend=keyring).key == key


def test_to_file_with_a_locked_keyring_and_to_keyring_over_another_key_change_nothing(used_in_keyring,
                                                                                       data_dir, capsys):
    keyring, key = used_in_keyring
    before = snapshot(data_dir)
    assert key_command(data_dir, "to-file", LOCKED) == 2
    assert "bị khóa" in capsys.readouterr().err and snapshot(data_dir) == before

    assert key_command(data_dir, "to-file", keyring) == 0
    keyring.passwords[("dvc-tui", f"install-key:{data_dir.resolve()}")] = "cd" * 32  # another key appeared
    capsys.readouterr()
    assert key_command(data_dir, "to-keyring", keyring) == 2
    assert "khóa khác" in capsys.readouterr().err
    assert (data_dir / KEY_FILE).read_text().strip() == key.hex()  # the file stays


def test_to_keyring_is_refused_while_the_settings_keep_the_keyring_off(data_dir, capsys):
    load_install_secret(data_dir, use_keyring=False)
    keyring = MemoryKeyring()
    assert key_command(data_dir, "to-keyring", keyring, "--no-keyring") == 2
    assert "keyring = false" in capsys.readouterr().err and keyring.passwords == {}
    assert (data_dir / KEY_FILE).exists()


def test_the_app_says_where_the_file_key_is_and_why(data_dir):
    services = Services(Config(data_dir, hash_cost="test"), keyring_backend=LOCKED)
    secret = services.secret
    text = t("secret.file_fallback", path=str(secret.path))
    assert secret.fell_back and str(data_dir / KEY_FILE) in text
    assert "ứng dụng xác thực" in text and "dvc-tui key to-keyring" in text
