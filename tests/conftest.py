"""Shared fixtures: a fresh data dir, an injected clock and seeded randomness, and helpers to
drive the app with Pilot and wait only for its blocking work (never for the wizard itself)."""

from __future__ import annotations

import atexit
import gc
import os
import random
import re
import shutil
import tempfile
from pathlib import Path

import pytest

# No test reads the developer's own settings file (~/.config/dvc-tui/config.toml): the settings
# file is one that does not exist, in a fresh folder, for this process and every subprocess it
# starts (they inherit os.environ). Tests of the file point DVC_TUI_CONFIG at their own.
_NO_CONFIG_DIR = tempfile.mkdtemp(prefix="dvc-tui-tests-")
os.environ["DVC_TUI_CONFIG"] = str(Path(_NO_CONFIG_DIR) / "no-config.toml")
atexit.register(shutil.rmtree, _NO_CONFIG_DIR, ignore_errors=True)
# The cheap Argon2id cost ("test", t=1,m=8,p=1) is refused outside the tests (below OWASP's
# minimum): this switch, inherited by every subprocess, is what lets the suite use it.
os.environ["PYTEST_DVC_TUI_CHEAP_HASH"] = "1"

from dvc_tui.core.clock import FakeClock  # noqa: E402

CITIZEN = {
    "cccd": "001090012345",
    "full-name": "Nguyễn Văn An",
    "dob": "01/01/1990",
    "phone": "0828123088",
}
"""A training citizen whose number the carrier registry holds in his own name."""
GOOD_PASSWORD = "Sen-Vang-2024!"
"""Past every check of a new password: the rule, no training citizen's data, not common, zxcvbn 3+."""


# Textual allocates fast while it lays out and renders, and CPython's default thresholds
# (700, 10, 10) then run a collection every few hundred objects, the older generations over
# the whole heap of Textual, Rich and the app each time: ~40% of a Pilot test's CPU. Rarer
# collections (the young generation every 50,000 allocations) cut that; garbage with cycles is
# still collected, later (the workers' peak memory stays a few hundred MB). Tests only: the
# app keeps the defaults (benchmarks/heartbeat.py measures its pauses).
gc.set_threshold(50_000, 50, 100)

SLOW_SYNC_MODULES = {"test_broken_env.py", "test_durability.py", "test_import_hygiene.py", "test_screenshots.py",
                     "test_browser.py"}
"""Modules of plain (not async) tests that still take seconds each: subprocesses, whole sessions."""


def pytest_collection_modifyitems(config, items) -> None:
    """The slow tests first (Pilot sessions, snapshots, subprocesses), the quick ones last, each
    group in the order collected: on the workers (pytest -n 4) the quick ones fill the end, so
    the workers finish together instead of one waiting for another's last long test."""
    import inspect

    def slow(item) -> bool:
        function = getattr(item, "obj", None)
        return (inspect.iscoroutinefunction(function) or item.path.parent.name in ("screens", "snapshots")
                or item.path.name in SLOW_SYNC_MODULES)

    items.sort(key=lambda item: not slow(item))  # a stable sort: False (slow) first


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_app(data_dir, clock):
    """Build a DvcApp on a fresh data dir, cheap hashing, file secret, fixed captcha seed."""
    from dvc_tui.app import DvcApp

    def make(**kwargs):
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("rng", random.Random(1234))
        kwargs.setdefault("hash_cost", "test")
        kwargs.setdefault("use_keyring", False)
        kwargs.setdefault("language", "vi")
        return DvcApp(data_dir, **kwargs)

    return make


KIOSK_PIN = "482913"
"""The trainer PIN of the `kiosk_app` fixture's apps."""


@pytest.fixture
def kiosk_app(make_app, data_dir):
    """Build a kiosk app (idle 120 s) whose trainer PIN (KIOSK_PIN) is set, hashed at the test cost."""
    from dvc_tui.core.passwords import HashCost, PasswordHasher
    from dvc_tui.store.kiosk_pin import save_pin_hash

    save_pin_hash(data_dir, PasswordHasher(HashCost.named("test")).hash(KIOSK_PIN), use_keyring=False)

    def make(**kwargs):
        kwargs.setdefault("kiosk", True)
        kwargs.setdefault("idle_seconds", 120)
        return make_app(**kwargs)

    return make


async def settle(app, pilot, rounds: int = 1000) -> None:
    """Wait for the app's thread workers (store, hashing) to finish, then for the screen."""
    for _ in range(rounds):
        if not any(w.group in ("blocking", "startup") and not w.is_finished for w in app.workers):
            break
        await pilot.pause(0.01)
    await pilot.pause()


def last_code(app) -> str:
    """The 6-digit code of the newest SMS in the pane, as a user would read it."""
    return re.search(r"\b(\d{6})\b", app.recent_sms[0].body).group(1)


async def type_into(pilot, widget_id: str, text: str) -> None:
    """Focus a field, empty it and put `text` in at the cursor (as a paste would).

    Pilot takes ~65 ms a key press, so tests type whole values this way; `press_text` below
    types key by key where the keys themselves are what is tested.
    """
    widget = pilot.app.screen.query_one(f"#{widget_id}")
    widget.focus()
    await pilot.pause()
    widget.value = ""
    widget.insert_text_at_cursor(text)
    await pilot.pause()


async def press_text(pilot, text: str) -> None:
    """Type `text` key by key into whatever has focus."""
    await pilot.press(*[KEY_NAMES.get(ch, ch) for ch in text])


KEY_NAMES = {" ": "space", "/": "slash", "@": "at", ".": "full_stop", "+": "plus", "!": "exclamation_mark",
             "-": "minus", "_": "underscore", "#": "number_sign", "*": "asterisk"}


async def click(pilot, selector: str) -> None:
    """Scroll a widget into view, then click it."""
    widget = pilot.app.screen.query_one(selector)
    # A Button ignores clicks for 0.2 s of real time after a press (its "-active" look): a test
    # that presses the same button twice must wait for it, as a user would, or lose the click
    # on a fast machine.
    for _ in range(100):
        if not widget.has_class("-active"):
            break
        await pilot.pause(0.02)
    widget.scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    await pilot.click(selector)
    await pilot.pause()


async def fill_form(app, pilot, values: dict[str, str], captcha: str | None = None) -> None:
    for widget_id, text in values.items():
        await type_into(pilot, widget_id, text)
    code = captcha if captcha is not None else str(app.screen.query_one("#captcha-code").render())
    await type_into(pilot, "captcha", code)


async def to_form(app, pilot) -> None:
    """Home -> Đăng ký -> Công dân -> Thuê bao di động."""
    await settle(app, pilot)
    await click(pilot, "#register")
    await click(pilot, "#subject-citizen")
    await click(pilot, "#method-mobile")
    assert app.screen.id == "register-mobile"


async def register(app, pilot, values: dict[str, str] | None = None, password: str = GOOD_PASSWORD) -> None:
    """The whole registration path, ending on the `registered` screen."""
    await to_form(app, pilot)
    await fill_form(app, pilot, values or CITIZEN)
    await click(pilot, "#submit")
    await settle(app, pilot)
    assert app.screen.id == "otp", _errors(app)
    await type_into(pilot, "otp-code", last_code(app))
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.id == "set-password", _errors(app)
    await type_into(pilot, "password", password)
    await type_into(pilot, "password-confirm", password)
    await click(pilot, "#submit")
    await settle(app, pilot)
    assert app.screen.id == "registered", _errors(app)


def _errors(app) -> list[str]:
    return [str(w.render()) for w in app.screen.query(".field-error, .message") if w.display]
