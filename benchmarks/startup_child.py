"""One measured start, in its own process: build the app headless, exit after its first frame.

    python benchmarks/startup_child.py app|baseline DATA_DIR RESULT_JSON

The same harness drives both apps. It replaces `app._display` on the instance (the method a
`Screen` calls with each compositor update) to notice the first frame of the screen whose id
is `home`, renders that update to terminal text (the work a real terminal start would do and the
headless driver skips), then asks the app to exit. The app runs `App.run(headless=True,
size=(100, 30))`, so start-up and teardown are the real ones, workers included.

At the end it writes a JSON line to RESULT_JSON: its own peak RSS (`getrusage(RUSAGE_SELF)`),
the moments (seconds since this script started) of import, construction, first frame and
exit, and the number of widgets on the home screen.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# Measure the checkout this script lives in, whatever the editable install points at.
sys.path.insert(0, str(REPO))
FIRST_FRAME_MARK = b"benchmark: first frame\n"
SIZE = (100, 30)


def build(kind: str, data_dir: str):
    if kind == "app":
        from dvc_tui.app import DvcApp

        marks["imported"] = time.perf_counter() - T0
        return DvcApp(data_dir=data_dir, hash_cost="test", use_keyring=False)
    if kind == "baseline":
        from minimal_app import MinimalApp

        marks["imported"] = time.perf_counter() - T0
        return MinimalApp()
    raise SystemExit(f"unknown kind {kind!r}: app or baseline")


def exit_after_first_frame(app, screen_id: str = "home") -> None:
    original = app._display

    def display(screen, renderable) -> None:
        original(screen, renderable)
        if "first_frame" in marks or renderable is None or screen.id != screen_id:
            return
        render = getattr(renderable, "render_segments", None)
        if render is not None:
            render(app.console)
        marks["first_frame"] = time.perf_counter() - T0
        marks["widgets"] = sum(1 for _ in screen.walk_children())
        # C-level stderr, in order with `-X importtime` lines (Textual redirects sys.stderr).
        os.write(2, FIRST_FRAME_MARK)
        app.call_later(app.exit)

    app._display = display


def peak_rss_kib() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB on Linux


marks: dict = {}


def main() -> int:
    kind, data_dir, result_path = sys.argv[1:4]
    app = build(kind, data_dir)
    marks["built"] = time.perf_counter() - T0
    exit_after_first_frame(app)
    app.run(headless=True, size=SIZE)
    marks["exited"] = time.perf_counter() - T0
    if "first_frame" not in marks:
        print(f"{kind}: the home screen never painted", file=sys.stderr)
        return 2
    if kind == "app":
        import dvc_tui

        marks["package"] = str(Path(dvc_tui.__file__).parent)
    marks["kind"] = kind
    marks["peak_rss_kib"] = peak_rss_kib()
    Path(result_path).write_text(json.dumps(marks) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
