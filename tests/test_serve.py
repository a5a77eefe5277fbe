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


def _argv(line: str) -> list[str]:
    """The tab's command as its shell runs it: `exec` (the shell becomes the app, so ending the
    tab's process ends the app), then the words."""
    words = shlex.split(line)
    assert words[0] == "exec", line
    return words[1:]


def _template() -> str:
    import textual_serve

    return (Path(textual_serve.__file__).parent / "templates" / "app_index.html").read_text()


def test_each_tab_runs_the_app_with_the_serve_commands_settings(tmp_path):
    config = Config(data_dir=tmp_path / "d", language="en", hash_cost="low", use_keyring=False,
                    training=True, kiosk=True, idle_seconds=300, theme="high-contrast", large_text=True)
    words = _argv(serve.app_command(config))
    assert words[:4] == [sys.executable, "-m", "dvc_tui.commands._serve_tab", str(serve.TAB_MEMORY_LIMIT)]
    assert words[-1] == "run"
    args = _parser().parse_args(words[4:])  # flags the CLI itself accepts
    assert (Path(args.data_dir), args.lang, args.hash_cost, args.keyring, args.training, args.kiosk, args.idle,
            args.theme, args.large_text) == (
        (tmp_path / "d").resolve(), "en", "low", False, True, True, 300, "high-contrast", True)
    plain = _parser().parse_args(_argv(serve.app_command(Config(data_dir=Path("rel"))))[4:])
    # every setting spelled out, the defaults too: what the tab's process inherits cannot change them
    assert (plain.keyring, plain.training, plain.kiosk, plain.large_text, plain.theme, plain.lang) == (
        True, False, False, False, "default", "vi")
    plain = _argv(serve.app_command(Config(data_dir=Path("rel"))))
    assert plain[plain.index("--data-dir") + 1] == str(Path("rel").resolve())  # a tab's process may start elsewhere


def test_a_data_dir_with_spaces_and_quotes_reaches_the_app_whole(tmp_path):
    odd = tmp_path / "dữ liệu 'kiosk' $HOME"
    words = _argv(serve.app_command(Config(data_dir=odd)))
    assert words[words.index("--data-dir") + 1] == str(odd)


def test_a_key_file_outside_the_data_dir_reaches_each_tab(tmp_path):
    words = _argv(serve.app_command(Config(data_dir=tmp_path / "d", key_file=tmp_path / "usb" / "dvc.key")))
    assert _parser().parse_args(words[4:]).key_file == str((tmp_path / "usb" / "dvc.key").resolve())


def test_on_windows_the_tab_command_is_quoted_for_cmd_exe(tmp_path, monkeypatch):
    """textual-serve gives the line to the system's shell: on Windows cmd.exe, which knows
    double quotes, not POSIX single quotes."""
    odd = tmp_path / "dữ liệu 'kiosk'"
    monkeypatch.setattr(sys, "platform", "win32")
    line = serve.app_command(Config(data_dir=odd))
    words = _words(line)
    assert words[words.index("--data-dir") + 1] == str(odd.resolve())
    assert f'"{odd.resolve()}"' in line and "'\"'\"'" not in line  # no POSIX quoting


def _words(line: str) -> list[str]:
    """Split a cmd.exe line as the C runtime does (subprocess.list2cmdline's inverse) for the
    simple quoting it makes: double-quoted words, no backslash before a quote here."""
    import re

    return [w[1:-1] if w.startswith('"') else w for w in re.findall(r'"[^"]*"|\S+', line)]


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


def _serve(tmp_path, *args, env=None):
    import os

    return subprocess.run(
        [sys.executable, "-m", "dvc_tui", "--data-dir", str(tmp_path / "d"), "--no-keyring", "serve", *args],
        capture_output=True, text=True, timeout=60, env={**os.environ, **(env or {})})


def test_a_port_in_use_is_one_line_and_exit_2(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = _serve(tmp_path, "--port", str(port))
    assert done.returncode == 2
    assert done.stderr == f"dvc-tui: Cổng {port} đang được một chương trình khác dùng: chọn cổng khác với --port.\n"
    assert done.stdout == ""  # no "đang chạy ..." before the refusal


def test_an_address_not_of_this_machine_is_one_line(tmp_path):
    done = _serve(tmp_path, "--host", "203.0.113.77", "--port", str(_free_port()))  # TEST-NET-3: documentation only
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("dvc-tui: Địa chỉ 203.0.113.77 không phải của máy này")
    assert len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize("url", ["x", "ftp://host", "http://", "http://host:port"])
def test_a_bad_public_url_is_refused_in_vietnamese(url, capsys):
    with pytest.raises(SystemExit):
        main(["serve", "--public-url", url])
    assert f'Địa chỉ "{url}" không hợp lệ' in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_live_server_tabs_origin_address_and_settings_file(tmp_path):
    """One server: its tabs read the serve command's settings file (not a broken default one), the
    page points where the browser came from, another site's page is refused, Ctrl+C ends it all."""
    import asyncio
    import os
    import signal
    import urllib.request

    import aiohttp

    broken = tmp_path / "broken.toml"
    broken.write_text("theme = \"dark\"\n")  # the default file of this user: refused by any dvc-tui
    good = tmp_path / "good.toml"
    good.write_text('language = "en"\n')
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dvc_tui", "--config", str(good), "--data-dir", str(tmp_path / "d"),
         "--no-keyring", "--hash-cost", "test", "serve", "--port", str(port), "--allow-host", "kiosk.lan"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "DVC_TUI_CONFIG": str(broken)})
    try:
        first = server.stdout.readline()
        assert first.startswith(f"dvc-tui is serving in a web browser: open http://127.0.0.1:{port}"), first

        request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": f"kiosk.lan:{port}"})
        page = urllib.request.urlopen(request, timeout=10).read().decode()
        assert f'data-session-websocket-url="ws://kiosk.lan:{port}/ws"' in page
        assert '<html lang="en">' in page

        async def tab(origin: str):
            async with aiohttp.ClientSession() as session:
                try:
                    ws = await session.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30",
                                                  headers={"Origin": origin})
                except aiohttp.WSServerHandshakeError as refused:
                    return refused.status
                seen = b""
                async with ws:
                    end = asyncio.get_running_loop().time() + 30
                    while (left := end - asyncio.get_running_loop().time()) > 0:
                        try:
                            message = await ws.receive(timeout=left)
                        except asyncio.TimeoutError:
                            break
                        if message.type != aiohttp.WSMsgType.BINARY:
                            break
                        seen += message.data
                        if "NATIONAL PUBLIC SERVICE PORTAL".encode() in seen and "Register".encode() in seen:
                            return "home page in English"
                return f"no home page: {seen.decode(errors='replace')[-300:]!r}"

        assert asyncio.run(tab("http://evil.example")) == 403
        assert asyncio.run(tab(f"http://127.0.0.1:{port}")) == "home page in English"
    finally:
        server.send_signal(signal.SIGINT)
        rest, _ = server.communicate(timeout=20)
    assert server.returncode == 0, rest
    assert "Traceback" not in rest and "failed to start" not in rest, rest


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


async def test_a_tab_past_the_limit_is_refused(tmp_path):
    """The 17th tab gets 503 and the server says so in its log; the page and a tab from another
    site are refused or served by the same rules in-process (aiohttp's test server)."""
    import argparse

    import aiohttp
    from aiohttp.test_utils import TestServer

    args = argparse.Namespace(host="127.0.0.1", port=8000, public_url=None)
    server = serve._server(Config(data_dir=tmp_path / "d"), args)
    server.console.quiet = True
    web_app = await server._make_app()
    async with TestServer(web_app) as test_server:
        base = f"http://{test_server.host}:{test_server.port}"
        async with aiohttp.ClientSession() as session:
            async with session.get(base + "/") as response:
                assert response.status == 200 and f"ws://{test_server.host}:{test_server.port}/ws" in await response.text()
            server.sessions.update(object() for _ in range(serve.MAX_TABS))  # 16 tabs open
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(base + "/ws", headers={"Origin": base})
            assert refused.value.status == 503
            server.sessions.clear()
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(base + "/ws", headers={"Origin": "https://elsewhere.example"})
            assert refused.value.status == 403
