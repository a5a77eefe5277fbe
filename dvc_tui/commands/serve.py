"""`dvc-tui serve`: the same app in a web browser, through textual-serve.

textual-serve runs a small web server (aiohttp) whose page holds a terminal (xterm.js); each
browser tab that opens it starts one app process (`python -m dvc_tui ... run`) and talks to it
over a websocket: same app, same keys, same data dir as in a terminal. The processes share the
store as terminal sessions do (SQLite, one file).

Each app is started with the serve command's own settings spelled out as flags (data dir,
language, hashing cost, keyring, training, kiosk and idle time, theme, large text), so the
browser shows what `dvc-tui` would show with the same flags, environment and config file.

The page is textual-serve's own, with three changes made as it is served: Vietnamese words
(lang="vi", the title, "Bắt đầu", "Phiên đã kết thúc.", "Bắt đầu lại"), and no link to Google's
font server: nothing leaves the machine (the terminal falls back to a local monospace font).

What is let in (commands/_serve_guard.py): only requests whose Host is a name the server was
started for (DNS rebinding); a tab's websocket only with the Origin of the server's own page; a
terminal size within 20x6..500x200; with `--access-code`, only browsers that gave the code. Each
tab's process caps its own memory (commands/_serve_tab.py); a tab with no key for `--tab-idle`
minutes is closed, so forgotten or hoarded tabs free their place among the 16.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

PAGE_CHANGES: tuple[tuple[str, str], ...] = (
    (r'<html>', '<html lang="vi">'),
    (r'\s*<link\s+rel="stylesheet"\s+href="https://fonts\.googleapis\.com[^"]*"\s*/>', ""),
    (r'(<button type="button" onClick="refresh\(\)" id="start">)Start(</button>)', r"\g<1>{start}\g<2>"),
    (r'<div class="message">Session ended\.</div>', '<div class="message">{ended}</div>'),
    (r'(<button type="button" onClick="refresh\(\)">)Restart(</button>)', r"\g<1>{restart}\g<2>"),
)
"""textual-serve's page, changed as it is served: (pattern, replacement), each applied once."""


def add_parser(sub) -> None:
    serve = sub.add_parser(
        "serve", help="serve the app in a web browser (textual-serve): one app process per tab, "
        "the same data dir and settings as the terminal app",
        description="Serve dvc-tui in a web browser. The global options (--data-dir, --lang, "
        "--kiosk, ...) go before 'serve': dvc-tui --data-dir DIR serve --port 8000")
    serve.add_argument("--host", default=DEFAULT_HOST, help="address to listen on (default 127.0.0.1: "
                       "this machine only; 0.0.0.0 lets the other machines of the network in)")
    serve.add_argument("--port", type=_port, default=DEFAULT_PORT, help="port (default 8000)")
    serve.add_argument("--public-url", type=_public_url, metavar="URL", help="the address browsers reach this "
                       "server by, when it is not the one they typed (behind a proxy: https://dvc.example.vn)")
    serve.add_argument("--allow-host", action="append", default=[], metavar="NAME", type=_host_name,
                       help="one more name browsers may reach this server by (a DNS name of this machine: "
                       "kiosk.lan); repeatable")
    serve.add_argument("--access-code", type=_access_code, metavar="CODE", help="a code each browser must "
                       "give before a tab starts (a classroom); 'auto' makes one and prints it at start")
    serve.add_argument("--tab-idle", type=_tab_idle, default=DEFAULT_TAB_IDLE, metavar="MINUTES",
                       help=f"close a tab after this many minutes without a key (default {DEFAULT_TAB_IDLE:g}, "
                       f"{MIN_TAB_IDLE:g} to {MAX_TAB_IDLE:g})")


DEFAULT_TAB_IDLE = 30.0
MIN_TAB_IDLE = 1.0
MAX_TAB_IDLE = 24 * 60.0


def _tab_idle(text: str) -> float:
    import argparse
    import math

    from dvc_tui.core.text import t

    try:
        minutes = float(text)
    except ValueError:
        minutes = math.nan
    if not MIN_TAB_IDLE <= minutes <= MAX_TAB_IDLE:  # nan, inf and out of range alike
        raise argparse.ArgumentTypeError(t("cli.serve.bad_tab_idle", given=_shown(text),
                                           low=f"{MIN_TAB_IDLE:g}", high=f"{MAX_TAB_IDLE:g}"))
    return minutes


def _access_code(text: str) -> str:
    import argparse

    from dvc_tui.commands._serve_guard import new_code, normal_code, valid_code
    from dvc_tui.core.text import t

    if text.strip().lower() == "auto":
        return new_code()
    if not valid_code(text):
        raise argparse.ArgumentTypeError(t("cli.serve.bad_access_code"))
    return normal_code(text)


def _host_name(text: str) -> str:
    import argparse

    from dvc_tui.commands._serve_guard import split_host
    from dvc_tui.core.text import t

    parsed = split_host(text.strip())
    if parsed is None or parsed[1] is not None:
        raise argparse.ArgumentTypeError(t("cli.serve.bad_allow_host", given=_shown(text)))
    return parsed[0]


def _shown(text: str) -> str:
    """A value typed by the user, safe to print in a plain line: no control characters, short."""
    return "".join(c if c.isprintable() else "\ufffd" for c in text)[:80]


def _port(text: str) -> int:
    import argparse

    from dvc_tui.core.text import t

    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(t("cli.serve.bad_port", given=text))
    return port


def app_command(config) -> str:
    """The shell command textual-serve runs for each browser tab: this Python, this package
    (through _serve_tab, which first caps the process's memory), every effective setting as a
    flag (a flag beats the environment and the settings file, so a tab shows what the serve
    command was given, whatever its process inherits)."""
    def switch(name: str, on: bool) -> str:
        return f"--{name}" if on else f"--no-{name}"

    flags = [
        "--data-dir", str(config.data_dir.resolve()),
        "--lang", config.language,
        "--hash-cost", config.hash_cost,
        "--idle", str(config.idle_seconds),
        "--theme", config.theme,
        switch("keyring", config.use_keyring),
        switch("training", config.training),
        switch("kiosk", config.kiosk),
        switch("large-text", config.large_text),
    ]
    if config.key_file is not None:
        flags += ["--key-file", str(Path(config.key_file).resolve())]
    words = [sys.executable, "-m", "dvc_tui.commands._serve_tab", str(TAB_MEMORY_LIMIT), *flags, "run"]
    # textual-serve hands the line to the system's shell: cmd.exe's quoting on Windows; on POSIX
    # `exec`, so the tab's process is the app itself and ending it ends the app (a shell left
    # between them kept a killed tab's app running, orphaned)
    return subprocess.list2cmdline(words) if sys.platform == "win32" else "exec " + shlex.join(words)


STDIN_LIMIT = 16 * 1024
"""The longest stdin message a tab takes (characters): a browser sends one key a message, or a
paste (refused in place past 1,000 characters by the fields); a longer one is dropped, not fed
to the app key by key (1,000,000 characters kept a closed tab's app busy at 1.4 GB)."""

TAB_MEMORY_LIMIT = 1536 * 1024 * 1024
"""The address space (RLIMIT_AS, not resident memory) each tab's process may take: see the
README's Reliability section for a normal tab's measured peak."""


def page(template: str, language: str) -> str:
    """textual-serve's page with PAGE_CHANGES made (a change whose text is not found is
    skipped: the page still works, in English)."""
    from dvc_tui.core.text import t

    words = {"start": t("serve.page.start"), "ended": t("serve.page.ended"), "restart": t("serve.page.restart")}
    for pattern, replacement in PAGE_CHANGES:
        template = re.sub(pattern, replacement.format(**words), template, count=1)
    if language != "vi":
        template = template.replace('<html lang="vi">', f'<html lang="{language}">', 1)
    return template


MAX_TABS = 16
"""Open tabs (app processes, ~60 MB each) at most; one more is refused until one closes."""

from dvc_tui.commands._serve_guard import WILDCARD_HOSTS  # noqa: E402 - light, no aiohttp


def run(args) -> int:
    import os

    from dvc_tui.cli import _check_store, _resolve
    from dvc_tui.config import ENV_CONFIG

    resolved = _resolve(args)
    config = resolved.config
    if config.kiosk:  # a kiosk nobody could quit, refused as `dvc-tui --kiosk` is
        from dvc_tui.commands.kiosk import refuse_without_pin

        if refuse_without_pin(config):
            return 2
    _check_store(config)  # a data dir or database that cannot be used: one line, now
    # Each tab's process gets every setting as a flag; it reads the same settings file (not the
    # default one, which may hold anything), so nothing there can stop a tab the server started.
    os.environ[ENV_CONFIG] = str(resolved.path.resolve())
    try:
        server = _server(config, args)
    except ImportError as exc:  # textual-serve is a dependency; a broken install says so
        return _refuse("cli.serve.missing", detail=str(exc))
    try:
        server.serve()
    except OSError as exc:
        key, params = _listen_problem(exc, args)
        return _refuse(key, **params)
    return 0


def _refuse(key: str, **params) -> int:
    from dvc_tui.core.text import t

    print(f"dvc-tui: {t(key, **params)}", file=sys.stderr)
    return 2


def _listen_problem(exc: OSError, args) -> tuple:
    """Why the server could not listen, as a catalog key and its parameters."""
    import errno
    import socket

    where = {"host": args.host, "port": args.port}
    if isinstance(exc, socket.gaierror):
        return "cli.serve.bad_host", where
    problems = {errno.EADDRINUSE: "cli.serve.port_in_use", errno.EACCES: "cli.serve.port_denied",
                errno.EADDRNOTAVAIL: "cli.serve.host_not_here"}
    key = problems.get(exc.errno)
    if key:
        return key, where
    return "cli.serve.cannot_listen", {**where, "detail": exc.strerror or str(exc)}


def _public_url(text: str) -> str:
    import argparse
    from urllib.parse import urlsplit

    from dvc_tui.core.text import t

    parts = urlsplit(text.strip())
    try:
        parts.port  # a port that is not a number raises
        good = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        good = False
    if not good:
        raise argparse.ArgumentTypeError(t("cli.serve.bad_url", given=text))
    return text.strip().rstrip("/")


def _url(host: str, port: int) -> str:
    """The address to open on this machine: a wildcard host is opened as 127.0.0.1."""
    host = "127.0.0.1" if host in WILDCARD_HOSTS else host
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _server(config, args):
    """A textual_serve Server: the page in the app's language, no font server, its addresses
    taken from the request (so a wildcard host or an IPv6 one works); only the names it was
    started for (Host), a tab only from its own page (Origin), at most MAX_TABS of them, each
    within MAX_SIZE and closed after `--tab-idle` minutes without a key; with an access code,
    a tab only for a browser that gave it. Its start-up lines once it listens; a quiet log
    that never shows a traceback's local variables (what a tab typed)."""
    import asyncio
    import json
    import logging
    import signal
    import time

    import aiohttp_jinja2
    import jinja2
    from aiohttp import WSMsgType, web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    from dvc_tui.commands._serve_guard import AccessGate, HostRule, clamp_size, same_origin
    from dvc_tui.core.text import t

    language = config.language
    fixed_url = args.public_url
    hosts = HostRule.for_server(args.host, fixed_url, tuple(getattr(args, "allow_host", None) or ()))
    code = getattr(args, "access_code", None)
    tab_idle = 60.0 * (getattr(args, "tab_idle", None) or DEFAULT_TAB_IDLE)
    log = logging.getLogger("textual-serve")

    class PortalServer(Server):
        sessions: set  # the app processes of the open tabs
        clock = staticmethod(time.monotonic)  # tests give their own

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.sessions = set()
            self.hosts = hosts
            self.gate = AccessGate(code, clock=lambda: self.clock()) if code else None
            self.tab_idle = tab_idle
            self.last_key: dict = {}  # service -> clock() of its last key
            self.sockets: dict = {}  # service -> its websocket
            self._watcher = None

        def initialize_logging(self) -> None:
            # textual-serve's handler shows a traceback's local variables (a tab's typed keys);
            # ours logs one line a problem, at WARNING and above
            root = logging.getLogger()
            for handler in list(root.handlers):
                root.removeHandler(handler)
            handler = logging.StreamHandler(sys.stdout)
            handler.setFormatter(logging.Formatter("%(message)s"))
            root.addHandler(handler)
            root.setLevel(logging.WARNING)  # not a line per request

        def serve(self, debug: bool = False) -> None:
            """As textual-serve's, but the lines saying where to go come once it listens (a port
            in use is then one line, not "running" and then an error)."""
            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            for stop in (signal.SIGINT, signal.SIGTERM):
                try:
                    loop.add_signal_handler(stop, self.request_exit)
                except NotImplementedError:  # pragma: no cover - not on Linux
                    pass
            web.run_app(self._make_app(), host=self.host, port=self.port, handle_signals=False, loop=loop,
                        print=self._listening)

        def _listening(self, _aiohttp_says: str) -> None:
            say = self.console.print
            say(t("cli.serve.started", url=fixed_url or _url(self.host, self.port)), highlight=False, markup=False)
            if self.host in WILDCARD_HOSTS and not fixed_url:
                say(t("cli.serve.network", port=self.port), highlight=False, markup=False)
            say(t("cli.serve.data", path=str(config.data_dir)), highlight=False, markup=False)
            if code:
                say(t("cli.serve.access_code", code=code), highlight=False, markup=False)
            say(t("cli.serve.stop"), highlight=False, markup=False)

        async def on_startup(self, app) -> None:
            # textual-serve's banner is replaced by _listening; the idle watcher starts
            self._watcher = asyncio.create_task(self._watch_idle())

        async def _watch_idle(self) -> None:
            while True:
                await asyncio.sleep(min(60.0, self.tab_idle / 4))
                await self.close_idle_tabs()

        async def close_idle_tabs(self) -> int:
            """Close every tab with no key for `tab_idle` seconds; how many were closed."""
            now = self.clock()
            idle = [service for service, last in list(self.last_key.items()) if now - last >= self.tab_idle]
            for service in idle:
                self.last_key.pop(service, None)
                log.warning(t("cli.serve.idle_closed", minutes=f"{self.tab_idle / 60:g}"))
                websocket = self.sockets.get(service)
                if websocket is not None and not websocket.closed:
                    await websocket.close()
            return len(idle)

        async def _make_app(self):
            app = await super()._make_app()
            app.middlewares.append(self._guard)
            app.router.add_post("/access", self.handle_access)
            folder = jinja2.FileSystemLoader(self.templates_path)

            def load(name: str):
                source, filename, uptodate = folder.get_source(jinja2.Environment(), name)
                return page(source, language) if name == "app_index.html" else source, filename, uptodate

            aiohttp_jinja2.setup(app, loader=jinja2.FunctionLoader(load))
            return app

        @web.middleware
        async def _guard(self, request, handler):
            """Every request: a Host the server was started for; with an access code, the page,
            the websocket and downloads only for a browser that gave it (static files are the
            terminal's own scripts: free)."""
            # The Host header, and the host of a request line written as a full URL (`GET
            # http://other/`: aiohttp's request.host is then that host, and the page's links
            # would follow it)
            if not (self.hosts.allows(request.headers.get("Host")) and self.hosts.allows(request.host)):
                return web.Response(status=400, text=t("serve.bad_host"))
            if self.gate is not None and not request.path.startswith(("/static/", "/access")):
                if not self.gate.admits(request.cookies.get(ACCESS_COOKIE)):
                    if request.path == "/":
                        return self._access_page(request)
                    return web.Response(status=403, text=t("serve.access.needed"))
            return await handler(request)

        def _page_url(self, request) -> str:
            return fixed_url or f"{request.scheme}://{request.host}"

        def _access_page(self, request, message: str = "", status: int = 401):
            return web.Response(status=status, content_type="text/html", charset="utf-8",
                                text=access_page(language, message))

        async def handle_access(self, request):
            """The access code's form: right, the browser keeps a cookie and goes to the page;
            wrong, the form again, saying so; too many wrong tries, a wait."""
            if self.gate is None:
                raise web.HTTPNotFound()
            if not same_origin(request.headers.get("Origin"), self._page_url(request)) and \
                    request.headers.get("Origin") is not None:
                raise web.HTTPForbidden(text=t("serve.forbidden"))
            try:
                form = await request.post()
            except Exception:  # noqa: BLE001 - a malformed body is a wrong code
                form = {}
            given = form.get("code", "")
            given = given if isinstance(given, str) else ""
            result = self.gate.attempt(request.remote or "?", given[:200])
            if result is True:
                response = web.HTTPSeeOther("/")
                response.set_cookie(ACCESS_COOKIE, self.gate.cookie_value, httponly=True, samesite="Strict",
                                    secure=self._page_url(request).startswith("https:"), path="/")
                raise response
            if result is False:
                return self._access_page(request, t("serve.access.wrong"))
            return self._access_page(request, t("serve.access.wait", seconds=max(1, round(result))), status=429)

        async def handle_index(self, request):
            # The page's links and websocket point where the browser came from (no await in
            # between: no other request sees this address). The Host was checked (_guard).
            if not fixed_url:
                self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

        async def _process_messages(self, websocket, service) -> None:
            """A tab's messages, as textual-serve's but each checked: a message that is not the
            page's JSON is dropped (never a traceback), a resize is clamped, each key noted."""
            async for message in websocket:
                if message.type != WSMsgType.TEXT:
                    continue
                try:
                    envelope = json.loads(message.data)
                except ValueError:
                    continue
                if not isinstance(envelope, list) or not envelope:
                    continue
                kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
                if kind == "stdin" and isinstance(data, str):
                    if len(data) > STDIN_LIMIT:  # a browser sends a key or a paste: not a flood
                        continue
                    self.last_key[service] = self.clock()
                    await service.send_bytes(data.encode("utf-8", "replace"))
                elif kind == "resize" and isinstance(data, dict):
                    await service.set_terminal_size(*clamp_size(data.get("width"), data.get("height")))
                elif kind == "ping" and isinstance(data, (str, int)) and not isinstance(data, bool):
                    await websocket.send_json(["pong", data if isinstance(data, int) else data[:64]])
                elif kind == "blur":
                    await service.blur()
                elif kind == "focus":
                    await service.focus()

        async def handle_websocket(self, request):
            """One browser tab: an app process, its screen and keys over the websocket; the
            process is remembered so a stop (Ctrl+C) ends it first."""
            if not same_origin(request.headers.get("Origin"), self._page_url(request)):
                # no Origin (not a browser's page), or another site's page in the same browser
                raise web.HTTPForbidden(text=t("serve.forbidden"))
            if len(self.sessions) >= MAX_TABS:
                self.console.print(t("cli.serve.full", count=MAX_TABS), highlight=False, markup=False)
                raise web.HTTPServiceUnavailable(text=t("serve.full", count=MAX_TABS))
            websocket = web.WebSocketResponse(heartbeat=15)
            width, height = clamp_size(request.query.get("width", "80"), request.query.get("height", "24"))
            await websocket.prepare(request)
            service = AppService(self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                                 close=websocket.close, download_manager=self.download_manager, debug=self.debug)
            self.sessions.add(service)
            self.sockets[service] = websocket
            self.last_key[service] = self.clock()
            try:
                await service.start(width, height)
                ended = asyncio.create_task(self._close_when_app_ends(service, websocket))
                try:
                    await self._process_messages(websocket, service)
                finally:
                    ended.cancel()
            except asyncio.CancelledError:
                await websocket.close()
            except Exception as exc:  # noqa: BLE001 - one tab's failure is logged, the server goes on
                log.warning(t("cli.serve.tab_failed", detail=type(exc).__name__))
            finally:
                await asyncio.shield(self._end(service))
            return websocket

        @staticmethod
        async def _close_when_app_ends(service, websocket) -> None:
            """An app that ends without saying so (it could not start: its one line is in the
            server's log) closes its tab: the page says the session ended, not a blank wait."""
            task = getattr(service, "_task", None)
            if task is not None:
                await asyncio.shield(task)
                if not websocket.closed:
                    await websocket.close()

        async def _end(self, service) -> None:
            self.last_key.pop(service, None)
            self.sockets.pop(service, None)
            if service not in self.sessions:
                return
            try:  # the app is asked to quit; its output read to the end (a busy app: killed)
                await asyncio.wait_for(service.stop(), 5)
            except asyncio.TimeoutError:
                pass
            process = getattr(service, "_process", None)
            try:
                if process is not None and process.returncode is None:
                    try:
                        await asyncio.wait_for(process.wait(), 5)
                    except asyncio.TimeoutError:
                        process.kill()
                        await process.wait()
            finally:
                self.sessions.discard(service)  # counted among the 16 until its process is gone

        async def on_shutdown(self, app) -> None:
            if self._watcher is not None:
                self._watcher.cancel()
            await asyncio.gather(*(self._end(service) for service in list(self.sessions)))

    return PortalServer(
        app_command(config), host=args.host, port=args.port, title=t("serve.title"),
        public_url=fixed_url or _url(args.host, args.port),
    )


ACCESS_COOKIE = "dvc_tui_access"


def access_page(language: str, message: str = "") -> str:
    """The small page asking for the classroom's access code (the app's language)."""
    from html import escape

    from dvc_tui.core.text import t

    note = f'<p class="note" role="alert">{escape(message)}</p>' if message else ""
    return f"""<!DOCTYPE html>
<html lang="{escape(language)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(t("serve.title"))}</title>
<style>body{{font-family:sans-serif;max-width:28em;margin:4em auto;padding:0 1em}}
input,button{{font-size:1.2em;padding:.3em}} .note{{color:#a00}}</style></head>
<body><h1>{escape(t("serve.title"))}</h1>
<p>{escape(t("serve.access.prompt"))}</p>{note}
<form method="post" action="/access"><label for="code">{escape(t("serve.access.label"))}</label>
<input id="code" name="code" autocomplete="off" autofocus inputmode="numeric" maxlength="80">
<button type="submit">{escape(t("serve.access.button"))}</button></form></body></html>
"""
