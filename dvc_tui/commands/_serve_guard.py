"""What `dvc-tui serve` lets in, as plain functions and classes (no aiohttp, no Textual):

- the terminal size a tab may ask for (clamped: a 20000x20000 terminal would grow its app past
  gigabytes);
- the names the server answers to (`Host`: a page on another name that resolves here, DNS
  rebinding, is refused) and the one page origin a tab's websocket may come from;
- the classroom access code: compared in constant time, a few wrong tries per client and then
  each further try waits longer (a clock is injected).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import socket
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit

MAX_SIZE = (500, 200)
"""The largest terminal (columns, rows) a tab gets, whatever its page asks for."""
MIN_SIZE = (20, 6)
"""The smallest: below it the app's "window too small" notice itself would not fit."""

WILDCARD_HOSTS = ("0.0.0.0", "::", "")
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def clamp_size(width: object, height: object, default: tuple[int, int] = (80, 24)) -> tuple[int, int]:
    """A terminal size within MIN_SIZE..MAX_SIZE; a value that is not a whole number (text,
    a float, a bool, None) counts as the default."""
    def whole(value: object, fallback: int) -> int:
        if isinstance(value, bool):
            return fallback
        if isinstance(value, int):
            return value
        if isinstance(value, str):
            try:
                return int(value.strip()) if len(value) <= 12 else fallback
            except ValueError:
                return fallback
        return fallback

    w, h = whole(width, default[0]), whole(height, default[1])
    return (min(max(w, MIN_SIZE[0]), MAX_SIZE[0]), min(max(h, MIN_SIZE[1]), MAX_SIZE[1]))


def split_host(value: str | None) -> tuple[str, int | None] | None:
    """A Host header (`name`, `name:port`, `[v6]:port`) as (lower-case name, port), or None
    when it is missing or malformed."""
    if not value or any(c in value for c in "/?#@ \t\\") or len(value) > 255:
        return None
    try:
        parts = urlsplit("//" + value)
        port = parts.port
    except ValueError:
        return None
    name = (parts.hostname or "").rstrip(".")
    return (name, port) if name else None


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _is_this_machines(address: str) -> bool:
    """An IP address of this machine: one a socket can be bound to."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.bind((address, 0))
    except OSError:
        return False
    return True


@dataclass
class HostRule:
    """The names a request's Host may carry: the ones the server was started for."""

    names: frozenset[str]
    any_local_address: bool = False
    """Bound to every address (0.0.0.0, ::): any IP address of this machine is also allowed."""
    _checked: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def for_server(cls, host: str, public_url: str | None, extra: tuple[str, ...] = ()) -> "HostRule":
        names: set[str] = {name.lower().rstrip(".") for name in extra if name}
        bound = host.strip("[]").lower()
        wildcard = bound in WILDCARD_HOSTS
        if not wildcard:
            names.add(bound)
        if public_url:
            public = urlsplit(public_url).hostname
            if public:
                names.add(public.rstrip("."))
        loopback = wildcard or bound in LOOPBACK_NAMES or (_is_ip(bound) and ipaddress.ip_address(bound).is_loopback)
        if loopback:
            names |= LOOPBACK_NAMES
        if wildcard:
            for name in (socket.gethostname(), socket.getfqdn()):
                if name:
                    names.add(name.lower().rstrip("."))
        return cls(frozenset(names), any_local_address=wildcard)

    def allows(self, header: str | None) -> bool:
        parsed = split_host(header)
        if parsed is None:
            return False
        name = parsed[0]
        if name in self.names:
            return True
        if self.any_local_address and _is_ip(name):
            if name not in self._checked:
                self._checked[name] = _is_this_machines(name)
            return self._checked[name]
        return False


def origin_of(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an origin or URL, the port filled in for http/https; None if
    it is not an http(s) origin."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except (ValueError, AttributeError):
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.scheme, parts.hostname.rstrip("."), port or (443 if parts.scheme == "https" else 80)


def same_origin(origin_header: str | None, page_url: str) -> bool:
    """The websocket's Origin is the page's own: same scheme, host and port (a missing Origin,
    "null", or an https page talking to an http server is refused)."""
    if not origin_header:
        return False
    theirs, ours = origin_of(origin_header), origin_of(page_url)
    return theirs is not None and theirs == ours


# -- the classroom access code --------------------------------------------------------------

CODE_ALPHABET = "0123456789"
AUTO_CODE_LENGTH = 8
FREE_TRIES = 3
"""Wrong codes a client may give before each further try has to wait."""
MAX_WAIT = 300.0


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(AUTO_CODE_LENGTH))


def normal_code(text: str) -> str:
    """The code as compared: spaces and dashes dropped (a code read aloud "1234 5678")."""
    return "".join(text.split()).replace("-", "")


def valid_code(text: str) -> bool:
    code = normal_code(text)
    return 4 <= len(code) <= 64 and code.isascii() and code.isalnum()


@dataclass
class AccessGate:
    """The access code and the wrong tries of each client (by address)."""

    code: str
    clock: Callable[[], float] = time.monotonic
    cookie_value: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    """What the browser keeps once the code was right (new each server start)."""
    _failures: dict[str, int] = field(default_factory=dict)
    _wait_until: dict[str, float] = field(default_factory=dict)

    def wait_left(self, client: str) -> float:
        """Seconds this client must still wait before its next try is checked (0: none)."""
        return max(0.0, self._wait_until.get(client, 0.0) - self.clock())

    def attempt(self, client: str, given: str) -> bool | float:
        """True for the right code; False for a wrong one; a number (seconds to wait) when the
        client has to wait, in which case the code is not even compared."""
        left = self.wait_left(client)
        if left > 0:
            return left
        right = hmac.compare_digest(normal_code(given).encode("utf-8", "replace"),
                                    normal_code(self.code).encode("utf-8"))
        if right:
            self._failures.pop(client, None)
            self._wait_until.pop(client, None)
            return True
        failures = self._failures.get(client, 0) + 1
        self._failures[client] = failures
        if failures >= FREE_TRIES:
            self._wait_until[client] = self.clock() + min(MAX_WAIT, 2.0 ** (failures - FREE_TRIES + 1))
        if len(self._failures) > 10_000:  # a flood of addresses: forget the oldest, keep memory bounded
            oldest = next(iter(self._failures))
            self._failures.pop(oldest)
            self._wait_until.pop(oldest, None)
        return False

    def admits(self, cookie: str | None) -> bool:
        return cookie is not None and hmac.compare_digest(cookie.encode("utf-8", "replace"),
                                                          self.cookie_value.encode())
