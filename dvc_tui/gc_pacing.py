"""Garbage collection paced to the user: the long collections wait for a pause in the typing.

CPython collects its oldest generation by itself every so often, and in a Textual app that
generation holds 150,000 objects and more (each rendered line of each screen still in the stack
keeps a Strip with its caches): one such collection holds the event loop 100-200 ms on a
kiosk-class machine, a key typed then waits as long (benchmarks/heartbeat.py found ten of them
in two registrations, all of its long gaps). The young generations cost a few ms and stay
automatic.

`PacedCollector` turns the automatic oldest-generation collection off and runs it instead:

- once the user has not pressed a key or clicked for IDLE_SECONDS (a screen being read, the
  code awaited on the phone), at most once per pause;
- or, whatever the user does, once the young generations have been collected FORCE_AFTER times
  since the last full collection, so memory stays bounded even for someone who never stops.

The app's own CLI start turns it on (`DvcApp(paced_gc=True)`); tests and scripts that build
many apps in one process keep CPython's defaults. `stop()` puts the thresholds back.
"""

from __future__ import annotations

import gc
import time

IDLE_SECONDS = 2.0
"""A pause this long with no key or click lets the full collection run."""
FORCE_AFTER = 500
"""Collections of the middle generation since the last full one that force the next."""
CHECK_EVERY = 0.5


class PacedCollector:
    def __init__(self, app) -> None:
        self._app = app
        self._saved: tuple[int, int, int] | None = None
        self._last_input = time.monotonic()
        self._dirty = True  # objects made since the last full collection
        self.collections = 0
        self.longest_ms = 0.0
        self._timer = None

    def start(self) -> None:
        """From the first frame on: CPython's thresholds for the young generations, the oldest
        one never by itself (a threshold it cannot reach), a check every CHECK_EVERY s."""
        if self._saved is not None:
            return
        self._saved = gc.get_threshold()
        young, middle, _ = self._saved
        gc.set_threshold(young, middle, 1_000_000_000)
        self._timer = self._app.set_interval(CHECK_EVERY, self.tick, name="paced-gc")

    def stop(self) -> None:
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def touch(self) -> None:
        """A key, a click or a paste: someone is there."""
        self._last_input = time.monotonic()
        self._dirty = True

    def tick(self) -> None:
        idle = time.monotonic() - self._last_input >= IDLE_SECONDS
        if (idle and self._dirty) or gc.get_count()[2] >= FORCE_AFTER:
            self.collect()

    def collect(self) -> None:
        started = time.perf_counter()
        gc.collect()
        self.longest_ms = max(self.longest_ms, (time.perf_counter() - started) * 1000)
        self.collections += 1
        self._dirty = False
