#!/usr/bin/env python3
"""The README's Quick start: install dvc-tui into this folder's own virtual environment
(.venv) and start it, or run its tests. Standard library only, so it runs on any Python 3.10+:
one installed by hand, or a distribution's own, which refuses `pip install` outside a virtual
environment (PEP 668: Debian 12, Ubuntu 23.04+, Fedora 38+). No sudo, nothing installed
outside .venv.

    python3 quickstart.py [dvc-tui's arguments]    the app (e.g. --kiosk, serve, --lang en)
    python3 quickstart.py test [pytest's args]     the whole test suite in 4 workers

The first run makes .venv and installs the project into it (editable, so a change to the
source needs no reinstall); later runs install again only when pyproject.toml changed or the
tests' tools are wanted for the first time. On Windows, `py quickstart.py` does the same.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
STAMP = VENV / "dvc-tui-installed.json"
WINDOWS = os.name == "nt"

MESSAGES = {
    "vi": {
        "old": "quickstart: cần Python 3.10 trở lên (đang chạy {version}).",
        "novenv": "quickstart: Python này thiếu mô-đun venv; hãy cài gói {package} "
        "(sudo apt install {package}) rồi chạy lại.",
        "venv_failed": "quickstart: không tạo được môi trường ảo .venv ({why}).",
        "installing": "quickstart: đang cài dvc-tui{extra} vào .venv (lần đầu mất 1-3 phút)...",
        "install_failed": "quickstart: cài đặt không thành công (pip thoát với mã {code}); "
        "xem thông báo của pip ở trên.",
    },
    "en": {
        "old": "quickstart: Python 3.10 or later is needed (this is {version}).",
        "novenv": "quickstart: this Python lacks its venv module; install the package {package} "
        "(sudo apt install {package}) and run again.",
        "venv_failed": "quickstart: could not make the virtual environment .venv ({why}).",
        "installing": "quickstart: installing dvc-tui{extra} into .venv (1-3 minutes the first time)...",
        "install_failed": "quickstart: the install failed (pip exited with {code}); "
        "pip's messages are above.",
    },
}


def say(key: str, **values: object) -> None:
    lang = os.environ.get("DVC_TUI_LANG", "vi").strip().lower()
    print(MESSAGES.get(lang, MESSAGES["vi"])[key].format(**values), file=sys.stderr, flush=True)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")


def venv_script(name: str) -> Path:
    return VENV / (f"Scripts/{name}.exe" if WINDOWS else f"bin/{name}")


def venv_package() -> str:
    """Debian and Ubuntu ship venv's pip (ensurepip) in a package of its own."""
    return f"python{sys.version_info.major}.{sys.version_info.minor}-venv"


def has_venv_module() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in ("venv", "ensurepip"))


def venv_works() -> bool:
    python = venv_python()
    if not python.exists():
        return False
    probe = [str(python), "-c", "import pip, sys; sys.exit(sys.prefix == sys.base_prefix)"]
    return subprocess.run(probe, capture_output=True).returncode == 0


def make_venv() -> bool:
    if venv_works():
        return True
    if not has_venv_module():
        say("novenv", package=venv_package())
        return False
    if VENV.exists():  # made by a Python that is gone, or half made: start again
        shutil.rmtree(VENV, ignore_errors=True)
    made = subprocess.run([sys.executable, "-m", "venv", str(VENV)], capture_output=True, text=True)
    if made.returncode != 0 or not venv_works():
        lines = (made.stderr or made.stdout or "").strip().splitlines()
        if any("ensurepip" in line for line in lines):
            say("novenv", package=venv_package())
        else:
            say("venv_failed", why=lines[-1] if lines else f"exit {made.returncode}")
        shutil.rmtree(VENV, ignore_errors=True)
        return False
    return True


def wanted_stamp(extras: set[str]) -> dict:
    project = (HERE / "pyproject.toml").read_bytes()
    return {"pyproject": hashlib.sha256(project).hexdigest(), "extras": sorted(extras),
            "python": sys.version.split()[0]}


def installed(extras: set[str]) -> bool:
    try:
        stamp = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    wanted = wanted_stamp(extras)
    return (isinstance(stamp, dict) and stamp.get("pyproject") == wanted["pyproject"]
            and set(extras) <= set(stamp.get("extras", [])))


def install(extras: set[str]) -> bool:
    if installed(extras):
        return True
    # Keep what an earlier install brought (the app after the tests keeps the tests' tools).
    try:
        extras = extras | set(json.loads(STAMP.read_text(encoding="utf-8")).get("extras", []))
    except (OSError, ValueError, AttributeError):
        pass
    target = "." + (f"[{','.join(sorted(extras))}]" if extras else "")
    say("installing", extra=f" [{', '.join(sorted(extras))}]" if extras else "")
    STAMP.unlink(missing_ok=True)
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    command = [str(venv_python()), "-m", "pip", "install", "--quiet", "-e", target]
    code = subprocess.run(command, cwd=HERE, env=env).returncode
    if code != 0:
        say("install_failed", code=code)
        return False
    STAMP.write_text(json.dumps(wanted_stamp(extras)), encoding="utf-8")
    return True


def run(command: list[str]) -> int:
    if WINDOWS:  # no exec there: wait, and pass the exit code on
        return subprocess.run(command, cwd=HERE if "pytest" in command else None).returncode
    if "pytest" in command:
        os.chdir(HERE)
    os.execv(command[0], command)
    return 1  # not reached


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 10):
        say("old", version=sys.version.split()[0])
        return 2
    tests = bool(argv) and argv[0] == "test"
    if not make_venv() or not install({"test"} if tests else set()):
        return 2
    if tests:
        return run([str(venv_python()), "-m", "pytest", "-n", "4", *argv[1:]])
    return run([str(venv_script("dvc-tui")), *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
