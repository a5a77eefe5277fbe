"""The login lock on the screen: #login-message says it with the time left, counts down as the
injected clock moves, keeps the typed name, says when it is over; login works after it.

Time moves only when the test advances the FakeClock. The countdown is refreshed by a
one-second interval; right after advancing the clock the test calls that interval's callback
(`tick_lock`) at once instead of waiting a real second (as tests/screens/test_otp_screen.py)."""

from __future__ import annotations

import pytest

from dvc_tui.core.guide import hint_key
from dvc_tui.core.text import VI, set_language
from tests.screens.helpers import (
    CITIZEN,
    GOOD_PASSWORD,
    log_in,
    paste,
    seed_account,
    shown,
    submit,
    to_login,
    type_into,
    value_of,
)

WRONG = "Wrong#Pass1"
INVALID = "Tên đăng nhập hoặc mật khẩu không đúng."
LOCKED = "Tài khoản tạm khóa do nhập sai mật khẩu 5 lần. Vui lòng thử lại sau {wait}."


@pytest.fixture(autouse=True)
def vietnamese():
    set_language("vi")
    yield
    set_language("vi")


def guide_text(app) -> str:
    guide = app.screen.query_one("#guide")
    return " ".join(str(guide.render()).split()) if guide.display else ""


async def tick(app, pilot) -> None:
    """Fire the login screen's one-second countdown now (the clock was advanced by hand)."""
    app.screen.tick_lock()
    await pilot.pause()


async def wrong_five_times(app, pilot, username: str) -> list[str]:
    """Five wrong passwords for `username` (pasted: the typing itself is tested in test_login)."""
    said = []
    for _ in range(5):
        await paste(pilot, {"username": username, "password": WRONG})
        await submit(app, pilot)
        said.append(shown(app, "#login-message"))
    return said


async def test_the_lock_shows_its_time_counts_down_and_login_works_after(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        seed_account(app)
        await to_login(app, pilot)
        said = await wrong_five_times(app, pilot, CITIZEN["cccd"])
        assert said[:4] == [
            INVALID,
            INVALID,
            f"{INVALID} Còn 2 lần thử trước khi bị tạm khóa đăng nhập.",
            f"{INVALID} Còn 1 lần thử trước khi bị tạm khóa đăng nhập.",
        ]
        assert said[4] == LOCKED.format(wait="1 phút")
        assert "error" in app.screen.query_one("#login-message").classes
        assert value_of(app, "username") == CITIZEN["cccd"]  # the typed name is kept
        assert value_of(app, "password") == ""
        assert app.focused.id == "password"

        clock.advance(1)
        await tick(app, pilot)
        assert shown(app, "#login-message") == LOCKED.format(wait="59 giây")
        clock.advance(29.5)
        await tick(app, pilot)
        assert shown(app, "#login-message") == LOCKED.format(wait="30 giây")  # rounded up

        # Typing a password keeps the lock in view; the right one is refused until the end.
        await type_into(pilot, "password", GOOD_PASSWORD)
        assert shown(app, "#login-message") == LOCKED.format(wait="30 giây")
        await log_in(app, pilot, CITIZEN["cccd"], GOOD_PASSWORD)
        assert app.screen.id == "login"
        assert shown(app, "#login-message") == LOCKED.format(wait="30 giây")
        clock.advance(29)
        await tick(app, pilot)
        assert shown(app, "#login-message") == LOCKED.format(wait="1 giây")

        clock.advance(0.5)
        await tick(app, pilot)
        assert shown(app, "#login-message") == "Đã hết thời gian tạm khóa; bạn có thể đăng nhập lại."
        assert "info" in app.screen.query_one("#login-message").classes
        clock.advance(10)
        await tick(app, pilot)  # over: the countdown no longer touches the message
        assert shown(app, "#login-message") == "Đã hết thời gian tạm khóa; bạn có thể đăng nhập lại."
        assert not app.recent_sms

        await log_in(app, pilot, CITIZEN["cccd"], GOOD_PASSWORD)
        assert app.screen.id == "otp"
        assert len(app.recent_sms) == 1  # the login code


async def test_the_next_lock_is_two_minutes_and_another_name_clears_the_countdown(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        seed_account(app)
        await to_login(app, pilot)
        assert (await wrong_five_times(app, pilot, CITIZEN["cccd"]))[-1] == LOCKED.format(wait="1 phút")
        clock.advance(60)
        assert (await wrong_five_times(app, pilot, CITIZEN["cccd"]))[-1] == LOCKED.format(wait="2 phút")
        clock.advance(30)
        await tick(app, pilot)
        assert shown(app, "#login-message") == LOCKED.format(wait="1 phút 30 giây")

        # Another name: the message goes, the countdown stops, that name is not locked.
        await type_into(pilot, "username", "079190000111")
        assert shown(app, "#login-message") == ""
        assert app.screen.login_lock is None
        clock.advance(1)
        await tick(app, pilot)
        assert shown(app, "#login-message") == ""
        await type_into(pilot, "password", WRONG)
        await log_in(app, pilot, "079190000111", WRONG)
        assert shown(app, "#login-message") == INVALID


async def test_a_name_without_an_account_is_shown_the_same_lock(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        seed_account(app)
        await to_login(app, pilot)
        existing = await wrong_five_times(app, pilot, CITIZEN["cccd"])
        nobody = await wrong_five_times(app, pilot, "001090099999")
        assert nobody == existing
        clock.advance(45)
        await tick(app, pilot)
        assert shown(app, "#login-message") == LOCKED.format(wait="15 giây")


async def test_the_lock_counts_down_in_english_after_f8_and_names_its_rule_in_training(make_app, clock):
    app = make_app(training=True)
    async with app.run_test(size=(100, 30)) as pilot:
        seed_account(app)
        await to_login(app, pilot)
        await wrong_five_times(app, pilot, CITIZEN["cccd"])
        assert hint_key("login.locked") == "guide.hint.login_locked"
        assert VI["guide.hint.login_locked"].split(".")[0] in guide_text(app)
        await pilot.press("f8")
        await pilot.pause()
        clock.advance(15)
        await tick(app, pilot)
        assert shown(app, "#login-message") == (
            "Login is locked for a while after 5 wrong passwords. Please try again in 45 seconds."
        )
        assert value_of(app, "username") == CITIZEN["cccd"]
