"""A 100,000-character terminal paste full of escape sequences (issue 14, finding 8): CPU time and
peak memory from the bytes to the focused field, dvc-tui against benchmarks/minimal_app.py.

Each side runs headless with an Input focused and is handed what its terminal parser makes of
`ESC[200~ <100,000 characters> ESC[201~`, read in 4 KiB chunks as Textual's Linux driver reads:
the minimal app with Textual's own XTermParser, dvc-tui with the parser its drivers use
(dvc_tui.textual_compat.SafePasteParser) on its registration form. Printed: CPU seconds and the
peak of traced memory for each, and the ratio dvc-tui / minimal. With Textual's parser a
paste's ESC turns what follows into key presses (one event each), which is what made the app
take minutes and gigabytes; `--length` to try other sizes.

    python3 benchmarks/paste.py [--length 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

START, END = "\x1b[200~", "\x1b[201~"


def paste_bytes(length: int) -> str:
    text = ("Nguyen\x1b[31mVan An\x1b]0;x\x07 " * (length // 20 + 1))[:length]
    return START + text + END


async def deliver(app, pilot, parser, data: str) -> None:
    for start in range(0, len(data), 4096):
        for event in parser.feed(data[start:start + 4096]):
            app.post_message(event)
        await pilot.pause()
    for _ in range(20):
        await pilot.pause()


async def minimal(data: str) -> tuple[float, int]:
    from textual._xterm_parser import XTermParser
    from textual.widgets import Input

    from benchmarks.minimal_app import MinimalApp

    app = MinimalApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        field = Input(id="field")
        await app.screen.mount(field)
        field.focus()
        await pilot.pause()
        return await measured(deliver(app, pilot, XTermParser(), data))


async def dvc(data: str) -> tuple[float, int]:
    import os

    os.environ.setdefault("PYTEST_DVC_TUI_CHEAP_HASH", "1")  # the form needs no hashing
    from dvc_tui.app import DvcApp
    from dvc_tui.core.clock import FakeClock
    from dvc_tui.textual_compat import SafePasteParser

    data_dir = Path(tempfile.mkdtemp(prefix="dvc-paste-")) / "data"
    app = DvcApp(data_dir, clock=FakeClock(), rng=random.Random(1), hash_cost="test", use_keyring=False,
                 language="vi")
    async with app.run_test(size=(100, 30)) as pilot:
        for selector in ("#register", "#subject-citizen", "#method-mobile"):
            for _ in range(200):
                await pilot.pause(0.01)
                if app.screen.query(selector):
                    break
            await pilot.click(selector)
        await pilot.pause()
        app.screen.query_one("#full-name").focus()
        await pilot.pause()
        result = await measured(deliver(app, pilot, SafePasteParser(), data))
        print(f"dvc-tui field after the paste: {len(app.screen.query_one('#full-name').value)} characters; "
              f"message: {app.screen.query_one('#full-name-error').render()!s}")
        return result


async def measured(work) -> tuple[float, int]:
    tracemalloc.start()
    started = time.process_time()
    await work
    cpu = time.process_time() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return cpu, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=100_000)
    parser.add_argument("--skip-minimal", action="store_true",
                        help="only dvc-tui (Textual's parser on the minimal app takes minutes)")
    args = parser.parse_args()
    data = paste_bytes(args.length)
    dvc_cpu, dvc_peak = asyncio.run(dvc(data))
    print(f"dvc-tui  (SafePasteParser): cpu {dvc_cpu:.3f} s, peak traced memory {dvc_peak / 1e6:.1f} MB")
    if args.skip_minimal:
        return 0
    min_cpu, min_peak = asyncio.run(minimal(data))
    print(f"minimal  (XTermParser):     cpu {min_cpu:.3f} s, peak traced memory {min_peak / 1e6:.1f} MB")
    print(f"ratio dvc-tui / minimal: cpu {dvc_cpu / min_cpu:.3f}, memory {dvc_peak / min_peak:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
