"""The long run of the hostile-input tests (tests/screens/test_hostile.py, promise 5).

    python3 benchmarks/hostile.py                  # DVC_TUI_HYPOTHESIS=long: hundreds per test
    python3 benchmarks/hostile.py -k TestLogin     # one class (pytest's -k)
    python3 benchmarks/hostile.py --profile ci     # the normal suite's small, derandomized run

Runs the test file with pytest in a child process (DVC_TUI_HYPOTHESIS=long: random seeds, the
example counts of the long profile), which writes what it counted to a JSON file
(DVC_TUI_HOSTILE_REPORT), then prints

    examples run: N, failures: M

N is every example played against an app (hypothesis's shrinking replays included); M the tests
that found a failing example (pytest's failures and errors: each is one minimal example, shown
in pytest's output above the figure). Then per field group: the examples, how many the app
refused with a message and how many it accepted (and where a whole form was accepted, the
stored account was checked), and the wall time. Exit 1 when M > 0 or pytest could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = "tests/screens/test_hostile.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", choices=("long", "ci"), default="long")
    parser.add_argument("-k", dest="keyword", help="only the tests pytest's -k selects")
    parser.add_argument("--quiet", action="store_true", help="hide pytest's own output")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dvc-hostile-") as tmp:
        report = Path(tmp) / "report.json"
        env = dict(os.environ, DVC_TUI_HOSTILE_REPORT=str(report), PYTHONUNBUFFERED="1")  # dots as they come
        if args.profile == "long":
            env["DVC_TUI_HYPOTHESIS"] = "long"
        else:
            env.pop("DVC_TUI_HYPOTHESIS", None)
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider",
                   "-W", "ignore::DeprecationWarning", TESTS]
        if args.keyword:
            command += ["-k", args.keyword]
        started = time.perf_counter()
        output = []
        with subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, bufsize=1) as child:
            for line in child.stdout:  # pytest's output as it comes, kept for its summary line
                output.append(line)
                if not args.quiet:
                    print(line, end="", flush=True)
        elapsed = time.perf_counter() - started
        if not report.exists():
            print("".join(output[-60:]))
            print(f"pytest wrote no report (exit {child.returncode}): nothing was counted", file=sys.stderr)
            return 1
        data = json.loads(report.read_text(encoding="utf-8"))

    counts, outcomes = data["counts"], data["outcomes"]
    failures = failed_tests("".join(output))
    if failures is None:
        failures = 0 if child.returncode == 0 else 1
    print()
    print(f"examples run: {counts.get('examples', 0)}, failures: {failures}")
    print(f"failing example runs (shrinking included): {counts.get('failing examples', 0)}")
    print(f"profile: {args.profile}; wall time: {elapsed:.0f} s (the machine's other load counts)")
    print()
    print(f"{'field group':<28}{'examples':>9}{'refused':>9}{'accepted':>9}{'failing':>9}")
    groups = sorted({key.split(":", 1)[1] for key in counts if key.startswith("examples:")})
    for group in groups:
        seen = outcomes.get(group, {})
        print(f"{group:<28}{counts.get(f'examples:{group}', 0):>9}{seen.get('refused', 0):>9}"
              f"{seen.get('accepted', 0):>9}{counts.get(f'failing examples:{group}', 0):>9}")
    return 1 if failures or child.returncode not in (0, 1) else 0


def failed_tests(output: str) -> int | None:
    """pytest's "N failed" plus "N error(s)" from its last line, or None when there is none."""
    lines = [line for line in output.splitlines() if re.search(r"\d+ (passed|failed|errors?)\b.* in [\d.]+s", line)]
    if not lines:
        return None
    last = lines[-1]
    return sum(int(n) for n in re.findall(r"(\d+) (?:failed|errors?)\b", last))


if __name__ == "__main__":
    sys.exit(main())
