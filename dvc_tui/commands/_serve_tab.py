"""One browser tab's app process under `dvc-tui serve`: `python -m dvc_tui.commands._serve_tab
BYTES ARGS...` caps its own address space at BYTES (RLIMIT_AS, POSIX only: on Windows the cap
is skipped) and then runs `dvc-tui ARGS...` in the same process.

The cap is set by the process on itself before anything else is imported, so it holds for the
whole app (its threads, Argon2id's memory, the terminal's buffers) and is inherited by nothing
else: the serve command itself is not capped. A tab that goes past it gets MemoryError (the app
ends, its tab says the session ended), not the machine's swap.
"""

from __future__ import annotations

import sys


def limit_memory(limit: int) -> bool:
    """Cap this process's address space at `limit` bytes (never above a hard limit already
    set); False where the platform has no such limit (Windows)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return False
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return True


def main(argv: list[str]) -> int:
    limit_memory(int(argv[0]))
    from dvc_tui.cli import main as dvc_tui

    return dvc_tui(argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
