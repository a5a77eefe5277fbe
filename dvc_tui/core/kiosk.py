"""Kiosk mode's rules: the trainer's PIN and the idle watch.

- The trainer PIN has 6 to 12 ASCII digits and is not an easy guess (one block of up to three
  digits repeated - 111111, 121212, 123123 - or a straight run up or down - 123456, 987654).
  It is stored only as an Argon2id hash (the hasher is given by parameter).
- A wrong PIN is counted; every 5th wrong PIN in a row makes the next try wait, 60 s the first
  time and twice as long each time after (at most an hour). A try while waiting is refused
  without being checked or counted. The right PIN resets the count.
- The idle watch: the screen is "active" until `idle_seconds - warning` seconds pass with no
  key or mouse event, then "warning" (a visible countdown) and at `idle_seconds` "expired" (the
  session is wiped). The warning lasts 30 s, or half the idle time when that is shorter.

Time comes from the injected Clock; nothing here knows of Textual, the keyring or files.
"""

from __future__ import annotations

import math
import threading
from datetime import datetime, timedelta
from enum import Enum
from typing import Callable, Protocol

from dvc_tui.core.clock import Clock
from dvc_tui.core.problems import PortalError

PIN_MIN_DIGITS = 6
PIN_MAX_DIGITS = 12
PIN_TRIES = 5
"""Wrong PINs in a row before a wait."""
FIRST_WAIT_SECONDS = 60
MAX_WAIT_SECONDS = 3600

DEFAULT_IDLE_SECONDS = 120
MIN_IDLE_SECONDS = 20
MAX_IDLE_SECONDS = 24 * 3600
WARNING_SECONDS = 30


# -- the trainer PIN ------------------------------------------------------------------------------
def check_trainer_pin(text: str) -> str:
    """A new trainer PIN: 6-12 ASCII digits, not an easy guess. Returns it as typed."""
    if not text:
        raise PortalError("kiosk.pin_required")
    if not (text.isascii() and text.isdigit() and PIN_MIN_DIGITS <= len(text) <= PIN_MAX_DIGITS):
        raise PortalError("kiosk.pin_format", min=PIN_MIN_DIGITS, max=PIN_MAX_DIGITS)
    if is_easy_pin(text):
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


class TrainerPin:
    """Checks a typed PIN against the stored hash, with the wrong-PIN count and its waits.

    `load_hash` reads the stored hash on every try (a `kiosk set-pin` takes effect at once);
    it returns None when no PIN was set. Safe to call from worker threads.
    """

    def __init__(self, load_hash: Callable[[], str | None], hasher: Hasher, clock: Clock) -> None:
        self._load_hash = load_hash
        self._hasher = hasher
        self._clock = clock
        self._lock = threading.Lock()
        self.failures = 0
        self.wait_until: datetime | None = None

    def seconds_to_wait(self) -> int:
        with self._lock:
            return self._seconds_to_wait()

    def _seconds_to_wait(self) -> int:
        if self.wait_until is None:
            return 0
        return max(0, math.ceil((self.wait_until - self._clock.now()).total_seconds()))

    def verify(self, typed: str) -> None:
        """Return when `typed` is the trainer's PIN; else raise PortalError (the reason)."""
        with self._lock:
            wait = self._seconds_to_wait()
            if wait:
                raise PortalError("kiosk.pin_wait", seconds=wait)
            if not typed:
                raise PortalError("kiosk.pin_required")
            stored = self._load_hash()
            if not stored:
                raise PortalError("kiosk.pin_not_set")
            if self._hasher.verify(stored, typed):
                self.failures, self.wait_until = 0, None
                return
            self.failures += 1
            if self.failures % PIN_TRIES == 0:
                rounds = self.failures // PIN_TRIES
                seconds = min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (rounds - 1))
                self.wait_until = self._clock.now() + timedelta(seconds=seconds)
                raise PortalError("kiosk.pin_wait", seconds=seconds)
            raise PortalError("kiosk.pin_wrong", left=PIN_TRIES - self.failures % PIN_TRIES)


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
