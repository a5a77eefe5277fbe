"""`dvc-tui serve` without a browser: the command each tab runs, the page as served, refusals.
(tests/e2e/test_browser.py drives a registration through Chromium.)"""

from __future__ import annotations

import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from dvc_tui.cli import _parser, main
from dvc_tui.commands import serve
from dvc_tui.config import Config


def _template() -> str:
    import textual_serve

    return (Path(textual_serve.__file__).parent / "templates" / "app_index.html").read_text()


def test_each_tab_runs_the_app_with_the_serve_commands_settings(tmp_path):
    config = Config(data_dir=tmp_path / "d", language="en", hash_cost="low", use_keyring=False,
                    training=True, kiosk=True, idle_seconds=300, theme="high-contrast", large_text=True)
    words = shlex.split(serve.app_command(config))
    assert words[:3] == [sys.executable, "-m", "dvc_tui"]
    assert words[-1] == "run"
    args = _parser().parse_args(words[3:])  # flags the CLI itself accepts
    assert (Path(args.data_dir), args.lang, args.hash_cost, args.keyring, args.training, args.kiosk, args.idle,
            args.theme, args.large_text) == (
        (tmp_path / "d").resolve(), "en", "low", False, True, True, 300, "high-contrast", True)
    plain = _parser().parse_args(shlex.split(serve.app_command(Config(data_dir=Path("rel"))))[3:])
    # every setting spelled out, the defaults too: what the tab's process inherits cannot change them
    assert (plain.keyring, plain.training, plain.kiosk, plain.large_text, plain.theme, plain.lang) == (
        True, False, False, False, "default", "vi")
    plain = shlex.split(serve.app_command(Config(data_dir=Path("rel"))))
    assert plain[plain.index("--data-dir") + 1] == str(Path("rel").resolve())  # a tab's process may start elsewhere


def test_a_data_dir_with_spaces_and_quotes_reaches_the_app_whole(tmp_path):
    odd = tmp_path / "dữ liệu 'kiosk' $HOME"
    words = shlex.split(serve.app_command(Config(data_dir=odd)))
    assert words[words.index("--data-dir") + 1] == str(odd)


def test_the_page_is_vietnamese_and_fetches_nothing_from_outside():
    page = serve.page(_template(), "vi")
    assert '<html lang="vi">' in page
    assert "googleapis" not in page and "https://" not in page
    assert ">Bắt đầu</button>" in page and "Phiên đã kết thúc." in page and ">Bắt đầu lại</button>" in page
    assert ">Start<" not in page and "Session ended" not in page and ">Restart<" not in page
    for pattern, _ in serve.PAGE_CHANGES:  # each change found its text in this textual-serve
        import re

        assert re.search(pattern, _template()), pattern


def test_the_page_in_english_says_english():
    from dvc_tui.core.text import set_language

    set_language("en")
    try:
        page = serve.page(_template(), "en")
    finally:
        set_language("vi")
    assert '<html lang="en">' in page and ">Start</button>" in page and "googleapis" not in page


@pytest.mark.parametrize("port", ["0", "65536", "http", "-1"])
def test_a_bad_port_is_refused_in_vietnamese(port, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", port])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert f'Cổng "{port}" không hợp lệ: nhập một số từ 1 đến 65535.' in err
    assert "Traceback" not in err


def test_a_port_in_use_is_one_line_and_exit_2(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "dvc_tui", "--data-dir", str(tmp_path / "d"), "--no-keyring", "serve",
             "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert f"Không mở được 127.0.0.1:{port}" in done.stderr and "--port" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_kiosk_without_a_trainer_pin_is_not_served(tmp_path, capsys):
    code = main(["--data-dir", str(tmp_path / "d"), "--no-keyring", "--kiosk", "serve", "--port", "8999"])
    assert code == 2
    assert "PIN" in capsys.readouterr().err


def test_an_unusable_data_dir_is_refused_before_serving(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a dir")
    code = main(["--data-dir", str(blocker), "--no-keyring", "serve", "--port", "8999"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("dvc-tui: ") and "Traceback" not in err and len(err.strip().splitlines()) == 1
