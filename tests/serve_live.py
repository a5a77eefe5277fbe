"""A live `dvc-tui serve` for the serve tests and benchmarks/serve_key_burst.py: the real command
in a subprocess on a free port, tabs opened as the page's script opens them (a websocket with the
page's Origin, `["stdin", data]` messages), and the tabs' app processes found in /proc."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServe:
    """`dvc-tui --data-dir DATA --no-keyring --hash-cost test serve --port P *extra`; `stop()`
    sends Ctrl+C and returns everything it printed (stdout and stderr together)."""

    def __init__(self, data: Path, *extra: str, env: dict | None = None, global_flags: tuple = (),
                 hash_cost: str = "test") -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "dvc_tui", "--data-dir", str(data), "--no-keyring", "--hash-cost", hash_cost,
             *global_flags, "serve", "--port", str(self.port), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, **(env or {})})
        self.first_lines: list[str] = []
        line = self.process.stdout.readline()
        self.first_lines.append(line)
        if f"127.0.0.1:{self.port}" not in line:
            rest = self.stop()
            raise RuntimeError(f"serve did not start: {line}{rest}")
        while not (line := self.process.stdout.readline()).startswith(("Nhấn Ctrl+C", "Press Ctrl+C")):
            if not line:
                break
            self.first_lines.append(line)

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            rest, _ = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            rest, _ = self.process.communicate()
        return rest

    def __enter__(self) -> "LiveServe":
        return self

    def __exit__(self, *exc) -> None:
        if self.process.poll() is None:
            self.stop()

    def tab_pids(self) -> list[int]:
        """The tabs' app processes (python -m dvc_tui.commands._serve_tab ...), descendants of
        the server."""
        return [pid for pid in descendants(self.process.pid)
                if _cmdline(pid).startswith(sys.executable.encode() + b"\0-m\0dvc_tui.commands._serve_tab")]


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def proc_status(pid: int, field: str) -> int | None:
    """A /proc/PID/status field in kB (VmPeak, VmHWM, ...)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


class Tab:
    """One browser tab's websocket: what the app sent (`screen`, bytes) and keys to send."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.screen = b""
        self.closed = False

    async def send(self, data: str) -> None:
        await self.ws.send_json(["stdin", data])

    async def read_until(self, wanted: bytes | None, timeout: float) -> bool:
        """Read the app's output until `wanted` is in it (True), the tab closes or `timeout`
        seconds pass (False). `wanted=None` reads for the whole time (False)."""
        import aiohttp

        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        while (left := end - loop.time()) > 0:
            if wanted is not None and wanted in self.screen:
                return True
            try:
                message = await self.ws.receive(timeout=left)
            except asyncio.TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                self.screen += message.data
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING,
                                  aiohttp.WSMsgType.ERROR):
                self.closed = True
                break
        return wanted is not None and wanted in self.screen

    async def drain(self) -> None:
        """Read what is already there without waiting for more."""
        await self.read_until(None, 0.05)


async def open_tab(session, base: str, *, width: int = 100, height: int = 30, origin: str | None = "same",
                   headers: dict | None = None, query: str | None = None):
    """A websocket as the page opens it (Origin: the page's own unless told), or the refusal's
    HTTP status (an int)."""
    import aiohttp

    sent = dict(headers or {})
    if origin == "same":
        sent["Origin"] = base
    elif origin is not None:
        sent["Origin"] = origin
    url = f"{base}/ws?" + (query if query is not None else f"width={width}&height={height}")
    try:
        ws = await session.ws_connect(url, headers=sent, max_msg_size=0)
    except aiohttp.WSServerHandshakeError as refused:
        return refused.status
    return Tab(ws)


HOME = "Đăng ký".encode()
"""On the home page (Vietnamese), once it has painted."""


# -- key bursts (the bytes xterm.js sends for each key) ----------------------------------------
# tests/keyburst.py did not exist when this was written: this is the serve side's own generator.
KEYS: dict[str, str] = {
    "enter": "\r", "escape": "\x1b", "tab": "\t", "shift+tab": "\x1b[Z", "backspace": "\x7f", "space": " ",
    "up": "\x1b[A", "down": "\x1b[B", "right": "\x1b[C", "left": "\x1b[D", "home": "\x1b[H", "end": "\x1b[F",
    "f1": "\x1bOP", "f2": "\x1bOQ", "f3": "\x1bOR", "f4": "\x1bOS", "f5": "\x1b[15~", "f6": "\x1b[17~",
    "f7": "\x1b[18~", "f8": "\x1b[19~", "f9": "\x1b[20~", "f10": "\x1b[21~", "f11": "\x1b[23~", "f12": "\x1b[24~",
}
KEYS.update({c: c for c in "aAbeHnuz019"})
WEIGHTS = {"enter": 8, "escape": 6, "tab": 4, "f4": 3}
"""Enter, Esc, Tab and F4 (the issue's crashing mix) more often than the rest."""


def key_burst(rng, most: int = 12) -> list[str]:
    """1..most keys, each as the bytes the page sends for it (one websocket message a key)."""
    names = list(KEYS)
    weights = [WEIGHTS.get(name, 1) for name in names]
    return [KEYS[name] for name in rng.choices(names, weights, k=rng.randint(1, most))]
