"""Concurrent kiosks: several registering processes on one data dir while the phone app polls.

    python3 benchmarks/concurrent_kiosks.py                  # 4 kiosks x 250, 3 + 3 race pairs
    python3 benchmarks/concurrent_kiosks.py --kiosks 2 --per-kiosk 20 --race-offset 61

On a new, empty data dir, all at once:

- KIOSKS `register_driver.py` processes, each registering PER_KIOSK people of its own
  (disjoint indexes), production Argon2id unless --hash-cost says otherwise;
- the phone: the real `dvc_tui.phone_app.PhoneApp`, run headless in a subprocess (this file
  with --phone-reader), polling the database every --poll-every seconds in its thread worker
  as `dvc-tui phone` does; it counts its reads, the reads that raised, the error notices it
  showed (what a user would see) and the SMS it took in, and exits when a flag file appears.
  It starts first (it creates the database) and the kiosks once its first read is done;
- race pairs, two processes registering the SAME person (same CCCD, same phone), of two kinds:
  * "submit" (the promise's race): both kiosks hold a confirmed code and press ĐĂNG KÝ on the
    password step at the same moment (a go file both wait for). The codes are per ID and a new
    one may be sent 60 s after the last, so the second kiosk asks for its code after the first
    one confirmed its own, and waits the 60 s the screen tells it to (--race-offset 61 instead
    moves the second kiosk's clock a minute on, for quick runs: the injected Clock). Exactly
    one must win and the other get AccountExists, the "already exists" message.
  * "start": both press ĐĂNG KÝ on the form at the same moment and go on from there. Exactly
    one must win; the other meets whatever the first one's code does to its own (an OTP
    message), never a database error. Its message is printed.

Then it checks the store read-only (crash_trials.check_store: integrity, every account whole,
a sample of the password hashes verified) and prints: accounts present against expected
(KIOSKS x PER_KIOSK + race winners), "database is locked" failures shown to a user (any
sqlite3.OperationalError reaching a kiosk, and any error notice or failed read of the phone),
duplicates of one ID, race winners and losers with the losers' messages, wall time. Exit 1 on
any failure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import crash_trials  # noqa: E402
import register_driver  # noqa: E402
from crash_trials import Child  # noqa: E402

DRIVER = HERE / "register_driver.py"
RACE_BASE = 900_000
"""Race pairs' people: RACE_BASE + pair number (the kiosks' indexes stay far below)."""


# -- the phone -----------------------------------------------------------------------------------
def phone_reader(data_dir: Path, stop_flag: Path, result: Path, poll_every: float, hash_cost: str) -> int:
    """Run the real phone app headless until `stop_flag` exists; write what it met to `result`
    (and `result` + ".up" once its first read is done)."""
    from dvc_tui.config import Config
    from dvc_tui.phone_app import PhoneApp

    class CountingPhone(PhoneApp):
        """PhoneApp, counting its reads and the error notices it shows; nothing else changed."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.reads = 0
            self.read_errors: list[str] = []
            self.notices: list[str] = []

        def on_mount(self) -> None:
            super().on_mount()
            self.set_interval(0.05, self._stop_when_told)

        def _stop_when_told(self) -> None:
            if stop_flag.exists() and not any(w.group == "poll" and not w.is_finished for w in self.workers):
                self.exit()

        def _poll(self) -> None:
            try:
                super()._poll()
            except BaseException as exc:  # the app's worker would swallow it (exit_on_error=False)
                self.read_errors.append(f"{type(exc).__name__}: {exc}")
                raise
            self.reads += 1
            if self.reads == 1:
                result.with_suffix(".up").touch()

        def notify(self, message, *args, severity="information", **kwargs):
            if severity == "error":
                self.notices.append(str(message))
            return super().notify(message, *args, severity=severity, **kwargs)

    config = Config(data_dir=data_dir, language="vi", hash_cost=hash_cost, use_keyring=False)
    app = CountingPhone(config=config, poll_every=poll_every)
    app.run(headless=True, size=(80, 40))
    result.write_text(json.dumps({
        "reads": app.reads,
        "read_errors": app.read_errors,
        "notices": app.notices,
        "sms_seen": app._last_sms,
    }, ensure_ascii=False))
    return 0


# -- the run -------------------------------------------------------------------------------------
def driver_args(data_dir: Path, start: int, count: int, hash_cost: str, *extra: str) -> list[str]:
    return [sys.executable, str(DRIVER), str(data_dir), "--start", str(start), "--count", str(count),
            "--hash-cost", hash_cost, *extra]


class RacePair:
    def __init__(self, kind: str, number: int, data_dir: Path, work: Path, hash_cost: str, offset: float) -> None:
        self.kind, self.index = kind, RACE_BASE + number
        self.go = work / f"race-{number}.go"
        one, two = work / f"race-{number}.a.ready", work / f"race-{number}.b.ready"
        self.ready = (one, two)
        common = ("--trace", "--go-file", str(self.go))
        if kind == "submit":
            first = driver_args(data_dir, self.index, 1, hash_cost, *common, "--ready-file", str(one))
            second = driver_args(data_dir, self.index, 1, hash_cost, *common, "--ready-file", str(two),
                                 "--wait-for", str(one), "--retry-cooldown",
                                 *(("--clock-offset", str(offset)) if offset else ()))
        else:  # "start": both wait at the form for the same go file
            first = driver_args(data_dir, self.index, 1, hash_cost, "--trace", "--wait-for", str(self.go))
            second = list(first)
        self.children = [Child(first), Child(second)]

    def step(self) -> None:
        """Open the gate once both are there: at the password step ("submit") or ready ("start")."""
        if self.go.exists():
            return
        if self.kind == "submit":
            there = all(path.exists() for path in self.ready)
        else:
            there = all(any(r.get("phase") == "ready" for r in c.lines) for c in self.children)
        if there:
            self.go.touch()

    @property
    def done(self) -> bool:
        return all(c.proc.poll() is not None for c in self.children)

    def outcomes(self) -> list[dict]:
        return [o for c in self.children for o in c.outcomes]


def run(data_dir: Path, *, kiosks: int = 4, per_kiosk: int = 250, submit_pairs: int = 3, start_pairs: int = 3,
        hash_cost: str = "production", poll_every: float = 0.25, race_offset: float = 0.0,
        verify_sample: int = 50, seed: int = 20261130, timeout: float = 3600, log=print) -> dict:
    """Everything at once on `data_dir` (new or empty); returns the figures."""
    from dvc_tui.store.sqlite import DB_NAME

    data_dir = Path(data_dir)
    if data_dir.exists() and any(data_dir.iterdir()):
        raise SystemExit(f"{data_dir}: not empty; give a new directory")
    work = Path(tempfile.mkdtemp(prefix="dvc-kiosks-"))
    stop_flag, phone_result = work / "stop", work / "phone.json"
    started = time.monotonic()
    phone_log = work / "phone.stderr"
    with open(phone_log, "w") as log_file:  # a file, not a pipe: a full pipe would stop the app
        phone = subprocess.Popen(
            [sys.executable, __file__, "--phone-reader", str(data_dir), str(stop_flag), str(phone_result),
             str(poll_every), hash_cost],
            stdout=subprocess.DEVNULL, stderr=log_file,
        )
    up = phone_result.with_suffix(".up")
    while not up.exists() and phone.poll() is None and time.monotonic() - started < 120:
        time.sleep(0.01)  # the phone reads before the kiosks start, and all along
    children = [Child(driver_args(data_dir, 1 + k * per_kiosk, per_kiosk, hash_cost)) for k in range(kiosks)]
    pairs = [RacePair("submit", n, data_dir, work, hash_cost, race_offset) for n in range(submit_pairs)]
    pairs += [RacePair("start", submit_pairs + n, data_dir, work, hash_cost, race_offset) for n in range(start_pairs)]
    last_report = time.monotonic()
    deadline = started + timeout
    while not all(c.proc.poll() is not None for c in children) or not all(p.done for p in pairs):
        if time.monotonic() > deadline:
            log(f"  timed out after {timeout} s: killing what still runs")
            for child in children + [c for p in pairs for c in p.children]:
                child.kill()
            break
        for pair in pairs:
            pair.step()
        if phone.poll() is not None:
            break
        if time.monotonic() - last_report >= 15:
            last_report = time.monotonic()
            log(f"  {time.monotonic() - started:6.1f} s: kiosks registered "
                f"{sum(len(c.outcomes) for c in children)}/{kiosks * per_kiosk}, "
                f"race pairs done {sum(p.done for p in pairs)}/{len(pairs)}")
        time.sleep(0.005)
    kiosk_seconds = time.monotonic() - started
    for child in children + [c for p in pairs for c in p.children]:
        child.finish(timeout=600)
    stop_flag.touch()
    try:
        phone.wait(timeout=120)
    except subprocess.TimeoutExpired:
        phone.kill()
    phone_err = phone_log.read_text(errors="replace")
    reader = json.loads(phone_result.read_text()) if phone_result.exists() else None

    # -- the figures ---------------------------------------------------------------------------
    kiosk_outcomes = [o for c in children for o in c.outcomes]
    race_outcomes = [o for p in pairs for o in p.outcomes()]
    everything = kiosk_outcomes + race_outcomes
    ok_ids = Counter(o["id"] for o in everything if o["outcome"] == "ok")
    locked = [o for o in everything if o.get("locked")]
    kiosk_failures = [o for o in kiosk_outcomes if o["outcome"] != "ok"]
    races = []
    for pair in pairs:
        outcomes = pair.outcomes()
        winners = [o for o in outcomes if o["outcome"] == "ok"]
        losers = [o for o in outcomes if o["outcome"] != "ok"]
        if pair.kind == "submit":
            fair = len(winners) == 1 and len(losers) == 1 and losers[0]["key"] == "account.exists"
        else:
            fair = (len(winners) == 1 and len(losers) == 1 and not losers[0]["locked"]
                    and losers[0]["key"] not in ("OperationalError", "StoreError"))
        races.append({"kind": pair.kind, "id": register_driver.person(pair.index)["cccd"], "winners": len(winners),
                      "losers": [(o["key"], o["message"]) for o in losers], "fair": fair})
    winners = sum(r["winners"] for r in races)
    db_path = data_dir / DB_NAME
    rng = random.Random(seed)
    sample: set[str] = set()
    for_sample = sorted(ok_ids)
    sample.update(rng.sample(for_sample, min(verify_sample, len(for_sample))))
    store = crash_trials.check_store(db_path, verify=lambda username: username in sample)
    db = crash_trials.open_read_only(db_path)
    try:
        rows = db.execute("SELECT count(*), count(DISTINCT username), count(DISTINCT phone) FROM accounts").fetchone()
    finally:
        db.close()
    duplicate_ids = [i for i, n in ok_ids.items() if n > 1]
    reader_failures = (reader or {}).get("read_errors", []) + (reader or {}).get("notices", [])
    figures = {
        "kiosks": kiosks, "per_kiosk": per_kiosk, "hash_cost": hash_cost, "poll_every": poll_every,
        "accounts_present": rows[0],
        "accounts_expected": kiosks * per_kiosk + winners,
        "kiosk_failures": len(kiosk_failures),
        "locked_shown": len(locked) + len([f for f in reader_failures if "locked" in f or "busy" in f]),
        "phone_failures": len(reader_failures),
        "duplicates": len(duplicate_ids) + (rows[0] - rows[1]) + (rows[0] - rows[2]),
        "race_pairs": len(races),
        "race_winners": winners,
        "race_losers": sum(len(r["losers"]) for r in races),
        "races_unfair": sum(not r["fair"] for r in races),
        "races": races,
        "corrupt": len(store.corrupt),
        "partial": len(store.partial),
        "codes_without_sms": store.codes_without_sms,
        "passwords_verified": store.verified,
        "phone": reader,
        "phone_exit": phone.returncode,
        "phone_stderr": phone_err.strip().splitlines()[-3:],
        "kiosk_seconds": round(kiosk_seconds, 1),
        "wall_seconds": round(time.monotonic() - started, 1),
        "details": {"kiosk_failures": [{k: o.get(k) for k in ("id", "key", "message", "detail")}
                                       for o in kiosk_failures[:20]],
                    "corrupt": store.corrupt[:20], "partial": store.partial[:20],
                    "duplicates": duplicate_ids[:20], "phone_failures": reader_failures[:20]},
    }
    for path in work.iterdir():
        path.unlink()
    work.rmdir()
    return figures


def failed(figures: dict) -> bool:
    return bool(
        figures["accounts_present"] != figures["accounts_expected"]
        or figures["kiosk_failures"] or figures["locked_shown"] or figures["phone_failures"]
        or figures["duplicates"] or figures["races_unfair"] or figures["corrupt"] or figures["partial"]
        or figures["codes_without_sms"]
        or figures["phone"] is None or figures["phone_exit"] != 0
    )


def print_figures(figures: dict, log=print) -> None:
    phone = figures["phone"] or {}
    log("")
    log(f"kiosks            {figures['kiosks']} x {figures['per_kiosk']}  (Argon2id cost {figures['hash_cost']!r})")
    log(f"accounts present  {figures['accounts_present']}  (expected {figures['accounts_expected']} = "
        f"{figures['kiosks']} x {figures['per_kiosk']} + {figures['race_winners']} race winners)")
    log(f"kiosk failures    {figures['kiosk_failures']}  (registrations that did not end 'ok')")
    log(f"locked shown      {figures['locked_shown']}  (\"database is locked\" reaching a user: kiosks and phone)")
    log(f"duplicates        {figures['duplicates']}  (an ID registered twice, or two rows for one ID or phone)")
    log(f"race pairs        {figures['race_pairs']}: winners {figures['race_winners']}, losers "
        f"{figures['race_losers']}, unfair {figures['races_unfair']}")
    for race in figures["races"]:
        for key, message in race["losers"]:
            log(f"  {race['kind']:6s} {race['id']}: winners {race['winners']}; loser {key}: {message}")
    log(f"store             corrupt {figures['corrupt']}, partial {figures['partial']}, codes without SMS "
        f"{figures['codes_without_sms']}, password hashes verified {figures['passwords_verified']} (a seeded sample)")
    log(f"phone app         reads {phone.get('reads')} every {figures['poll_every']} s, failed reads "
        f"{len(phone.get('read_errors', []))}, error notices {len(phone.get('notices', []))}, "
        f"newest SMS id seen {phone.get('sms_seen')}, exit {figures['phone_exit']}")
    log(f"wall time         {figures['wall_seconds']} s  (kiosks and races {figures['kiosk_seconds']} s)")
    for name, lines in figures["details"].items():
        for line in lines:
            log(f"  {name}: {line}")
    for line in figures["phone_stderr"]:
        log(f"  phone stderr: {line}")
    log("RESULT: " + ("FAIL" if failed(figures) else "PASS"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--phone-reader"]:
        data_dir, stop_flag, result, poll_every, hash_cost = argv[1:6]
        return phone_reader(Path(data_dir), Path(stop_flag), Path(result), float(poll_every), hash_cost)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kiosks", type=int, default=4)
    parser.add_argument("--per-kiosk", type=int, default=250)
    parser.add_argument("--submit-pairs", type=int, default=3, help="race pairs meeting at the password step")
    parser.add_argument("--start-pairs", type=int, default=3, help="race pairs starting at the form together")
    parser.add_argument("--hash-cost", default="production", help="production (default), low or test")
    parser.add_argument("--poll-every", type=float, default=0.25, help="the phone's read interval (app: 1 s)")
    parser.add_argument("--race-offset", type=float, default=0.0,
                        help="second kiosk's clock this many seconds on, instead of waiting the 60 s")
    parser.add_argument("--data-dir", type=Path, help="a new or empty directory (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dvc-kiosks-data-") as scratch:
        data_dir = args.data_dir or Path(scratch) / "data"
        print(f"data dir {data_dir}; python {sys.version.split()[0]}; SQLite {sqlite3.sqlite_version}; "
              f"{os.cpu_count()} CPUs", flush=True)
        figures = run(data_dir, kiosks=args.kiosks, per_kiosk=args.per_kiosk, submit_pairs=args.submit_pairs,
                      start_pairs=args.start_pairs, hash_cost=args.hash_cost, poll_every=args.poll_every,
                      race_offset=args.race_offset, log=lambda line: print(line, flush=True))
        print_figures(figures)
    return 1 if failed(figures) else 0


if __name__ == "__main__":
    sys.exit(main())
