"""Headless start of dvc-tui against a minimal Textual app: wall time and peak memory ratios.

    python3 benchmarks/startup.py [--runs N] [--warmup N] [--importtime] [--no-bytecode-cache]

Each measured run is a fresh process (`benchmarks/startup_child.py`) that imports and builds
the app on an empty, fresh data dir, runs it headless at 100x30, exits once the home screen
has painted its first frame, and reports its own peak RSS. Runs alternate app, baseline, app,
baseline, ... so drift in the machine's load touches both alike. The wall time is the whole
process (interpreter start to exit), timed here around `subprocess.run`.

The baseline is `benchmarks/minimal_app.py`, a plain Textual app with the home screen's shape.
Targets (issue 6): app/baseline <= 1.15 for the median wall time, <= 1.2 for the median peak RSS.

This is a measurement, not a test: the exit code is 0 whatever the ratios, 1 if a run crashed.
`--importtime` also runs one start of each under `python -X importtime` and lists what is
imported before the first frame (and what after it, before exit).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = HERE / "startup_child.py"
FIRST_FRAME_MARK = "benchmark: first frame"
TARGETS = {"time": 1.15, "memory": 1.2}  # issue 6
KINDS = ("app", "baseline")
TIMEOUT = 120
PYCACHE = Path(tempfile.gettempdir()) / "dvc-tui-bench-pycache"
BYTECODE_CACHE = True  # --no-bytecode-cache: the caller's environment as it is
FIRST_START = False  # --first-start: an empty data dir each run (the store made during the start)
_PREPARED: Path | None = None


def prepared_data_dir() -> Path:
    """A data dir as the app leaves it after its first start (made once per benchmark run)."""
    global _PREPARED
    if _PREPARED is None:
        root = Path(tempfile.mkdtemp(prefix="dvc-bench-prepared-"))
        _PREPARED = root / "data"
        script = ("import sys; sys.path.insert(0, sys.argv[1]);"
                  "from dvc_tui.config import Config; from dvc_tui.store.sqlite import SqliteStore;"
                  "from dvc_tui.store.secrets import load_install_secret;"
                  "c = Config.load(sys.argv[2], 'vi', 'test', use_keyring=False);"
                  "SqliteStore(c.db_path).close(); load_install_secret(c.data_dir, use_keyring=False)")
        subprocess.run([sys.executable, "-c", script, str(HERE.parent), str(_PREPARED)], check=True, env=child_env())
        import atexit

        atexit.register(shutil.rmtree, root, True)
    return _PREPARED


class RunFailed(Exception):
    pass


def child_env() -> dict[str, str]:
    """The caller's environment without settings that would change what is measured.

    Bytecode is cached, as an installed wheel's is (pip compiles at install), but under a
    prefix in the temp dir so the checkout gets no __pycache__: without it, a
    PYTHONDONTWRITEBYTECODE=1 environment would compile dvc_tui's sources on every start while
    Textual loads its .pyc files, and charge the app for it. The warm-up runs fill the cache.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("DVC_TUI_")}
    for name in ("TEXTUAL", "TEXTUAL_SCREENSHOT", "TEXTUAL_PRESS", "PYTHONPROFILEIMPORTTIME"):
        env.pop(name, None)
    if BYTECODE_CACHE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def run_once(kind: str, extra_args: tuple[str, ...] = ()) -> tuple[float, dict, str]:
    """One fresh process. Returns (wall seconds, the child's report, its stderr)."""
    with tempfile.TemporaryDirectory(prefix=f"dvc-bench-{kind}-") as scratch:
        # Every start after the first: a data dir the app has already made (store, install
        # key), copied afresh for each run. With --first-start, a dir that does not exist yet:
        # the store's creation and migrations are then part of the start (run once per install).
        data_dir = Path(scratch) / "data"
        if not FIRST_START:
            shutil.copytree(prepared_data_dir(), data_dir)
        result = Path(scratch) / "result.json"
        cmd = [sys.executable, *extra_args, str(CHILD), kind, str(data_dir), str(result)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
            timeout=TIMEOUT,
            text=True,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0 or not result.is_file():
            tail = "\n".join(
                line for line in (proc.stdout + proc.stderr).strip().splitlines()[-25:]
                if not line.startswith("import time:")
            )
            raise RunFailed(f"{kind} run exited with {describe_exit(proc.returncode)}:\n{tail}")
        report = json.loads(result.read_text(encoding="utf-8"))
        # Runs are sequential, so the growth of RUSAGE_CHILDREN's CPU time is this child's.
        report["cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, report, proc.stderr


def describe_exit(code: int) -> str:
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"status {code}"


def run_interpreter_only() -> float:
    """The bare interpreter (`python -c pass`, site included): the floor under both."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True, env=child_env(), timeout=TIMEOUT)
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def verdict(ratio: float, target: float) -> str:
    return "PASS" if ratio <= target else "MISS"


FIGURES: dict = {}
"""What --json writes: the medians and ratios of the last `measure` (benchmarks/run.py reads it)."""


def measure(runs: int, warmup: int) -> int:
    print(f"python {sys.version.split()[0]} ({sys.executable}), {os.cpu_count()} CPUs")
    print(f"{runs} alternating runs of each (after {warmup} warm-up run(s) of each), headless 100x30")
    print("data dir: " + ("empty (an install's very first start)" if FIRST_START else
                          "one the app made before (every start after the first), copied for each run"))
    if BYTECODE_CACHE:
        print(f"bytecode cached under {PYCACHE}")
    else:
        flag = os.environ.get("PYTHONDONTWRITEBYTECODE")
        print(f"bytecode cache as in the environment (PYTHONDONTWRITEBYTECODE={flag!r})")
    crashed = 0
    for _ in range(warmup):  # .pyc files, page cache
        for kind in KINDS:
            try:
                run_once(kind)
            except (RunFailed, subprocess.TimeoutExpired) as exc:
                crashed += 1
                print(f"warm-up {kind}: CRASHED\n{exc}", file=sys.stderr)

    walls: dict[str, list[float]] = {k: [] for k in KINDS}
    reports: dict[str, list[dict]] = {k: [] for k in KINDS}
    bare: list[float] = []
    for i in range(runs):
        for kind in KINDS:
            try:
                wall, report, _ = run_once(kind)
            except (RunFailed, subprocess.TimeoutExpired) as exc:
                crashed += 1
                print(f"run {i + 1} {kind}: CRASHED\n{exc}", file=sys.stderr)
                continue
            walls[kind].append(wall)
            reports[kind].append(report)
        bare.append(run_interpreter_only())

    if not walls["app"] or not walls["baseline"]:
        print("no complete runs to compare", file=sys.stderr)
        return 1

    def med(kind: str, key: str) -> float:
        return median([r[key] for r in reports[kind]])

    print()
    print(f"{'':34}{'app':>10}{'baseline':>10}{'ratio':>8}{'target':>8}")
    rows = []
    for label, key, scale, unit in (
        ("wall time, whole process", None, 1000, "ms"),
        ("peak RSS", "peak_rss_kib", 1 / 1024, "MiB"),
    ):
        if key is None:
            a, b = median(walls["app"]) * scale, median(walls["baseline"]) * scale
            target = TARGETS["time"]
        else:
            a, b = med("app", key) * scale, med("baseline", key) * scale
            target = TARGETS["memory"]
        ratio = a / b
        rows.append((label, ratio, target))
        FIGURES["time" if key is None else "memory"] = {"app": a, "baseline": b, "ratio": ratio, "target": target}
        print(
            f"{label + ' (median, ' + unit + ')':34}{a:>10.1f}{b:>10.1f}{ratio:>8.2f}"
            f"{'<= ' + str(target):>8}  {verdict(ratio, target)}"
        )

    a, b = med("app", "cpu_s") * 1000, med("baseline", "cpu_s") * 1000
    FIGURES["cpu"] = {"app": a, "baseline": b, "ratio": a / b}
    print(f"{'CPU time, user+sys (median, ms)':34}{a:>10.1f}{b:>10.1f}{a / b:>8.2f}{'':>8}  (less sensitive to load)")

    print()
    print("inside the process (medians, ms since the harness started; interpreter start not included):")
    print(f"{'':34}{'app':>10}{'baseline':>10}{'diff':>8}")
    for label, key in (
        ("imports done", "imported"),
        ("app constructed", "built"),
        ("home screen first frame", "first_frame"),
        ("app.run returned", "exited"),
    ):
        a, b = med("app", key) * 1000, med("baseline", key) * 1000
        print(f"{label:34}{a:>10.1f}{b:>10.1f}{a - b:>+8.1f}")
    bare_ms = median(bare) * 1000
    print(f"{'bare interpreter (python -c pass)':34}{bare_ms:>10.1f}{bare_ms:>10.1f}")
    widgets = {k: sorted({r['widgets'] for r in reports[k]}) for k in KINDS}
    print(f"widgets on the home screen: app {widgets['app']}, baseline {widgets['baseline']}")
    packages = sorted({r.get("package", "?") for r in reports["app"]})
    print(f"dvc_tui measured from: {', '.join(packages)}")
    print()
    for label, ratio, target in rows:
        print(f"{verdict(ratio, target)}  {label}: {ratio:.2f}x baseline (target <= {target}x)")
    if crashed:
        print(f"CRASHED  {crashed} run(s) crashed (left out of the medians; see stderr)")
    return 1 if crashed else 0


# -- -X importtime ------------------------------------------------------------------------
LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)\s*$")


def parse_importtime(stderr: str) -> tuple[list[tuple[int, int, int, str]], list[tuple[int, int, int, str]]]:
    """(self us, cumulative us, depth, module) for each import, split at the first frame."""
    before: list[tuple[int, int, int, str]] = []
    after: list[tuple[int, int, int, str]] = []
    current = before
    for line in stderr.splitlines():
        if line.strip() == FIRST_FRAME_MARK:
            current = after
            continue
        m = LINE.match(line)
        if m:
            own, cumulative, indent, name = m.groups()
            current.append((int(own), int(cumulative), (len(indent) - 1) // 2, name))
    return before, after


OWN_OR_HEAVY = re.compile(
    r"^(dvc_tui|argon2|_argon2|phonenumbers|keyring|jaraco|sqlite3|_sqlite3|pyotp|stdnum|segno|"
    r"cryptography|platformdirs|cffi|_cffi)"
)


def importtime(top: int = 15) -> int:
    print()
    print("python -X importtime, one start of each (imports up to the home screen's first frame):")
    crashed = 0
    for kind in KINDS:
        for attempt in range(3):
            try:
                _, _, stderr = run_once(kind, ("-X", "importtime"))
                break
            except (RunFailed, subprocess.TimeoutExpired) as exc:
                crashed += 1
                print(f"{kind} under -X importtime: CRASHED\n{exc}", file=sys.stderr)
        else:
            return 1
        before, after = parse_importtime(stderr)
        roots = [e for e in before if e[2] == 0]
        names = [e[3] for e in roots]
        upto_site = names.index("site") + 1 if "site" in names else 0
        site = sum(e[1] for e in roots[:upto_site])  # the interpreter's start, site and .pth files
        total = sum(e[1] for e in roots)
        print()
        print(f"== {kind}: {len(before)} modules, {total / 1000:.1f} ms of imports before the first frame "
              f"({(total - site) / 1000:.1f} ms after the interpreter's own start-up and site)")
        FIGURES.setdefault("importtime", {})[kind] = {
            "modules": len(before), "ms": total / 1000, "ms_after_site": (total - site) / 1000,
            "top": [(name, cumulative / 1000, own / 1000) for own, cumulative, _, name in sorted(before, key=lambda e: -e[1])[:top]],
            "late": sorted({e[3].split(".")[0] for e in after if e[2] == 0}),
        }
        print(f"   top {top} by cumulative time (ms, cumulative / self):")
        for own, cumulative, depth, name in sorted(before, key=lambda e: -e[1])[:top]:
            print(f"   {cumulative / 1000:>8.1f} {own / 1000:>7.1f}  {'  ' * depth}{name}")
        ours = [e for e in before if OWN_OR_HEAVY.match(e[3])]
        if ours:
            print("   the project's and its heavier dependencies' modules before the first frame:")
            for own, cumulative, depth, name in sorted(ours, key=lambda e: -e[1])[:top]:
                print(f"   {cumulative / 1000:>8.1f} {own / 1000:>7.1f}  {name}")
        if after:
            late = sorted({e[3].split(".")[0] for e in after if e[2] == 0})
            spent = sum(e[1] for e in after if e[2] == 0)
            print(f"   after the first frame, before exit: {len(after)} modules, {spent / 1000:.1f} ms "
                  f"(top level: {', '.join(late)})")
    return 1 if crashed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="measured runs of each (default 10)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs of each first (default 1)")
    parser.add_argument("--importtime", action="store_true", help="also list imports before the first frame")
    parser.add_argument("--json", type=Path, help="also write the medians and ratios to this file")
    parser.add_argument("--first-start", action="store_true",
                        help="start on an empty data dir each run (the very first start of an install)")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="leave PYTHONDONTWRITEBYTECODE/PYTHONPYCACHEPREFIX as they are in the environment",
    )
    args = parser.parse_args(argv)
    global BYTECODE_CACHE, FIRST_START
    BYTECODE_CACHE = not args.no_bytecode_cache
    FIRST_START = args.first_start
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    code = measure(args.runs, max(0, args.warmup))
    if args.importtime:
        code = importtime() or code
    if args.json:
        args.json.write_text(json.dumps(FIGURES, indent=1))
    return code


if __name__ == "__main__":
    sys.exit(main())
