"""The token files: modes, atomic writes, the CA key sealed by the install's key, bad files."""

from __future__ import annotations

import json
import random
import stat
import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from dvc_tui.config import Config
from dvc_tui.core.pki import derive_ca_passphrase
from dvc_tui.core.problems import PortalError
from dvc_tui.core.tokens import CaFiles, Tokens, TokenState, TokenStatus
from dvc_tui.services import Services
from dvc_tui.store.sqlite import StoreError
from dvc_tui.store.tokens import FileTokenStore, TokenStoreError, parse_state, state_json

PIN = "123456"
CITIZEN = ("citizen", "001090012345", "Nguyễn Văn An", None)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def services(data_dir, clock) -> Services:
    return Services(Config(data_dir, hash_cost="test", use_keyring=False), clock=clock, rng=random.Random(3))


def test_the_service_is_built_on_first_use_and_touches_nothing_until_asked(services, data_dir):
    assert "tokens" not in services._built
    tokens = services.tokens
    assert services.tokens is tokens
    assert tokens.plugged_in() == [] and tokens.authority() is None
    assert not data_dir.exists()  # listing an empty install creates nothing
    assert "secret" not in services._built


def test_directories_are_0700_and_files_0600(services, data_dir):
    serial = services.tokens.issue(*CITIZEN, PIN).serial
    services.tokens.revoke(serial)
    dirs = [data_dir / "ca", data_dir / "tokens", data_dir / "tokens" / serial]
    assert {d.name: mode(d) for d in dirs} == {d.name: 0o700 for d in dirs}
    files = sorted(p for p in data_dir.rglob("*") if p.is_file() and p.name not in ("install.key", "install-key.check"))
    assert [p.relative_to(data_dir).as_posix() for p in files] == [
        "ca/ca-key.pem", "ca/ca.pem", "ca/crl.pem",
        "tokens/.lock", f"tokens/{serial}/cert.pem", f"tokens/{serial}/key.pem", f"tokens/{serial}/state.json",
    ]
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_no_file_is_left_aside_after_writes(services, data_dir):
    tokens = services.tokens
    serial = tokens.issue(*CITIZEN, PIN).serial
    with pytest.raises(PortalError):
        tokens.login(serial, "999999")
    tokens.login(serial, PIN)
    tokens.revoke(serial)
    assert [p.name for p in data_dir.rglob(".*") if p.name != ".lock"] == []


def test_the_ca_key_does_not_open_without_the_install_key(services, data_dir):
    services.tokens.issue(*CITIZEN, PIN)
    key_pem = (data_dir / "ca" / "ca-key.pem").read_bytes()
    assert key_pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    with pytest.raises(TypeError):
        serialization.load_pem_private_key(key_pem, None)
    with pytest.raises(ValueError):
        serialization.load_pem_private_key(key_pem, derive_ca_passphrase(b"\x00" * 32))
    with pytest.raises(ValueError):
        serialization.load_pem_private_key(key_pem, services.secret.key)  # the key itself is not the passphrase
    serialization.load_pem_private_key(key_pem, derive_ca_passphrase(services.secret.key))


def test_a_changed_install_key_cannot_issue_but_still_verifies(services, data_dir, clock):
    serial = services.tokens.issue(*CITIZEN, PIN).serial
    (data_dir / "install.key").write_text("ab" * 32 + "\n")  # another install's key
    fresh = Services(Config(data_dir, hash_cost="test", use_keyring=False), clock=clock, rng=random.Random(4))
    assert fresh.tokens.login(serial, PIN).usable
    # the data dir's install-key.check refuses the other key before anything uses it
    from dvc_tui.store.secrets import CHECK_FILE, InstallKeyUnavailable

    assert pytest.raises(InstallKeyUnavailable, fresh.tokens.issue, *CITIZEN, PIN).value.problem.key == "secret.key_mismatch"
    (data_dir / CHECK_FILE).unlink()  # a data dir from before the check: the CA itself refuses
    fresh = Services(Config(data_dir, hash_cost="test", use_keyring=False), clock=clock, rng=random.Random(4))
    assert pytest.raises(PortalError, fresh.tokens.issue, *CITIZEN, PIN).value.key == "token.ca_key"


def test_the_first_ca_made_wins(tmp_path):
    store = FileTokenStore(tmp_path / "data")
    first = store.create_ca(CaFiles(b"cert 1", b"key 1", b"crl 1"))
    second = store.create_ca(CaFiles(b"cert 2", b"key 2", b"crl 2"))
    assert first == second == CaFiles(b"cert 1", b"key 1", b"crl 1")
    assert [p.name for p in (tmp_path / "data").iterdir()] == ["ca"]


def test_a_token_directory_appears_whole_and_only_once(tmp_path):
    store = FileTokenStore(tmp_path / "data")
    store.add_token("00AA", b"cert", b"key", TokenState())
    assert store.read_token("00AA") == store.read_token("00AA")
    assert store.read_token("00AA").state == TokenState()
    with pytest.raises(TokenStoreError):
        store.add_token("00AA", b"other", b"other", TokenState())
    assert store.read_token("00AA").cert_pem == b"cert"
    assert store.serials() == ["00AA"]


def test_only_serial_named_directories_are_tokens(tmp_path):
    store = FileTokenStore(tmp_path / "data")
    store.add_token("00AA", b"cert", b"key", TokenState())
    (store.tokens_dir / ".new-leftover").mkdir()
    (store.tokens_dir / "notes.txt").write_text("x")
    (store.tokens_dir / "lowercase").mkdir()
    assert store.serials() == ["00AA"]
    assert store.read_token("../ca") is None and store.read_token("00aa") is None
    with pytest.raises(ValueError):
        store.token_dir("../../etc")


@pytest.mark.parametrize(
    "text",
    [b"", b"not json", b"[]", b'{"failed_pins": -1, "locked": false}', b'{"failed_pins": "1", "locked": false}',
     b'{"failed_pins": 1, "locked": 0}', b'{"failed_pins": 1, "locked": false, "training": 3}', b"\xff\xfe"],
)
def test_a_state_file_we_did_not_write_is_not_trusted(text):
    assert parse_state(text) is None


def test_the_state_file_round_trips():
    state = TokenState(3, False, "citizen")
    assert parse_state(state_json(state)) == state
    assert json.loads(state_json(state)) == {"failed_pins": 3, "locked": False, "training": "citizen"}


def test_a_token_whose_state_is_damaged_is_refused_not_reset(services, data_dir):
    tokens = services.tokens
    serial = tokens.issue(*CITIZEN, PIN).serial
    (data_dir / "tokens" / serial / "state.json").write_text("{}")
    assert tokens.info(serial).status is TokenStatus.DAMAGED
    assert pytest.raises(PortalError, tokens.login, serial, PIN).value.key == "token.damaged"
    (data_dir / "tokens" / serial / "state.json").unlink()
    assert pytest.raises(PortalError, tokens.sign, serial, PIN, b"x").value.key == "token.damaged"


def test_a_missing_key_file_makes_the_token_damaged(services, data_dir):
    tokens = services.tokens
    serial = tokens.issue(*CITIZEN, PIN).serial
    (data_dir / "tokens" / serial / "key.pem").unlink()
    assert tokens.info(serial).status is TokenStatus.DAMAGED


def test_an_unreadable_ca_is_a_store_error(services, data_dir):
    services.tokens.issue(*CITIZEN, PIN)
    (data_dir / "ca" / "crl.pem").unlink()
    with pytest.raises(StoreError):
        services.tokens.plugged_in()


def test_pin_tries_from_many_threads_are_all_counted(services):
    tokens = services.tokens
    serial = tokens.issue(*CITIZEN, PIN).serial
    errors: list[str] = []

    def wrong_pin() -> None:
        try:
            tokens.sign(serial, "999999", b"x")
        except PortalError as error:
            errors.append(error.key)

    threads = [threading.Thread(target=wrong_pin) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(errors).count("token.pin_wrong") == 4
    assert errors.count("token.locked_now") == 1 and errors.count("token.locked") == 3
    assert tokens.info(serial).failed_pins == 5


def test_a_revocation_is_written_under_the_lock_and_kept(services, data_dir, clock):
    tokens = services.tokens
    serials = [tokens.issue(*CITIZEN, PIN).serial for _ in range(3)]
    for serial in serials[:2]:
        tokens.revoke(serial)
    fresh = Services(Config(data_dir, hash_cost="test", use_keyring=False), clock=clock).tokens
    assert [fresh.info(s).status for s in serials] == [TokenStatus.REVOKED, TokenStatus.REVOKED, TokenStatus.VALID]


def test_tokens_is_a_plain_service_over_the_file_store(services):
    assert isinstance(services.tokens, Tokens)
    assert isinstance(services.tokens._store, FileTokenStore)
