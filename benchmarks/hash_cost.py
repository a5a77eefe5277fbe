"""How long one Argon2id hash takes with each cost dvc-tui knows (issue 6: production 50-150 ms).

    python3 benchmarks/hash_cost.py [--hashes 15] [--cost t=2,m=65536,p=1 ...] [--json FILE]

Hashes a password `--hashes` times with each named cost (and any `--cost` given, spelled as for
`--hash-cost`), through dvc-tui's own PasswordHasher, and prints the median wall and CPU time of
one hash and of one verification. Run it on the kiosk machine to choose a cost: the production
cost should stay inside 50-150 ms there; if it does not, set a spelled-out cost with
`--hash-cost` / DVC_TUI_HASH_COST (existing hashes are upgraded at their owner's next login).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_MS = (50.0, 150.0)
PASSWORD = "Sen-Vang-2024!"


def timed(call, times: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(times):
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    from dvc_tui.core.passwords import COSTS, HashCost, PasswordHasher

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hashes", type=int, default=15)
    parser.add_argument("--cost", action="append", default=[], help="another cost, e.g. t=2,m=65536,p=1")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    figures = {}
    print(f"{'cost':12}{'parameters':24}{'hash ms':>10}{'CPU ms':>9}{'verify ms':>11}")
    for name in [*COSTS, *args.cost]:
        cost = HashCost.named(name)
        hasher = PasswordHasher(cost)
        phc = hasher.hash(PASSWORD)  # warm-up: the library, the first allocation
        wall, cpu = timed(lambda: hasher.hash(PASSWORD), args.hashes)
        verify, _ = timed(lambda: hasher.verify(phc, PASSWORD), args.hashes)
        note = ""
        if name == "production":
            low, high = TARGET_MS
            note = f"  target {low:.0f}-{high:.0f} ms  {'PASS' if low <= wall <= high else 'MISS'}"
        print(f"{name:12}{cost.spelled():24}{wall:>10.1f}{cpu:>9.1f}{verify:>11.1f}{note}")
        figures[name] = {"parameters": cost.spelled(), "hash_ms": wall, "cpu_ms": cpu, "verify_ms": verify}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
