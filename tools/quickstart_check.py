#!/usr/bin/env python3
"""The README's Quick start commands, read from the README itself (never copied), for .ci/run.

    python3 tools/quickstart_check.py print run|test    the command, as the README writes it
    python3 tools/quickstart_check.py home [SECONDS]     run the run command in tmux (100x30) until
                                                         the home screen has painted, then Ctrl+Q;
                                                         exit 0 only if it painted and the app
                                                         ended with 0

Standard library only: it runs on the distribution's Python before anything is installed. The
run command's environment is this process's (.ci/run gives it Debian's /usr/bin/python3 first on
PATH and a new HOME).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOME_SCREEN = ("CỔNG DỊCH VỤ CÔNG QUỐC GIA", "Trang chủ", "Đăng ký", "Đăng nhập",
               "Tin nhắn SMS (mô phỏng)", "Thoát")
"""What the home screen shows once painted: header, title, its buttons, the SMS pane, the footer."""


def commands() -> dict[str, str]:
    """The Quick start section's two sh blocks: the first runs the app, the second the tests."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Quick start\n(.*?)^## ", text, re.S | re.M)
    if section is None:
        sys.exit("quickstart_check: README.md has no '## Quick start' section")
    blocks = re.findall(r"^```sh\n(.*?)^```", section.group(1), re.S | re.M)
    lines = [block.strip() for block in blocks]
    if len(lines) != 2 or any("\n" in line or not line for line in lines):
        sys.exit(f"quickstart_check: Quick start must hold exactly two one-line sh blocks; found {lines!r}")
    return {"run": lines[0], "test": lines[1]}


SOCKET = f"quickstart-{os.getpid()}"
"""A tmux server of its own: one already running would give the session its environment, not
this process's (PATH, HOME)."""


def tmux(*args: str, check: bool = True) -> str:
    done = subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True)
    if check and done.returncode != 0:
        sys.exit(f"quickstart_check: tmux {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def home(timeout: float) -> int:
    command = commands()["run"]
    session = f"quickstart-{os.getpid()}"
    status_file = Path(tempfile.mkdtemp()) / "status"
    # The command in a shell of its own, in the project's folder; its exit status kept.
    script = f"cd {shlex.quote(str(ROOT))} && {command}; echo $? > {shlex.quote(str(status_file))}"
    print(f"quickstart_check: running the README's run command in tmux: {command}", flush=True)
    started = time.monotonic()
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", "bash", "-c", script)
    try:
        screen = ""
        while time.monotonic() - started < timeout:
            if status_file.exists():
                break
            screen = tmux("capture-pane", "-p", "-t", session, check=False)
            if all(text in screen for text in HOME_SCREEN):
                break
            time.sleep(0.5)
        painted = all(text in screen for text in HOME_SCREEN)
        if not painted:
            print(screen)
            print(f"quickstart_check: FAIL: no home screen after {time.monotonic() - started:.0f} s",
                  file=sys.stderr)
            return 1
        print(f"quickstart_check: the home screen painted after {time.monotonic() - started:.0f} s "
              "(install included):", flush=True)
        print("\n".join(line.rstrip() for line in screen.splitlines()[:16]))
        tmux("send-keys", "-t", session, "C-q")
        for _ in range(60):
            if status_file.exists():
                break
            time.sleep(0.5)
        if not status_file.exists():
            print("quickstart_check: FAIL: the app did not end on Ctrl+Q", file=sys.stderr)
            return 1
        status = status_file.read_text().strip()
        if status != "0":
            print(f"quickstart_check: FAIL: the run command ended with {status}", file=sys.stderr)
            return 1
        print("quickstart_check: Ctrl+Q ended the app with 0")
        return 0
    finally:
        tmux("kill-server", check=False)


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "print" and argv[1] in ("run", "test"):
        print(commands()[argv[1]])
        return 0
    if argv and argv[0] == "home" and len(argv) <= 2:
        return home(float(argv[1]) if len(argv) == 2 else 600.0)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
