"""What the start-up check of the database costs (issue 14, finding 9).

    python3 benchmarks/integrity.py [--accounts 1000000] [--sms 2000000] [--runs 5] [--store DIR]

Uses benchmarks/scale.py's stores (made once, kept under $TMPDIR/dvc-tui-scale-<accounts>-<sms>):
times opening each store with SqliteStore (what `dvc-tui` does before it takes the screen: the
header, the version, PRAGMA integrity_check up to FULL_CHECK_BYTES; above it quick_check starts
in a thread and only writes wait for it), then the open until the check's verdict
(`wait_intact`: what a staff command waits, and the app's first write at the most), the big
store against the empty one, alternating, each in a fresh process with a cold `_IN_USE`; and,
once each on the big store, what each PRAGMA costs alone. Prints the medians and the ratios;
exit 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

OPEN = """
import sys, time
from dvc_tui.store.sqlite import SqliteStore
started = time.perf_counter()
store = SqliteStore(sys.argv[1])
opened = time.perf_counter() - started
store.wait_intact()
print(opened, time.perf_counter() - started)
store.close()
"""
PRAGMA = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
started = time.perf_counter()
rows = db.execute(f"PRAGMA {sys.argv[2]}(1)").fetchall()
print(time.perf_counter() - started, rows)
"""


def child(script: str, *args: str) -> str:
    return subprocess.run([sys.executable, "-c", script, *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def main() -> int:
    import scale

    from dvc_tui.store.sqlite import DB_NAME, FULL_CHECK_BYTES

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--accounts", type=int, default=1_000_000)
    parser.add_argument("--sms", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store", type=Path)
    args = parser.parse_args()
    root = args.store or scale.default_store(args.accounts, args.sms)
    big, empty = scale.build(root, args.accounts, args.sms, False)
    big_db, empty_db = big / DB_NAME, empty / DB_NAME
    size = big_db.stat().st_size
    chosen = "integrity_check" if size <= FULL_CHECK_BYTES else "quick_check"
    opened: dict[str, list[float]] = {"big": [], "empty": []}
    checked: dict[str, list[float]] = {"big": [], "empty": []}
    child(OPEN, str(big_db))  # warm: the page cache, .pyc files
    for _ in range(args.runs):
        for name, path in (("big", big_db), ("empty", empty_db)):
            first, second = child(OPEN, str(path)).split()
            opened[name].append(float(first))
            checked[name].append(float(second))
    print(f"store {size / 2**20:,.0f} MiB ({args.accounts:,} accounts, {args.sms:,} SMS): the start checks it "
          f"with {chosen} (integrity_check up to {FULL_CHECK_BYTES / 2**20:.0f} MiB, before the open returns)")
    for label, times in (("open (what the start waits)", opened), ("open until the check's verdict", checked)):
        big_s, empty_s = statistics.median(times["big"]), statistics.median(times["empty"])
        print(f"{label}, median of {args.runs}: big {big_s * 1000:,.0f} ms, empty {empty_s * 1000:,.0f} ms "
              f"({big_s / empty_s:.1f}x)")
    for pragma in ("quick_check", "integrity_check"):
        seconds, rows = child(PRAGMA, str(big_db), pragma).split(" ", 1)
        print(f"{pragma} alone on the big store: {float(seconds) * 1000:,.0f} ms -> {rows}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
