"""The trainer report from a log written by a scripted session, checked against the script.

The script registers by mobile subscription with one wrong captcha and one wrong one-time code,
then logs in, advancing the injected clock by known amounts before entering each step; then
`dvc-tui report` runs on the data dir.
"""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from dvc_tui import cli
from dvc_tui.core.events import report
from dvc_tui.store.events import EVENTS_NAME, read_events
from tests.conftest import CITIZEN, GOOD_PASSWORD, click, fill_form, last_code, settle, type_into

# seconds spent on each step: the clock advance before entering the next one
SPENT = {
    ("register", "choose-subject"): 7,
    ("register", "choose-method"): 11,
    ("mobile", "register-mobile"): 45,
    ("mobile", "otp"): 30,
    ("mobile", "set-password"): 25,
    ("mobile", "registered"): 9,
    ("login", "login"): 14,
    ("login", "otp"): 16,
    ("login", "profile"): 5,
}


async def scripted_session(app, pilot, clock) -> dict[str, str]:
    """The script; returns the secrets typed (each must stay out of the log)."""
    typed = {"password": GOOD_PASSWORD, "cccd": CITIZEN["cccd"], "phone": CITIZEN["phone"]}
    await settle(app, pilot)
    await click(pilot, "#register")
    clock.advance(seconds=SPENT["register", "choose-subject"])
    await click(pilot, "#subject-citizen")
    clock.advance(seconds=SPENT["register", "choose-method"])
    await click(pilot, "#method-mobile")
    assert app.screen.id == "register-mobile"

    shown = str(app.screen.query_one("#captcha-code").render())
    await fill_form(app, pilot, CITIZEN, captcha="Z" * len(shown) if shown != "Z" * len(shown) else "Y" * len(shown))
    await click(pilot, "#submit")  # error 1: the wrong captcha
    await settle(app, pilot)
    assert app.screen.id == "register-mobile"
    assert "không đúng" in str(app.screen.query_one("#captcha-error").render())
    await type_into(pilot, "captcha", str(app.screen.query_one("#captcha-code").render()))
    clock.advance(seconds=SPENT["mobile", "register-mobile"])
    await click(pilot, "#submit")
    await settle(app, pilot)
    assert app.screen.id == "otp"

    code = last_code(app)
    typed["register_code"] = code
    await type_into(pilot, "otp-code", f"{(int(code) + 1) % 10**6:06d}")  # error 2: a wrong code
    await pilot.press("enter")
    await settle(app, pilot)
    assert "không đúng" in str(app.screen.query_one("#otp-code-error").render())
    await type_into(pilot, "otp-code", code)
    clock.advance(seconds=SPENT["mobile", "otp"])
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.id == "set-password"

    await type_into(pilot, "password", GOOD_PASSWORD)
    await type_into(pilot, "password-confirm", GOOD_PASSWORD)
    clock.advance(seconds=SPENT["mobile", "set-password"])
    await click(pilot, "#submit")
    await settle(app, pilot)
    assert app.screen.id == "registered"

    clock.advance(seconds=SPENT["mobile", "registered"])
    await click(pilot, "#to-login")
    assert app.screen.id == "login"
    await type_into(pilot, "password", GOOD_PASSWORD)
    clock.advance(seconds=SPENT["login", "login"])
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.id == "otp"
    typed["login_code"] = last_code(app)
    await type_into(pilot, "otp-code", typed["login_code"])
    clock.advance(seconds=SPENT["login", "otp"])
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.id == "profile"
    clock.advance(seconds=SPENT["login", "profile"])
    await click(pilot, "#logout")
    assert app.screen.id == "home"
    return typed


_SESSION: dict = {}  # the script's data dir and secrets, once per test process


@pytest.fixture
async def logged(make_app, data_dir, clock, tmp_path_factory):
    """The script run once (it is the same every time): each test gets a copy of its data dir."""
    if not _SESSION:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            typed = await scripted_session(app, pilot, clock)
        # the app has closed: its log is on disk
        kept = tmp_path_factory.mktemp("scripted-session") / "data"
        shutil.copytree(data_dir, kept)
        _SESSION.update(data_dir=kept, typed=typed)
    else:
        shutil.copytree(_SESSION["data_dir"], data_dir)
    return dict(_SESSION["typed"])


async def test_report_of_a_scripted_session_matches_the_script(logged, data_dir, tmp_path, capsys):
    events, skipped = read_events(data_dir)
    assert skipped == 0
    result = report(events)
    paths = {row.path: row for row in result.paths}
    assert (paths["mobile"].started, paths["mobile"].finished, paths["mobile"].completion) == (1, 1, 100.0)
    assert (paths["login"].started, paths["login"].finished) == (1, 1)
    assert all(row.started == 0 for row in result.paths if row.path not in ("mobile", "login"))
    assert paths["mobile"].median_minutes == pytest.approx((45 + 30 + 25) / 60)  # start -> registered
    assert result.errors == [("captcha.wrong", 1), ("otp.wrong", 1)]
    assert result.error_places == {"captcha.wrong": ("register-mobile", "captcha"), "otp.wrong": ("otp", "otp-code")}

    # the command: the per-step CSV holds exactly the script's times
    table = tmp_path / "steps.csv"
    assert cli.main(["--data-dir", str(data_dir), "report", "--csv", str(table)]) == 0
    out = capsys.readouterr().out
    with table.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["path"], r["screen"]): float(r["median_seconds"]) for r in rows} == SPENT
    assert all(r["count"] == "1" for r in rows)
    for words in ("Hoàn thành theo luồng", "Thuê bao di động", "Đăng nhập", "captcha.wrong", "otp.wrong"):
        assert words in out


async def test_the_log_holds_no_password_code_or_id(logged, data_dir):
    text = (data_dir / EVENTS_NAME).read_text(encoding="utf-8")
    for secret in logged.values():
        assert secret not in text
    assert "0828" not in text and "088" not in text  # not even part of the phone number
    for line in text.splitlines():
        event = json.loads(line)
        assert set(event) <= {"type", "session", "at", "lang", "path", "screen", "field", "problem", "outcome",
                              "method", "subject"}


def test_a_bad_since_is_one_vietnamese_line_and_exit_2(tmp_path, capsys):
    assert cli.main(["--data-dir", str(tmp_path), "report", "--since", "30/11/2026"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "không hợp lệ" in err and "30/11/2026" in err


def test_since_a_day_and_an_empty_log(tmp_path, capsys):
    assert cli.main(["--data-dir", str(tmp_path), "report", "--since", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "0 sự kiện" in out and "từ 2026-11-30 00:00" in out


def test_an_unreadable_log_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch):
    """Any command meeting an OS error on the data dir (here the log, unreadable: simulated, as
    root reads everything) says it in one line and exits 2, no traceback."""
    from dvc_tui.store import events

    def unreadable(data_dir):
        raise PermissionError(13, "Permission denied", str(data_dir / "events.jsonl"))

    monkeypatch.setattr(events, "read_events", unreadable)
    assert cli.main(["--data-dir", str(tmp_path), "report"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("dvc-tui: ") and "events.jsonl" in err and "không có quyền truy cập" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
