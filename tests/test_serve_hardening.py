"""`dvc-tui serve` in a classroom (issue 14, findings 4 and 5, and the serve side of 1, 2 and 8):
terminal sizes clamped and each tab's memory capped; only the server's own names (Host) and its
own page (Origin); idle tabs closed; the access code; key bursts, a forced crash and a paste with
ESC through the websocket into real tab processes."""

from __future__ import annotations

import argparse
import json
import asyncio
import os
import random
import re
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from dvc_tui.cli import main
from dvc_tui.commands import _serve_guard as guard
from dvc_tui.commands import serve
from dvc_tui.config import Config
from tests.serve_live import HOME, LiveServe, key_burst, open_tab

HOOKS = str(Path(__file__).parent / "serve_hooks")


def _hook_env(hook: str, log: Path | None = None) -> dict:
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [HOOKS, os.environ.get("PYTHONPATH")])),
           "DVC_TUI_TEST_HOOK": hook}
    if log is not None:
        env["DVC_TUI_TEST_HOOK_LOG"] = str(log)
    return env


def _server(tmp_path, **options):
    args = argparse.Namespace(host="127.0.0.1", port=8000, public_url=None, allow_host=[], access_code=None,
                              tab_idle=serve.DEFAULT_TAB_IDLE)
    for name, value in options.items():
        setattr(args, name, value)
    server = serve._server(Config(data_dir=tmp_path / "d", use_keyring=False, hash_cost="test"), args)
    server.console.quiet = True
    return server


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# -- finding 4: sizes and memory ------------------------------------------------------------

@pytest.mark.parametrize(("asked", "got"), [
    (("20000", "20000"), (500, 200)), (("100", "30"), (100, 30)), (("0", "-5"), (20, 6)),
    (("abc", "1e9"), (80, 24)), ((15000, 15000), (500, 200)), ((True, None), (80, 24)), (("9" * 400, "30"), (80, 30)),
])
def test_terminal_sizes_are_clamped(asked, got):
    assert guard.clamp_size(*asked) == got


def _sizes(log: Path) -> list[tuple[int, int]]:
    if not log.exists():
        return []
    return [tuple(map(int, m.groups())) for m in re.finditer(r"^size (\d+)x(\d+)$", log.read_text(), re.M)]


def test_a_huge_tab_gets_the_clamp_and_its_process_a_memory_cap(tmp_path):
    """/ws?width=20000&height=20000 and then a 15000x15000 resize: the app sees 500x200 at
    most; the tab's process carries RLIMIT_AS (its /proc limits)."""
    log = tmp_path / "hook.log"
    with LiveServe(tmp_path / "data", env=_hook_env("watch", log)) as live:
        async def drive():
            async with aiohttp.ClientSession() as session:
                tab = await open_tab(session, live.base, query="width=20000&height=20000")
                assert await tab.read_until(HOME, 60), tab.screen[-300:]
                [pid] = live.tab_pids()
                limits = Path(f"/proc/{pid}/limits").read_text()
                environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
                await tab.ws.send_json(["resize", {"width": 15000, "height": 15000}])
                for _ in range(100):
                    await tab.ws.send_json(["focus"])  # an event for the app: its size is noted
                    await tab.read_until(None, 0.1)
                    if _sizes(log) and _sizes(log)[-1] == (500, 200):
                        break
                await tab.ws.send_json(["resize", {"width": 90, "height": 28}])
                for _ in range(100):
                    await tab.ws.send_json(["focus"])
                    await tab.read_until(None, 0.1)
                    if _sizes(log) and _sizes(log)[-1] == (90, 28):
                        break
                await tab.ws.close()
                return limits, environ

        limits, environ = asyncio.run(drive())
    sizes = _sizes(log)
    assert sizes and max(w for w, _ in sizes) <= 500 and max(h for _, h in sizes) <= 200, sizes
    assert (500, 200) in sizes and sizes[-1] == (90, 28), sizes  # the resize reached the app, clamped
    assert b"COLUMNS=500" in environ and b"ROWS=200" in environ
    line = next(row for row in limits.splitlines() if row.startswith("Max address space"))
    assert int(line.split()[3]) == serve.TAB_MEMORY_LIMIT, line


def test_the_memory_cap_is_set_by_the_tab_process_on_itself():
    """_serve_tab's limit, in a child: its soft RLIMIT_AS is the one given."""
    import subprocess
    import sys

    code = ("import resource; from dvc_tui.commands._serve_tab import limit_memory; "
            "limit_memory(2**31); print(resource.getrlimit(resource.RLIMIT_AS)[0])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == str(2**31), done.stderr


# -- finding 5: Host, Origin, idle tabs, access code ----------------------------------------

def test_the_names_a_server_answers_to():
    local = guard.HostRule.for_server("127.0.0.1", None)
    assert local.allows("127.0.0.1:8000") and local.allows("localhost:8000") and local.allows("[::1]:8000")
    assert local.allows("LOCALHOST.") and not local.allows("evil.example:8000") and not local.allows(None)
    assert not local.allows("") and not local.allows("127.0.0.1:port") and not local.allows("a/b")
    public = guard.HostRule.for_server("127.0.0.1", "https://dvc.example.vn", ("kiosk.lan",))
    assert public.allows("dvc.example.vn") and public.allows("kiosk.lan:8000") and not public.allows("evil.example")
    everywhere = guard.HostRule.for_server("0.0.0.0", None)
    assert everywhere.allows("127.0.0.1:8000") and everywhere.allows(f"{__import__('socket').gethostname()}:1")
    assert not everywhere.allows("203.0.113.77:8000")  # TEST-NET-3: an address, but not this machine's
    assert not everywhere.allows("evil.example:8000")
    one = guard.HostRule.for_server("192.0.2.10", None)
    assert one.allows("192.0.2.10:8000") and not one.allows("localhost:8000")


@pytest.mark.parametrize(("origin", "page", "same"), [
    ("http://127.0.0.1:8000", "http://127.0.0.1:8000", True),
    ("http://LOCALHOST:80", "http://localhost", True),
    (None, "http://127.0.0.1:8000", False),
    ("null", "http://127.0.0.1:8000", False),
    ("https://127.0.0.1:8000", "http://127.0.0.1:8000", False),
    ("http://127.0.0.1:8001", "http://127.0.0.1:8000", False),
    ("http://evil.example", "http://evil.example:80", True),  # same origin as such: Host decides (below)
])
def test_same_origin(origin, page, same):
    assert guard.same_origin(origin, page) is same


async def test_dns_rebinding_missing_and_https_origins_are_refused(tmp_path):
    server = _server(tmp_path)
    async with TestServer(await server._make_app(), host="127.0.0.1") as test_server:
        base = f"http://127.0.0.1:{test_server.port}"
        async with aiohttp.ClientSession() as session:
            evil = {"Host": f"evil.example:{test_server.port}"}
            async with session.get(base + "/", headers=evil) as response:
                assert response.status == 400
                assert "không phục vụ tên miền đó" in await response.text()
            assert await open_tab(session, base, origin=f"http://evil.example:{test_server.port}", headers=evil) == 400
            async with session.get(base + "/static/js/textual.js", headers=evil) as response:
                assert response.status == 400
            assert await open_tab(session, base, origin=None) == 403
            assert await open_tab(session, base, origin=f"https://127.0.0.1:{test_server.port}") == 403
            assert await open_tab(session, base, origin="http://127.0.0.1:1") == 403
            async with session.get(base + "/") as response:
                assert response.status == 200
            assert server.sessions == set()


async def test_an_idle_tab_is_closed_and_a_key_keeps_it(tmp_path):
    """Outside kiosk mode: a tab with no key for --tab-idle minutes is closed (its process ends,
    its place among the 16 is free); a key starts the count again. The clock is the test's."""
    server = _server(tmp_path, tab_idle=30.0)
    clock = server.clock = Clock()
    async with TestServer(await server._make_app(), host="127.0.0.1") as test_server:
        base = f"http://127.0.0.1:{test_server.port}"
        async with aiohttp.ClientSession() as session:
            tab = await open_tab(session, base)
            assert await tab.read_until(HOME, 60), tab.screen[-300:]
            [service] = server.sessions
            process = service._process
            clock.now += 29 * 60
            assert await server.close_idle_tabs() == 0
            await tab.send("\t")
            await tab.read_until(None, 0.5)
            clock.now += 29 * 60
            assert await server.close_idle_tabs() == 0  # the key counted
            clock.now += 61
            assert await server.close_idle_tabs() == 1
            await tab.read_until(None, 30)
            assert tab.closed
            await asyncio.wait_for(process.wait(), 30)
            for _ in range(100):
                if not server.sessions:
                    break
                await asyncio.sleep(0.05)
            assert server.sessions == set()


@pytest.mark.parametrize("given", ["0", "0.5", "1441", "abc", "nan", "inf"])
def test_a_bad_tab_idle_is_one_vietnamese_line(given, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--tab-idle", given])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "không hợp lệ: nhập số phút từ 1 đến 1440 với --tab-idle" in err and "Traceback" not in err


@pytest.mark.parametrize("given", ["abc", "12 3", "mã-số-1", "\x1b[31m1234"])
def test_a_bad_access_code_is_refused(given, capsys):
    with pytest.raises(SystemExit):
        main(["serve", "--access-code", given])
    err = capsys.readouterr().err
    assert "Mã vào lớp không hợp lệ" in err and "\x1b" not in err


def test_access_code_tries_slow_down_per_client():
    clock = Clock()
    gate = guard.AccessGate("12345678", clock=clock)
    assert gate.attempt("a", "1") is False and gate.attempt("a", "2") is False
    assert gate.attempt("a", "3") is False  # the third wrong: a wait starts
    assert gate.attempt("a", "12345678") == pytest.approx(2.0)  # even the right code waits, unchecked
    assert gate.attempt("b", "1234 5678") is True  # another client is not slowed
    clock.now += 2
    assert gate.attempt("a", "4") is False
    assert gate.wait_left("a") == pytest.approx(4.0)  # longer each time
    clock.now += 4
    assert gate.attempt("a", "1234-5678") is True and gate.wait_left("a") == 0
    assert not gate.admits(None) and not gate.admits("x") and gate.admits(gate.cookie_value)


async def test_the_access_code_page_and_websocket(tmp_path):
    server = _server(tmp_path, access_code="24681357")
    clock = server.clock = Clock()
    async with TestServer(await server._make_app(), host="127.0.0.1") as test_server:
        base = f"http://127.0.0.1:{test_server.port}"
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:  # an IP host
            async with session.get(base + "/") as response:
                text = await response.text()
                assert response.status == 401 and "Nhập mã vào lớp" in text and 'lang="vi"' in text
                assert "data-session-websocket-url" not in text
            assert await open_tab(session, base) == 403
            for _ in range(3):
                async with session.post(base + "/access", data={"code": "11111111"}) as response:
                    assert response.status == 401 and "Mã vào lớp không đúng" in await response.text()
            async with session.post(base + "/access", data={"code": "24681357"}) as response:
                assert response.status == 429 and "thử lại sau 2 giây" in await response.text()
            clock.now += 2
            async with session.post(base + "/access", data={"code": "2468 1357"}, allow_redirects=False) as response:
                assert response.status == 303
                cookie = response.cookies[serve.ACCESS_COOKIE]
                assert cookie["httponly"] and cookie["samesite"] == "Strict"
            async with session.get(base + "/") as response:  # the session keeps the cookie
                assert response.status == 200 and "data-session-websocket-url" in await response.text()
        async with aiohttp.ClientSession() as stranger:
            async with stranger.post(base + "/access", data={"code": "24681357"},
                                     headers={"Origin": "http://evil.example"}) as response:
                assert response.status == 403


def test_access_code_auto_is_printed_at_start(tmp_path):
    with LiveServe(tmp_path / "data", "--access-code", "auto") as live:
        said = "".join(live.first_lines)
    found = re.search(r"Mã vào lớp \(mỗi trình duyệt phải nhập\): (\d{8})$", said, re.M)
    assert found, said


# -- the serve side of findings 1, 2 and 8 --------------------------------------------------

BURST_ROUNDS = 300
BURST_TABS = 2


def test_key_bursts_through_the_websocket_kill_no_tab(tmp_path):
    """Random mixes of Enter/Esc/Tab/F-keys/arrows/letters at machine speed, BURST_ROUNDS
    rounds over BURST_TABS tabs, as the page sends them: every tab's process is still there."""
    rng = random.Random(14)
    with LiveServe(tmp_path / "data") as live:
        async def drive():
            async with aiohttp.ClientSession() as session:
                tabs = [await open_tab(session, live.base) for _ in range(BURST_TABS)]
                for tab in tabs:
                    assert await tab.read_until(HOME, 60), tab.screen[-300:]
                pids = live.tab_pids()
                assert len(pids) == BURST_TABS
                first_death = None
                for round_ in range(BURST_ROUNDS):
                    tab = tabs[round_ % BURST_TABS]
                    if tab.closed:
                        continue
                    try:
                        for key in key_burst(rng):
                            await tab.send(key)
                    except aiohttp.ClientConnectionResetError:
                        tab.closed = True
                    await tab.read_until(None, 0.02)
                    if tab.closed and first_death is None:
                        first_death = round_
                for tab in tabs:
                    if not tab.closed:
                        await tab.read_until(None, 1)
                alive = [pid for pid in pids if Path(f"/proc/{pid}").exists()]
                ended = sum(tab.closed for tab in tabs)  # a crashed app ends its tab, its process may linger
                return max(len(pids) - len(alive), ended), [tab.closed for tab in tabs], first_death

        died, closed, first_death = asyncio.run(drive())
        output = live.stop()
    assert died == 0 and closed == [False] * BURST_TABS, (
        f"{died} of {BURST_TABS} tabs died (process gone or tab ended), the first in round {first_death}: {output[-3000:]}")
    assert "Traceback" not in output, output[-3000:]


CODES = ["482913", "570264", "918273", "364501"]
PHONES = ["0912345678", "0987654321"]


def _seed_sms(data: Path) -> None:
    from dvc_tui.services import Services

    services = Services(Config(data_dir=data, use_keyring=False, hash_cost="test"))
    for index, code in enumerate(CODES):
        services.sms.send("+84" + PHONES[index % 2][1:], f"DVCQG: ma xac thuc cua ban la {code}")


def test_a_crash_in_a_tab_shows_no_sms_code_or_phone(tmp_path):
    """A tab's app crashes with SMS codes on screen (a test-only sitecustomize makes the SMS
    pane raise): nothing in the server's output or on the websocket carries a code or a phone
    number, in any of its spellings."""
    data = tmp_path / "data"
    _seed_sms(data)
    with LiveServe(data, env=_hook_env("crash-sms")) as live:
        async def drive():
            async with aiohttp.ClientSession() as session:
                tab = await open_tab(session, live.base)
                await tab.read_until(None, 30)  # until the app ends (it crashes) or 30 s
                return tab

        tab = asyncio.run(drive())
        output = live.stop()
    screen = tab.screen.decode("utf-8", "replace")
    assert tab.closed  # the crash happened: the tab ended
    # The SMS pane shows the codes on screen by design (what the websocket carried while the app
    # ran); what matters is the crash report: the tab's stderr, in the server's log, and
    # anything printed on the websocket once the app has left its screen.
    after = screen.rsplit("\x1b[?1049l", 1)[1] if "\x1b[?1049l" in screen else ""
    seen = output + after
    assert "RuntimeError" in seen, seen[-2000:]  # the crash report itself is in what was searched
    secrets = CODES + PHONES + ["+84" + p[1:] for p in PHONES] + ["84" + p[1:] for p in PHONES] + [p[1:] for p in PHONES]
    found = [s for s in secrets if s in seen]
    assert found == [], f"{found} in {seen[-2000:]}"


def _values(log: Path) -> list[str]:
    return re.findall(r"^value (\S+) (.*)$", log.read_text(), re.M) if log.exists() else []


def test_a_paste_with_escapes_through_the_websocket_lands_as_text(tmp_path):
    """xterm.js sends a paste as one stdin message in bracketed-paste brackets: ESC inside it
    must not become keys ("^[31mVan AnNguyen"); the text lands in the field (or is refused in
    place) and the tab lives, also for 3,000 characters."""
    log = tmp_path / "hook.log"
    with LiveServe(tmp_path / "data", env=_hook_env("watch", log)) as live:
        async def drive():
            async with aiohttp.ClientSession() as session:
                tab = await open_tab(session, live.base)
                assert await tab.read_until(HOME, 60)
                await tab.send("\x1b[200~Nguyen\x1b[31mVan An\x1b[201~")
                await tab.read_until(None, 1)
                for key in ["\r", "\r", "\r"]:  # register -> citizen -> mobile: the form, first field focused
                    await tab.send(key)
                    await tab.read_until(None, 1.5)
                first = [v for v in _values(log)]
                await tab.send("\x1b[200~Nguyen\x1b[31mVan An\x1b[201~")
                for _ in range(30):
                    await tab.ws.send_json(["focus"])
                    await tab.read_until(None, 0.2)
                    if len(_values(log)) > len(first):
                        break
                await tab.send("\x1b[200~" + ("Nguyen\x1b[31mVan An " * 150) + "\x1b[201~")
                await tab.read_until(None, 5)
                pids = live.tab_pids()
                return first, _values(log), tab.closed, pids

        first, values, closed, pids = asyncio.run(drive())
        output = live.stop()
    assert not closed and len(pids) == 1, output[-2000:]
    assert first, "no field was focused"
    field, value = values[len(first)] if len(values) > len(first) else first[-1]
    assert "31mVan AnNguyen" not in value and "^[" not in value, values
    assert value in ("''", "'NguyenVan An'", "'Nguyen\\x1b[31mVan An'", "'Nguyen␛[31mVan An'"), (field, values)
    assert "Traceback" not in output, output[-2000:]


def _tab_processes(data: Path) -> list[str]:
    import subprocess

    listing = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
    return [line for line in listing.splitlines() if "_serve_tab" in line and str(data) in line]


def test_a_flood_of_keys_in_one_message_leaves_no_tab_working_after_it_closed(tmp_path):
    """Found by an attacker: one stdin message of 1,000,000 keys (not a paste) kept the closed
    tab's app busy for 40 s at 1.4 GB, outside the 16 (and a shell between serve and the app kept
    a killed tab's app alive). Such a message is dropped, and the tab's process is the app."""
    import time

    data = tmp_path / "data"
    with LiveServe(data) as live:
        async def drive():
            async with aiohttp.ClientSession() as session:
                tab = await open_tab(session, live.base)
                await tab.read_until(HOME, 60)
                await tab.ws.send_str(json.dumps(["stdin", "a" * 1_000_000]))
                await asyncio.sleep(1)
                await tab.ws.close()

        asyncio.run(drive())
        deadline = time.monotonic() + 15
        while _tab_processes(data) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = _tab_processes(data)
        live.stop()
    assert left == []


def test_a_request_line_with_another_host_is_refused(tmp_path):
    """Found by an attacker: `GET http://evil.example/ HTTP/1.1` with a right Host header was
    answered, the page's links pointing at evil.example (a proxy's cache could keep that)."""
    from urllib.parse import urlsplit

    with LiveServe(tmp_path / "data") as live:
        port = urlsplit(live.base).port

        async def ask(target: str) -> bytes:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
            await writer.drain()
            answer = await reader.read()
            writer.close()
            return answer

        foreign = asyncio.run(ask("http://evil.example/"))
        own = asyncio.run(ask(f"http://127.0.0.1:{port}/"))
        live.stop()
    assert foreign.startswith(b"HTTP/1.1 400"), foreign[:200]
    assert b"evil.example" not in foreign
    assert own.startswith(b"HTTP/1.1 200"), own[:200]
