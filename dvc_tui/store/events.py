"""events.jsonl: the trainer's event log, append-only JSON lines in the data dir.

`EventWriter.write` only sanitises and queues: one daemon thread opens the file (0600, created
on the first event), appends each line with a single write and rotates it to events.jsonl.1
past `max_bytes`. The event loop never waits on the disk. `close()` drains the queue.
"""

from __future__ import annotations

import json
import os
import queue
import threading
from pathlib import Path
from typing import Any, Iterator

from dvc_tui.core.events import sanitise

EVENTS_NAME = "events.jsonl"
MAX_BYTES = 10 * 1024 * 1024
_STOP = object()


class EventWriter:
    def __init__(self, data_dir: Path, max_bytes: int = MAX_BYTES) -> None:
        self.path = Path(data_dir) / EVENTS_NAME
        self.max_bytes = max_bytes
        self._queue: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._fd: int | None = None
        self.failed: str | None = None
        """The last I/O error (the log is a training aid: a full disk never stops the app)."""

    # -- any thread ------------------------------------------------------------------------
    def write(self, event: dict[str, Any]) -> None:
        line = (json.dumps(sanitise(event), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="dvc-tui-events", daemon=True)
                self._thread.start()
        self._queue.put(line)

    def flush(self, timeout: float = 5.0) -> None:
        """Wait until every queued line is on disk (tests, commands; not the event loop)."""
        done = threading.Event()
        self._queue.put(done)
        if self._thread is not None and self._thread.is_alive():
            done.wait(timeout)

    def close(self, timeout: float = 2.0) -> None:
        with self._lock:
            thread = self._thread
        if thread is None:
            return
        self._queue.put(_STOP)
        thread.join(timeout)

    # -- the writer thread -----------------------------------------------------------------
    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                self._close_fd()
                return
            if isinstance(item, threading.Event):
                item.set()
                continue
            try:
                self._append(item)
            except OSError as exc:
                self.failed = f"{type(exc).__name__}: {exc.strerror or exc}"
                self._close_fd()

    def _append(self, line: bytes) -> None:
        if self._fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        size = os.fstat(self._fd).st_size
        if size and size + len(line) > self.max_bytes:
            self._close_fd()
            os.replace(self.path, self.path.with_name(EVENTS_NAME + ".1"))
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.write(self._fd, line)

    def _close_fd(self) -> None:
        if self._fd is not None:
            try:
                os.close(self._fd)
            finally:
                self._fd = None


def read_events(data_dir: Path) -> tuple[list[dict[str, Any]], int]:
    """The events of events.jsonl.1 then events.jsonl, and how many lines were not events."""
    events: list[dict[str, Any]] = []
    skipped = 0
    for line in _lines(Path(data_dir)):
        try:
            event = json.loads(line)
        except ValueError:
            skipped += 1
            continue
        if isinstance(event, dict) and isinstance(event.get("type"), str):
            events.append(event)
        else:
            skipped += 1
    return events, skipped


def _lines(data_dir: Path) -> Iterator[str]:
    for name in (EVENTS_NAME + ".1", EVENTS_NAME):
        path = data_dir / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.strip():
                    yield line
