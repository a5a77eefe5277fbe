"""A crash prints no secrets, exits non-zero, and a kiosk starts again (issue 14, findings 1, 2).

The real app runs in a pseudo-terminal with a test-only hook (tests/keyburst.py's
sitecustomize.py on PYTHONPATH) making the SMS pane raise once SMS codes are in it; all its
output and the crash log are searched for the codes and the phone numbers."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from tests.keyburst import crash_hook_dir

CODES = ["493817", "605142", "718263"]
PHONES = ["0828123088", "0912000111", "0987654321"]


def _seed_sms(data_dir: Path) -> None:
    from dvc_tui.config import Config
    from dvc_tui.services import Services

    services = Services(Config.load(data_dir, "vi", "low", False))
    try:
        for code, phone in zip(CODES, PHONES):
            services.sms.send("+84" + phone[1:], f"Ma xac thuc cua ban la {code}")
    finally:
        services.close()


def _run_in_pty(args: list[str], env: dict[str, str], seconds: float = 60.0) -> tuple[int | None, bytes]:
    leader, follower = pty.openpty()
    process = subprocess.Popen(args, stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    output = bytearray()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    if process.poll() is None:
        process.kill()
    code = process.wait()
    os.close(leader)
    return code, bytes(output)


def test_forced_crash_on_a_terminal_shows_no_codes_or_phones_and_exits_1(tmp_path):
    data_dir = tmp_path / "data"
    _seed_sms(data_dir)
    # The pane's once-a-second tick, on the event loop (show_all runs inside the start-up worker,
    # whose errors are shown in place, not crashes: the hook never fired there).
    hook = crash_hook_dir(tmp_path / "hook", module="dvc_tui.widgets.sms_inbox", cls="SmsInbox",
                          method="tick", after_sms=1)
    env = {**os.environ, "PYTHONPATH": f"{hook}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    code, output = _run_in_pty([sys.executable, "-m", "dvc_tui", "--data-dir", str(data_dir), "--no-keyring",
                                "--hash-cost", "low", "run"], env)
    # The SMS pane shows the codes on the app's own screen, by design (it is the simulated phone):
    # what is searched is what stays on the terminal after the app has left its screen (the
    # alternate screen, ESC[?1049l): the crash report, and everything after it.
    assert b"\x1b[?1049l" in output
    text = output.rpartition(b"\x1b[?1049l")[2].decode("utf-8", "replace")
    assert "forced crash (test hook)" in text  # it did crash, and said so
    found = [secret for secret in CODES + PHONES + [p[1:] for p in PHONES] if secret in text]
    assert found == []  # Textual's own report showed the frames' locals: every code and phone
    assert "locals" not in text
    assert code == 1
    log = (data_dir / "crash.log").read_text("utf-8")
    assert "forced crash (test hook)" in log and "tick" in log
    assert [secret for secret in CODES + PHONES + [p[1:] for p in PHONES] if secret in log] == []
    assert oct((data_dir / "crash.log").stat().st_mode & 0o777) == "0o600"


def test_kiosk_restarts_pauses_grow_and_never_end():
    from dvc_tui.cli import KioskRestarts

    now = [0.0]
    slept: list[float] = []
    restarts = KioskRestarts(clock=lambda: now[0], sleep=slept.append)
    pauses = [restarts.wait() for _ in range(10)]
    assert pauses == [0, 0, 0, 2, 4, 8, 16, 32, 60, 60]
    now[0] = 1000.0  # a quiet while: free again
    assert restarts.wait() == 0


def test_scrub_keeps_no_digits_or_values():
    from dvc_tui.crash_report import scrub

    assert scrub("No nodes match '#sms-empty' on SmsInbox(id='sms-inbox')") == \
        "No nodes match '#sms-empty' on SmsInbox(id='sms-inbox')"
    assert "0828123088" not in scrub("bad phone 0828123088")
    assert "Nguyễn" not in scrub("KeyError: 'Nguyễn Văn An'")
    assert "\x1b" not in scrub("x\x1b[31m")


def test_a_crashed_kiosk_starts_again_in_place_and_ends_only_with_the_pin(tmp_path):
    """--kiosk: an unexpected error (the hook's, once) is logged in the data dir (0600, no PIN,
    code or phone) and the app comes back in the same process, not a shell; Ctrl+Q with the
    trainer PIN is what ends it, with exit 0."""
    from tests import keyburst

    data_dir = tmp_path / "data"
    keyburst.set_pin(data_dir)
    hook = crash_hook_dir(tmp_path / "hook", module="dvc_tui.widgets.sms_inbox", cls="SmsInbox",
                          method="tick", after_sms=0, times=1)
    env = {**os.environ, "PYTHONPATH": f"{hook}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "TERM": "xterm-256color"}
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "dvc_tui", "--data-dir", str(data_dir), "--no-keyring",
                                "--hash-cost", "low", "--kiosk"], stdin=follower, stdout=follower,
                               stderr=follower, env=env, close_fds=True, start_new_session=True)
    os.close(follower)
    output = bytearray()

    def read_until(test, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        closed = False
        while time.monotonic() < deadline:
            if test():
                return True
            if closed:  # the app let go of the terminal: the process may still be ending
                time.sleep(0.05)
                continue
            ready, _, _ = select.select([leader], [], [], 0.1)
            if ready:
                try:
                    output.extend(os.read(leader, 65536))
                except OSError:
                    closed = True
        return test()

    log = data_dir / "crash.log"
    try:
        assert read_until(log.exists, 30), bytes(output[-2000:])  # it crashed once ...
        assert read_until(lambda: output.count(b"\x1b[?1049h") >= 2, 30)  # ... and its screen is back
        assert process.poll() is None  # the same process: no shell, no exit
        text = log.read_text("utf-8")
        assert "forced crash (test hook)" in text and text.count("\n== ") + text.startswith("== ") == 1
        assert oct(log.stat().st_mode & 0o777) == "0o600"
        assert keyburst.PIN not in text and "0828" not in text
        asked = "Mã PIN giảng viên".encode()
        for _ in range(3):  # Ctrl+Q: the trainer PIN is asked for (again if the restarted app
            mark = len(output)  # was still starting when the key came)
            os.write(leader, b"\x11")
            if read_until(lambda: asked in output[mark:], 10):
                break
        assert asked in output[mark:], bytes(output[-2000:])
        read_until(lambda: False, 0.5)
        os.write(leader, keyburst.PIN.encode() + b"\r")
        assert read_until(lambda: process.poll() is not None, 20), bytes(output[-2000:])
        assert process.returncode == 0
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        os.close(leader)
