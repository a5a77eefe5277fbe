"""dvc-tui on a store of a million accounts and two million SMS, against the same app on an empty one.

    python3 benchmarks/scale.py [--accounts 1000000] [--sms 2000000] [--runs 7] [--store DIR]

1. Makes (once; kept under $TMPDIR/dvc-tui-scale-<accounts>-<sms>, re-made with --rebuild) a data
   dir whose SQLite store holds `--accounts` citizens registered by mobile subscription (the
   people of register_driver.person: valid CCCDs, names, numbers; one real production Argon2id
   hash shared by all rows, since a million hashes would take a day), one spent registration
   code each, and `--sms` messages to their numbers. Beside it an "empty" data dir: the same
   schema and install key, no accounts, no messages. Both are made through SqliteStore, so the
   schema and indexes are the app's own (migrations included).
2. Start-up: `startup_child.py app DIR` on each, alternating (headless 100x30, first frame of the
   home page, then exit once the start-up worker has handed over the SMS pane's messages):
   wall time and peak RSS, big/empty. The child also reports how many messages the pane holds
   and the newest one's id, which must be the store's newest.
3. Look-ups on the big store through SqliteStore, as the screens make them: an ID's account
   (`get_account`, the login step), the duplicate check before a registration (`account_exists`
   of an absent ID + the carrier registry's `subscriber`, what `start_mobile_registration` asks),
   the login-lock row, the SMS pane's newest 50 and one number's newest 50 (the phone app):
   median and 99th percentile over random keys, next to the same on the empty store.
4. `dvc-tui accounts list --json` and the table form, as subprocesses: time to the first line,
   lines read, whole time and peak RSS (from wait4), big/empty: streaming means memory stays
   flat and the first line comes at once.

Targets (issue 6): start-up wall <= 1.05x the empty store, peak memory (SMS pane loaded)
<= 1.1x, look-up and duplicate check < 1 ms median, `accounts list` streaming (first line
< 1 s, peak RSS <= 1.1x). Prints a table; `--json FILE` also writes the figures (run.py).
Exit 0 whatever the figures, 1 if a run crashed.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from startup import child_env  # noqa: E402  (the same child environment as the start-up runs)

from dvc_tui.store.sqlite import DB_NAME  # noqa: E402

CHILD = HERE / "startup_child.py"
PASSWORD = "Sen-Vang-2024!"
BATCH = 50_000
TARGETS = {"startup": 1.05, "memory": 1.1, "lookup_ms": 1.0, "first_line_s": 1.0, "list_memory": 1.1}


def default_store(accounts: int, sms: int) -> Path:
    return Path(tempfile.gettempdir()) / f"dvc-tui-scale-{accounts}-{sms}"


# -- building the stores -------------------------------------------------------------------
def build(root: Path, accounts: int, sms: int, rebuild: bool) -> tuple[Path, Path]:
    big, empty = root / "big", root / "empty"
    marker = root / "made.json"
    if marker.is_file() and not rebuild:
        made = json.loads(marker.read_text())
        if made.get("accounts") == accounts and made.get("sms") == sms and made.get("schema") == schema():
            print(f"stores kept from an earlier run: {root} ({made['seconds']:.0f} s to make)")
            return big, empty
    shutil.rmtree(root, ignore_errors=True)
    started = time.perf_counter()
    for path in (big, empty):
        prepare(path)
    fill(big, accounts, sms)
    seconds = time.perf_counter() - started
    marker.write_text(json.dumps({"accounts": accounts, "sms": sms, "schema": schema(), "seconds": seconds}))
    size = sum(f.stat().st_size for f in big.iterdir()) / 2**20
    print(f"made {accounts:,} accounts and {sms:,} SMS in {seconds:.0f} s ({size:,.0f} MiB): {big}")
    return big, empty


def schema() -> int:
    from dvc_tui.store.sqlite import SCHEMA_VERSION

    return SCHEMA_VERSION


def prepare(data_dir: Path) -> None:
    """A data dir as the app leaves it after its first start: store migrated, install key."""
    from dvc_tui.config import Config
    from dvc_tui.store.secrets import load_install_secret
    from dvc_tui.store.sqlite import SqliteStore

    config = Config.load(data_dir, "vi", "test", use_keyring=False)
    SqliteStore(config.db_path).close()
    load_install_secret(config.data_dir, use_keyring=False)


def fill(data_dir: Path, accounts: int, sms: int) -> None:
    from register_driver import person

    from dvc_tui.config import Config
    from dvc_tui.core.accounts import Method, Subject
    from dvc_tui.core.identity import parse_phone
    from dvc_tui.core.passwords import HashCost, PasswordHasher
    from dvc_tui.core.text import set_language, t

    set_language("vi")
    if accounts > 10**6:
        raise SystemExit("at most 1,000,000 accounts (register_driver.person's six-digit serials)")
    phc = PasswordHasher(HashCost.named("production")).hash(PASSWORD)
    db = sqlite3.connect(Config.load(data_dir, "vi", "test", use_keyring=False).db_path, isolation_level=None)
    db.execute("PRAGMA synchronous = OFF")  # a throwaway benchmark store: durability not needed while filling
    epoch = datetime(2021, 1, 1, tzinfo=timezone.utc)
    span = timedelta(days=5 * 365).total_seconds()
    phones: list[str] = []
    rows, codes = [], []
    for i in range(accounts):
        p = person(i)
        born = datetime.strptime(p["dob"], "%d/%m/%Y").date()
        phone = "+84" + p["phone"][1:]  # E.164 as parse_phone writes it (checked on the first person)
        if i == 0:
            assert parse_phone(p["phone"]).e164 == phone, (p["phone"], phone)
        phones.append(phone)
        made = epoch + timedelta(seconds=span * i / max(accounts, 1))
        rows.append((p["cccd"], p["full-name"], born.isoformat(), phone, p["email"] or None, Subject.CITIZEN.value,
                     Method.MOBILE.value, 2, made.isoformat(), phc, None))
        codes.append(("register", p["cccd"], phone, (made - timedelta(minutes=2)).isoformat(),
                      (made + timedelta(minutes=3)).isoformat(), 0, "used", (made - timedelta(minutes=1)).isoformat()))
        if len(rows) >= BATCH:
            insert(db, rows, codes)
            rows, codes = [], []
    insert(db, rows, codes)
    rng = random.Random(20261201)
    body = t("sms.otp.register", code="{code}", minutes=5)
    batch = []
    for n in range(sms):
        sent = epoch + timedelta(seconds=span * n / max(sms, 1))
        batch.append((phones[rng.randrange(len(phones))] if phones else "+84900000000", "DVCQG",
                      body.replace("{code}", f"{rng.randrange(10**6):06d}"), sent.isoformat()))
        if len(batch) >= BATCH:
            db.execute("BEGIN")
            db.executemany("INSERT INTO sms (phone, sender, body, sent_at) VALUES (?, ?, ?, ?)", batch)
            db.execute("COMMIT")
            batch = []
    if batch:
        db.execute("BEGIN")
        db.executemany("INSERT INTO sms (phone, sender, body, sent_at) VALUES (?, ?, ?, ?)", batch)
        db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("ANALYZE")
    db.close()


def insert(db, rows, codes) -> None:
    if not rows:
        return
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO accounts (username, full_name, dob, phone, email, subject, method, level, created_at,"
        " password_hash, representative) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
    db.executemany(
        "INSERT INTO otp_codes (purpose, subject, phone, issued_at, expires_at, attempts, status, used_at)"
        " VALUES (?,?,?,?,?,?,?,?)", codes)
    db.execute("COMMIT")


# -- start-up ------------------------------------------------------------------------------
def start_once(data_dir: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="dvc-scale-") as scratch:
        result = Path(scratch) / "result.json"
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, str(CHILD), "app", str(data_dir), str(result), "started"],
                              stdin=subprocess.DEVNULL, capture_output=True, text=True, env=child_env(), timeout=300)
        wall = time.perf_counter() - started
        if proc.returncode != 0 or not result.is_file():
            raise RuntimeError(f"start-up on {data_dir} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
        report = json.loads(result.read_text())
        report["wall"] = wall
        return report


def startup(big: Path, empty: Path, runs: int) -> dict:
    for path in (big, empty):  # warm-up: .pyc files, the page cache
        start_once(path)
    reports: dict[str, list[dict]] = {"big": [], "empty": []}
    for _ in range(runs):
        for name, path in (("big", big), ("empty", empty)):
            reports[name].append(start_once(path))

    def med(name, key):
        return statistics.median(r[key] for r in reports[name])

    newest = sqlite3.connect(f"file:{big / DB_NAME}?mode=ro", uri=True)
    try:
        store_newest = newest.execute("SELECT max(id) FROM sms").fetchone()[0]
    finally:
        newest.close()
    return {
        "wall_big_ms": med("big", "wall") * 1000, "wall_empty_ms": med("empty", "wall") * 1000,
        "rss_big_mib": med("big", "peak_rss_kib") / 1024, "rss_empty_mib": med("empty", "peak_rss_kib") / 1024,
        "first_frame_big_ms": med("big", "first_frame") * 1000, "first_frame_empty_ms": med("empty", "first_frame") * 1000,
        "sms_shown": reports["big"][-1].get("sms_shown"), "sms_kept": reports["big"][-1].get("sms_kept"),
        "sms_newest": reports["big"][-1].get("sms_newest"),
        "store_newest": store_newest,
    }


# -- look-ups ------------------------------------------------------------------------------
def lookups(data_dir: Path, samples: int, accounts: int) -> dict[str, tuple[float, float]]:
    """{name: (median ms, p99 ms)} of the store calls the screens make."""
    from register_driver import person

    from dvc_tui.config import Config
    from dvc_tui.store.sqlite import SqliteStore

    store = SqliteStore(Config.load(data_dir, "vi", "test", use_keyring=False).db_path)
    rng = random.Random(7)
    present = [person(rng.randrange(accounts))["cccd"] for _ in range(samples)] if accounts else ["001090012345"] * samples
    absent = [f"0{rng.randrange(10**11):011d}" for _ in range(samples)]  # province 0xx, unlikely to exist
    phones = [f"+849{rng.randrange(10**8):08d}" for _ in range(samples)]
    calls = {
        "get_account (an ID's account)": lambda i: store.get_account(present[i]),
        "duplicate check (account_exists + subscriber)": lambda i: (store.account_exists(absent[i]),
                                                                    store.subscriber(phones[i])),
        "login lock row (login_failures)": lambda i: store.login_failures(present[i]),
        "SMS pane: newest 50": lambda i: store.recent_sms(limit=50),
        "phone app: one number's newest 50": lambda i: store.recent_sms(limit=50, phone=phones[i]),
    }
    figures = {}
    for name, call in calls.items():
        for i in range(min(200, samples)):  # warm the page cache and the statement cache
            call(i)
        times = []
        for i in range(samples):
            started = time.perf_counter_ns()
            call(i)
            times.append((time.perf_counter_ns() - started) / 1e6)
        times.sort()
        figures[name] = (statistics.median(times), times[int(len(times) * 0.99) - 1])
    store.close()
    return figures


# -- accounts list -------------------------------------------------------------------------
def list_once(data_dir: Path, json_lines: bool) -> dict:
    """`dvc-tui accounts list [--json]` in a child (benchmarks/cli_child.py, for its own peak
    memory), its output read line by line as a pager would."""
    with tempfile.TemporaryDirectory(prefix="dvc-scale-list-") as scratch:
        result = Path(scratch) / "result.json"
        cmd = [sys.executable, str(HERE / "cli_child.py"), str(result), "--",
               "--data-dir", str(data_dir), "--no-keyring", "accounts", "list"]
        if json_lines:
            cmd.append("--json")
        env = child_env()
        env["COLUMNS"] = "120"
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        first = None
        lines = 0
        for _ in proc.stdout:
            if first is None:
                first = time.perf_counter() - started
            lines += 1
        status = proc.wait()
        whole = time.perf_counter() - started
        if status != 0 or not result.is_file():
            raise RuntimeError(f"accounts list on {data_dir} exited with status {status}")
        peak = json.loads(result.read_text())["peak_rss_kib"] / 1024
    return {"first_line_s": first or whole, "lines": lines, "seconds": whole, "peak_rss_mib": peak}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--accounts", type=int, default=1_000_000)
    parser.add_argument("--sms", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=7, help="alternating start-ups of each store")
    parser.add_argument("--samples", type=int, default=10_000, help="look-ups timed per call")
    parser.add_argument("--store", type=Path, help="where the stores are made (default: the temp dir)")
    parser.add_argument("--rebuild", action="store_true", help="make the stores again")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    root = args.store or default_store(args.accounts, args.sms)
    big, empty = build(root, args.accounts, args.sms, args.rebuild)

    figures: dict = {"accounts": args.accounts, "sms": args.sms}
    figures["startup"] = s = startup(big, empty, args.runs)
    print(f"\nstart-up, {args.runs} alternating runs each (medians)      big      empty   ratio  target")
    rows = [("wall time, whole process (ms)", s["wall_big_ms"], s["wall_empty_ms"], TARGETS["startup"]),
            ("peak RSS, SMS pane loaded (MiB)", s["rss_big_mib"], s["rss_empty_mib"], TARGETS["memory"]),
            ("first frame, in-process (ms)", s["first_frame_big_ms"], s["first_frame_empty_ms"], None)]
    for label, a, b, target in rows:
        verdict = "" if target is None else ("PASS" if a / b <= target else "MISS")
        print(f"  {label:46}{a:>8.1f}{b:>10.1f}{a / b:>8.2f}  {'' if target is None else '<= ' + str(target)} {verdict}")
    from dvc_tui.app import RECENT_SMS
    from dvc_tui.widgets.sms_inbox import SHOWN

    ok = (s["sms_shown"] == min(SHOWN, args.sms) and s["sms_kept"] == min(RECENT_SMS, args.sms)
          and s["sms_newest"] == s["store_newest"])
    print(f"  SMS pane: {s['sms_shown']} messages on screen, {s['sms_kept']} read from the store, newest id "
          f"{s['sms_newest']} (store's newest {s['store_newest']}): {'PASS' if ok else 'MISS'}")
    figures["sms_pane_ok"] = ok

    figures["lookups"] = {}
    print(f"\nlook-ups, {args.samples:,} random keys each           median ms   p99 ms   empty median   target")
    big_figures = lookups(big, args.samples, args.accounts)
    empty_figures = lookups(empty, args.samples, 0)
    for name, (median, p99) in big_figures.items():
        target = TARGETS["lookup_ms"] if name.startswith(("get_account", "duplicate")) else None
        verdict = "" if target is None else ("PASS" if median < target else "MISS")
        print(f"  {name:46}{median:>9.3f}{p99:>9.3f}{empty_figures[name][0]:>14.3f}   "
              f"{'< ' + str(target) if target else ''} {verdict}")
        figures["lookups"][name] = {"median_ms": median, "p99_ms": p99, "empty_median_ms": empty_figures[name][0]}

    figures["list"] = {}
    print("\naccounts list (subprocess)         first line s   lines     whole s   peak RSS MiB (empty)   ratio")
    for json_lines in (True, False):
        a, b = list_once(big, json_lines), list_once(empty, json_lines)
        name = "--json" if json_lines else "table"
        ratio = a["peak_rss_mib"] / b["peak_rss_mib"]
        ok = a["first_line_s"] < TARGETS["first_line_s"] and ratio <= TARGETS["list_memory"]
        print(f"  {name:32}{a['first_line_s']:>12.3f}{a['lines']:>10,}{a['seconds']:>10.1f}"
              f"{a['peak_rss_mib']:>10.1f} ({b['peak_rss_mib']:.1f}){ratio:>9.2f}  {'PASS' if ok else 'MISS'}")
        figures["list"][name] = {**a, "empty_peak_rss_mib": b["peak_rss_mib"], "ratio": ratio, "ok": ok}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        sys.exit(1)
