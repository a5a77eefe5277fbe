"""The trainer's event log: the whitelist, the recorder and the report, on hand-made events."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta, timezone

import pytest

from dvc_tui.core.clock import FakeClock
from dvc_tui.core.events import TrainerLog, UnsafeEvent, report, sanitise
from dvc_tui.store.events import EVENTS_NAME, EventWriter, read_events

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc)
SESSION = "00000000000000aa"


def ev(kind: str, seconds: float, session: str = SESSION, **fields) -> dict:
    return {"type": kind, "session": session, "at": (T0 + timedelta(seconds=seconds)).isoformat(), **fields}


# -- the whitelist ---------------------------------------------------------------------------------
def test_a_well_formed_event_passes_unchanged():
    event = ev("error", 5, screen="register-mobile", field="captcha", problem="captcha.wrong", path="mobile")
    assert sanitise(event) == event


@pytest.mark.parametrize(
    "extra",
    [
        {"password": "Sen-Vang-2024!"},
        {"username": "001090012345"},
        {"phone": "0828123088"},
        {"value": "x"},
        {"message": "Mã xác thực không đúng."},
    ],
)
def test_a_field_not_on_the_list_is_refused(extra):
    with pytest.raises(UnsafeEvent) as refused:
        sanitise(ev("step", 0, screen="otp", path="mobile", **extra))
    assert str(next(iter(extra.values()))) not in str(refused.value)  # the error never repeats the value


@pytest.mark.parametrize(
    "field, value",
    [
        ("screen", "001090012345"),  # a full CCCD
        ("field", "123456"),  # a one-time code
        ("problem", "Sen-Vang-2024!"),  # a password
        ("problem", "pin-246810"),  # a PIN inside a token
        ("field", "abc0828123088"),  # a phone number inside a token
        ("screen", "Nguyễn Văn An"),  # a name
        ("path", "anything"),  # not one of the paths
        ("field", 123456),  # not a string
    ],
)
def test_a_value_that_could_be_an_id_a_code_or_a_password_is_refused(field, value):
    event = ev("error", 0, screen="otp", field="otp-code", problem="otp.wrong", path="mobile")
    event[field] = value
    with pytest.raises(UnsafeEvent):
        sanitise(event)


def test_unknown_types_and_missing_session_are_refused():
    with pytest.raises(UnsafeEvent):
        sanitise({"type": "keystroke", "session": SESSION, "at": T0.isoformat()})
    with pytest.raises(UnsafeEvent):
        sanitise({"type": "start", "path": "login", "at": T0.isoformat()})
    with pytest.raises(UnsafeEvent):
        sanitise(ev("finished", 0, path="login", outcome="logged-in", subject="001090012345"))


def test_the_writer_refuses_a_secret_and_writes_nothing(tmp_path):
    writer = EventWriter(tmp_path)
    with pytest.raises(UnsafeEvent):
        writer.write(ev("error", 0, screen="otp", field="otp-code", problem="otp.wrong", code="123456"))
    writer.close()
    assert not (tmp_path / EVENTS_NAME).exists()


# -- the recorder and the file ---------------------------------------------------------------------
class ListSink:
    def __init__(self):
        self.events = []

    def write(self, event):
        self.events.append(sanitise(event))


def test_recorder_brackets_paths_and_ends_a_left_one_as_cancelled():
    clock, sink = FakeClock(T0), ListSink()
    log = TrainerLog(sink, clock, SESSION)
    log.step("home")  # the home page at start-up: nothing yet
    assert sink.events == []
    log.enter("register")
    log.step("choose-subject")
    clock.advance(seconds=3)
    log.step("choose-method")
    log.choose("bhxh")
    log.step("register-bhxh")
    log.step("home")  # passed through between two screens of the path: not a step
    log.choose("mobile")  # Back, another method: the first is left
    log.error("register-mobile", "phone", "phone.format")
    log.leave()  # F4
    kinds = [(e["type"], e.get("path"), e.get("problem") or e.get("screen") or e.get("outcome")) for e in sink.events]
    assert kinds == [
        ("session", None, None),
        ("step", "register", "choose-subject"),
        ("step", "register", "choose-method"),
        ("start", "bhxh", None),
        ("step", "bhxh", "register-bhxh"),
        ("finished", "bhxh", "cancelled"),
        ("start", "mobile", None),
        ("error", "mobile", "phone.format"),
        ("finished", "mobile", "cancelled"),
        ("step", None, "home"),
    ]
    assert {e["session"] for e in sink.events} == {SESSION}


def test_writer_appends_json_lines_0600_and_rotates(tmp_path):
    writer = EventWriter(tmp_path / "data", max_bytes=600)
    for second in range(12):
        writer.write(ev("step", second, screen="otp", path="login"))
    writer.flush()
    path = tmp_path / "data" / EVENTS_NAME
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert (tmp_path / "data" / (EVENTS_NAME + ".1")).is_file()
    assert all(len(p.read_bytes()) <= 600 for p in (path, path.with_name(EVENTS_NAME + ".1")))
    events, skipped = read_events(tmp_path / "data")
    writer.close()
    assert skipped == 0
    seconds = [datetime.fromisoformat(e["at"]) for e in events]
    assert seconds == sorted(seconds) and len(events) >= 6  # the rotated file first, then the current one
    with path.open("a", encoding="utf-8") as handle:
        handle.write("{torn\n")
    assert read_events(tmp_path / "data")[1] == 1
    assert json.loads(path.read_text().splitlines()[0])["type"] == "step"


# -- the report ------------------------------------------------------------------------------------
def sample() -> list[dict]:
    b = "00000000000000bb"
    return [
        # session a: mobile registration (steps 10 s, 20 s, 30 s, 40 s), then a login that is left
        ev("session", 0, lang="vi"),
        ev("step", 0, screen="choose-subject", path="register"),
        ev("step", 5, screen="choose-method", path="register"),
        ev("start", 8, path="mobile"),
        ev("step", 8, screen="register-mobile", path="mobile"),
        ev("error", 12, screen="register-mobile", field="captcha", problem="captcha.wrong", path="mobile"),
        ev("step", 18, screen="otp", path="mobile"),
        ev("error", 20, screen="otp", field="otp-code", problem="otp.wrong", path="mobile"),
        ev("error", 25, screen="otp", field="otp-code", problem="otp.wrong", path="mobile"),
        ev("step", 38, screen="set-password", path="mobile"),
        ev("finished", 68, path="mobile", outcome="registered", method="mobile", subject="citizen"),
        ev("step", 68, screen="registered", path="mobile"),
        ev("step", 108, screen="home", path=None),
        ev("start", 200, path="login"),
        ev("step", 200, screen="login", path="login"),
        ev("error", 210, screen="login", field="login-message", problem="login.invalid", path="login"),
        ev("finished", 230, path="login", outcome="cancelled"),
        ev("step", 230, screen="home", path=None),
        # session b (another day): a login, steps 20 s and 60 s
        ev("session", 86400, session=b, lang="vi"),
        ev("start", 86400, session=b, path="login"),
        ev("step", 86400, session=b, screen="login", path="login"),
        ev("step", 86420, session=b, screen="otp", path="login"),
        ev("finished", 86480, session=b, path="login", outcome="logged-in", method="mobile", subject="citizen"),
        ev("step", 86480, session=b, screen="profile", path="login"),
    ]


def test_report_counts_paths_steps_and_errors():
    result = report(sample())
    by_path = {row.path: row for row in result.paths}
    assert [row.path for row in result.paths] == ["mobile", "bhxh", "post", "usb", "sim", "login", "forgot"]
    mobile, login = by_path["mobile"], by_path["login"]
    assert (mobile.started, mobile.finished, mobile.cancelled, mobile.completion) == (1, 1, 0, 100.0)
    assert mobile.median_minutes == pytest.approx(1.0)  # 8 s -> 68 s
    assert mobile.median_step_seconds == pytest.approx(25.0)  # 10, 20, 30, 40
    assert mobile.mean_step_seconds == pytest.approx(25.0)
    assert (login.started, login.finished, login.cancelled, login.completion) == (2, 1, 1, 50.0)
    assert by_path["bhxh"].started == 0 and by_path["bhxh"].completion is None
    steps = {(s.path, s.screen): s for s in result.steps}
    assert steps[("register", "choose-subject")].median_seconds == 5
    assert steps[("mobile", "otp")].median_seconds == 20
    assert steps[("mobile", "registered")].median_seconds == 40
    assert steps[("login", "login")].count == 2
    assert steps[("login", "login")].median_seconds == pytest.approx(25.0)  # 30 s and 20 s
    assert ("login", "profile") not in steps  # the last step of a session has no end
    assert [s.screen for s in result.steps if s.path == "mobile"] == ["register-mobile", "otp", "set-password", "registered"]
    assert result.errors == [("otp.wrong", 2), ("captcha.wrong", 1), ("login.invalid", 1)]
    assert result.error_places["otp.wrong"] == ("otp", "otp-code")
    assert result.sessions == 2


def test_report_since_keeps_later_events_only():
    result = report(sample(), since=T0 + timedelta(hours=12))
    by_path = {row.path: row for row in result.paths}
    assert by_path["mobile"].started == 0
    assert (by_path["login"].started, by_path["login"].finished) == (1, 1)
    assert result.errors == []
    assert result.sessions == 1


def test_report_ignores_malformed_events():
    events = sample() + [{"type": "step"}, {"at": "yesterday", "type": "start", "path": "login"}, "junk"]
    assert report(events).paths == report(sample()).paths
