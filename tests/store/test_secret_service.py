"""The install key (and the trainer PIN's hash) in a real Secret Service (promise 8).

Runs `load_install_secret` against keyring's SecretService backend talking over D-Bus to a real
daemon (gnome-keyring in CI: .ci/run starts it under dbus-run-session), reads what landed there
with secretstorage directly (not through our code), and reads it back with our code in a second
call and in a second process. The file fallback is tested in test_secrets.py.

Without a reachable, unlocked Secret Service these tests are skipped; with
DVC_TUI_REQUIRE_SECRET_SERVICE=1 (CI) they fail instead, so CI cannot pass without the keyring.
Try it locally:

    dbus-run-session -- bash -c 'k=$(mktemp -d); echo -n x | XDG_DATA_HOME=$k gnome-keyring-daemon \\
        --unlock --components=secrets --daemonize >/dev/null; DVC_TUI_REQUIRE_SECRET_SERVICE=1 \\
        python3 -m pytest -q -p no:xdist tests/store/test_secret_service.py; rm -rf $k'

(the keyring in a throwaway directory: an existing ~/.local/share/keyrings/login.keyring would
not open with that password, and the collection would stay locked).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from dvc_tui.store.kiosk_pin import PIN_FILE, load_pin_hash, save_pin_hash
from dvc_tui.store.secrets import KEY_BYTES, KEY_FILE, SERVICE, load_install_secret

REQUIRED = os.environ.get("DVC_TUI_REQUIRE_SECRET_SERVICE") == "1"


def _unavailable(reason: str):
    if REQUIRED:
        pytest.fail(f"DVC_TUI_REQUIRE_SECRET_SERVICE=1 but no usable Secret Service: {reason}")
    pytest.skip(f"no usable Secret Service: {reason}")


@pytest.fixture
def service():
    """A D-Bus connection to the Secret Service and its unlocked default collection."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        _unavailable("DBUS_SESSION_BUS_ADDRESS is not set")
    try:
        import secretstorage
    except ImportError as exc:
        _unavailable(f"secretstorage is not installed ({exc})")
    try:
        connection = secretstorage.dbus_init()
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        _unavailable(f"cannot connect to D-Bus ({type(exc).__name__}: {exc})")
    try:
        if not secretstorage.check_service_availability(connection):
            _unavailable("org.freedesktop.secrets is not on the session bus")
        collection = secretstorage.get_default_collection(connection)
        if collection.is_locked():
            _unavailable("the default collection is locked")
    except (pytest.fail.Exception, pytest.skip.Exception):
        connection.close()
        raise
    except Exception as exc:  # noqa: BLE001
        connection.close()
        _unavailable(f"{type(exc).__name__}: {exc}")
    made: list[dict[str, str]] = []
    yield collection, made
    try:
        for attributes in made:  # leave the user's keyring as it was
            for item in collection.search_items(attributes):
                item.delete()
    finally:
        connection.close()


@pytest.fixture
def backend(service):
    from keyring.backends import SecretService

    kr = SecretService.Keyring()
    assert kr.priority > 0  # keyring itself finds the service usable
    return kr


def stored(collection, username: str) -> list[bytes]:
    """The secrets stored under (service "dvc-tui", `username`), read by secretstorage itself."""
    items = list(collection.search_items({"service": SERVICE, "username": username}))
    return [item.get_secret() for item in items]


def test_the_install_key_lands_in_the_secret_service_and_is_read_back(service, backend, tmp_path):
    collection, made = service
    data_dir = tmp_path / "data"
    username = f"install-key:{data_dir.resolve()}"
    made.append({"service": SERVICE, "username": username})
    assert stored(collection, username) == []

    first = load_install_secret(data_dir, backend=backend)

    assert first.where == "keyring" and first.fell_back is False and first.path is None
    assert len(first.key) == KEY_BYTES
    assert stored(collection, username) == [first.key.hex().encode("ascii")]  # there, once
    assert not (data_dir / KEY_FILE).exists()  # and in no file

    # A second load (a new backend object, as a new run of the app would make) reads it back.
    from keyring.backends import SecretService

    second = load_install_secret(data_dir, backend=SecretService.Keyring())
    assert second.key == first.key and second.where == "keyring"
    assert stored(collection, username) == [first.key.hex().encode("ascii")]  # not made again


def test_a_second_process_with_the_default_keyring_reads_the_same_key(service, backend, tmp_path):
    """What the app does: no backend given, keyring picks the Secret Service by itself."""
    collection, made = service
    data_dir = tmp_path / "data"
    made.append({"service": SERVICE, "username": f"install-key:{data_dir.resolve()}"})
    first = load_install_secret(data_dir, backend=backend)
    script = (
        "import hashlib, sys\n"
        "from pathlib import Path\n"
        "from dvc_tui.store.secrets import load_install_secret\n"
        "s = load_install_secret(Path(sys.argv[1]))\n"
        "print(s.where, s.fell_back, hashlib.sha256(s.key).hexdigest())\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(data_dir)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["keyring", "False", hashlib.sha256(first.key).hexdigest()]
    assert not (data_dir / KEY_FILE).exists()


def test_the_trainer_pin_hash_lands_in_the_secret_service(service, backend, tmp_path):
    collection, made = service
    data_dir = tmp_path / "data"
    username = f"trainer-pin-hash:{data_dir.resolve()}"
    made.append({"service": SERVICE, "username": username})
    phc = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo"

    saved = save_pin_hash(data_dir, phc, backend=backend)

    assert saved.where == "keyring" and saved.fell_back is False
    assert stored(collection, username) == [phc.encode("ascii")]
    assert not (data_dir / PIN_FILE).exists()
    from keyring.backends import SecretService

    loaded = load_pin_hash(data_dir, backend=SecretService.Keyring())
    assert loaded is not None and loaded.phc == phc and loaded.where == "keyring"


def test_the_key_moves_out_of_the_secret_service_and_back_and_a_locked_one_is_refused(service, backend, tmp_path):
    """Issue 14, finding 3, against the real daemon: `key to-file` copies the key from the
    Secret Service, checks the copy and deletes the item; `key to-keyring` puts it back; and a
    keyring that cannot be read (here: the same data dir, the item gone and a backend that
    fails) on this used data dir is refused, with no new key made."""
    from dvc_tui.cli import _parser
    from dvc_tui.commands import key as key_command
    from dvc_tui.store.secrets import InstallKeyUnavailable
    from tests.store.test_secrets import BrokenKeyring

    collection, made = service
    data_dir = tmp_path / "data"
    username = f"install-key:{data_dir.resolve()}"
    made.append({"service": SERVICE, "username": username})
    first = load_install_secret(data_dir, backend=backend)

    def run(action: str) -> int:
        return key_command.run(_parser().parse_args(["--data-dir", str(data_dir), "key", action]), backend=backend)

    assert run("to-file") == 0
    assert stored(collection, username) == [] and (data_dir / KEY_FILE).read_text().strip() == first.key.hex()
    assert run("to-keyring") == 0
    assert stored(collection, username) == [first.key.hex().encode("ascii")] and not (data_dir / KEY_FILE).exists()
    with pytest.raises(InstallKeyUnavailable):
        load_install_secret(data_dir, backend=BrokenKeyring(RuntimeError("locked")))
    assert not (data_dir / KEY_FILE).exists()
    assert load_install_secret(data_dir, backend=backend).key == first.key


LOCKED_SCRIPT = """
import subprocess, sys
from pathlib import Path
import secretstorage
from dvc_tui.store.secrets import load_install_secret
data_dir = Path(sys.argv[1])
collection = secretstorage.get_default_collection(secretstorage.dbus_init())
first = load_install_secret(data_dir)  # the default keyring: the Secret Service
assert first.where == "keyring", first
collection.lock()
assert collection.is_locked()
done = subprocess.run([sys.executable, "-m", "dvc_tui", "--data-dir", str(data_dir), "--hash-cost", "test",
                       "token", "training"], capture_output=True, text=True, timeout=120)
print(done.returncode)
print(done.stderr.strip())
print(" ".join(sorted(p.name for p in data_dir.iterdir())))
"""


def test_a_really_locked_secret_service_is_refused_and_no_key_file_is_made(tmp_path):
    """Issue 14, finding 3, with gnome-keyring itself: the key made in its collection, the
    collection locked (no one to type its password: the prompt fails, as at a kiosk started
    at boot), then `token training`: one line, exit 2, no install.key. A private D-Bus session
    and keyring of its own, so the shared one of the other tests stays unlocked."""
    import shutil

    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        _unavailable("dbus-run-session or gnome-keyring-daemon is not installed")
    (tmp_path / "locked.py").write_text(LOCKED_SCRIPT)
    keyrings = tmp_path / "keyrings"
    keyrings.mkdir()
    data_dir = tmp_path / "data"
    command = (f"echo -n x | XDG_DATA_HOME={keyrings} gnome-keyring-daemon --unlock --components=secrets "
               f"--daemonize >/dev/null && {sys.executable} {tmp_path / 'locked.py'} {data_dir}")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DVC_TUI_", "PYTHON_KEYRING", "DBUS_"))}
    env.update(HOME=str(tmp_path), DVC_TUI_CONFIG=str(tmp_path / "none.toml"), PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(["dbus-run-session", "--", "bash", "-c", command], capture_output=True, text=True,
                          timeout=180, env=env)
    assert done.returncode == 0, done.stderr
    code, refusal, files = done.stdout.splitlines()[-3:]
    assert code == "2" and refusal.startswith("dvc-tui: Không đọc được keyring của hệ điều hành (bị khóa")
    assert files == "install-key.check"  # no install.key: the keyring's key was not replaced


def test_unavailable_means_skip_unless_required(monkeypatch):
    """The switch itself: without the variable a missing service skips, with it it fails."""
    import tests.store.test_secret_service as module

    monkeypatch.setattr(module, "REQUIRED", False)
    with pytest.raises(pytest.skip.Exception):
        module._unavailable("test")
    monkeypatch.setattr(module, "REQUIRED", True)
    with pytest.raises(pytest.fail.Exception, match="DVC_TUI_REQUIRE_SECRET_SERVICE=1"):
        module._unavailable("test")

