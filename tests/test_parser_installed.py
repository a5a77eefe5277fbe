"""Issue 14, finding 11 (and 8): `dvc-tui phone` and `dvc-tui demo` take the terminal as the app
does, so they too make Textual's drivers build the safe terminal parser before they run."""

from __future__ import annotations

import importlib

import pytest
from dvc_tui import textual_compat
from dvc_tui.cli import main
from dvc_tui.textual_compat import SafePasteParser, XTermParser  # Textual's own, as textual_compat holds it


@pytest.fixture
def drivers(monkeypatch):
    """Textual's driver modules with Textual's own parser again (restored after the test)."""
    modules = [importlib.import_module(name) for name in textual_compat._DRIVER_MODULES]
    for module in modules:
        monkeypatch.setattr(module, "XTermParser", XTermParser)
    return modules


@pytest.mark.parametrize("command, app_class", [
    (["phone"], "dvc_tui.phone_app.PhoneApp"),
    (["demo", "--path", "mobile"], "dvc_tui.demo.app.DemoApp"),
])
def test_the_command_installs_the_terminal_parser_before_it_runs(drivers, monkeypatch, data_dir, command, app_class):
    module_name, class_name = app_class.rsplit(".", 1)
    app_type = getattr(importlib.import_module(module_name), class_name)
    parsers_at_run = []
    monkeypatch.setattr(app_type, "run", lambda self, *a, **k: parsers_at_run.append(
        [module.XTermParser for module in drivers]))
    assert main(["--data-dir", str(data_dir), "--no-keyring", "--hash-cost", "test", *command]) == 0
    assert parsers_at_run == [[SafePasteParser] * len(drivers)]
