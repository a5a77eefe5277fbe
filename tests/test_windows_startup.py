"""The app on Windows, as near as a Linux machine can come: a fresh interpreter where
`sys.platform` is "win32", the POSIX-only modules (fcntl, termios, tty, pty, resource, pwd, grp)
cannot be imported, `os.getuid` & co. are gone and `msvcrt` stands in (its locking over the real
flock). There every module of dvc_tui imports, the staff commands run and the app starts and
walks to the first step of a registration. What this does not show (no real Windows was at hand):
the Windows console driver, Credential Manager, NTFS permissions; README's "On Windows" says so.

Textual, Rich, platformdirs, asyncio, subprocess and the other libraries are imported before the
switch: they choose their Windows code (the console driver, the proactor loop, the registry) at
import, and that code cannot run here."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WINDOWS_LIKE = textwrap.dedent(
    '''
    import asyncio, fcntl, os, subprocess, sys, types
    # The libraries choose their platform's code at import (Textual's console driver, platformdirs'
    # folders, pydoc's paths): imported first, so only dvc-tui's own code meets "win32".
    import textual.app, textual.pilot, textual.drivers.linux_driver, rich.console, keyring, platformdirs
    import pydoc, sysconfig
    import stdnum.util, phonenumbers, argon2, pyotp, segno, sqlite3
    import cryptography.x509, cryptography.hazmat.primitives.asymmetric.ec

    real_flock = fcntl.flock
    msvcrt = types.ModuleType("msvcrt")
    msvcrt.LK_UNLCK, msvcrt.LK_LOCK, msvcrt.LK_NBLCK, msvcrt.LK_RLCK, msvcrt.LK_NBRLCK = 0, 1, 2, 3, 4
    def locking(fd, mode, nbytes):
        real_flock(fd, fcntl.LOCK_UN if mode == msvcrt.LK_UNLCK else fcntl.LOCK_EX)
    msvcrt.locking = locking
    sys.modules["msvcrt"] = msvcrt
    for name in ("fcntl", "termios", "tty", "pty", "resource", "pwd", "grp"):
        sys.modules[name] = None  # import fails as it does on Windows
    for name in ("getuid", "geteuid", "getgid", "getegid", "fork", "setsid", "killpg", "getpgid"):
        if hasattr(os, name):
            delattr(os, name)
    sys.platform = "win32"
    '''
)


def run_windows_like(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    # Output to a pipe in a Western European Windows's ANSI code page, which has no "ạ" or "ố".
    env = dict(os.environ, DVC_TUI_CONFIG=str(tmp_path / "none.toml"), HOME=str(tmp_path / "home"),
               DVC_TUI_NO_KEYRING="1", PYTHONIOENCODING="cp1252")
    return subprocess.run([sys.executable, "-c", WINDOWS_LIKE + textwrap.dedent(code)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=240)


def test_every_module_imports_and_the_commands_run_as_on_windows(tmp_path):
    data = tmp_path / "data"
    done = run_windows_like(
        f'''
        import importlib, pkgutil
        import dvc_tui
        assert sys.platform == "win32"
        names = [m.name for m in pkgutil.walk_packages(dvc_tui.__path__, "dvc_tui.") if not m.name.endswith("__main__")]
        for name in names:
            importlib.import_module(name)
        print("imported", len(names))
        from dvc_tui import cli
        data = {str(data)!r}
        for argv in (["--version"], ["config", "path"], ["--data-dir", data, "accounts", "list"],
                     ["--data-dir", data, "--hash-cost", "low", "training", "load"],
                     ["--data-dir", data, "token", "list"], ["--data-dir", data, "sms"],
                     ["--data-dir", data, "training", "handout", "--markdown", data + "/handout.md"]):
            try:
                code = cli.main(argv)
            except SystemExit as exc:  # --version
                code = exc.code
            assert code in (0, None), (argv, code)
        print("commands ok")
        ''',
        tmp_path,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert "commands ok" in done.stdout
    assert "Traceback" not in done.stderr
    assert "Người tham gia bảo hiểm xã hội" in done.stdout  # the handout, in UTF-8 whatever the code page
    imported = int(done.stdout.split("imported ", 1)[1].split()[0])
    assert imported > 60


def test_the_app_starts_and_walks_as_on_windows(tmp_path):
    done = run_windows_like(
        f'''
        import asyncio
        from pathlib import Path
        from dvc_tui.config import Config
        from dvc_tui.app import DvcApp

        async def walk():
            config = Config(data_dir=Path({str(tmp_path / "data")!r}), hash_cost="low", use_keyring=False)
            app = DvcApp(config=config)
            async with app.run_test(size=(100, 30)) as pilot:
                for _ in range(200):
                    await pilot.pause(0.02)
                    if app.screen.query("#register"):
                        break
                shown = app.screen.id
                await pilot.click("#register")
                for _ in range(200):
                    await pilot.pause(0.02)
                    if app.screen.query("#subject-citizen"):
                        break
                print("screens", shown, app.screen.id)
                assert app.screen.query("#subject-citizen")
                await pilot.press("ctrl+q")
        asyncio.run(walk())
        print("walk ok")
        ''',
        tmp_path,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert "walk ok" in done.stdout
