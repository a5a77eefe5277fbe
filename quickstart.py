#!/usr/bin/env python3
"""The README's Quick start: install dvc-tui into this folder's own virtual environment
(.venv) and start it, or run its tests. Standard library only, so it runs on any Python 3.10+:
one installed by hand, or a distribution's own, which refuses `pip install` outside a virtual
environment (PEP 668: Debian 12, Ubuntu 23.04+, Fedora 38+). No sudo, nothing installed
outside .venv.

    python3 quickstart.py [dvc-tui's arguments]    the app (e.g. --kiosk, serve, --lang en)
    python3 quickstart.py test [pytest's args]     the whole test suite in 4 workers

The first run makes .venv and installs the project into it from PyPI (editable, so a change to
the source needs no reinstall); later runs install again only when pyproject.toml changed, the
tests' tools are wanted for the first time, or the folder was moved (a venv cannot be moved: it
is made again). Two runs at once take turns (a lock file beside .venv). On Windows,
`py quickstart.py` does the same.
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
LOCK = HERE / ".venv.lock"
WINDOWS = os.name == "nt"

MESSAGES = {
    "vi": {
        "old": "quickstart: cần Python 3.10 trở lên (đang chạy {version}).",
        "novenv": "quickstart: Python này thiếu mô-đun venv; hãy cài gói {package} "
        "(sudo apt install {package}) rồi chạy lại.",
        "venv_failed": "quickstart: không tạo được môi trường ảo .venv ({why}).",
        "installing": "quickstart: đang cài dvc-tui{extra} vào .venv (lần đầu mất 1-3 phút)...",
        "install_failed": "quickstart: cài đặt không thành công (pip thoát với mã {code}); "
        "xem thông báo của pip ở trên. Lần cài đầu cần mạng tới PyPI (qua proxy: đặt https_proxy).",
        "read_only": "quickstart: không ghi được vào thư mục {path} ({why}); hãy chép dự án vào "
        "một thư mục ghi được rồi chạy lại.",
        "interrupted": "quickstart: đã dừng giữa chừng; chạy lại lệnh để cài tiếp.",
        "moved": "quickstart: thư mục dự án đã được chuyển chỗ; tạo lại .venv...",
    },
    "en": {
        "old": "quickstart: Python 3.10 or later is needed (this is {version}).",
        "novenv": "quickstart: this Python lacks its venv module; install the package {package} "
        "(sudo apt install {package}) and run again.",
        "venv_failed": "quickstart: could not make the virtual environment .venv ({why}).",
        "installing": "quickstart: installing dvc-tui{extra} into .venv (1-3 minutes the first time)...",
        "install_failed": "quickstart: the install failed (pip exited with {code}); "
        "pip's messages are above. The first install needs the network to PyPI (through a "
        "proxy: set https_proxy).",
        "read_only": "quickstart: cannot write in {path} ({why}); copy the project to a folder "
        "you can write in and run again.",
        "interrupted": "quickstart: stopped half-way; run the command again to finish the install.",
        "moved": "quickstart: the project folder was moved; making .venv again...",
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


def stamp() -> dict:
    try:
        found = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def moved() -> bool:
    """A venv names its folder in its scripts and the editable install in a .pth file: one made
    in another folder (this one moved or copied) runs nothing right here."""
    root = stamp().get("root")
    return root is not None and root != str(HERE)


def make_venv() -> bool:
    if moved():
        say("moved")
        shutil.rmtree(VENV, ignore_errors=True)
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
            "root": str(HERE), "python": sys.version.split()[0]}


def installed(extras: set[str]) -> bool:
    found, wanted = stamp(), wanted_stamp(extras)
    return (found.get("pyproject") == wanted["pyproject"] and found.get("root") == wanted["root"]
            and set(extras) <= set(found.get("extras", [])))


def install(extras: set[str]) -> bool:
    if installed(extras):
        return True
    extras = extras | set(stamp().get("extras", []))  # keep what an earlier install brought
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


class Lock:
    """One quickstart at a time in this folder: a second waits for the first's install."""

    def __enter__(self) -> "Lock":
        self.handle = open(LOCK, "a+b")
        if WINDOWS:
            import msvcrt

            while True:
                try:
                    msvcrt.locking(self.handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:  # gives up after 10 s: wait on
                    continue
        else:
            import fcntl

            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()  # lets go of the lock


def ready(tests: bool) -> bool:
    if installed({"test"} if tests else set()) and venv_works():  # the everyday start: no lock
        return True
    try:
        with Lock():
            return make_venv() and install({"test"} if tests else set())
    except OSError as exc:  # a folder that cannot be written
        say("read_only", path=HERE, why=exc.strerror or exc)
        return False


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 10):
        say("old", version=sys.version.split()[0])
        return 2
    tests = bool(argv) and argv[0] == "test"
    try:
        if not ready(tests):
            return 2
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    if tests:
        return run([str(venv_python()), "-m", "pytest", "-n", "4", *argv[1:]])
    return run([str(venv_script("dvc-tui")), *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
