"""Kiosk mode's rules: the trainer PIN's policy and check, the waits after wrong PINs, the idle
watch; and where the PIN's hash is kept (keyring, or a 0600 file)."""

from __future__ import annotations

import stat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dvc_tui.core.clock import FakeClock
from dvc_tui.core.kiosk import (
    IdleState,
    IdleWatch,
    TrainerPin,
    check_new_trainer_pin,
    check_trainer_pin,
    hash_trainer_pin,
    is_easy_pin,
    parse_idle_seconds,
)
from dvc_tui.core.passwords import HashCost, PasswordHasher
from dvc_tui.core.problems import PortalError
from dvc_tui.store.kiosk_pin import PIN_FILE, load_pin_hash, save_pin_hash
from dvc_tui.store.secrets import SERVICE
from tests.store.test_secrets import BrokenKeyring, MemoryKeyring

HASHER = PasswordHasher(HashCost.named("test"))
PIN = "482913"


def refusal(call, *args) -> str:
    with pytest.raises(PortalError) as caught:
        call(*args)
    return caught.value.key


# -- the PIN's policy -------------------------------------------------------------------------
@pytest.mark.parametrize("pin", ["482913", "905172", "270418365912"])
def test_good_pins_are_accepted_as_typed(pin):
    assert check_trainer_pin(pin) == pin


@pytest.mark.parametrize("pin, key", [
    ("", "kiosk.pin_required"),
    ("48291", "kiosk.pin_format"),  # too short
    ("4829130000000", "kiosk.pin_format"),  # 13 digits
    ("48 2913", "kiosk.pin_format"),
    ("４８２９１３", "kiosk.pin_format"),  # full-width digits
    ("111111", "kiosk.pin_weak"),
    ("121212", "kiosk.pin_weak"),
    ("123123", "kiosk.pin_weak"),
    ("123456", "kiosk.pin_weak"),
    ("987654", "kiosk.pin_weak"),
    ("890123", "kiosk.pin_weak"),
])
def test_bad_pins_are_refused_with_their_reason(pin, key):
    assert refusal(check_trainer_pin, pin) == key


def test_the_two_pins_typed_must_match():
    assert refusal(check_new_trainer_pin, PIN, "482914") == "kiosk.pin_mismatch"
    assert check_new_trainer_pin(PIN, PIN) == PIN


@given(st.text(alphabet="0123456789", min_size=6, max_size=12))
def test_every_digit_string_of_the_right_length_is_accepted_or_called_easy(pin):
    if is_easy_pin(pin):
        assert refusal(check_trainer_pin, pin) == "kiosk.pin_weak"
    else:
        assert check_trainer_pin(pin) == pin


def test_only_the_hash_is_made_and_it_verifies():
    phc = hash_trainer_pin(PIN, HASHER)
    assert phc.startswith("$argon2id$") and PIN not in phc
    assert HASHER.verify(phc, PIN) and not HASHER.verify(phc, "482914")


# -- the check, the count and the waits -------------------------------------------------------
def gate(clock, phc: str | None = "unset"):
    stored = hash_trainer_pin(PIN, HASHER) if phc == "unset" else phc
    return TrainerPin(lambda: stored, HASHER, clock)


def test_the_right_pin_passes_and_a_wrong_one_says_how_many_tries_are_left():
    pins = gate(FakeClock())
    pins.verify(PIN)
    assert refusal(pins.verify, "000001") == "kiosk.pin_wrong"
    with pytest.raises(PortalError) as caught:
        pins.verify("000002")
    assert caught.value.problem.params == {"left": 3}
    pins.verify(PIN)
    assert pins.failures == 0


def test_five_wrong_pins_make_a_wait_that_grows():
    clock = FakeClock()
    pins = gate(clock)
    for _ in range(4):
        assert refusal(pins.verify, "000001") == "kiosk.pin_wrong"
    with pytest.raises(PortalError) as caught:
        pins.verify("000001")
    assert (caught.value.key, caught.value.problem.params) == ("kiosk.pin_wait", {"seconds": 60})

    clock.advance(seconds=59)  # still waiting: even the right PIN is not tried, nor counted
    assert refusal(pins.verify, PIN) == "kiosk.pin_wait" and pins.failures == 5
    clock.advance(seconds=1)
    for _ in range(4):
        refusal(pins.verify, "000001")
    with pytest.raises(PortalError) as caught:
        pins.verify("000001")
    assert caught.value.problem.params == {"seconds": 120}
    clock.advance(seconds=120)
    pins.verify(PIN)
    assert pins.failures == 0 and pins.seconds_to_wait() == 0


def test_no_pin_set_and_an_empty_pin_are_said_so():
    assert refusal(gate(FakeClock(), None).verify, PIN) == "kiosk.pin_not_set"
    assert refusal(gate(FakeClock()).verify, "") == "kiosk.pin_required"


# -- the idle watch ---------------------------------------------------------------------------
def test_the_idle_watch_warns_in_the_last_30_seconds_then_expires():
    clock = FakeClock()
    watch = IdleWatch(clock, 120)
    clock.advance(seconds=89.5)
    assert watch.state() is IdleState.ACTIVE
    clock.advance(seconds=0.5)
    assert watch.state() is IdleState.WARNING and watch.seconds_left() == 30
    clock.advance(seconds=29.5)
    assert watch.state() is IdleState.WARNING and watch.seconds_left() == 1
    clock.advance(seconds=0.5)
    assert watch.state() is IdleState.EXPIRED and watch.seconds_left() == 0
    watch.touch()
    assert watch.state() is IdleState.ACTIVE and watch.seconds_idle() == 0


def test_a_short_idle_time_warns_for_half_of_it():
    clock = FakeClock()
    watch = IdleWatch(clock, 20)
    clock.advance(seconds=10)
    assert watch.state() is IdleState.WARNING and watch.seconds_left() == 10


@pytest.mark.parametrize("text, seconds", [("120", 120), (" 20 ", 20), (86400, 86400)])
def test_idle_times_are_read(text, seconds):
    assert parse_idle_seconds(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "19", "86401", "-5", "1.5", "١٢٠"])
def test_bad_idle_times_are_refused(text):
    with pytest.raises(ValueError):
        parse_idle_seconds(text)


# -- where the hash is kept -------------------------------------------------------------------
def test_a_working_keyring_keeps_the_hash_and_no_file_is_written(tmp_path):
    backend = MemoryKeyring()
    phc = hash_trainer_pin(PIN, HASHER)
    stored = save_pin_hash(tmp_path, phc, backend=backend)
    assert stored.where == "keyring" and not (tmp_path / PIN_FILE).exists()
    [(service, username)] = backend.passwords
    assert service == SERVICE and username.startswith("trainer-pin-hash:")
    assert backend.passwords[(service, username)] == phc and PIN not in phc
    assert load_pin_hash(tmp_path, backend=backend).phc == phc


def test_a_broken_keyring_falls_back_to_a_0600_file(tmp_path):
    phc = hash_trainer_pin(PIN, HASHER)
    stored = save_pin_hash(tmp_path, phc, backend=BrokenKeyring(RuntimeError("no D-Bus")))
    assert (stored.where, stored.fell_back) == ("file", True)
    path = tmp_path / PIN_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().strip() == phc and PIN not in path.read_text()
    assert load_pin_hash(tmp_path, backend=BrokenKeyring(RuntimeError("no D-Bus"))).phc == phc


def test_no_keyring_means_the_file_and_the_keyring_is_not_touched(tmp_path):
    backend = BrokenKeyring(RuntimeError("must not be called"))
    phc = hash_trainer_pin(PIN, HASHER)
    stored = save_pin_hash(tmp_path, phc, use_keyring=False, backend=backend)
    assert (stored.where, stored.fell_back) == ("file", False)
    assert load_pin_hash(tmp_path, use_keyring=False, backend=backend).phc == phc
    assert backend.calls == 0


def test_nothing_set_reads_as_none_and_a_new_keyring_pin_replaces_an_old_file(tmp_path):
    backend = MemoryKeyring()
    assert load_pin_hash(tmp_path, backend=backend) is None
    save_pin_hash(tmp_path, "$argon2id$old", use_keyring=False)
    save_pin_hash(tmp_path, "$argon2id$new", backend=backend)
    assert not (tmp_path / PIN_FILE).exists()
    assert load_pin_hash(tmp_path, backend=backend).phc == "$argon2id$new"
