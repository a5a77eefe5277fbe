"""The app's paced garbage collection (dvc_tui/gc_pacing.py): the full collections wait for a
pause in the typing, are forced after enough young collections, and the thresholds come back."""

from __future__ import annotations

import gc

import pytest

from dvc_tui import gc_pacing
from dvc_tui.gc_pacing import PacedCollector


class Timers:
    def __init__(self) -> None:
        self.started = []

    def set_interval(self, seconds, callback, name=None):
        self.started.append((seconds, callback, name))
        return self

    def stop(self) -> None:
        self.started.clear()


@pytest.fixture
def thresholds():
    saved = gc.get_threshold()
    yield saved
    gc.set_threshold(*saved)


@pytest.fixture
def now(monkeypatch):
    moment = [1000.0]
    monkeypatch.setattr(gc_pacing.time, "monotonic", lambda: moment[0])
    return moment


def test_start_turns_the_automatic_full_collection_off_and_stop_puts_it_back(thresholds):
    timers = Timers()
    collector = PacedCollector(timers)
    collector.start()
    young, middle, oldest = gc.get_threshold()
    assert (young, middle) == thresholds[:2] and oldest >= 10**9
    assert timers.started and timers.started[0][2] == "paced-gc"
    collector.stop()
    assert gc.get_threshold() == thresholds and not timers.started


def test_a_full_collection_runs_once_per_pause_never_while_typing(thresholds, now, monkeypatch):
    collector = PacedCollector(Timers())
    collector.start()
    runs = []
    monkeypatch.setattr(gc_pacing.gc, "collect", lambda: runs.append(now[0]) or 0)
    collector.touch()
    for _ in range(10):  # a key every 0.5 s: never idle
        now[0] += 0.5
        collector.tick()
        collector.touch()
    assert runs == []
    now[0] += gc_pacing.IDLE_SECONDS  # the user reads the screen
    collector.tick()
    collector.tick()
    assert len(runs) == 1 and collector.collections == 1
    now[0] += 60  # still nobody: nothing new to collect
    collector.tick()
    assert len(runs) == 1
    collector.stop()


def test_someone_who_never_pauses_still_gets_a_full_collection(thresholds, now, monkeypatch):
    collector = PacedCollector(Timers())
    collector.start()
    runs = []
    monkeypatch.setattr(gc_pacing.gc, "collect", lambda: runs.append(1) or 0)
    monkeypatch.setattr(gc_pacing.gc, "get_count", lambda: (0, 0, gc_pacing.FORCE_AFTER))
    collector.touch()
    collector.tick()
    assert runs == [1]
    collector.stop()


async def test_the_cli_s_app_paces_collections_and_keys_count_as_someone_there(make_app, thresholds):
    app = make_app(paced_gc=True)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            if app.collector._saved is not None:
                break
            await pilot.pause(0.01)
        assert gc.get_threshold()[2] >= 10**9
        app.collector._dirty = False
        await pilot.press("tab")
        assert app.collector._dirty
    assert gc.get_threshold() == thresholds  # the app closed: CPython's thresholds again


def test_the_warm_up_imports_the_next_steps_which_the_app_alone_does_not():
    """In a fresh interpreter (this one has imported everything already)."""
    import json
    import subprocess
    import sys

    probe = ("import json, sys; from dvc_tui.app import WARM_MODULES, warm_up;"
             "before = [m for m in WARM_MODULES if m in sys.modules]; warm_up();"
             "print(json.dumps([before, [m for m in WARM_MODULES if m not in sys.modules]]))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    before, missing = json.loads(out.stdout)
    assert before == [] and missing == []


def test_the_cli_starts_the_app_with_paced_collections(tmp_path, monkeypatch):
    from dvc_tui import app as app_module
    from dvc_tui.cli import main

    built = []

    class Recorder:  # a DvcApp that ran and quit as it should
        refusal = None
        crash = None
        return_code = 0
        pin_quit = False

        def __init__(self, **kwargs) -> None:
            built.append(kwargs)

        def run(self) -> None:
            pass

    monkeypatch.setattr(app_module, "DvcApp", Recorder)
    assert main(["--data-dir", str(tmp_path / "data"), "--no-keyring", "--hash-cost", "test"]) == 0
    assert built and built[0]["paced_gc"] is True
