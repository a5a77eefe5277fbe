"""The language at run time (F8, --lang): every screen in Vietnamese or English, switched on
the current screen without losing anything typed, and on the screens under it when they return."""

from __future__ import annotations

import pytest

from dvc_tui.core.text import language, set_language
from tests.conftest import click, settle, to_form, type_into


@pytest.fixture(autouse=True)
def vietnamese():
    set_language("vi")
    yield
    set_language("vi")


def label(app, field_id: str) -> str:
    return str(app.screen.query_one(f"#{field_id}-field .field-label").render())


def footer_words(app) -> set[str]:
    return {b.binding.description for b in app.screen.active_bindings.values()}


async def test_f8_switches_the_form_to_english_and_back_keeping_what_was_typed(make_app):
    app = make_app(training=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_form(app, pilot)
        await type_into(pilot, "cccd", "00109001234")
        await type_into(pilot, "full-name", "Nguyễn Văn An")
        await type_into(pilot, "dob", "01/01/1990")
        captcha = str(app.screen.query_one("#captcha-code").render())
        assert "bạn đã nhập 11 số" in str(app.screen.query_one("#cccd-error").render())

        await pilot.press("f8")
        await pilot.pause()
        await pilot.pause()
        assert language() == "en"
        screen = app.screen
        assert label(app, "full-name").startswith("Full name")
        values = {w: screen.query_one(f"#{w}").value for w in ("cccd", "full-name", "dob")}
        assert values == {"cccd": "00109001234", "full-name": "Nguyễn Văn An", "dob": "01/01/1990"}
        assert "you typed 11" in str(screen.query_one("#cccd-error").render())  # the error, said again
        assert str(screen.query_one("#captcha-code").render()) == captcha  # the same captcha
        assert app.focused is screen.query_one("#dob")
        assert str(screen.query_one("#step").render()) == "Step 3/5"
        assert screen.query_one("#sms-inbox").border_title == "SMS messages (simulated)"
        assert screen.query_one("#form").border_title == "zone 6"
        assert "Guide" in screen.query_one("#guide").border_title and "province code" in str(
            screen.query_one("#guide").render())
        assert {"Back", "Cancel", "Quit", "Tiếng Việt"} <= footer_words(app)

        await pilot.press("f8")
        await pilot.pause()
        await pilot.pause()
        assert language() == "vi"
        assert label(app, "full-name").startswith("Họ tên")
        assert app.screen.query_one("#full-name").value == "Nguyễn Văn An"
        assert {"Quay lại", "Hủy", "English"} <= footer_words(app)


async def test_the_screens_under_follow_when_they_come_back(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await click(pilot, "#register")
        await click(pilot, "#subject-citizen")
        assert app.screen.id == "choose-method"
        await pilot.press("f8")
        await pilot.pause()
        assert str(app.screen.query_one("#method-mobile").label) == "Mobile subscription"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.id == "choose-subject"
        assert str(app.screen.query_one("#subject-citizen").label) == "Citizen"
        assert {"Back", "Cancel"} <= footer_words(app)


async def test_the_login_screen_keeps_its_tab_and_name(make_app):
    from dvc_tui.screens.login import LoginScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await app.push_screen(LoginScreen(app.services, "001090012345", tab="sim"))
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#login-tabs").active == "tab-sim"
        assert screen.query_one("#login-panes").current == "pane-sim"
        assert screen.query_one("#sim-username").value == "001090012345"
        assert str(screen.query_one("#tab-cccd").label) == "CMT/CCCD"
        assert str(screen.query_one("#submit").label) == "LOG IN"


def test_lang_and_training_flags_and_environment(monkeypatch, tmp_path):
    from dvc_tui.cli import _config, _parser
    from dvc_tui.config import Config

    config = _config(_parser().parse_args(["--data-dir", str(tmp_path), "--lang", "en", "--training"]))
    assert (config.language, config.training) == ("en", True)
    assert language() == "en"
    config = _config(_parser().parse_args(["--data-dir", str(tmp_path)]))
    assert (config.language, config.training) == ("vi", False)
    monkeypatch.setenv("DVC_TUI_TRAINING", "1")
    assert Config.load(tmp_path).training is True


@pytest.mark.parametrize("lang, hint, title", [
    ("vi", "Nhấn Ctrl+Q để thoát trình mô phỏng.", "Bạn muốn thoát?"),
    ("en", "Press Ctrl+Q to quit the simulator.", "Do you want to quit?"),
])
async def test_ctrl_c_says_how_to_quit_in_the_users_language(make_app, lang, hint, title):
    """Textual's own hint is English ("Press ctrl+q to quit the app") on a Vietnamese screen."""
    app = make_app(language=lang)
    said: list[tuple[str, str | None]] = []
    notify = app.notify

    def spy(message, **kwargs):
        said.append((str(message), kwargs.get("title")))
        return notify(message, **kwargs)

    app.notify = spy
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert said == [(hint, title)]
