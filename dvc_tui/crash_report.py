"""What an unexpected error leaves behind: a report with no local variables, no field values and
no SMS bodies, on the terminal and in the data dir's crash log (0600).

A report is the exception's type, its message scrubbed (every run of two or more digits and every
quoted text that is not a plain name becomes "…", control characters "?", at most 300
characters) and each frame of the stack as file:line function: never a frame's locals or its
source line. Textual's own report (rich's Traceback with show_locals) is replaced by this one in
DvcApp (dvc_tui/textual_compat.py, ScrubbedCrashReport).
"""

from __future__ import annotations

import os
import re
import traceback
from datetime import datetime, timezone
from pathlib import Path

CRASH_LOG = "crash.log"
LOG_LIMIT = 256 * 1024
"""The crash log keeps about its newest 256 KiB: a kiosk crashing in a loop cannot fill the disk."""
MESSAGE_LIMIT = 300

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_NAME = re.compile(r"[#.]?[A-Za-z_][A-Za-z_-]*")
_DIGITS = re.compile(r"\d{2,}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def scrub(message: str) -> str:
    """An exception's message without what a user typed or received (see the module's doc)."""

    def quoted(match: re.Match) -> str:
        text = match.group(0)
        return text if _NAME.fullmatch(text[1:-1]) else f"{text[0]}…{text[0]}"

    message = _CONTROL.sub("?", message)
    message = _QUOTED.sub(quoted, message)
    message = _DIGITS.sub("…", message)
    return message if len(message) <= MESSAGE_LIMIT else message[: MESSAGE_LIMIT - 1] + "…"


def _where(filename: str) -> str:
    """A frame's file, from the package's or the library's folder down (no home directory)."""
    parts = Path(filename).parts
    for root in ("dvc_tui", "textual", "rich", "site-packages", "tests"):
        if root in parts:
            index = len(parts) - 1 - parts[::-1].index(root)
            return "/".join(parts[index + (root == "site-packages"):])
    return Path(filename).name


def describe(error: BaseException) -> list[str]:
    """The report's lines: the type and scrubbed message of the error (and of what caused it),
    then the stack, innermost last, as file:line function."""
    lines: list[str] = []
    seen: set[int] = set()
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(chain) < 5:
        seen.add(id(current))
        chain.append(current)
        inner = getattr(current, "error", None)  # Textual's WorkerFailed keeps the worker's error here
        current = inner if isinstance(inner, BaseException) else (current.__cause__ or current.__context__)
    for number, exc in enumerate(reversed(chain)):
        if number:
            lines.append("  -> " if exc is error else "  ..")
        lines.append(f"{type(exc).__module__}.{type(exc).__qualname__}: {scrub(str(exc))}")
        for frame in traceback.extract_tb(exc.__traceback__):
            lines.append(f"  {_where(frame.filename)}:{frame.lineno} {frame.name}")
    return lines


def write_log(data_dir: str | Path, lines: list[str], *, now: datetime | None = None) -> Path:
    """Append one report to the data dir's crash log (mode 0600, made so before any byte is
    written), keeping it under LOG_LIMIT."""
    path = Path(data_dir) / CRASH_LOG
    when = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    entry = "\n".join([f"== {when}", *lines]) + "\n"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, entry.encode("utf-8", "replace"))
    finally:
        os.close(fd)
    if path.stat().st_size > LOG_LIMIT:
        kept = path.read_bytes()[-LOG_LIMIT // 2:]
        start = kept.find(b"\n== ")
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, kept[start + 1:] if start >= 0 else kept)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    return path


def count_reports(data_dir: str | Path) -> int:
    """How many reports the crash log holds (the fuzzers count crashes by it)."""
    path = Path(data_dir) / CRASH_LOG
    if not path.exists():
        return 0
    return sum(1 for line in path.read_text("utf-8", "replace").splitlines() if line.startswith("== "))
