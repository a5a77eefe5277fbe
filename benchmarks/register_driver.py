"""A kiosk without a screen: registers citizens by mobile subscription on a data dir, through
exactly the core calls the wizard's screens make, and prints one JSON line per outcome.

    python3 benchmarks/register_driver.py DATA_DIR --start 1 --count 250 [--hash-cost production]

For each person (see `person`), as a user does at the kiosk:

1. the form's checks: `parse_id_number(cccd, dob)`, `parse_full_name`, `parse_dob`, `parse_phone`,
   `parse_email` (what RegistrationFormScreen.check_all runs), then
   `Accounts.start_mobile_registration` (RegisterMobileScreen's ĐĂNG KÝ);
2. the code, read from the newest SMS to that number in the store (what the SMS pane and the
   `dvc-tui phone` app show), then `Accounts.confirm_code` (OtpScreen's Xác nhận);
3. `Accounts.complete_mobile_registration(reg, password, password)` (SetPasswordScreen).

The people are generated, valid and distinct per index: a CCCD whose province, century and
year digits agree with the date of birth, and a mobile number the carriers' registry does not
hold. The registry (core/carrier.py) refuses only a number it holds under another ID and takes
any other number as the citizen's own, so generated people pass the "chính chủ" check without
seeding anything; the four training subscribers' numbers are never generated (index < 10**6).

Each outcome line: {"index", "id", "outcome": "ok" | "exists" | "error", "key", "message",
"locked", "pid", "t"}. `message` is what the screen would show, in Vietnamese: a PortalError's
catalog text, or for anything else the run_blocking fallback ("error.unexpected") that
screens/base.py shows. `locked` is true for any sqlite3.OperationalError that reached the
driver (a "database is locked" or any other failed SQLite call a user would have seen).

With --trace, phase lines {"phase": ...} are printed as each step begins (ready, start,
confirm, complete, hash, insert), for crash_trials.py to kill at chosen moments and to say
where each kill landed. The hasher and the store's insert are wrapped only to print the line;
the calls made are the same.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý")
MIDDLE = ("Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Đức", "Thu", "Quốc", "Kim", "Xuân")
GIVEN = ("An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khánh", "Linh", "Long", "Mai",
         "Nam", "Ngân", "Phúc", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Uyên", "Việt", "Yến")
MOBILE_PREFIXES = ("90", "91", "93", "94", "96", "97", "98", "32", "33", "34", "35", "36", "37", "38",
                   "39", "70", "76", "77", "78", "79", "81", "82", "83", "84", "85", "86", "88", "56",
                   "58", "59")
"""Mobile prefixes phonenumbers takes as valid with any 7 digits after them."""
MAX_INDEX = 10**6
CODE = re.compile(r"\b(\d{6})\b")


def person(index: int) -> dict[str, str]:
    """The person of `index` (0 <= index < 10**6) as typed into the form, and a password."""
    from dvc_tui.core.identity import PROVINCES

    if not 0 <= index < MAX_INDEX:
        raise ValueError(f"index {index} outside 0..{MAX_INDEX - 1}")
    provinces = sorted(PROVINCES)
    year = 1950 + (index * 7) % 55  # 1950..2004
    female = index % 2
    century_digit = (0 if year < 2000 else 2) + female
    born = date(year, 1 + index % 12, 1 + index % 28)
    cccd = f"{provinces[index % len(provinces)]}{century_digit}{year % 100:02d}{index:06d}"
    name = (f"{FAMILY[index % len(FAMILY)]} {'Thị' if female else MIDDLE[index % len(MIDDLE)]} "
            f"{GIVEN[(index // 3) % len(GIVEN)]}")
    return {
        "cccd": cccd,
        "full-name": name,
        "dob": born.strftime("%d/%m/%Y"),
        "phone": f"0{MOBILE_PREFIXES[index % len(MOBILE_PREFIXES)]}{index:07d}",
        "email": f"congdan{index}@example.vn" if index % 3 == 0 else "",
        "password": f"Ts!{hashlib.sha256(f'dvc-tui driver {index}'.encode()).hexdigest()[:12]}9q",
    }


def index_of(username: str) -> int:
    """The index a generated CCCD was made from (its last six digits)."""
    return int(username[-6:])


class OffsetClock:
    """The system clock moved by `offset` seconds: a second kiosk "a minute later" in tests."""

    def __init__(self, offset: float) -> None:
        from dvc_tui.core.clock import SystemClock

        self._clock, self._offset = SystemClock(), timedelta(seconds=offset)

    def now(self):
        return self._clock.now() + self._offset


def build_services(data_dir: Path, hash_cost: str = "production", clock=None):
    """Services on `data_dir` as the app builds them: file secret (no keyring), Vietnamese."""
    from dvc_tui.config import Config
    from dvc_tui.core.text import set_language
    from dvc_tui.services import Services

    set_language("vi")
    config = Config(data_dir=Path(data_dir), language="vi", hash_cost=hash_cost, use_keyring=False)
    return Services(config, clock=clock)


def user_message(exc: BaseException) -> tuple[str, str]:
    """(key, text) a screen would show for `exc` (screens/base.py run_blocking's rule)."""
    from dvc_tui.core.problems import PortalError
    from dvc_tui.core.text import problem_text, t
    from dvc_tui.store.sqlite import StoreError

    if isinstance(exc, PortalError):
        return exc.key, problem_text(exc.problem)
    environmental = isinstance(exc, (StoreError, OSError))
    detail = f"{type(exc).__name__}: {exc}" if environmental else type(exc).__name__
    return type(exc).__name__, t("error.unexpected", detail=detail)


def read_code(services, phone_e164: str) -> str:
    """The code in the newest SMS to this number, as the user reads it on the phone."""
    newest = services.sms.inbox(phone_e164, limit=1)
    if not newest:
        return ""
    match = CODE.search(newest[0].body)
    return match.group(1) if match else ""


class Driver:
    def __init__(self, services, out=None, *, trace: bool = False) -> None:
        self.services = services
        self.out = out or sys.stdout
        self.trace = trace
        if trace:
            self._wrap_for_trace()

    def emit(self, record: dict) -> None:
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()

    def phase(self, name: str, index: int | None = None) -> None:
        if self.trace:
            self.emit({"phase": name, "index": index, "t": time.time()})

    def _wrap_for_trace(self) -> None:
        hasher, store = self.services.hasher, self.services.store
        hash_, insert = hasher.hash, store.insert_account

        def traced_hash(password):
            self.phase("hash")
            return hash_(password)

        def traced_insert(account):
            self.phase("insert")
            return insert(account)

        hasher.hash = traced_hash
        store.insert_account = traced_insert

    def warm(self) -> None:
        """Build what the app builds before its first registration: store, key, hasher, codes."""
        self.services.accounts  # noqa: B018 - builds store, secret, hasher, codes, SMS
        self.phase("ready")

    def register(self, index: int, *, before_complete=None, retry_cooldown: bool = False) -> dict:
        """One registration; never raises for what a user could meet. Returns the outcome line."""
        import sqlite3

        from dvc_tui.core.accounts import AccountExists
        from dvc_tui.core.otp import Purpose

        typed = person(index)
        record = {"index": index, "id": typed["cccd"], "pid": os.getpid()}
        try:
            reg = self.registration(typed)
            accounts = self.services.accounts
            self.phase("start", index)
            while True:
                try:
                    accounts.start_mobile_registration(reg)
                    break
                except Exception as exc:  # the user waits as told, then presses again
                    if not (retry_cooldown and getattr(exc, "key", "") == "otp.cooldown"):
                        raise
                    time.sleep(exc.problem.params["seconds"])
            self.phase("confirm", index)
            accounts.confirm_code(Purpose.REGISTER, reg.id_number.value, read_code(self.services, reg.phone.e164))
            if before_complete is not None:
                before_complete()
            self.phase("complete", index)
            accounts.complete_mobile_registration(reg, typed["password"], typed["password"])
        except AccountExists as exc:
            key, message = user_message(exc)
            record.update(outcome="exists", key=key, message=message, locked=False)
        except Exception as exc:  # noqa: BLE001 - what the screen would show, counted by the parent
            key, message = user_message(exc)
            record.update(outcome="error", key=key, message=message,
                          locked=isinstance(exc, sqlite3.OperationalError), detail=str(exc))
        else:
            record.update(outcome="ok", key=None, message=None, locked=False)
        record["t"] = time.time()
        self.emit(record)
        return record

    def registration(self, typed: dict[str, str]):
        """The form's checks, as RegistrationFormScreen.check_all makes them."""
        from dvc_tui.core.accounts import MobileRegistration
        from dvc_tui.core.clock import local_today
        from dvc_tui.core.identity import (parse_dob, parse_email, parse_full_name, parse_id_number,
                                           parse_phone)

        dob = parse_dob(typed["dob"], local_today(self.services.clock))
        return MobileRegistration(
            id_number=parse_id_number(typed["cccd"], dob),
            full_name=parse_full_name(typed["full-name"]),
            dob=dob,
            phone=parse_phone(typed["phone"]),
            email=parse_email(typed["email"]),
        )


def wait_for(path: Path, every: float = 0.001) -> None:
    while not path.exists():
        time.sleep(every)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--start", type=int, default=1, help="first person's index (default 1)")
    parser.add_argument("--count", type=int, default=1, help="how many people, from --start")
    parser.add_argument("--hash-cost", default="production", help="production (default), low or test")
    parser.add_argument("--trace", action="store_true", help="print a phase line as each step begins")
    parser.add_argument("--wait-for", type=Path, help="start registering once this file exists")
    parser.add_argument("--ready-file", type=Path, help="race: create this file once the code is confirmed")
    parser.add_argument("--go-file", type=Path, help="race: set the password once this file exists")
    parser.add_argument("--retry-cooldown", action="store_true",
                        help="on 'wait N seconds' before a new code, wait and press again (as a user)")
    parser.add_argument("--clock-offset", type=float, default=0.0,
                        help="seconds added to the system clock (tests: a kiosk 'a minute later')")
    args = parser.parse_args(argv)

    clock = OffsetClock(args.clock_offset) if args.clock_offset else None
    services = build_services(args.data_dir, args.hash_cost, clock)
    driver = Driver(services, trace=args.trace)
    try:
        try:
            driver.warm()
        except Exception as exc:  # noqa: BLE001 - the store or key cannot be opened: say so once
            import sqlite3

            key, message = user_message(exc)
            driver.emit({"index": None, "id": None, "outcome": "error", "key": key, "message": message,
                         "locked": isinstance(exc, sqlite3.OperationalError), "detail": str(exc),
                         "pid": os.getpid(), "t": time.time()})
            return 1
        if args.wait_for is not None:
            wait_for(args.wait_for)
        before_complete = None
        if args.go_file is not None:
            def before_complete() -> None:
                if args.ready_file is not None:
                    args.ready_file.touch()
                wait_for(args.go_file)
        for index in range(args.start, args.start + args.count):
            driver.register(index, before_complete=before_complete, retry_cooldown=args.retry_cooldown)
        if args.ready_file is not None:
            args.ready_file.touch()  # refused before the password step: the race need not wait for it
    finally:
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
