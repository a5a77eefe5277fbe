"""Time as an injected dependency: the real clock in production, a hand-driven one in tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc)

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float = 0, **kwargs: float) -> None:
        self._now += timedelta(seconds=seconds, **kwargs)


VN_TZ = timezone(timedelta(hours=7), "ICT")
"""Vietnam's time zone (UTC+7, no daylight saving): dates of birth and 'today' are local dates."""


def local_today(clock: Clock):
    return clock.now().astimezone(VN_TZ).date()
