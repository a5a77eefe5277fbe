"""Every performance figure of issue 6 beside its target: one command, one table.

    python3 benchmarks/run.py                 # all of it (~25 min; the 1M-account store is made once)
    python3 benchmarks/run.py --quick         # fewer runs, a 100,000-account store, no test suite
    python3 benchmarks/run.py --only startup,heartbeat

Runs, each as its own process with --json:

  startup    benchmarks/startup.py --importtime   app vs a minimal Textual app: wall, peak RSS
  heartbeat  benchmarks/heartbeat.py              longest event-loop gap, registration + login
  scale      benchmarks/scale.py                  1,000,000 accounts + 2,000,000 SMS vs empty
  hash       benchmarks/hash_cost.py              one production Argon2id hash
  suite      python3 -m pytest -n 4 -q            the whole test suite's wall time

then prints the table the README's "Performance" section quotes (figure, measured, target,
ratio or verdict). Exit 0 whatever the figures (they are measurements), 1 if a part crashed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PARTS = ("startup", "heartbeat", "scale", "hash", "suite")


def run_part(name: str, quick: bool, out: Path) -> tuple[dict | None, float]:
    py = sys.executable
    commands = {
        "startup": [py, str(HERE / "startup.py"), "--importtime", "--runs", "5" if quick else "15"],
        "heartbeat": [py, str(HERE / "heartbeat.py"), "--rounds", "1" if quick else "3"],
        "scale": [py, str(HERE / "scale.py"), *(["--accounts", "100000", "--sms", "200000", "--runs", "3"]
                                                if quick else [])],
        "hash": [py, str(HERE / "hash_cost.py")],
    }
    started = time.perf_counter()
    if name == "suite":
        proc = subprocess.run([py, "-m", "pytest", "-n", "4", "-q"], cwd=REPO,
                              capture_output=True, text=True)
        seconds = time.perf_counter() - started
        tail = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
        print(f"  pytest -n 4: {tail} ({seconds:.0f} s wall)")
        return {"seconds": seconds, "summary": tail, "returncode": proc.returncode}, seconds
    proc = subprocess.run([*commands[name], "--json", str(out)], cwd=REPO)
    seconds = time.perf_counter() - started
    if proc.returncode != 0 or not out.is_file():
        return None, seconds
    return json.loads(out.read_text()), seconds


def rows(figures: dict) -> list[tuple[str, str, str, str]]:
    """(figure, measured, target, verdict) for the table."""
    table = []

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "MISS"

    s = figures.get("startup")
    if s:
        for key, label in (("time", "Start-up wall time vs minimal Textual app"),
                           ("memory", "Start-up peak memory vs minimal Textual app")):
            f = s[key]
            unit = "ms" if key == "time" else "MiB"
            table.append((label, f"{f['app']:.0f} / {f['baseline']:.0f} {unit} = {f['ratio']:.2f}x",
                          f"<= {f['target']}x", verdict(f["ratio"] <= f["target"])))
    h = figures.get("heartbeat")
    if h:
        table.append(("Longest event-loop gap, registration + login (production Argon2id)",
                      f"{h['longest_ms']:.1f} ms ({h['step']})", "<= 50 ms", verdict(h["longest_ms"] <= 50)))
    c = figures.get("scale")
    if c:
        n = f"{c['accounts']:,} accounts, {c['sms']:,} SMS"
        st = c["startup"]
        ratio = st["wall_big_ms"] / st["wall_empty_ms"]
        table.append((f"Start-up on {n} vs empty store", f"{st['wall_big_ms']:.0f} / {st['wall_empty_ms']:.0f} ms = "
                      f"{ratio:.2f}x", "<= 1.05x", verdict(ratio <= 1.05)))
        ratio = st["rss_big_mib"] / st["rss_empty_mib"]
        table.append(("Peak memory with the SMS pane loaded, same stores", f"{st['rss_big_mib']:.1f} / "
                      f"{st['rss_empty_mib']:.1f} MiB = {ratio:.2f}x", "<= 1.1x", verdict(ratio <= 1.1)))
        table.append(("SMS pane shows the store's newest messages", f"{st['sms_shown']} on screen of "
                      f"{st['sms_kept']} read, newest id {st['sms_newest']} of {st['store_newest']}",
                      "the newest, not all", verdict(c["sms_pane_ok"])))
        for name, f in c["lookups"].items():
            if name.startswith(("get_account", "duplicate")):
                table.append((f"{name.split(' (')[0]} median on {c['accounts']:,} accounts",
                              f"{f['median_ms'] * 1000:.0f} µs (p99 {f['p99_ms'] * 1000:.0f} µs)", "< 1 ms",
                              verdict(f["median_ms"] < 1)))
        for mode, f in c["list"].items():
            table.append((f"accounts list {mode}: first line, peak memory vs empty store",
                          f"{f['first_line_s']:.2f} s, {f['lines']:,} lines in {f['seconds']:.0f} s, "
                          f"{f['peak_rss_mib']:.0f} MiB = {f['ratio']:.2f}x", "streams (< 1 s, <= 1.1x)",
                          verdict(f["ok"])))
    a = figures.get("hash")
    if a:
        p = a["production"]
        table.append((f"One production Argon2id hash ({p['parameters']})", f"{p['hash_ms']:.0f} ms",
                      "50-150 ms", verdict(50 <= p["hash_ms"] <= 150)))
    t = figures.get("suite")
    if t:
        table.append(("Whole test suite, pytest -n 4 on 2 cores", f"{t['seconds']:.0f} s ({t['summary']})",
                      "< 180 s", verdict(t["seconds"] < 180 and t["returncode"] == 0)))
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, a smaller store, no test suite")
    parser.add_argument("--only", help=f"comma-separated parts: {','.join(PARTS)}")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    parts = args.only.split(",") if args.only else [p for p in PARTS if not (args.quick and p == "suite")]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s) {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    figures: dict = {}
    crashed = []
    with tempfile.TemporaryDirectory(prefix="dvc-bench-run-") as scratch:
        for name in parts:
            print(f"\n=== {name} " + "=" * 60, flush=True)
            result, seconds = run_part(name, args.quick, Path(scratch) / f"{name}.json")
            if result is None:
                crashed.append(name)
                print(f"=== {name}: CRASHED after {seconds:.0f} s", flush=True)
            else:
                figures[name] = result
                print(f"=== {name}: {seconds:.0f} s", flush=True)
    table = rows(figures)
    width = max(len(r[0]) for r in table) if table else 10
    print("\n" + "=" * 100)
    print(f"{'figure':{width}}  {'measured':52}  {'target':>24}  verdict")
    for figure, measured, target, verdict in table:
        print(f"{figure:{width}}  {measured:52}  {target:>24}  {verdict}")
    for name in crashed:
        print(f"{name}: CRASHED")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False))
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
