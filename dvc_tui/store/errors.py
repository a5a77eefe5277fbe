"""A broken environment in the user's words: a full disk, a data dir that cannot be written, a
database that is corrupt, newer or busy. Each becomes a core Problem (a catalog key and its
parameters) that core.text says in one line, in the user's language; never a traceback.

`StoreError` is raised by the adapters when the store cannot be used at all (the CLI says it and
exits 2). `storage_problem` maps what a write in a screen raised (sqlite3.OperationalError
"database or disk is full", OSError ENOSPC, ...) to a message shown in place; `command_problem`
does the same for a staff command's single line.
"""

from __future__ import annotations

import errno
import sqlite3
from typing import Any

from dvc_tui.core.problems import Problem

REASON = "storage.reason."
"""Parameters named `reason` holding a key with this prefix are translated too (core.text)."""

_ERRNO_REASONS = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EFBIG: "full",
    errno.EACCES: "denied",
    errno.EPERM: "denied",
    errno.EROFS: "read_only",
    errno.ENOTDIR: "not_dir",
    errno.EISDIR: "is_dir",
    errno.ENOENT: "missing",
}
# SQLite's primary result codes (the low byte of an extended code)
_SQLITE_REASONS = {
    5: "busy",  # SQLITE_BUSY: another process held the write lock past busy_timeout
    6: "busy",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    11: "corrupt",  # SQLITE_CORRUPT
    13: "full",  # SQLITE_FULL: "database or disk is full"
    14: "cant_open",  # SQLITE_CANTOPEN: the file or its -wal/-shm cannot be made
    23: "denied",  # SQLITE_AUTH
    26: "corrupt",  # SQLITE_NOTADB
}
# What a screen says for each reason; anything else is "storage.failed" with the reason
_IN_APP = {"full": "storage.full", "read_only": "storage.read_only", "denied": "storage.read_only",
           "cant_open": "storage.read_only", "busy": "storage.busy", "corrupt": "storage.corrupt"}


class StoreError(Exception):
    """The store cannot be used: a one-line reason for the user, no traceback.

    `problem` is the reason as a catalog key and parameters, said in the user's language by
    `text()`; str() is the English sentence, for logs. Raised with a plain message only (the
    token files), the message is the detail of "error.storage".
    """

    def __init__(self, message: str | None = None, *, key: str | None = None, **params: Any) -> None:
        if key is None:
            key, params = "error.storage", {"detail": message}
        self.problem = Problem(key, params)
        super().__init__(message if message is not None else _english(key, params))

    def text(self) -> str:
        from dvc_tui.core.text import problem_text

        return problem_text(self.problem)


def _english(key: str, params: dict[str, Any]) -> str:
    from dvc_tui.core.text import EN

    words = {name: EN.get(value, value) if _is_reason(value) else value for name, value in params.items()}
    try:
        return EN.get(key, key).format(**words)
    except (KeyError, IndexError, ValueError):
        return key


def _is_reason(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(REASON)


def _reason_name(exc: BaseException) -> str | None:
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is None and "disk is full" in str(exc):
            return "full"
        return _SQLITE_REASONS.get(code & 0xFF) if isinstance(code, int) else None
    if isinstance(exc, OSError):
        return _ERRNO_REASONS.get(exc.errno)
    return None


def reason(exc: BaseException) -> str:
    """Why `exc` happened: a "storage.reason.*" key where one fits, else the system's words."""
    name = _reason_name(exc)
    if name is not None:
        return REASON + name
    if isinstance(exc, OSError):
        return exc.strerror or str(exc) or type(exc).__name__
    return str(exc) or type(exc).__name__


def storage_problem(exc: BaseException) -> Problem | None:
    """What a screen shows when its blocking work raised `exc`; None when `exc` is not about
    the environment (a bug: the caller says so in its own words)."""
    if isinstance(exc, StoreError):
        return exc.problem
    if not isinstance(exc, (sqlite3.Error, OSError)):
        return None
    name = _reason_name(exc)
    if name in _IN_APP:
        return Problem(_IN_APP[name])
    return Problem("storage.failed", {"reason": reason(exc)})


def command_problem(exc: BaseException) -> Problem:
    """A staff command's one line for a store or file error."""
    if isinstance(exc, StoreError):
        return exc.problem
    path = getattr(exc, "filename", None)
    if path is not None:
        return Problem("storage.file", {"kind": type(exc).__name__, "path": str(path), "reason": reason(exc)})
    return Problem("error.storage", {"detail": reason(exc)})
