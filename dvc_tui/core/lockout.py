"""Brute-force protection of password login: a lock with growing waits, per login name.

Rules (the portal's promise, in the shape of NIST SP 800-63B 5.2.2 and Keycloak's temporary
lockout):

- 5 wrong passwords in a row for one login name lock it: 1 minute the first time, then 2, 4,
  8 and at most 15 minutes for each further lock (5 more wrong after the previous lock ended);
- while locked, a password (even the right one) is refused without being checked;
- a right password clears the count and the escalation: whoever typed it knows the password,
  so the next mistakes start again from a 1-minute lock (Keycloak resets on success too);
- so does a quiet period of 12 hours since the last wrong password (Keycloak's default
  "failure reset time"), and a new password set by Quên mật khẩu (the phone was proved);
- counted per typed login name, whether or not it has an account, so a name without an account
  is answered word for word like one with an account ("Tên đăng nhập hoặc mật khẩu không đúng",
  the attempts left, the lock and its wait): the lock enumerates nothing;
- counted in the store, so it holds across processes and restarts.

An attempt is counted BEFORE the password is checked, in the same transaction that reads the
lock (store.count_login_attempt), and uncounted by a right password: parallel guesses from
several windows or processes cannot slip more than 5 checks past the limit.

Pure Python: the state comes from the store, the time from the injected clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

MAX_FAILURES = 5
"""Wrong passwords in a row that lock the login name."""
FIRST_LOCK = timedelta(minutes=1)
MAX_LOCK = timedelta(minutes=15)
QUIET_RESET = timedelta(hours=12)
"""No wrong password for this long: the count and the escalation start again."""
WARN_WHEN_LEFT = 2
"""From this many attempts left, the refusal says how many remain."""
MAX_NAME = 64
"""Longer typed names are counted under their first MAX_NAME characters (no account has one)."""


@dataclass(frozen=True)
class LoginFailures:
    """One typed login name's row in the store."""

    username: str
    failures: int = 0  # wrong passwords in a row since the last lock, success or quiet period
    lock_count: int = 0  # locks so far in this streak: the next one lasts lock_duration(+1)
    locked_until: datetime | None = None
    last_failure: datetime | None = None

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def seconds_left(self, now: datetime) -> int:
        """Whole seconds of lock left, rounded up (0 when not locked)."""
        if not self.locked_at(now):
            return 0
        return max(1, math.ceil((self.locked_until - now).total_seconds()))

    @property
    def attempts_left(self) -> int:
        return max(0, MAX_FAILURES - self.failures)


def lock_key(username: str) -> str:
    """The name a typed login name is counted under."""
    return username.strip()[:MAX_NAME]


def lock_duration(lock_number: int) -> timedelta:
    """The wait of the n-th lock of a streak (1-based): 1, 2, 4, 8, then 15 minutes."""
    if lock_number < 1:
        raise ValueError("locks are numbered from 1")
    if lock_number > 5:  # 2**(n-1) minutes is past the cap from the 5th lock on
        return MAX_LOCK
    return min(FIRST_LOCK * 2 ** (lock_number - 1), MAX_LOCK)


def after_attempt(state: LoginFailures | None, username: str, now: datetime) -> LoginFailures:
    """The row after one more password attempt counted as wrong (a right one is uncounted by
    clearing the row). While locked nothing changes: that attempt is refused unchecked."""
    if state is not None and state.locked_at(now):
        return state
    if state is None or state.last_failure is None or now - state.last_failure >= QUIET_RESET:
        state = LoginFailures(username)
    failures = state.failures + 1
    if failures < MAX_FAILURES:
        return replace(state, failures=failures, last_failure=now)
    lock_count = state.lock_count + 1
    return replace(
        state, failures=0, lock_count=lock_count, locked_until=now + lock_duration(lock_count), last_failure=now
    )
