"""The trainer's event log: what a trainee did, never what they typed; and the report.

Events are flat dicts of short tokens, one JSON line each (store/events.py writes them):

- ``session``  the app started (``lang``);
- ``start``    a path began (``path``: a registration method, ``login`` or ``forgot``);
- ``step``     a screen of a path was entered (``screen``: its stable id; ``path``);
- ``error``    a problem was shown (``screen``, ``field``: the widget id, ``problem``: the
  catalog KEY - never the sentence, never a value);
- ``finished`` a path ended (``outcome``: registered, logged-in, password-reset, cancelled;
  ``method``, ``subject``).

Every event has ``type``, ``session`` (random hex, one per app run) and ``at`` (ISO time from
the injected clock). `sanitise` lets through only the fields listed for the event's type, each
matching its pattern, so a login name, an ID number, a password, a code or a PIN cannot be
written by mistake: values are lower-case tokens that start with a letter and hold no run of
three digits, or members of a fixed set.

`report(events, since)` computes, per path, how many were started and finished, the time per
step (entering a step to entering the next one, in the same session) and the commonest errors.
Pure functions; nothing here does I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Iterable, Protocol

PATHS = ("mobile", "bhxh", "post", "usb", "sim", "login", "forgot")
"""The paths the report counts, in its order: the five registration methods, login, reset."""
REGISTER = "register"
"""The path of the steps before a registration method is chosen (subject, method)."""
OUTCOMES = ("registered", "logged-in", "password-reset", "cancelled")
SUCCESS = frozenset({"registered", "logged-in", "password-reset"})
SUBJECTS = ("citizen", "business", "agency")
LANGS = ("vi", "en")
HOME = "home"
"""The home page's screen id: entering it ends the step before, and belongs to no path."""

_TOKEN = re.compile(r"[a-z][a-z0-9._-]{0,63}")
_DIGIT_RUN = re.compile(r"\d{3}")
_SESSION = re.compile(r"[0-9a-f]{16}")
_AT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d:\d\d)")


class UnsafeEvent(ValueError):
    """An event with a field or a value the log does not take."""


def _token(value: Any) -> bool:
    return isinstance(value, str) and bool(_TOKEN.fullmatch(value)) and not _DIGIT_RUN.search(value)


def _one_of(choices: Iterable[str]) -> Callable[[Any], bool]:
    allowed = frozenset(choices)
    return lambda value: value in allowed


def _optional(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda value: value is None or check(value)


_COMMON: dict[str, Callable[[Any], bool]] = {
    "session": lambda v: isinstance(v, str) and bool(_SESSION.fullmatch(v)),
    "at": lambda v: isinstance(v, str) and bool(_AT.fullmatch(v)),
}
_PATH_OR_NONE = _optional(_one_of(PATHS + (REGISTER,)))
FIELDS: dict[str, dict[str, Callable[[Any], bool]]] = {
    "session": {"lang": _one_of(LANGS)},
    "start": {"path": _one_of(PATHS)},
    "step": {"path": _PATH_OR_NONE, "screen": _token},
    "error": {"path": _PATH_OR_NONE, "screen": _optional(_token), "field": _token, "problem": _token},
    "finished": {
        "path": _one_of(PATHS),
        "outcome": _one_of(OUTCOMES),
        "method": _optional(_one_of(PATHS[:5])),
        "subject": _optional(_one_of(SUBJECTS)),
    },
}
"""The whitelist: per event type, the fields it may carry and the check of each value."""


def sanitise(event: dict[str, Any]) -> dict[str, Any]:
    """The event as it may be written, or UnsafeEvent (naming the field, never its value)."""
    kind = event.get("type")
    if kind not in FIELDS:
        raise UnsafeEvent(f"unknown event type {kind!r}" if _token(kind) else "unknown event type")
    checks = {**_COMMON, **FIELDS[kind]}
    out: dict[str, Any] = {"type": kind}
    for name, value in event.items():
        if name == "type":
            continue
        check = checks.get(name)
        if check is None:
            raise UnsafeEvent(f"field {name!r} is not logged for {kind!r} events" if _token(name) else "unknown field")
        if not check(value):
            raise UnsafeEvent(f"field {name!r} of a {kind!r} event refused")
        out[name] = value
    missing = [name for name in ("session", "at") if name not in out]
    if missing:
        raise UnsafeEvent(f"{kind!r} event without {', '.join(missing)}")
    return out


class Sink(Protocol):
    def write(self, event: dict[str, Any]) -> None:
        """Append one sanitised event (without blocking the caller on disk)."""


class Clock(Protocol):
    def now(self) -> datetime: ...


class TrainerLog:
    """One app run's recorder: builds the events, sanitises them, hands them to the sink.

    The coordinator brackets each path with `enter` and `leave` (a path left without
    `finished` ends as cancelled); a registration names its method with `choose`. Steps and
    errors belong to the innermost path open (Quên mật khẩu opens inside Đăng nhập); the home
    page belongs to none. The ``session`` event is written with the first other event, so an
    app opened and closed untouched writes nothing.
    """

    def __init__(self, sink: Sink, clock: Clock, session: str, lang: str = "vi") -> None:
        self.sink = sink
        self.clock = clock
        self.session = session
        self._opened: dict[str, Any] | None = {"type": "session", "at": self._at(), "lang": lang if lang in LANGS else "vi"}
        self._stack: list[str] = []
        self._started: set[str] = set()

    def _at(self) -> str:
        return self.clock.now().isoformat()

    def _emit(self, event: dict[str, Any]) -> None:
        clean = sanitise({**event, "session": self.session, "at": self._at()})
        if self._opened is not None:
            opened, self._opened = self._opened, None
            self.sink.write(sanitise({**opened, "session": self.session}))
        self.sink.write(clean)

    @property
    def path(self) -> str | None:
        """The innermost path open (``register`` before a registration's method is chosen)."""
        return self._stack[-1] if self._stack else None

    # -- the coordinator -----------------------------------------------------------------------
    def enter(self, path: str) -> None:
        """A path begins (``register``: a registration, whose method is not chosen yet)."""
        self._stack.append(path)
        if path in PATHS:
            self._start(path)

    def choose(self, method: str) -> None:
        """The registration's method is chosen (again, after Back): the path is that method's."""
        if not self._stack:
            return
        previous = self._stack[-1]
        if previous == method:
            return
        if previous in self._started:  # another method was tried first and left
            self.finished(previous, "cancelled")
        self._stack[-1] = method
        self._start(method)

    def leave(self, record: bool = True) -> None:
        """The coordinator of the innermost path returned: unless finished, it was cancelled."""
        if not self._stack:
            return
        path = self._stack.pop()
        if record and path in self._started:
            self.finished(path, "cancelled")
        if not self._stack:
            self._emit({"type": "step", "screen": HOME, "path": None})  # back home: the last step ends

    def _start(self, path: str) -> None:
        self._started.add(path)
        self._emit({"type": "start", "path": path})

    # -- what the trainee does -----------------------------------------------------------------
    def step(self, screen: str | None) -> None:
        """A screen entered: a step of the innermost path (home: of none; passed through between
        two steps of a path, or on the way out of one, it is not recorded: `leave` does)."""
        if screen == HOME and self._stack:
            return
        path = None if screen == HOME else self.path
        if path is None and self._opened is not None:
            return  # the home page at start-up: nothing to record yet
        self._emit({"type": "step", "screen": screen or "unknown", "path": path})

    def error(self, screen: str | None, field_id: str, problem: str) -> None:
        self._emit({"type": "error", "screen": screen, "field": field_id, "problem": problem, "path": self.path})

    def finished(self, path: str, outcome: str, method: str | None = None, subject: str | None = None) -> None:
        """The end of a path that was started (an end without a start, or a second one, is ignored)."""
        if path not in self._started:
            return
        self._started.discard(path)
        self._emit({"type": "finished", "path": path, "outcome": outcome, "method": method, "subject": subject})


# -- the report ------------------------------------------------------------------------------
@dataclass(frozen=True)
class PathStats:
    path: str
    started: int
    finished: int
    cancelled: int
    completion: float | None
    """Finished / started, in percent; None when none started."""
    median_minutes: float | None
    """From the start to the successful end of a path, median, in minutes."""
    median_step_seconds: float | None
    mean_step_seconds: float | None


@dataclass(frozen=True)
class StepStats:
    path: str
    screen: str
    count: int
    median_seconds: float
    mean_seconds: float


@dataclass(frozen=True)
class Report:
    paths: list[PathStats]
    steps: list[StepStats]
    errors: list[tuple[str, int]]
    """(problem key, count), commonest first."""
    sessions: int
    events: int
    since: datetime | None = None
    skipped: int = 0
    """Lines of the log that were not events (a torn write, an edit by hand)."""
    error_places: dict[str, tuple[str, str]] = field(default_factory=dict)
    """problem key -> the (screen, field) where it was shown most often."""


def parse_at(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def report(events: Iterable[dict[str, Any]], since: datetime | None = None) -> Report:
    """Per path started/finished/completion and times; per step the time spent; the top errors."""
    import statistics

    rows: list[tuple[datetime, int, dict[str, Any]]] = []
    for order, event in enumerate(events):
        moment = parse_at(event.get("at")) if isinstance(event, dict) else None
        if moment is None or (since is not None and moment < since):
            continue
        rows.append((moment, order, event))
    by_session: dict[str, list[tuple[datetime, int, dict[str, Any]]]] = {}
    for row in rows:
        by_session.setdefault(str(row[2].get("session")), []).append(row)

    started: Counter[str] = Counter()
    finished: Counter[str] = Counter()
    cancelled: Counter[str] = Counter()
    path_minutes: dict[str, list[float]] = {}
    step_seconds: dict[tuple[str, str], list[float]] = {}
    errors: Counter[str] = Counter()
    places: dict[str, Counter[tuple[str, str]]] = {}
    for session_rows in by_session.values():
        session_rows.sort(key=lambda row: (row[0], row[1]))
        open_since: dict[str, datetime] = {}
        last_step: tuple[datetime, dict[str, Any]] | None = None
        for moment, _, event in session_rows:
            kind = event.get("type")
            path = event.get("path")
            if kind == "start" and path in PATHS:
                started[path] += 1
                open_since[path] = moment
            elif kind == "finished" and path in PATHS:
                if event.get("outcome") in SUCCESS:
                    finished[path] += 1
                    if path in open_since:
                        path_minutes.setdefault(path, []).append((moment - open_since[path]).total_seconds() / 60)
                else:
                    cancelled[path] += 1
                open_since.pop(path, None)
            elif kind == "step":
                if last_step is not None:
                    entered, previous = last_step
                    if previous.get("path"):
                        key = (previous["path"], str(previous.get("screen")))
                        step_seconds.setdefault(key, []).append((moment - entered).total_seconds())
                last_step = (moment, event)
            elif kind == "error" and isinstance(event.get("problem"), str):
                errors[event["problem"]] += 1
                places.setdefault(event["problem"], Counter())[(str(event.get("screen")), str(event.get("field")))] += 1

    paths = []
    for path in PATHS:
        spent = [s for (p, _), values in step_seconds.items() if p == path for s in values]
        paths.append(PathStats(
            path=path,
            started=started[path],
            finished=finished[path],
            cancelled=cancelled[path],
            completion=(100.0 * finished[path] / started[path]) if started[path] else None,
            median_minutes=statistics.median(path_minutes[path]) if path_minutes.get(path) else None,
            median_step_seconds=statistics.median(spent) if spent else None,
            mean_step_seconds=statistics.fmean(spent) if spent else None,
        ))
    order = {path: index for index, path in enumerate((REGISTER,) + PATHS)}
    steps = [
        StepStats(path, screen, len(values), statistics.median(values), statistics.fmean(values))
        for (path, screen), values in step_seconds.items()
    ]
    steps.sort(key=lambda s: (order.get(s.path, len(order)), s.path, _first_seen(rows, s.path, s.screen)))
    top = sorted(errors.items(), key=lambda item: (-item[1], item[0]))
    return Report(
        paths=paths,
        steps=steps,
        errors=top,
        sessions=len(by_session),
        events=len(rows),
        since=since,
        error_places={key: counter.most_common(1)[0][0] for key, counter in places.items()},
    )


def _first_seen(rows, path: str, screen: str) -> int:
    """Steps listed in the order they were first entered (the path's own order)."""
    for index, (_, _, event) in enumerate(rows):
        if event.get("type") == "step" and event.get("path") == path and event.get("screen") == screen:
            return index
    return len(rows)
