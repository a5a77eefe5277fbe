"""Issue 14, finding 11: values from data reach the screens and the terminal as plain text, their
control characters visible: the helpers (core/visible.py, dvc_tui/markup.py, t()) and a guard
that the product builds markup only with dvc_tui.markup.escape."""

from __future__ import annotations

import ast
from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.content import Content

import dvc_tui
from dvc_tui.core.text import Said, t
from dvc_tui.core.visible import visible
from dvc_tui.markup import escape

HOSTILE = "Mã [/] [red]x[bold] \x1b[2J\x1b]0;owned\x07\x9b31m\u202eAn\x00\x7f"
SHOWN = "Mã [/] [red]x[bold] ␛[2J␛]0;owned␇\ufffd31m\ufffdAn␀␡"


def test_visible_shows_each_control_one_for_one_and_keeps_vietnamese():
    assert visible(HOSTILE) == SHOWN and len(visible(HOSTILE)) == len(HOSTILE)
    assert visible("Nguyễn Văn An\u00a0– 0912 345 678") == "Nguyễn Văn An\u00a0– 0912 345 678"
    assert visible("a\nb\tc") == "a␊b␉c"


def test_t_shows_the_controls_of_the_values_it_formats_not_of_sentences():
    said = t("report.bad_since", value=HOSTILE)
    assert SHOWN in said and "\x1b" not in said
    assert said.params == {"value": HOSTILE}  # said again in the other language: shown again
    assert t("report.log", path=Path("/d/\x1b[2J")) == t("report.log", path="/d/␛[2J")  # a Path too
    assert t("report.skipped", count=3) == t("report.skipped", count="3")  # numbers as they are
    inner = Said("dòng 1\ndòng 2")  # a sentence given as a value keeps its line breaks
    assert "dòng 1\ndòng 2" in t("report.log", path=inner)


def test_markup_escape_is_text_on_screen_with_line_breaks_kept():
    for text in (HOSTILE, "[/]", "a [b]b[/b]\nc", "[@click=app.quit]x[/]"):
        plain = Content.from_markup(escape(text)).plain
        assert plain == "\n".join(visible(line) for line in text.split("\n"))
        assert "\x1b" not in plain


def test_an_sms_body_with_markup_and_escapes_shows_as_text():
    from dvc_tui.widgets.sms_inbox import render_sms

    message = type("Sms", (), {"id": 1, "phone": "+84912345678", "sender": "DVCQG", "body": HOSTILE,
                              "sent_at": datetime(2026, 12, 1, tzinfo=timezone.utc)})()
    shown = Content.from_markup(render_sms(message)).plain
    assert shown.endswith("\n" + SHOWN) and "\x1b" not in shown


def test_the_product_builds_markup_only_with_dvc_tui_markup_escape():
    """A module that imported rich.markup's escape (or Text.from_markup / Content.from_markup
    on its own strings) would put a value's ESC on the terminal again."""
    root = Path(dvc_tui.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "markup.py" and path.parent == root:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "rich.markup":
                found.append(f"{path.relative_to(root)}:{node.lineno} from rich.markup import ...")
            if isinstance(node, ast.Attribute) and node.attr == "from_markup":
                found.append(f"{path.relative_to(root)}:{node.lineno} .from_markup")
    assert found == []
