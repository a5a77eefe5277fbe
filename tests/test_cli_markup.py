"""Issue 14, finding 11: values from data never reach Rich as markup, nor the terminal raw, and a
number past SQLite's integers is one Vietnamese line (exit 2), not a traceback."""

from __future__ import annotations

import pytest

from dvc_tui.cli import SMS_LIMIT_MAX, main
from dvc_tui.core.text import set_language, t


@pytest.fixture(autouse=True)
def vietnamese():
    yield
    set_language("vi")


@pytest.fixture
def run(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(["--data-dir", str(data_dir), "--no-keyring", *args])
        except SystemExit as exit_:  # argparse's refusals
            code = exit_.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.mark.parametrize("limit", ["99999999999999999999", "0", "-5", "abc", str(SMS_LIMIT_MAX + 1)])
def test_an_sms_limit_out_of_range_is_one_vietnamese_line(run, limit):
    code, out, err = run("sms", "--limit", limit)
    assert code == 2 and out == ""
    assert t("cli.sms.limit_invalid", max=SMS_LIMIT_MAX) in err
    assert "Traceback" not in err and "OverflowError" not in err


def test_a_certificate_name_with_markup_and_escapes_is_listed_as_text(run, data_dir):
    """A store holding a certificate whose CN has `[/]`, `[red]` and an OSC title sequence (a
    store from elsewhere: `token new` refuses such names): `token list` shows it, escaped."""
    from dvc_tui.config import Config
    from dvc_tui.core.accounts import Subject
    from dvc_tui.core.tokens import TokenHolder
    from dvc_tui.services import Services

    services = Services(Config.load(data_dir, "vi", "test", False))
    tokens = services.tokens
    name = "Cty [/]A[red] \x1b]0;owned\x07\x1b[2J"
    holder = TokenHolder(Subject.BUSINESS, "0312345678", name, None)
    info = tokens._make(tokens._signing_authority(), holder, "123456", 30, None, None)
    services.close()

    code, out, err = run("token", "list")
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out
    assert "Cty [/]A[red] \u241b]0;owned\u2407\u241b[2J" in out
    code, out, err = run("token", "revoke", info.serial)
    assert code == 0 and "\x1b" not in out and "[/]A[red]" in out


def test_token_new_refuses_a_name_with_markup_or_escapes(run):
    for name in ("Nguyễn [/] An", "Nguyễn \x1b]0;x\x07An", "Nguyễn\u202eAn"):
        code, out, err = run("token", "new", "--kind", "citizen", "--id", "001090012345", "--name", name,
                             "--pin", "123456")
        assert code == 2 and out == "" and err.startswith("dvc-tui: ") and err.count("\n") == 1
        assert "\x1b" not in err


# -- arguments echoed back: escapes shown, never sent ----------------------------------------------
CONTROLS = ("\x1b", "\x07", "\x9b", "\x08", "\r")


def no_controls(text: str) -> bool:
    return not any(control in text for control in CONTROLS)


@pytest.mark.parametrize("argv", [("sms", "--bogus", "\x1b[2J\x07"), ("accounts", "list", "\x1b]0;x\x07")])
def test_an_unknown_argument_is_refused_with_its_escapes_shown(run, argv):
    code, out, err = run(*argv)
    assert code == 2 and out == "" and no_controls(err)
    assert "␛" in err and "␇" in err


def test_report_since_with_an_escape_is_refused_with_it_shown(run):
    code, out, err = run("report", "--since", "\x1b[2J\x1b]0;owned\x07")
    assert code == 2 and out == ""
    assert err == f"dvc-tui: {t('report.bad_since', value='␛[2J␛]0;owned␇')}\n"
    assert no_controls(err)


@pytest.mark.parametrize("argv, shown, exit_code", [
    (("report", "--csv", "/nonexistent-\x1b[2J/r.csv"), "/nonexistent-␛[2J/r.csv", 2),
    (("training", "handout", "--markdown", "/nonexistent-\x1b]0;x\x07/h.md"), "/nonexistent-␛]0;x␇/h.md", 2),
    (("--config", "/nonexistent-\x1b[31m.toml", "config", "show"), "/nonexistent-␛[31m.toml", 0),
    (("--config", "/nonexistent-\x1b[31m.toml", "sms"), "/nonexistent-␛[31m.toml", 2),
    (("--config", "/nonexistent-\x1b[31m.toml", "config", "path"), "/nonexistent-␛[31m.toml", 0),
], ids=["report --csv", "training handout --markdown", "config show", "sms --config", "config path"])
def test_a_path_argument_echoed_back_has_its_escapes_shown(run, argv, shown, exit_code):
    code, out, err = run(*argv)
    assert code == exit_code, (out, err)
    assert shown in out + err and no_controls(out + err)
    assert "Traceback" not in err


# -- a data dir whose path holds markup (and escapes) ------------------------------------------------
MARKUP_DIR = "d[/]a[red]b[bold]"
ESCAPE_DIR = "e[/]\x1b]0;owned\x07[red]\x1b[2J"


@pytest.fixture(params=[MARKUP_DIR, ESCAPE_DIR], ids=["markup", "markup+escapes"])
def odd_dir(tmp_path, request):
    return tmp_path / request.param


@pytest.fixture
def run_on(odd_dir, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(odd_dir), "--no-keyring", "--hash-cost", "test", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def shown_path(path) -> str:
    from dvc_tui.core.visible import visible

    return visible(str(path))


@pytest.mark.parametrize("argv, says_path", [
    (("training", "load"), True),
    (("training", "handout", "--markdown", "{tmp}/handout.md"), False),
    (("report",), True),
    (("kiosk", "status"), False),
    (("config", "show"), False),  # a TOML string: its escapes as \u001b
    (("key", "status"), True),
    (("token", "list"), False),
    (("accounts", "list"), False),
    (("sms",), False),
], ids=lambda value: " ".join(value) if isinstance(value, tuple) else None)
def test_each_command_on_a_data_dir_with_markup_in_its_path(run_on, odd_dir, tmp_path, argv, says_path):
    assert run_on("training", "load")[0] == 0  # tokens, SIMs, people to list
    code, out, err = run_on(*(arg.format(tmp=tmp_path) for arg in argv))
    assert code == 0, err
    assert "Traceback" not in err and "MarkupError" not in err and no_controls(out + err)
    assert "[/]" in out + err or not says_path
    if says_path:
        assert shown_path(odd_dir) in "".join(out.split())  # literally (a table may wrap it): [red] not rendered, [/] not read
    if argv[0] == "config":
        assert "[/]" in out and "[red]" in out


def test_serve_on_a_data_dir_with_markup_in_its_path(odd_dir):
    import os
    import signal
    import socket
    import subprocess
    import sys

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "dvc_tui", "--data-dir", str(odd_dir), "--no-keyring", "--hash-cost", "test",
         "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "COLUMNS": "300"})
    lines = []
    try:
        for line in server.stdout:
            lines.append(line)
            if line.startswith(t("cli.serve.data", path="")) or len(lines) > 10:
                break
    finally:
        server.send_signal(signal.SIGINT)
        rest, _ = server.communicate(timeout=30)
    said = "".join(lines) + rest
    assert f"{t('cli.serve.data', path=shown_path(odd_dir))}\n" in lines, said
    assert "Traceback" not in said and "MarkupError" not in said and no_controls(said)
    assert server.returncode == 0, said
