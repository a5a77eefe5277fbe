"""One measured start, in its own process: build the app headless, exit after its first frame.

    python benchmarks/startup_child.py app|baseline DATA_DIR RESULT_JSON

(DATA_DIR may hold a store already: benchmarks/scale.py starts the app on a million accounts.)

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
        return DvcApp(data_dir=data_dir, hash_cost="low", use_keyring=False)  # "test" is for the test suite only
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
        if UNTIL_STARTED:
            app.call_later(exit_when_started, app)
        else:
            app.call_later(app.exit)

    app._display = display


def exit_when_started(app) -> None:
    """Exit once the start-up worker (store, newest SMS, install key) has handed its results to
    the app: the SMS pane's messages are then in memory and counted in the peak RSS. (The
    process would wait for that thread at exit anyway.)"""
    if any(w.group == "startup" and not w.is_finished for w in getattr(app, "workers", ())):
        app.set_timer(0.005, lambda: exit_when_started(app))
        return
    marks["started"] = time.perf_counter() - T0
    recent = getattr(app, "recent_sms", None)
    if recent is not None:  # dvc-tui: what its SMS pane holds (benchmarks/scale.py checks it)
        marks["sms_kept"] = len(recent)
        marks["sms_shown"] = len(app.screen.query(".sms"))
        marks["sms_newest"] = recent[0].id if recent else None
    app.exit()


def peak_rss_kib() -> int:
    """This process's own peak resident memory. On Linux VmHWM, the high-water mark of the
    memory this program mapped: `ru_maxrss` would also count the parent's size at the fork
    (Linux keeps the larger of the two across fork and exec, and Python spawns with vfork), so
    a large parent (benchmarks/scale.py after making a store) would swell every child."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB on Linux


marks: dict = {}
UNTIL_STARTED = False
"""`started` as a 4th argument: exit only once the start-up worker has handed over its results
(benchmarks/scale.py, to count the SMS pane's messages in the memory); otherwise exit at the
first frame, the worker finishing alongside Textual's teardown (benchmarks/startup.py)."""


def main() -> int:
    global UNTIL_STARTED
    kind, data_dir, result_path = sys.argv[1:4]
    UNTIL_STARTED = sys.argv[4:5] == ["started"]
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
