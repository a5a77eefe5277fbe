"""The message catalogs: the same keys in both languages, every key the code uses exists."""

from __future__ import annotations

import ast
import re
import string
import tokenize
from pathlib import Path

import pytest

import dvc_tui
from dvc_tui.core import text
from dvc_tui.core.accounts import Level, Method, Subject
from dvc_tui.core.flow import LEVEL_OF
from dvc_tui.core.otp import Purpose
from dvc_tui.core.passwords import RULES
from dvc_tui.core.problems import PortalError, Problem
from dvc_tui.core.text import CATALOGS, EN, VI, problem_text, set_language, t

PACKAGE = Path(dvc_tui.__file__).resolve().parent
SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if p != Path(text.__file__).resolve())

# Keys written literally where the code turns them into words.
KEY_USES = [
    re.compile(r"""\bt\(\s*(["'])(?P<key>[^"'{}\\\s]+)\1"""),  # t("..."), text.t("...")
    re.compile(r"""\bPortalError\(\s*(["'])(?P<key>[^"'{}\\\s]+)\1"""),
    re.compile(r"""\b_too_long\(\s*\w+\s*,\s*(["'])(?P<key>[^"'{}\\\s]+)\1"""),
    re.compile(r"""\bAvailability\(\s*\w+\s*,\s*(["'])(?P<key>[^"'{}\\\s]+)\1"""),
    # Binding descriptions are catalog keys (the screens translate them)
    re.compile(r"""\bBinding\(\s*(["'])[^"']*\1\s*,\s*(["'])[^"']*\2\s*,\s*(["'])(?P<key>[^"'{}\\\s]+)\3"""),
]


@pytest.fixture(autouse=True)
def vietnamese():
    set_language("vi")
    yield
    set_language("vi")


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def literal_keys() -> dict[str, set[str]]:
    """key -> the files using it, from the regexes above."""
    found: dict[str, set[str]] = {}
    for path in SOURCES:
        source = path.read_text(encoding="utf-8")
        for pattern in KEY_USES:
            for match in pattern.finditer(source):
                found.setdefault(match.group("key"), set()).add(str(path.relative_to(PACKAGE)))
    return found


def test_both_catalogs_have_exactly_the_same_keys():
    assert set(CATALOGS) == {"vi", "en"}
    only_vi = sorted(set(VI) - set(EN))
    only_en = sorted(set(EN) - set(VI))
    assert (only_vi, only_en) == ([], [])


def test_both_catalogs_use_the_same_placeholders_per_key():
    differing = {k: (placeholders(VI[k]), placeholders(EN[k])) for k in VI if placeholders(VI[k]) != placeholders(EN.get(k, ""))}
    assert differing == {}


def test_no_message_is_empty():
    assert [k for k, v in VI.items() if not v.strip()] == []
    assert [k for k, v in EN.items() if not v.strip()] == []


def test_every_literal_key_in_the_source_exists_in_both_catalogs():
    found = literal_keys()
    assert len(found) >= 60, "the regexes no longer find the keys: check the patterns"
    assert "login.invalid" in found and "otp.wrong" not in found  # conditional key: see below
    missing = {key: sorted(files) for key, files in found.items() if key not in VI or key not in EN}
    assert missing == {}


def test_every_key_shaped_string_in_core_exists_in_both_catalogs():
    """Keys chosen at run time (`key = "otp.superseded" if ... else "otp.wrong"`) count too."""
    namespaces = {key.split(".")[0] for key in VI}
    key_shape = re.compile(r"[a-z_]+(\.[a-z0-9_]+)+")
    missing = []
    seen = 0
    for path in SOURCES:
        if path.parent.name != "core":
            continue
        with path.open("rb") as handle:
            for token in tokenize.tokenize(handle.readline):
                if token.type != tokenize.STRING:
                    continue
                try:
                    value = ast.literal_eval(token.string)
                except (ValueError, SyntaxError):
                    continue  # f-strings: checked by enumeration below
                if isinstance(value, str) and key_shape.fullmatch(value) and value.split(".")[0] in namespaces:
                    seen += 1
                    if value not in VI or value not in EN:
                        missing.append(f"{path.name}:{token.start[0]}: {value}")
    assert seen >= 40
    assert missing == []


def test_keys_built_from_enums_exist_in_both_catalogs():
    built = (
        [f"sms.otp.{p.value}" for p in Purpose]
        + [f"subject.{s.value}" for s in Subject]
        + [f"method.{m.value}" for m in Method]
        + [f"level.{int(LEVEL_OF[m])}.{m.value}" for m in Method]
        + [f"done.{part}.{m.value}" for m in Method for part in ("level", "next")]
        + [f"profile.type.{s.value}" for s in Subject]
        + [f"level.ial{int(level)}" for level in Level]
        + [f"pw.rule.{rule}" for rule in RULES]
        + ["pw.rule.equal"]
    )
    assert [k for k in built if k not in VI or k not in EN] == []


# -- formatting ---------------------------------------------------------------------------
def test_problem_text_formats_parameters_in_vietnamese_and_english():
    problem = PortalError("otp.wrong", left=3).problem
    assert problem_text(problem) == "Mã OTP không đúng. Còn 3 lần thử."
    set_language("en")
    assert problem_text(problem) == "Wrong OTP. 3 tries left."


def test_problem_text_of_id_problems_names_what_was_typed():
    assert problem_text(Problem("id.length", {"length": 10})) == (
        "Số CMT/CCCD phải có 9 số (CMT) hoặc 12 số (CCCD); bạn đã nhập 10 số."
    )
    assert problem_text(Problem("id.century", {"digit": "2", "year": 1990})) == (
        "Chữ số thứ 4 của CCCD (2: thế kỷ sinh và giới tính) không khớp với năm sinh 1990."
    )
    set_language("en")
    assert problem_text(Problem("id.province", {"code": "003"})) == (
        "Province code 003 (the first 3 digits of a CCCD) does not exist."
    )


def test_problem_text_translates_the_missing_password_rule():
    assert problem_text(Problem("password.weak", {"rule": "special"})) == "Mật khẩu còn thiếu: ký tự đặc biệt."
    set_language("en")
    assert problem_text(Problem("password.weak", {"rule": "upper"})) == "The password still needs: an upper-case letter."


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_message_formats_with_its_placeholders_filled(lang):
    set_language(lang)
    for key, template in CATALOGS[lang].items():
        params = {name: f"<{name}>" for name in placeholders(template)}
        words = problem_text(Problem(key, params))
        for name in params:
            assert f"<{name}>" in words, key
        assert "{" not in words and "}" not in words, key


def test_missing_parameters_or_keys_never_crash():
    assert t("otp.wrong") == VI["otp.wrong"]  # no parameters: the template itself
    assert t("otp.wrong", other=1) == VI["otp.wrong"]  # wrong parameters: the template, not a KeyError
    assert t("no.such.key") == "no.such.key"
    assert problem_text(Problem("no.such.key")) == "no.such.key"


def test_an_english_gap_falls_back_to_vietnamese(monkeypatch):
    monkeypatch.delitem(EN, "login.invalid")
    set_language("en")
    assert t("login.invalid") == VI["login.invalid"]


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        set_language("fr")
    assert text.language() == "vi"
