"""Issue 14, finding 11: a value in a notice (a data dir's path, a name) is text, never markup:
`[/]` in the path crashed the app's start (MarkupError), `[red]` was rendered."""

from __future__ import annotations

import pytest
from keyring.backends import fail
from dvc_tui.core.text import t
from tests.conftest import settle

MARKUP_DIR = "d[/]a[red]b[bold]"


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / MARKUP_DIR


async def toasts(app, pilot) -> str:
    """The text of the notices on screen (Textual's Toast widgets, found by their type's name)."""
    for _ in range(20):
        found = [str(toast.render()) for toast in app.screen.query("Toast")]
        if found:
            return "".join(found)
        await pilot.pause()
    return ""


async def test_the_start_notice_shows_a_path_with_markup_literally(make_app, data_dir):
    """No keyring: the app's start says the key went to a file, naming the data dir's path."""
    app = make_app(use_keyring=True, keyring_backend=fail.Keyring())
    async with app.run_test(size=(160, 30), notifications=True) as pilot:
        await settle(app, pilot)
        said = t("secret.file_fallback", path=str(data_dir / "install.key"))
        shown = await toasts(app, pilot)
        assert "".join(shown.split()) == "".join(said.split()), shown  # the path literally (a toast wraps)
        assert "d[/]a[red]b[bold]" in "".join(shown.split())
        assert app.crash is None and app.screen.id == "home"


async def test_a_widgets_notice_with_markup_and_escapes_is_text(make_app):
    app = make_app()
    async with app.run_test(size=(160, 30), notifications=True) as pilot:
        await settle(app, pilot)
        app.screen.notify(t("report.log", path="[/]x[red]y\x1b[2J"))  # Widget.notify passes markup=True
        shown = await toasts(app, pilot)
        assert "[/]x[red]y␛[2J" in shown and "\x1b" not in shown, shown
        assert app.crash is None
