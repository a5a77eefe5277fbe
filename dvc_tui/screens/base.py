"""What every portal screen shares: the banner, the SMS pane, the footer, Back and Cancel,
and running blocking work in a thread worker with a visible busy state."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any, Callable

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, Static

from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import problem_text, t
from dvc_tui.widgets.banner import Banner
from dvc_tui.widgets.sms_inbox import SmsInbox


class Nav(Enum):
    """Results a step returns instead of its value."""

    BACK = "back"
    CANCEL = "cancel"
    REGISTER = "register"
    LOGIN = "login"
    FORGOT = "forgot"  # Quên mật khẩu, from the login screen
    OTHER = "other"  # Chọn phương thức xác thực khác, from the login code screen


def localize_bindings(node) -> None:
    """Replace catalog keys in binding descriptions with the current language's words."""
    bindings = node._bindings.key_to_bindings
    for key, items in bindings.items():
        bindings[key] = [
            dataclasses.replace(b, description=t(b.description))
            if b.description.startswith("key.")
            else b
            for b in items
        ]


class Busy(Horizontal):
    """A loading indicator and what is being done; hidden when idle."""

    def __init__(self) -> None:
        super().__init__(id="busy")

    def compose(self) -> ComposeResult:
        yield LoadingIndicator()
        yield Static("", id="busy-text")

    def on_mount(self) -> None:
        self.display = False


class PortalScreen(Screen[Any]):
    BINDINGS = [
        Binding("escape", "back", "key.back"),
        Binding("f4", "cancel", "key.cancel"),
    ]
    STEP: tuple[int, int] | None = None
    ZONES: dict[str, int] = {}
    """Widget id -> the leaflet's zone number ("vùng số"), for the training mode."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        localize_bindings(self)
        self.busy = False

    def compose(self) -> ComposeResult:
        yield Banner(self.STEP)
        with Horizontal(id="layout"):
            with VerticalScroll(id="main"):
                yield from self.compose_body()
            yield SmsInbox()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        # Textual calls on_mount of every class in the MRO (subclass first): no super() call.
        for widget_id, zone in self.ZONES.items():
            for widget in self.query(f"#{widget_id}"):
                widget.add_class("zone", f"zone-{zone}")

    # -- navigation ------------------------------------------------------------------------
    def action_back(self) -> None:
        if not self.busy:
            self.dismiss(Nav.BACK)

    def action_cancel(self) -> None:
        if not self.busy:
            self.dismiss(Nav.CANCEL)

    # -- messages --------------------------------------------------------------------------
    def say(self, widget_id: str, message: str | None, *, error: bool = True) -> None:
        """Show (or clear) a message in a Static of this screen."""
        target = self.query_one(f"#{widget_id}", Static)
        target.update(escape(message or ""))
        target.set_class(bool(message), "-shown")  # a .message is hidden until it has words
        target.set_class(error, "error")
        target.set_class(not error, "info")

    # -- blocking work ---------------------------------------------------------------------
    def set_busy(self, text: str | None) -> None:
        self.busy = text is not None
        for busy in self.query(Busy):
            busy.display = self.busy
            busy.query_one("#busy-text", Static).update(escape(text or ""))
        for button in self.query("Button.submit"):
            button.disabled = self.busy

    def run_blocking(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[PortalError], None],
        busy_text: str,
    ) -> None:
        """Run `work` in a thread; `done(result)` or `failed(error)` back on the event loop.

        Anything other than a PortalError (a broken disk, a bug) is shown as a PortalError too,
        with one line of detail: the user keeps what they typed and sees no traceback.
        """
        self.set_busy(busy_text)
        app = self.app

        def job() -> None:
            try:
                result = work()
            except PortalError as exc:
                app.call_from_thread(finish, None, exc)
            except Exception as exc:  # noqa: BLE001 - shown to the user in one line
                app.log.error(f"blocking work failed: {type(exc).__name__}")
                detail = f"{type(exc).__name__}: {exc}" if _is_environmental(exc) else type(exc).__name__
                app.call_from_thread(finish, None, PortalError("error.unexpected", detail=detail))
            else:
                app.call_from_thread(finish, result, None)

        def finish(result: Any, error: PortalError | None) -> None:
            self.set_busy(None)
            if not self.is_attached:
                return
            if error is None:
                done(result)
            else:
                failed(error)

        self.run_worker(job, thread=True, exclusive=True, group="blocking", exit_on_error=False)


def _is_environmental(exc: Exception) -> bool:
    from dvc_tui.store.sqlite import StoreError

    return isinstance(exc, (StoreError, OSError))


def problem(error: PortalError) -> str:
    return problem_text(error.problem)
