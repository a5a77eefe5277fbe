"""Keys faster than screens (issue 14, finding 1): random key mixes as the bytes a terminal sends,
fed through the real terminal parser, and the means to force a crash in a real process.

Shared by tests/screens/test_key_burst.py, tests/test_crash_report.py, benchmarks/key_burst.py
and the `serve` fuzzer (the same bytes, sent through a websocket):

- KEYS: key name -> the bytes an xterm sends for it; `mix(rng, n)`: n random key names (Enter,
  Esc, Tab, Shift+Tab, F1-F10, arrows, letters, digits, Backspace, space, Ctrl+Q);
  `as_bytes(names)`: the burst as one string, as it would arrive from the terminal.
- `feed(app, parser, data)`: data through the parser the app's drivers use
  (dvc_tui.textual_compat.SafePasteParser, Textual's XTermParser) and into the app, as a driver
  posts its events; `burst_round(...)` one round in a Pilot session, WALKS the paths to deep
  screens a round may start from.
- `crash_hook_dir(path, ...)`: a folder holding a sitecustomize.py that, put on PYTHONPATH of a
  real `python -m dvc_tui` process, makes one screen method raise: the product has no crash switch.
"""

from __future__ import annotations

import random
import string
import textwrap
from pathlib import Path

KEYS: dict[str, str] = {
    "enter": "\r", "escape": "\x1b", "tab": "\t", "shift+tab": "\x1b[Z", "backspace": "\x7f",
    "space": " ", "ctrl+q": "\x11",
    "up": "\x1b[A", "down": "\x1b[B", "right": "\x1b[C", "left": "\x1b[D",
    "f1": "\x1bOP", "f2": "\x1bOQ", "f3": "\x1bOR", "f4": "\x1bOS", "f5": "\x1b[15~",
    "f6": "\x1b[17~", "f7": "\x1b[18~", "f8": "\x1b[19~", "f9": "\x1b[20~", "f10": "\x1b[21~",
}
KEYS.update({c: c for c in string.ascii_letters + string.digits})

WEIGHTS: dict[str, float] = {"enter": 8, "escape": 6, "tab": 5, "shift+tab": 2, "f4": 3,
                             "up": 1.5, "down": 1.5, "left": 1, "right": 1, "backspace": 1,
                             "space": 1, "ctrl+q": 0.5}
"""The navigation keys most often (they change screens); each letter and digit weighs 0.1, and
each other F-key 1."""

ISSUE_BURST = ["enter", "enter", "enter", "escape", "escape", "f4"]
"""The issue's own sequence (tmux send-keys every 0.2 s crashed the kiosk in 10-50 rounds)."""


def _weight(name: str) -> float:
    if name in WEIGHTS:
        return WEIGHTS[name]
    return 1.0 if name.startswith("f") and name[1:].isdigit() else 0.1


_NAMES = list(KEYS)
_WEIGHTS = [_weight(name) for name in _NAMES]


def mix(rng: random.Random, n: int) -> list[str]:
    """n random key names, navigation keys favoured."""
    return rng.choices(_NAMES, weights=_WEIGHTS, k=n)


def as_bytes(names: list[str]) -> str:
    return "".join(KEYS[name] for name in names)


# -- in process: through the terminal parser, into a Pilot app ---------------------------------
def parser():
    """The parser Textual's drivers build for the app (SafePasteParser: Textual's XTermParser)."""
    from dvc_tui.textual_compat import SafePasteParser

    return SafePasteParser()


def feed(app, terminal_parser, data: str) -> int:
    """Post what the parser makes of `data` to the app, as a driver does; how many events."""
    count = 0
    for event in terminal_parser.feed(data):
        event.set_sender(app)
        app.post_message(event)
        count += 1
    return count


async def _walk_form(app, pilot):
    from tests.conftest import to_form

    await to_form(app, pilot)


async def _walk_otp(app, pilot):
    from tests.screens.helpers import to_otp

    await to_otp(app, pilot)


async def _walk_password(app, pilot):
    from tests.screens.helpers import to_set_password

    await to_set_password(app, pilot)


async def _walk_login_tab(app, pilot):
    from tests.conftest import click
    from tests.screens.helpers import to_login

    await to_login(app, pilot)
    await click(pilot, random.Random(len(app.screen_stack)).choice(["#tab-usb", "#tab-sim", "#tab-cccd"]))


async def _walk_forgot(app, pilot):
    from tests.conftest import click
    from tests.screens.helpers import to_login

    await to_login(app, pilot)
    await click(pilot, "#forgot")
    assert app.screen.id == "forgot-password", app.screen.id


async def _walk_login_code(app, pilot):
    from tests.screens.helpers import seed_account, to_login_code

    _seeded(app, seed_account)
    await to_login_code(app, pilot)


async def _walk_profile(app, pilot):
    from tests.screens.helpers import confirm_code, last_code, seed_account, to_login_code

    _seeded(app, seed_account)
    await to_login_code(app, pilot)
    await confirm_code(app, pilot, last_code(app))
    assert app.screen.id == "profile", app.screen.id


def _seeded(app, seed_account) -> None:
    if getattr(app, "_keyburst_seeded", False):
        return
    try:
        seed_account(app)
    except Exception:  # noqa: BLE001 - already there (a registration round made it)
        pass
    app._keyburst_seeded = True


WALKS = {
    "home": None, "register-mobile": _walk_form, "otp": _walk_otp, "set-password": _walk_password,
    "login-tab": _walk_login_tab, "forgot-password": _walk_forgot, "login-otp": _walk_login_code,
    "profile": _walk_profile,
}
"""Where a round starts: the home page, or a deep screen reached by a walk (Pilot, seeded
captcha, the code read from the SMS pane)."""


def watch_screens(app, screens: set[str]) -> None:
    """Add the id of every screen the app shows (however briefly) to `screens`."""
    app.screen_change_signal.subscribe(app, lambda screen: screens.add(screen.id or type(screen).__name__))


async def to_home(app, pilot) -> None:
    """Back to an untouched home page between rounds: the kiosk's own wipe (or pops), and the
    app's clock an hour on, so the store's limits (60 s between sends, 5 sends an hour) never
    refuse the next round's walk."""
    from tests.conftest import settle

    await settle(app, pilot)
    clock = getattr(app.services, "clock", None)
    if hasattr(clock, "advance"):
        clock.advance(3600)
    if getattr(app, "kiosk_on", False):
        app.kiosk_wipe()
    else:
        app.workers.cancel_group(app, "flow")
        while len(app.screen_stack) > 2:
            app.pop_screen()
    await settle(app, pilot)
    await pilot.pause()


def chunks(rng: random.Random, names: list[str]) -> list[tuple[list[str], int]]:
    """The keys cut into reads of 1-8 keys, each followed by 0-2 frames: some keys arrive
    together in one read, some while a screen is being pushed or taken away."""
    out, at = [], 0
    while at < len(names):
        size = rng.randint(1, 8)
        out.append((names[at:at + size], rng.choice((0, 0, 1, 2))))
        at += size
    return out


async def burst_round(app, pilot, terminal_parser, rng: random.Random, start: str, keys: int,
                      screens: set[str]) -> None:
    """One round: to `start`, then `keys` random keys at machine speed, through the parser, in
    reads of 1-8 keys (`chunks`); every screen shown meanwhile added to `screens`."""
    from tests.conftest import settle

    await to_home(app, pilot)
    walk = WALKS[start]
    if walk is not None:
        await walk(app, pilot)
    screens.add(app.screen.id or type(app.screen).__name__)
    for part, frames in chunks(rng, mix(rng, keys)):
        feed(app, terminal_parser, as_bytes(part))
        for _ in range(frames):
            await pilot.pause()
        screens.add(app.screen.id or type(app.screen).__name__)
    await settle(app, pilot)
    await pilot.pause()
    screens.add(app.screen.id or type(app.screen).__name__)


# -- a real process: the test-only crash hook ----------------------------------------------------
def crash_hook_dir(folder: Path, *, module: str, cls: str, method: str, after_sms: int = 1,
                   times: int = 1_000_000) -> Path:
    """A folder with a sitecustomize.py making `module.cls.method` raise RuntimeError once the
    app holds `after_sms` SMS (for the secrets scan: codes and phone numbers are on screen and
    in the frames' locals), at most `times` times in the process (a kiosk starts again in the
    same process). Put the folder first on PYTHONPATH of the process."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(textwrap.dedent(f"""\
        # test-only (tests/keyburst.py): not part of dvc-tui
        import importlib, sys

        _raised = [0]

        class _Finder:
            def find_spec(self, name, path=None, target=None):
                if name != {module!r}:
                    return None
                sys.meta_path.remove(self)
                import importlib.util
                spec = importlib.util.find_spec(name)
                loader = spec.loader
                original = loader.exec_module

                def exec_module(mod):
                    original(mod)
                    klass = getattr(mod, {cls!r})
                    before = getattr(klass, {method!r})

                    def patched(self, *args, **kwargs):
                        app = self.app
                        messages = list(getattr(app, "recent_sms", []))
                        if len(messages) >= {after_sms} and _raised[0] < {times}:
                            _raised[0] += 1
                            pane = [m.body for m in messages]  # secrets held in a local
                            raise RuntimeError("forced crash (test hook)")
                        return before(self, *args, **kwargs)

                    setattr(klass, {method!r}, patched)

                loader.exec_module = exec_module
                return spec

        sys.meta_path.insert(0, _Finder())
        """))
    return folder


# -- a real terminal: the real `python -m dvc_tui --kiosk` in a pty --------------------------------
# The keys go through everything a kiosk's keyboard goes through: the pty's line discipline (raw
# mode), Textual's Linux driver and its terminal parser (a lone ESC followed at once by other bytes
# is Alt+key: kept, that is the real parser's behaviour). What the fuzzer needs to know of the app
# (which screen and field is up, the captcha and code to type on a walk) comes from a test-only
# hook (`screen_log_hook_dir`), never from the product.
PIN = "48291375"
"""The trainer PIN the pty kiosks are given (kiosk set-pin)."""


def screen_log_hook_dir(folder: Path, log: Path) -> Path:
    """A folder holding a sitecustomize.py that, first on PYTHONPATH of the app's process, appends
    to `log` one line per focus change: `F <screen id> <focused id> <captcha shown> <newest code>`
    (test-only: the walks type the captcha and code as a user reads them off the screen)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(textwrap.dedent(f"""\
        # test-only (tests/keyburst.py): not part of dvc-tui
        import re
        import textual.screen

        _LOG = {str(log)!r}
        _before = textual.screen.Screen.set_focus

        def _shown(screen):
            try:
                return str(screen.query_one("#captcha-code").render()).strip() or "-"
            except Exception:
                return "-"

        def _code(app):
            try:
                found = re.search(r"\\b(\\d{{6}})\\b", app.recent_sms[0].body)
                return found.group(1) if found else "-"
            except Exception:
                return "-"

        def set_focus(self, widget, *args, **kwargs):
            result = _before(self, widget, *args, **kwargs)
            try:
                focused = self.focused
                line = "F %s %s %s %s\\n" % (self.id or type(self).__name__,
                                             (focused.id if focused is not None else None) or "-",
                                             _shown(self), _code(self.app))
                with open(_LOG, "a") as out:
                    out.write(line)
            except Exception:
                pass
            return result

        textual.screen.Screen.set_focus = set_focus

        # A screen shown again (Back, Hủy) may keep its focus without a set_focus: logged too.
        from textual import events as _events

        _on_event = textual.screen.Screen.on_event

        async def on_event(self, event):
            await _on_event(self, event)
            if isinstance(event, _events.ScreenResume):
                _log(self)

        def _log(self):
            try:
                line = "R %s\\n" % (self.id or type(self).__name__)
                with open(_LOG, "a") as out:
                    out.write(line)
            except Exception:
                pass

        textual.screen.Screen.on_event = on_event

        # The app's clock, an hour on each time the walk asks (a file "advance" beside the log):
        # the store's limits (60 s between sends, 5 an hour a phone) never refuse a walk's code.
        import os
        import datetime
        import dvc_tui.core.clock as _clock

        _ADVANCE = os.path.join(os.path.dirname(_LOG), "advance")
        _offset = [datetime.timedelta(0)]
        _now = _clock.SystemClock.now

        def now(self):
            return _now(self) + _offset[0]

        _clock.SystemClock.now = now
        _focus = set_focus

        def set_focus_advancing(self, widget, *args, **kwargs):
            if os.path.exists(_ADVANCE):
                try:
                    os.unlink(_ADVANCE)
                    _offset[0] += datetime.timedelta(hours=1)
                except OSError:
                    pass
            return _focus(self, widget, *args, **kwargs)

        textual.screen.Screen.set_focus = set_focus_advancing
        """))
    return folder


def set_pin(data_dir: Path, env: dict | None = None) -> None:
    """Give the data dir the trainer PIN `PIN`, as a trainer does (kiosk set-pin --pin-stdin)."""
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "dvc_tui", "--data-dir", str(data_dir), "--no-keyring",
                    "kiosk", "set-pin", "--pin-stdin"], input=f"{PIN}\n{PIN}\n", text=True,
                   check=True, capture_output=True, env=env, timeout=60)


class PtyKiosk:
    """The real app in a pseudo-terminal: `python -m dvc_tui --data-dir D --no-keyring
    --hash-cost low --kiosk`, its output read all the time by a thread (the app never blocks on
    a full pty buffer), what it shows known from the hook's log."""

    def __init__(self, data_dir: Path, work: Path, *, size=(100, 30), extra_args=(), env=None) -> None:
        import os

        self.data_dir = Path(data_dir)
        self.log = Path(work) / "screens.log"
        hook = screen_log_hook_dir(Path(work) / "hook", self.log)
        self.env = dict(env or os.environ)
        self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hook), self.env.get("PYTHONPATH", "")]))
        self.env.setdefault("TERM", "xterm-256color")
        self.size = size
        self.args = ["--data-dir", str(self.data_dir), "--no-keyring", "--hash-cost", "low", "--kiosk", *extra_args]
        self.output = bytearray()  # the last OUTPUT_KEPT bytes
        self.total = 0
        self.pid: int | None = None
        self.fd: int | None = None
        self.status: int | None = None

    OUTPUT_KEPT = 1 << 20

    def start(self) -> "PtyKiosk":
        import fcntl
        import os
        import pty
        import struct
        import sys
        import termios
        import threading

        pid, fd = pty.fork()
        if pid == 0:  # the child: the app, on the pty
            try:
                os.execvpe(sys.executable, [sys.executable, "-m", "dvc_tui", *self.args], self.env)
            finally:
                os._exit(127)
        rows, cols = self.size[1], self.size[0]
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.pid, self.fd = pid, fd
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        return self

    def _read(self) -> None:
        import os

        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.total += len(chunk)
            self.output += chunk
            if len(self.output) > self.OUTPUT_KEPT:
                del self.output[: len(self.output) - self.OUTPUT_KEPT]

    def write(self, data: str | bytes) -> None:
        import os

        data = data.encode() if isinstance(data, str) else data
        while data:
            data = data[os.write(self.fd, data):]

    def alive(self) -> bool:
        import os

        if self.status is not None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.status = os.waitstatus_to_exitcode(status)
        return False

    def crashes(self) -> int:
        """Reports in the data dir's crash.log (each begins "== <time>")."""
        try:
            text = (self.data_dir / "crash.log").read_text("utf-8", "replace")
        except FileNotFoundError:
            return 0
        return sum(1 for line in text.splitlines() if line.startswith("== "))

    def state(self) -> tuple[str, str, str, str]:
        """(screen id, focused id, captcha shown, newest code) at the latest focus change."""
        try:
            lines = self.log.read_text("utf-8", "replace").splitlines()
        except FileNotFoundError:
            return ("-", "-", "-", "-")
        # The newest line naming a focused widget (a screen losing its focus logs "-"; Textual
        # also sends the home page a resume as other screens come and go: R lines are not used).
        for line in reversed(lines):
            parts = line.split(" ")
            if len(parts) == 5 and parts[0] == "F" and parts[2] != "-":
                return tuple(parts[1:])  # type: ignore[return-value]
        return ("-", "-", "-", "-")

    def wait_for(self, test, timeout: float = 10.0) -> bool:
        """Until test(state) holds (True) or the timeout or the process ended (False)."""
        import time

        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if test(self.state()):
                return True
            if not self.alive():
                return False
            time.sleep(0.02)
        return False

    def close(self) -> int | None:
        import os
        import signal
        import time

        if self.alive():
            os.kill(self.pid, signal.SIGTERM)
            end = time.monotonic() + 5
            while self.alive() and time.monotonic() < end:
                time.sleep(0.05)
            if self.alive():
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        try:
            os.close(self.fd)
        except OSError:
            pass
        return self.status


# Walks through the pty: keys typed at a user's pace (each waits until the app has moved on).
def _press(kiosk: PtyKiosk, key: str, until=None, timeout: float = 8.0) -> bool:
    import time

    kiosk.write(KEYS.get(key, key))
    if until is None:
        time.sleep(0.12)  # past the parser's wait after a lone ESC
        return True
    return kiosk.wait_for(until, timeout)


def pty_home(kiosk: PtyKiosk, target: str | None = None) -> bool:
    """Back to the home page (Esc for a dialog, F4 Hủy for a step), then Tab until `target`
    (Đăng ký or Đăng nhập) has the focus there."""
    for _ in range(3):
        _press(kiosk, "escape")
        _press(kiosk, "f4")
    if target is None:
        return True
    for _ in range(16):
        current = kiosk.state()
        if current[:2] == ("home", target):
            return True
        _press(kiosk, "tab", lambda s, was=current: s != was, timeout=0.5)
    return kiosk.state()[:2] == ("home", target)


def _fill(kiosk: PtyKiosk, screen: str, values: dict[str, str], limit: int = 20) -> bool:
    """On `screen`: type each focused field's value (the captcha as shown), Tab to the next, and
    Enter on the submit button; True once the screen has changed."""
    for _ in range(limit):
        current, focused, captcha, code = kiosk.state()
        if current != screen:
            return True
        if focused == "submit":
            return _press(kiosk, "enter", lambda s: s[0] != screen, timeout=15)
        text = captcha if focused == "captcha" else code if focused == "otp-code" else values.get(focused, "")
        if text and text != "-":
            kiosk.write(text)
        _press(kiosk, "tab", lambda s, f=focused: s[1] != f or s[0] != screen, timeout=3)
    return kiosk.state()[0] != screen


WALK_CITIZEN = {"cccd": "001090012345", "full-name": "Nguyen Van An", "dob": "01/01/1990",
                "phone": "0828123088"}
WALK_PASSWORD = "Sen-Vang-2024!"


def pty_walk(kiosk: PtyKiosk, start: str) -> str:
    """From the home page to `start` (PTY_WALKS), as a user would; the screen it ended on."""
    at = lambda name: (lambda s: s[0] == name)  # noqa: E731
    if start == "home":
        return kiosk.state()[0]
    if start in ("register-mobile", "otp", "set-password"):
        pty_home(kiosk, "register")
        old_code = kiosk.state()[3]
        if start != "register-mobile":
            (kiosk.log.parent / "advance").touch()  # the clock an hour on: a new code can be sent
        _press(kiosk, "enter", at("choose-subject"))  # Đăng ký has the focus at home
        _press(kiosk, "enter", at("choose-method"))
        _press(kiosk, "enter", at("register-mobile"))
        if start != "register-mobile":
            _fill(kiosk, "register-mobile", WALK_CITIZEN)
            for _ in range(10):  # the code's SMS arrives after the screen: focus again to read it
                if kiosk.state()[0] != "otp" or kiosk.state()[3] not in ("-", old_code):
                    break
                _press(kiosk, "tab", lambda s: True, timeout=0.2)
                _press(kiosk, "shift+tab", lambda s: True, timeout=0.2)
            if start == "set-password" and kiosk.state()[0] == "otp":
                _fill(kiosk, "otp", {})
                if kiosk.state()[0] == "set-password":
                    _fill(kiosk, "set-password", {"password": WALK_PASSWORD, "password-confirm": WALK_PASSWORD})
        return kiosk.state()[0]
    pty_home(kiosk, "login")
    _press(kiosk, "enter", at("login"))
    if start == "login-tab":
        _press(kiosk, "shift+tab")  # to the tabs' row (or the field before it)
        _press(kiosk, "right")
    elif start == "forgot-password":
        for _ in range(6):
            if kiosk.state()[1] == "forgot":
                break
            _press(kiosk, "tab", lambda s: True, timeout=1)
            kiosk.wait_for(lambda s: s[1] != "-", 1)
        if kiosk.state()[1] == "forgot":
            _press(kiosk, "enter", at("forgot-password"))
    return kiosk.state()[0]


PTY_WALKS = ("home", "register-mobile", "otp", "set-password", "login-tab", "forgot-password")


def pty_round(kiosk: PtyKiosk, rng: random.Random, start: str, keys: int, screens: set[str]) -> None:
    """One round through the pty: home, the walk to `start`, then `keys` random keys written at
    machine speed in reads of 1-8 keys (no pause at all between most of them)."""
    import time

    pty_home(kiosk)
    screens.add(pty_walk(kiosk, start))
    for part, frames in chunks(rng, mix(rng, keys)):
        kiosk.write(as_bytes(part))
        if frames == 2:
            time.sleep(0.005)
    time.sleep(0.2)
    screens.add(kiosk.state()[0])


def pty_screens(kiosk: PtyKiosk) -> set[str]:
    """Every screen id the hook's log has seen."""
    try:
        return {line.split(" ")[1] for line in kiosk.log.read_text("utf-8", "replace").splitlines()
                if line[:2] in ("F ", "R ")}
    except FileNotFoundError:
        return set()
