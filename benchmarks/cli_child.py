"""Run the dvc-tui command line in this process, then report this process's peak memory.

    python benchmarks/cli_child.py RESULT_JSON -- DVC-TUI ARGUMENTS...

What `dvc-tui ARGUMENTS` does (stdout and stderr untouched), then writes {"status", "peak_rss_kib"}
to RESULT_JSON, the peak measured as in startup_child.py (VmHWM: the parent's size at the
fork not included). benchmarks/scale.py runs `accounts list` this way.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def main() -> int:
    result, separator, *argv = sys.argv[1:]
    if separator != "--":
        raise SystemExit(__doc__)
    from startup_child import peak_rss_kib

    from dvc_tui.cli import main as dvc_tui

    try:
        status = dvc_tui(argv)
    finally:
        sys.stdout.flush()
    Path(result).write_text(json.dumps({"status": status, "peak_rss_kib": peak_rss_kib()}))
    return status


if __name__ == "__main__":
    sys.exit(main())
