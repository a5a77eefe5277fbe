"""Crash durability: SIGKILL a registering kiosk at random moments, then check the store.

    python3 benchmarks/crash_trials.py                       # 200 trials, production Argon2id
    python3 benchmarks/crash_trials.py --trials 50 --seed 7 --data-dir /tmp/crash-data

Every trial starts `register_driver.py --trace` in a subprocess on ONE data dir that the trials
share (accounts pile up), and kills it with SIGKILL at a moment chosen by a seeded generator.
The moments are spread over the whole life of a kiosk process:

- ``startup``: a uniform delay within the usual start-up (imports, opening and migrating the
  store, the install key);
- ``uniform``: a uniform delay within start-up plus three registrations;
- ``start`` / ``confirm`` / ``hash`` / ``insert``: once the driver says it begins that step of
  its 1st, 2nd or 3rd registration (issuing the code and writing its SMS; using the code;
  Argon2id hashing; the account's INSERT and COMMIT), after a uniform jitter within that
  step's usual length (measured on the earlier trials), so kills land inside the step.

Where each kill actually landed is taken from the last line the driver wrote before it died,
and counted. After each kill the database is opened read-only and checked (`check_store`):

- corrupt: `PRAGMA integrity_check` is not "ok", `PRAGMA foreign_key_check` finds rows, or the
  file cannot be opened;
- partial: an account that is not whole, or a row in a half state (definitions at
  `check_store`); every account's password hash is verified, once, against the password the
  driver typed for that ID;
- lost: an account the driver reported "ok" (printed after its COMMIT returned) is missing.

It prints the figures and exits 1 if corrupt, partial, lost, codes without SMS or a driver
error (a "database is locked" shown to a user, or any other message a registration got) is
above 0.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
DRIVER = HERE / "register_driver.py"
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import register_driver  # noqa: E402

PER_TRIAL = 40
"""People a trial's driver is given (it is killed long before); trial k uses its own indexes."""
MODES = (("startup", 2), ("uniform", 3), ("start", 1), ("confirm", 1), ("hash", 2), ("insert", 2))
"""Kill modes and their weights (out of 11)."""
LANDED = {
    None: "start-up",
    "ready": "start-up",
    "start": "code issue + SMS write",
    "confirm": "code use write",
    "complete": "password checks",
    "hash": "Argon2id hashing",
    "insert": "account INSERT/COMMIT",
    "outcome": "between registrations",
}
PHC = re.compile(r"\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}")
CODE_STATUSES = ("active", "used", "voided", "superseded")
MAX_ATTEMPTS = 5


# -- the store's check ---------------------------------------------------------------------------
@dataclass
class StoreReport:
    corrupt: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)  # "username: reason" or "table#id: reason"
    accounts: set[str] = field(default_factory=set)
    verified: int = 0  # password hashes verified against the typed password in this check
    codes_without_sms: int = 0


def open_read_only(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)


def check_store(db_path: Path, *, verify: Callable[[str], bool] | None = None) -> StoreReport:
    """Check the database at `db_path`, read-only.

    An account row is WHOLE when all of these hold, and PARTIAL otherwise:

    1. `username` is a valid CMT/CCCD whose century and year digits agree with `dob`
       (parse_id_number), `dob` an ISO date, `full_name` what parse_full_name keeps;
    2. `phone` is a valid Vietnamese mobile number in E.164 (parse_phone(phone).e164 == phone);
    3. `subject` 'citizen', `method` 'mobile', `level` 2 or 3, `created_at` an ISO timestamp;
    4. `password_hash` is an Argon2id PHC string ($argon2id$v=19$m=..,t=..,p=..$salt$hash) that
       argon2 parses; for the usernames `verify` accepts, it also verifies against the password
       register_driver.person typed for that ID;
    5. its registration code: a 'register' code of that username and the account's phone is
       'used', at or before the account's created_at (the account came after a confirmed
       code, as complete_mobile_registration requires).

    A row is in a HALF STATE (also counted as partial): an otp_codes row whose status is not one
    of active/used/voided/superseded, 'used' without used_at, used_at on a code never used, or
    attempts outside 0..5; an sms row with an empty body or phone.

    A registration is then "fully there" (a whole account) or "not at all" (no account row: what
    a kill before the account's COMMIT leaves, with at most an issued or used code, which expires
    and which a new start of the same registration replaces).

    `codes_without_sms` counts issued 'register' codes of a number beyond the SMS that number got:
    a code no SMS carried, which a new start within its 5 minutes would hand back without sending
    anything. The first 200-trial run found one (the code and its SMS were two transactions);
    they are one now (store.issue_code_with_sms), and it counts as a failure.
    """
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    report = StoreReport()
    try:
        db = open_read_only(db_path)
    except sqlite3.Error as exc:
        report.corrupt.append(f"cannot open: {exc}")
        return report
    argon2 = PasswordHasher()
    try:
        integrity = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
        if integrity != ["ok"]:
            report.corrupt.extend(f"integrity: {line}" for line in integrity)
        for row in db.execute("PRAGMA foreign_key_check").fetchall():
            report.corrupt.append(f"foreign key: {row}")
        used_codes: dict[tuple[str, str], list[str]] = {}
        for subject, phone, used_at in db.execute(
            "SELECT subject, phone, used_at FROM otp_codes WHERE purpose = 'register' AND status = 'used'"
        ):
            used_codes.setdefault((subject, phone), []).append(used_at)
        rows = db.execute(
            "SELECT username, full_name, dob, phone, subject, method, level, created_at, password_hash "
            "FROM accounts"
        ).fetchall()
        for row in rows:
            username, phone, phc = row[0], row[3], row[8]
            report.accounts.add(username)
            why = _account_problem(*row, used_at=used_codes.get((username, phone), []))
            if why is None and verify is not None and verify(username):
                password = register_driver.person(register_driver.index_of(username))["password"]
                try:
                    argon2.verify(phc, password)
                    report.verified += 1
                except (VerificationError, InvalidHashError):
                    why = "password_hash does not verify against the typed password"
            if why is not None:
                report.partial.append(f"{username}: {why}")
        for code_id, status, used_at, attempts in db.execute(
            "SELECT id, status, used_at, attempts FROM otp_codes"
        ):
            why = None
            if status not in CODE_STATUSES:
                why = f"status {status!r}"
            elif status == "used" and not used_at:
                why = "used without used_at"
            elif used_at and status == "active":
                why = "used_at on an active code"
            elif not 0 <= attempts <= MAX_ATTEMPTS:
                why = f"attempts {attempts}"
            if why:
                report.partial.append(f"otp_codes#{code_id}: {why}")
        for sms_id, in db.execute("SELECT id FROM sms WHERE body = '' OR phone = ''"):
            report.partial.append(f"sms#{sms_id}: empty")
        report.codes_without_sms = db.execute(
            "SELECT coalesce(sum(max(codes - coalesce(sent, 0), 0)), 0) FROM "
            "(SELECT phone, count(*) AS codes FROM otp_codes WHERE purpose = 'register' GROUP BY phone) c "
            "LEFT JOIN (SELECT phone, count(*) AS sent FROM sms GROUP BY phone) s USING (phone)"
        ).fetchone()[0]
    except sqlite3.DatabaseError as exc:
        report.corrupt.append(f"read failed: {exc}")
    finally:
        db.close()
    return report


def _account_problem(username, full_name, dob, phone, subject, method, level, created_at, phc, *,
                     used_at: list[str]) -> str | None:
    """Why this account row is not whole (rules 1-5 of check_store but the password's), or None."""
    from datetime import date, datetime

    from argon2 import extract_parameters
    from argon2.exceptions import InvalidHashError

    from dvc_tui.core.identity import parse_full_name, parse_id_number, parse_phone
    from dvc_tui.core.problems import PortalError

    try:
        born = date.fromisoformat(dob)
        if parse_id_number(username, born).value != username:
            return "username is not its ID"
        if not full_name or parse_full_name(full_name) != full_name:
            return "full_name"
        if not phone or parse_phone(phone).e164 != phone:
            return f"phone {phone!r}"
        if (subject, method) != ("citizen", "mobile"):
            return f"subject/method {subject}/{method}"
        if level not in (2, 3):
            return f"level {level!r}"
        created = datetime.fromisoformat(created_at)
        if not phc:
            return "no password_hash"
        if not PHC.fullmatch(phc) or extract_parameters(phc).type.name != "ID":
            return "password_hash is not an Argon2id PHC string"
    except (PortalError, ValueError, TypeError, InvalidHashError) as exc:
        return f"{type(exc).__name__}: {exc}"
    if not any(when and datetime.fromisoformat(when) <= created for when in used_at):
        return f"no registration code used by {created_at} for {phone} (used: {used_at})"
    return None


# -- one trial -----------------------------------------------------------------------------------
class Child:
    """A driver subprocess whose stdout lines are read, with their arrival, by a thread."""

    def __init__(self, args: list[str], env: dict[str, str] | None = None) -> None:
        self.spawned = time.monotonic()
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.lines: list[dict] = []
        self.changed = threading.Condition()
        self.stderr = ""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._errs = threading.Thread(target=self._read_err, daemon=True)
        self._errs.start()

    def _read(self) -> None:
        for raw in self.proc.stdout:
            try:
                record = json.loads(raw)
            except ValueError:
                continue  # a line cut by the kill
            record["_at"] = time.monotonic() - self.spawned
            with self.changed:
                self.lines.append(record)
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def _read_err(self) -> None:
        self.stderr = self.proc.stderr.read()

    def wait_for(self, predicate, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self.changed:
            while not predicate(self.lines):
                left = deadline - time.monotonic()
                if left <= 0 or (self.proc.poll() is not None and not self._reader.is_alive()):
                    return predicate(self.lines)
                self.changed.wait(min(left, 0.05))
        return True

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)

    def finish(self, timeout: float = 60) -> int:
        code = self.proc.wait(timeout)
        self._reader.join(timeout)
        self._errs.join(timeout)
        return code

    @property
    def outcomes(self) -> list[dict]:
        return [r for r in self.lines if "outcome" in r]


class Estimates:
    """The usual lengths of start-up and of each step, from the trials so far (medians)."""

    def __init__(self, hash_cost: str) -> None:
        from dvc_tui.core.passwords import HashCost, PasswordHasher

        hasher = PasswordHasher(HashCost.named(hash_cost))
        began = time.perf_counter()
        hasher.hash("Dvc#000000aA")
        hashing = time.perf_counter() - began
        self.samples: dict[str, list[float]] = {"ready": [0.6], "start": [0.005], "confirm": [0.003],
                                                 "hash": [hashing], "insert": [0.001],
                                                 "registration": [hashing + 0.01]}

    def add(self, lines: list[dict]) -> None:
        ready = next((r["_at"] for r in lines if r.get("phase") == "ready"), None)
        if ready is not None:
            self.samples["ready"].append(ready)
        following = {"start": "confirm", "confirm": "complete", "hash": "insert", "insert": "outcome"}
        for before, after in zip(lines, lines[1:]):
            name = before.get("phase")
            nxt = "outcome" if "outcome" in after else after.get("phase")
            if name in following and following[name] == nxt:
                self.samples[name].append(after["_at"] - before["_at"])
        starts = [r["_at"] for r in lines if r.get("phase") == "start"]
        self.samples["registration"].extend(b - a for a, b in zip(starts, starts[1:]))

    def __getitem__(self, name: str) -> float:
        return statistics.median(self.samples[name][-50:])


def landed(lines: list[dict]) -> str:
    """Where the kill landed: the step the driver's last whole line began."""
    if not lines:
        return LANDED[None]
    last = lines[-1]
    return LANDED["outcome" if "outcome" in last else last.get("phase")]


def run_trial(data_dir: Path, number: int, rng: random.Random, estimates: Estimates, *,
              hash_cost: str, per_trial: int = PER_TRIAL, first_index: int = 1) -> dict:
    """Start the driver, kill it at the moment the plan says, return what happened."""
    mode = rng.choices([m for m, _ in MODES], weights=[w for _, w in MODES])[0]
    start = first_index + number * per_trial
    child = Child([sys.executable, str(DRIVER), str(data_dir), "--start", str(start), "--count", str(per_trial),
                   "--hash-cost", hash_cost, "--trace"])
    nth = rng.randint(1, 3)
    fraction = rng.random()
    try:
        if mode in ("startup", "uniform"):
            span = estimates["ready"] + (3 * estimates["registration"] if mode == "uniform" else 0)
            delay = fraction * span
            child.wait_for(lambda lines: False, timeout=max(0.0, delay - (time.monotonic() - child.spawned)))
        else:
            child.wait_for(lambda lines: sum(r.get("phase") == mode for r in lines) >= nth, timeout=120)
            time.sleep(fraction * estimates[mode])
        killed_at = time.monotonic() - child.spawned
        child.kill()
    finally:
        child.kill()
        code = child.finish()
    estimates.add(child.lines)
    return {
        "trial": number,
        "mode": mode,
        "killed_at": killed_at,
        "landed": landed(child.lines),
        "returncode": code,
        "ok": [r["id"] for r in child.outcomes if r["outcome"] == "ok"],
        "errors": [r for r in child.outcomes if r["outcome"] != "ok"],
        "stderr": child.stderr.strip().splitlines()[-1:] if code not in (-signal.SIGKILL, 0) else [],
    }


def run_trials(data_dir: Path, trials: int = 200, *, seed: int = 20261130, hash_cost: str = "production",
               per_trial: int = PER_TRIAL, first_index: int = 1, log=print) -> dict:
    """`trials` kills on one data dir, each followed by the store's check. Returns the figures."""
    from dvc_tui.store.sqlite import DB_NAME

    db_path = Path(data_dir) / DB_NAME
    rng = random.Random(seed)
    estimates = Estimates(hash_cost)
    reported_ok: set[str] = set()
    verified: set[str] = set()
    corrupt: list[str] = []
    partial: set[str] = set()
    lost: set[str] = set()
    errors: list[dict] = []
    where = Counter()
    modes = Counter()
    finished = 0
    accounts_before = len(check_store(db_path).accounts) if db_path.exists() else 0
    report = StoreReport()
    started = time.monotonic()
    for number in range(trials):
        result = run_trial(data_dir, number, rng, estimates, hash_cost=hash_cost, per_trial=per_trial,
                           first_index=first_index)
        reported_ok.update(result["ok"])
        errors.extend(result["errors"])
        where[result["landed"]] += 1
        modes[result["mode"]] += 1
        finished += result["returncode"] == 0
        if db_path.exists():
            report = check_store(db_path, verify=lambda username: username not in verified)
            verified |= {a for a in report.accounts if not any(p.startswith(f"{a}:") for p in report.partial)}
        corrupt.extend(f"trial {number}: {c}" for c in report.corrupt)
        partial.update(report.partial)
        lost.update(reported_ok - report.accounts)
        log(f"trial {number + 1:3d}/{trials}: {result['mode']:7s} killed at {result['killed_at']:6.3f} s "
            f"in {result['landed']:22s} ok {len(result['ok']):2d}  accounts {len(report.accounts):4d}  "
            f"integrity {'ok' if not report.corrupt else 'BAD'}  partial {len(report.partial)}"
            + (f"  driver errors {[e['key'] for e in result['errors']]}" if result["errors"] else "")
            + (f"  stderr {result['stderr']}" if result["stderr"] else ""))
    return {
        "trials": trials,
        "seed": seed,
        "hash_cost": hash_cost,
        "accounts_made": len(report.accounts) - accounts_before,
        "reported_ok": len(reported_ok),
        "passwords_verified": len(verified),
        "corrupt": len(corrupt),
        "partial": len(partial),
        "lost": len(lost),
        "driver_errors": len(errors),
        "locked": sum(1 for e in errors if e.get("locked")),
        "codes_without_sms": report.codes_without_sms,
        "landed": dict(where),
        "finished_before_kill": finished,
        "modes": dict(modes),
        "wall_seconds": round(time.monotonic() - started, 1),
        "details": {"corrupt": corrupt[:20], "partial": sorted(partial)[:20], "lost": sorted(lost)[:20],
                    "errors": [{k: e.get(k) for k in ("id", "key", "message", "detail")} for e in errors[:20]]},
    }


def failed(figures: dict) -> bool:
    return any(figures[k] for k in ("corrupt", "partial", "lost", "driver_errors", "codes_without_sms"))


def print_figures(figures: dict, log=print) -> None:
    log("")
    log(f"trials            {figures['trials']}  (seed {figures['seed']}, Argon2id cost {figures['hash_cost']!r})")
    log(f"accounts made     {figures['accounts_made']}  (reported ok by the drivers: {figures['reported_ok']}; "
        f"password hashes verified: {figures['passwords_verified']})")
    log(f"corrupt           {figures['corrupt']}")
    log(f"partial           {figures['partial']}")
    log(f"lost              {figures['lost']}  (reported ok, then missing)")
    log(f"driver errors     {figures['driver_errors']}  (of which database locked: {figures['locked']})")
    log(f"codes without SMS {figures['codes_without_sms']}  (a code issued that no SMS carried)")
    landed_most_first = sorted(figures["landed"].items(), key=lambda kv: -kv[1])
    log("kills landed in   " + ", ".join(f"{k} {v}" for k, v in landed_most_first))
    log("kill modes        " + ", ".join(f"{k} {v}" for k, v in sorted(figures["modes"].items())))
    log(f"finished first    {figures['finished_before_kill']}  (drivers that registered all their people "
        "before the kill came)")
    log(f"wall time         {figures['wall_seconds']} s")
    for name in ("corrupt", "partial", "lost", "errors"):
        for line in figures["details"][name]:
            log(f"  {name}: {line}")
    log("RESULT: " + ("FAIL" if failed(figures) else "PASS"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--hash-cost", default="production", help="production (default), low or test")
    parser.add_argument("--data-dir", type=Path, help="default: a new temporary directory")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dvc-crash-") as scratch:
        data_dir = args.data_dir or Path(scratch) / "data"
        print(f"data dir {data_dir}; {args.trials} trials; driver {DRIVER.name}; python {sys.version.split()[0]}; "
              f"SQLite {sqlite3.sqlite_version}", flush=True)
        figures = run_trials(data_dir, args.trials, seed=args.seed, hash_cost=args.hash_cost,
                             log=lambda line: print(line, flush=True))
        print_figures(figures)
    return 1 if failed(figures) else 0


if __name__ == "__main__":
    sys.exit(main())
