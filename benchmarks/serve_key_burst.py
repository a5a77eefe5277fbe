"""Key bursts through `dvc-tui serve`'s websocket into real tab processes (issue 14, finding 1,
the serve side): random mixes of Enter/Esc/Tab/F-keys/arrows/letters at machine speed, sent as
the page sends them (`["stdin", data]`, one message a key), over several tabs; a tab whose app
died is counted and replaced by a new one. Prints rounds, keys, tabs started and tabs died.

    python3 benchmarks/serve_key_burst.py [--rounds 3000] [--tabs 4] [--seed 14]

The suite's short run is tests/test_serve_hardening.py::test_key_bursts_through_the_websocket_kill_no_tab.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.serve_live import HOME, LiveServe, key_burst, open_tab  # noqa: E402


async def run(live: LiveServe, rounds: int, tabs_wanted: int, seed: int) -> dict:
    import aiohttp

    rng = random.Random(seed)
    counts = {"rounds": 0, "keys": 0, "tabs started": 0, "tabs died": 0, "first death at round": None}
    async with aiohttp.ClientSession() as session:
        async def new_tab():
            tab = await open_tab(session, live.base)
            assert not isinstance(tab, int), tab
            await tab.read_until(HOME, 60)
            counts["tabs started"] += 1
            return tab

        tabs = [await new_tab() for _ in range(tabs_wanted)]
        for round_ in range(rounds):
            index = round_ % tabs_wanted
            tab = tabs[index]
            try:
                for key in key_burst(rng):
                    await tab.send(key)
                    counts["keys"] += 1
            except aiohttp.ClientConnectionResetError:
                tab.closed = True
            await tab.read_until(None, 0.02)
            if tab.closed:
                counts["tabs died"] += 1
                counts["first death at round"] = counts["first death at round"] or round_
                tabs[index] = await new_tab()
            counts["rounds"] = round_ + 1
        for tab in tabs:
            await tab.read_until(None, 1)
            counts["tabs died"] += tab.closed
            await tab.ws.close()
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3000)
    parser.add_argument("--tabs", type=int, default=4)
    parser.add_argument("--seed", type=int, default=14)
    options = parser.parse_args()
    os.environ.setdefault("PYTEST_DVC_TUI_CHEAP_HASH", "1")  # the cheap hash of the test suite
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        live = LiveServe(Path(folder) / "data")
        try:
            counts = asyncio.run(run(live, options.rounds, options.tabs, options.seed))
        finally:
            output = live.stop()
            crash_log = Path(folder) / "data" / "crash.log"  # scrubbed: no locals, values or SMS
            crashes = crash_log.read_text(encoding="utf-8", errors="replace") if crash_log.exists() else ""
    tracebacks = output.count("Traceback") + output.count("unexpected error") + output.count("lỗi không mong đợi")
    for name, value in counts.items():
        print(f"{name}: {value}")
    print(f"crash reports in the server's output: {tracebacks}")
    print(f"seconds: {time.monotonic() - started:.0f}")
    if tracebacks:
        print(output[-2000:])
    if crashes:
        print("crash.log:")
        print(crashes[-6000:])
    return 1 if counts["tabs died"] or tracebacks else 0


if __name__ == "__main__":
    raise SystemExit(main())
