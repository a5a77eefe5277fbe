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
"""

from __future__ import annotations

import re
import shlex
import sys

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
    """The shell command textual-serve runs for each browser tab: this Python, this package,
    every effective setting as a flag (a flag beats the environment and the settings file, so
    a tab shows what the serve command was given, whatever its process inherits)."""
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
    return shlex.join([sys.executable, "-m", "dvc_tui", *flags, "run"])


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

WILDCARD_HOSTS = ("0.0.0.0", "::", "")


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
    taken from the request (so a wildcard host or an IPv6 one works), a tab only from its own
    page, at most MAX_TABS of them; its start-up lines once it listens, and a quiet log."""
    import asyncio
    import logging
    import signal
    from urllib.parse import urlsplit

    import aiohttp_jinja2
    import jinja2
    from aiohttp import web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server, to_int

    from dvc_tui.core.text import t

    language = config.language
    fixed_url = args.public_url

    class PortalServer(Server):
        sessions: set = set()  # the app processes of the open tabs

        def initialize_logging(self) -> None:
            super().initialize_logging()
            logging.getLogger().setLevel(logging.WARNING)  # not a line per request

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
            say(t("cli.serve.started", url=fixed_url or _url(self.host, self.port)), highlight=False)
            if self.host in WILDCARD_HOSTS and not fixed_url:
                say(t("cli.serve.network", port=self.port), highlight=False)
            say(t("cli.serve.data", path=str(config.data_dir)), highlight=False)
            say(t("cli.serve.stop"), highlight=False)

        async def on_startup(self, app) -> None:
            pass  # textual-serve's banner; ours is _listening

        async def _make_app(self):
            app = await super()._make_app()
            folder = jinja2.FileSystemLoader(self.templates_path)

            def load(name: str):
                source, filename, uptodate = folder.get_source(jinja2.Environment(), name)
                return page(source, language) if name == "app_index.html" else source, filename, uptodate

            aiohttp_jinja2.setup(app, loader=jinja2.FunctionLoader(load))
            return app

        async def handle_index(self, request):
            # The page's links and websocket point where the browser came from (no await in
            # between: no other request sees this address).
            if not fixed_url:
                self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

        async def handle_websocket(self, request):
            """One browser tab: an app process, its screen and keys over the websocket; the
            process is remembered so a stop (Ctrl+C) ends it first."""
            origin = request.headers.get("Origin")
            allowed = {request.host} | ({urlsplit(fixed_url).netloc} if fixed_url else set())
            if origin is not None and urlsplit(origin).netloc not in allowed:
                # another site's page in the same browser may not drive the simulator
                raise web.HTTPForbidden(text=t("serve.forbidden"))
            if len(self.sessions) >= MAX_TABS:
                self.console.print(t("cli.serve.full", count=MAX_TABS), highlight=False)
                raise web.HTTPServiceUnavailable(text=t("serve.full", count=MAX_TABS))
            websocket = web.WebSocketResponse(heartbeat=15)
            width = to_int(request.query.get("width", "80"), 80)
            height = to_int(request.query.get("height", "24"), 24)
            await websocket.prepare(request)
            service = AppService(self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                                 close=websocket.close, download_manager=self.download_manager, debug=self.debug)
            self.sessions.add(service)
            try:
                await service.start(width, height)
                ended = asyncio.create_task(self._close_when_app_ends(service, websocket))
                try:
                    await self._process_messages(websocket, service)
                finally:
                    ended.cancel()
            except asyncio.CancelledError:
                await websocket.close()
            except Exception:  # noqa: BLE001 - one tab's failure is logged, the server goes on
                logging.getLogger("textual-serve").exception("session")
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
            if service not in self.sessions:
                return
            self.sessions.discard(service)
            await service.stop()  # the app is asked to quit; its output read to the end
            process = getattr(service, "_process", None)
            if process is not None and process.returncode is None:
                try:
                    await asyncio.wait_for(process.wait(), 5)
                except asyncio.TimeoutError:
                    process.kill()
                    await process.wait()

        async def on_shutdown(self, app) -> None:
            await asyncio.gather(*(self._end(service) for service in list(self.sessions)))

    return PortalServer(
        app_command(config), host=args.host, port=args.port, title=t("serve.title"),
        public_url=fixed_url or _url(args.host, args.port),
    )
