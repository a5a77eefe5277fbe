"""Keys faster than screens through the REAL terminal parser (issue 14, finding 1).

    python3 benchmarks/key_burst.py [--rounds 2000] [--keys 40] [--seed 1] [--restart-every 300] [--minutes M]

Runs the real `python -m dvc_tui --data-dir D --no-keyring --hash-cost low --kiosk` in a
pseudo-terminal (a trainer PIN set first), its output read all the time, and plays rounds: back
to the home page, a walk to a start screen (the home page, the registration form, the code step,
the password step, a login tab, Quên mật khẩu) typed at a user's pace, then random mixes of Enter,
Esc, Tab, Shift+Tab, F1-F10, arrows, letters, digits, Backspace, space and Ctrl+Q written at
machine speed in reads of 1-8 keys. After each round: is the process alive, has a crash.log
appeared. Prints rounds, screens reached (from a test-only hook's log of focus changes: see
tests/keyburst.py), crashes, exits. Exit 1 only if a round crashed the app.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests import keyburst  # noqa: E402

WEIGHTS = {"home": 12, "register-mobile": 2, "otp": 1, "set-password": 1, "login-tab": 2, "forgot-password": 1}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--keys", type=int, default=40, help="keys a round (default 40)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--minutes", type=float, default=None, help="stop after this long (the figures so far)")
    parser.add_argument("--restart-every", type=int, default=300,
                        help="a fresh process (and data dir) every N rounds (default 300)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    starts, weights = list(WEIGHTS), list(WEIGHTS.values())
    screens: set[str] = set()
    walked: dict[str, int] = {}
    crashes = exits = rounds = 0
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="key-burst-") as tmp:
        kiosk = None
        for number in range(args.rounds):
            if args.minutes is not None and time.monotonic() - began > args.minutes * 60:
                break
            if kiosk is None or number % args.restart_every == 0:
                if kiosk is not None:
                    screens |= keyburst.pty_screens(kiosk)
                    kiosk.close()
                work = Path(tmp) / f"run{number}"
                work.mkdir()
                keyburst.set_pin(work / "data")
                kiosk = keyburst.PtyKiosk(work / "data", work).start()
                kiosk.wait_for(lambda s: s[0] == "home", 30)
            start = rng.choices(starts, weights)[0]
            keyburst.pty_round(kiosk, rng, start, args.keys, screens)
            rounds += 1
            reached = kiosk.state()[0]
            walked[start] = walked.get(start, 0) + 1
            if kiosk.crashes() or not kiosk.alive():
                crashes += kiosk.crashes()
                exits += not kiosk.alive()
                print(f"round {number}: crash.log {kiosk.crashes()}, exit {kiosk.status}, at {reached}",
                      file=sys.stderr)
                print((Path(kiosk.data_dir) / "crash.log").read_text() if kiosk.crashes() else "", file=sys.stderr)
                kiosk.close()
                kiosk = None
            if (number + 1) % 25 == 0:
                print(f"  {number + 1} rounds, {time.monotonic() - began:.0f} s, crashes {crashes}", flush=True)
        if kiosk is not None:
            screens |= keyburst.pty_screens(kiosk)
            kiosk.close()
    screens.discard("-")
    screens.discard("_default")
    print(f"rounds {rounds} ({args.keys} keys each, {rounds * args.keys} keys), "
          f"{time.monotonic() - began:.0f} s")
    print(f"starts: {', '.join(f'{k} {v}' for k, v in sorted(walked.items()))}")
    print(f"screens reached ({len(screens)}): {', '.join(sorted(screens))}")
    print(f"crashes {crashes}, unexpected exits {exits}")
    return 1 if crashes or exits else 0


if __name__ == "__main__":
    sys.exit(main())
