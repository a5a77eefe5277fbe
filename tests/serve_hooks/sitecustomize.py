"""Test-only hooks for a tab's app process under a live `dvc-tui serve` (tests/test_serve_hardening.py):
put on PYTHONPATH of the serve command's environment, with DVC_TUI_TEST_HOOK naming what to do.
The product has no such switch: without this file on the path nothing here exists.

- "watch": every change of the app's size and of the focused widget's value is appended, one
  line each, to the file DVC_TUI_TEST_HOOK_LOG ("size WxH", "value ID REPR").
- "crash-sms": the SMS pane's once-a-second tick raises once the store's messages (codes, phone
  numbers) have reached it: a crash while SMS codes are on screen and in a frame's local variables.
"""

import os
from pathlib import Path


def _is_tab() -> bool:
    try:
        return b"dvc_tui.commands._serve_tab" in Path("/proc/self/cmdline").read_bytes()
    except OSError:
        return False


def _watch(log: Path) -> None:
    from textual import events
    from textual.app import App

    original = App.on_event
    seen: dict = {}

    def note(key: str, line: str) -> None:
        if seen.get(key) != line:
            seen[key] = line
            with log.open("a", encoding="utf-8") as out:
                out.write(line + "\n")

    async def on_event(self, event):
        await original(self, event)
        note("size", f"size {self.size.width}x{self.size.height}")
        try:
            focused = self.focused
        except Exception:  # noqa: BLE001 - no screen yet, or none left
            return
        if focused is not None and hasattr(focused, "value"):
            note("value", f"value {focused.id} {focused.value!r}")

    App.on_event = on_event
    del events


def _crash_sms() -> None:
    from dvc_tui.widgets.sms_inbox import SmsInbox

    original = SmsInbox.tick

    def tick(self):
        messages = list(getattr(self.app, "recent_sms", []))  # noqa: F841 - a local, as real code has
        if messages:  # on the event loop, once a second: an unexpected error, not a worker's
            raise RuntimeError("forced crash (test hook)")
        original(self)

    SmsInbox.tick = tick


if _is_tab():
    hook = os.environ.get("DVC_TUI_TEST_HOOK", "")
    if hook == "watch":
        _watch(Path(os.environ["DVC_TUI_TEST_HOOK_LOG"]))
    elif hook == "crash-sms":
        _crash_sms()
