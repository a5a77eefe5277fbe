"""Kiosk mode's rules: the trainer's PIN and the idle watch.

- The trainer PIN has 6 to 12 ASCII digits and is not an easy guess (one block of up to three
  digits repeated - 111111, 121212, 123123 - or a straight run up or down - 123456, 987654);
  or it is a passphrase of 12 to 64 printable characters, not only digits, of at least 6
  different characters (recommended: a 6-digit PIN's hash falls offline in hours).
  It is stored only as an Argon2id hash (the hasher is given by parameter).
- A wrong PIN is counted in the store (per data dir, so a new `serve` tab or a restart gets no
  fresh tries), before the PIN is checked, in the transaction that reads the wait, exactly as a
  login name's wrong passwords are (core/lockout.py): 5 wrong in a row make the next try wait
  1 minute, then 2, 4, 8 and 15 minutes for each further five; 12 quiet hours or the right
  PIN start again. A try while waiting is refused without being checked.
- The idle watch: the screen is "active" until `idle_seconds - warning` seconds pass with no
  key or mouse event, then "warning" (a visible countdown) and at `idle_seconds` "expired" (the
  session is wiped). The warning lasts 30 s, or half the idle time when that is shorter.

Time comes from the injected Clock; nothing here knows of Textual, the keyring or files.
"""

from __future__ import annotations

import math
import threading
from datetime import datetime
from enum import Enum
from typing import Callable, Protocol

from dvc_tui.core.clock import Clock
from dvc_tui.core.problems import PortalError

PIN_MIN_DIGITS = 6
PIN_MAX_DIGITS = 12
PIN_TRIES = 5
"""Wrong PINs in a row before a wait (core.lockout.MAX_FAILURES, as for passwords)."""
PHRASE_MIN_CHARS = 12
PHRASE_MAX_CHARS = 64
PHRASE_MIN_DISTINCT = 6
PIN_MAX_CHARS = PHRASE_MAX_CHARS
"""The longest trainer PIN or passphrase (the PIN field's limit)."""
RECOMMENDED_DIGITS = 10
"""Shorter all-digit PINs are accepted with a recommendation (kiosk set-pin)."""
PIN_LOCK_NAME = "kiosk:trainer-pin:" + "#" * 64
"""The trainer PIN's row among the login names' failure counts: longer than any name typed at
login can be counted under (core.lockout.MAX_NAME), so no login can touch it."""

DEFAULT_IDLE_SECONDS = 120
MIN_IDLE_SECONDS = 20
MAX_IDLE_SECONDS = 24 * 3600
WARNING_SECONDS = 30


# -- the trainer PIN ------------------------------------------------------------------------------
def check_trainer_pin(text: str) -> str:
    """A new trainer PIN: 6-12 ASCII digits, not an easy guess. Returns it as typed."""
    if not text:
        raise PortalError("kiosk.pin_required")
    digits = text.isascii() and text.isdigit()
    if digits and PIN_MIN_DIGITS <= len(text) <= PIN_MAX_DIGITS:
        if is_easy_pin(text):
            raise PortalError("kiosk.pin_weak")
        return text
    if digits or not (PHRASE_MIN_CHARS <= len(text) <= PHRASE_MAX_CHARS) or not text.isprintable() \
            or text != text.strip():
        raise PortalError("kiosk.pin_format", min=PIN_MIN_DIGITS, max=PIN_MAX_DIGITS,
                          phrase_min=PHRASE_MIN_CHARS, phrase_max=PHRASE_MAX_CHARS)
    if len(set(text.casefold())) < PHRASE_MIN_DISTINCT:
        raise PortalError("kiosk.pin_weak")
    return text


def check_new_trainer_pin(pin: str, confirm: str) -> str:
    check_trainer_pin(pin)
    if pin != confirm:
        raise PortalError("kiosk.pin_mismatch")
    return pin


def is_easy_pin(digits: str) -> bool:
    """One block of 1-3 digits repeated, or a straight run up or down (wrapping 9 -> 0)."""
    for size in (1, 2, 3):
        if len(digits) % size == 0 and digits == digits[:size] * (len(digits) // size):
            return True
    steps = {(int(b) - int(a)) % 10 for a, b in zip(digits, digits[1:])}
    return steps in ({1}, {9})


class Hasher(Protocol):
    def hash(self, password: str) -> str: ...

    def verify(self, phc: str, password: str) -> bool: ...


def hash_trainer_pin(pin: str, hasher: Hasher) -> str:
    """The PHC string to store for a new PIN (checked first)."""
    return hasher.hash(check_trainer_pin(pin))


class FailureStore(Protocol):
    """Where the wrong PINs are counted: the account store's login-failure rows (SqliteStore)."""

    def count_login_attempt(self, username: str, change, *, stale_before: datetime, now: datetime): ...

    def clear_login_failures(self, username: str) -> None: ...


class MemoryFailures:
    """The same counting in this process's memory (no store given: core tests, scripts)."""

    def __init__(self) -> None:
        self._rows: dict = {}
        self._lock = threading.Lock()

    def count_login_attempt(self, username, change, *, stale_before, now):
        with self._lock:
            before = self._rows.get(username)
            self._rows[username] = after = change(before)
            return before, after

    def clear_login_failures(self, username) -> None:
        with self._lock:
            self._rows.pop(username, None)


class TrainerPin:
    """Checks a typed PIN against the stored hash, with the wrong-PIN count and its waits.

    `load_hash` reads the stored hash on every try (a `kiosk set-pin` takes effect at once);
    it returns None when no PIN was set. `failures` is the store the wrong PINs are counted in
    (so they hold across processes and restarts). Safe to call from worker threads.
    """

    def __init__(self, load_hash: Callable[[], str | None], hasher: Hasher, clock: Clock,
                 failures: FailureStore | None = None) -> None:
        self._load_hash = load_hash
        self._hasher = hasher
        self._clock = clock
        self._store = failures if failures is not None else MemoryFailures()

    def _state(self, count: bool = False):
        """(now, (the row before, the row after)): with `count`, one more wrong PIN counted."""
        from dvc_tui.core.lockout import QUIET_RESET, after_attempt

        now = self._clock.now()

        def change(state):
            return after_attempt(state, PIN_LOCK_NAME, now) if count else state

        return now, self._store.count_login_attempt(PIN_LOCK_NAME, change, stale_before=now - QUIET_RESET, now=now)

    @property
    def failures(self) -> int:
        """Wrong PINs in a row (counted in the store)."""
        _, (state, _) = self._state()
        return 0 if state is None else state.lock_count * PIN_TRIES + state.failures

    def seconds_to_wait(self) -> int:
        now, (state, _) = self._state()
        return 0 if state is None else state.seconds_left(now)

    def verify(self, typed: str) -> None:
        """Return when `typed` is the trainer's PIN; else raise PortalError (the reason)."""
        if not typed:
            raise PortalError("kiosk.pin_required")
        stored = self._load_hash()
        if not stored:
            raise PortalError("kiosk.pin_not_set")
        now, (before, after) = self._state(count=True)
        if before is not None and before.locked_at(now):
            raise PortalError("kiosk.pin_wait", seconds=before.seconds_left(now))
        if self._hasher.verify(stored, typed):
            self._store.clear_login_failures(PIN_LOCK_NAME)
            return
        if after.locked_at(now):
            raise PortalError("kiosk.pin_wait", seconds=after.seconds_left(now))
        raise PortalError("kiosk.pin_wrong", left=after.attempts_left)


# -- the idle watch -------------------------------------------------------------------------------
def parse_idle_seconds(value: int | str) -> int:
    """The idle time in whole seconds, 20 s to 24 h; ValueError (in English, for logs) otherwise."""
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()):
        raise ValueError(f"idle time must be a whole number of seconds, not {value!r}")
    seconds = int(text)
    if not MIN_IDLE_SECONDS <= seconds <= MAX_IDLE_SECONDS:
        raise ValueError(f"idle time must be {MIN_IDLE_SECONDS} to {MAX_IDLE_SECONDS} seconds")
    return seconds


class IdleState(str, Enum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


class IdleWatch:
    def __init__(self, clock: Clock, idle_seconds: int = DEFAULT_IDLE_SECONDS,
                 warning_seconds: int = WARNING_SECONDS) -> None:
        self._clock = clock
        self.idle_seconds = idle_seconds
        self.warning_seconds = min(warning_seconds, idle_seconds // 2)
        self._last = clock.now()

    def touch(self) -> None:
        """Someone is there: a key, a click, a move of the mouse."""
        self._last = self._clock.now()

    def seconds_idle(self) -> float:
        return max(0.0, (self._clock.now() - self._last).total_seconds())

    def seconds_left(self) -> int:
        """Whole seconds until the wipe, rounded up (what the countdown shows)."""
        return max(0, math.ceil(self.idle_seconds - self.seconds_idle()))

    def state(self) -> IdleState:
        idle = self.seconds_idle()
        if idle >= self.idle_seconds:
            return IdleState.EXPIRED
        if idle >= self.idle_seconds - self.warning_seconds:
            return IdleState.WARNING
        return IdleState.ACTIVE
