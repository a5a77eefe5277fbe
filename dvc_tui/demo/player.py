"""The Player: plays a demo path on a running DvcApp, as an async task on the app's own loop.

It types into the fields character by character, moves the focus to each button before pressing
it, waits for the screens and the blocking work like a person would, and shows a caption line
(`#demo-caption`) above the footer of each screen. `pause()`/`resume()` hold it between any two
actions or keystrokes; `stop()` ends it and leaves the app to the user.
"""

from __future__ import annotations

import asyncio
import math
import re
from dataclasses import dataclass, field
from typing import Awaitable, Callable

from textual import events
from textual.widgets import Button, Checkbox, Footer, OptionList, Static, Tab, Tabs

from dvc_tui.core.text import t
from dvc_tui.demo import script
from dvc_tui.demo.script import DemoUnavailable, Path, Step
from dvc_tui.markup import escape

CHAR_DELAY = 0.07
"""Seconds between two typed characters at speed 1."""
BEAT = 0.45
"""Seconds before each press, so the focus move is seen, at speed 1."""
POLL = 0.02
SETTLE_ROUNDS = 40


class DemoStopped(Exception):
    """Esc (or the app closing) stopped the demo."""


class DemoFailed(Exception):
    """The app did not do what the script expected (a catalog key and its parameters)."""

    def __init__(self, key: str, **params) -> None:
        super().__init__(key)
        self.key, self.params = key, params


class DemoCaption(Static):
    """The demo's caption line, docked above the footer of the screen it is mounted on."""

    DEFAULT_CSS = """
    DemoCaption {
        dock: bottom;
        height: auto;
        max-height: 3;
        padding: 0 1;
        background: $warning;
        color: $text-warning;
        text-style: bold;
        offset-y: -1;
    }
    DemoCaption.-paused { background: $error; color: $text; }
    """


@dataclass
class Played:
    """What the handbook needs at each Show: the path, the step's number and caption."""

    path: str
    step: int
    caption: str
    screen_id: str


ShowHook = Callable[[Played], Awaitable[None]]


@dataclass
class Player:
    app: object
    paths: list[str]
    speed: float = 1.0  # math.inf (or 0): no delays at all (tests, the handbook)
    loop: bool = False
    captions: bool = True
    on_show: ShowHook | None = None
    made: list[str] = field(default_factory=list)
    """Login names the demo registered (in order)."""

    def __post_init__(self) -> None:
        self.fast = self.speed <= 0 or math.isinf(self.speed)
        self._resumed = asyncio.Event()
        self._resumed.set()
        self.stopped = False
        self.finished = False
        self.failure: str | None = None
        self.rounds = 0
        self._caption_text = ""
        self._sms_mark: int | None = None
        self._path: Path | None = None
        self._step_no = 0

    # -- control -----------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return not (self.stopped or self.finished)

    @property
    def paused(self) -> bool:
        return not self._resumed.is_set()

    def pause(self) -> None:
        if self.active:
            self._resumed.clear()
            self._show_caption(t("demo.paused"), paused=True)

    def resume(self) -> None:
        self._resumed.set()
        self._show_caption(self._caption_text)

    def toggle(self) -> None:
        self.resume() if self.paused else self.pause()

    def stop(self) -> None:
        self.stopped = True
        self._resumed.set()
        self._caption_text = t("demo.stopped")
        self._show_caption(self._caption_text)

    # -- running -----------------------------------------------------------------------------
    async def run(self) -> None:
        services = self.app.services
        try:
            while True:
                self.rounds += 1
                for name in self.paths:
                    await self._go_home()
                    try:
                        path = await asyncio.to_thread(script.build_path, name, services)
                    except DemoUnavailable as exc:
                        raise DemoFailed(str(exc)) from None
                    await self._play(path)
                    if self.loop:
                        await self._hold(3.0)
                if not self.loop:
                    break
                await self._go_home()
                made, self.made = self.made, []
                await asyncio.to_thread(forget_accounts, services.store, made)
        except DemoStopped:
            return
        except DemoFailed as exc:
            self.finished = True
            self.failure = self._caption_text = t("demo.failed", reason=t(exc.key, **exc.params))
            self._show_caption(self.failure, paused=True)
            return
        self.finished = True
        self._caption_text = t("demo.done")
        self._show_caption(self._caption_text)

    async def _play(self, path: Path) -> None:
        self._path = path
        for number, step in enumerate(path.steps, 1):
            await self._gate()
            self._step_no = number
            self._caption_text = t("demo.caption", n=number, text=t(step.caption, **step.params))
            self._show_caption(self._caption_text)
            for action in step.actions:
                await self._gate()
                await self._do(action, step)
        self.made.extend(path.made)

    async def _go_home(self) -> None:
        """From the end of a path (profile, registered, any step) back to the home page."""
        app = self.app
        for _ in range(12):
            await self._wait_until(lambda: app.screen.id is not None and not getattr(app.screen, "busy", False), 30)
            if app.screen.id == "home":
                return
            await self._gate()
            if app.screen.id == "profile":
                await self._click("logout")
            else:
                await self._press("escape")
            await self._settle()
        raise DemoFailed("demo.failed.screen", screen="home")

    # -- actions -----------------------------------------------------------------------------
    async def _do(self, action, step: Step) -> None:
        app = self.app
        if isinstance(action, script.Press):
            for key in action.keys:
                await self._beat()
                await self._press(key)
        elif isinstance(action, script.Type):
            await self._type(action.widget_id, action.text)
        elif isinstance(action, script.TypeCaptcha):
            code = str(self._query("captcha-code").render()).strip()
            await self._type("captcha", code)
        elif isinstance(action, script.TypeCode):
            await self._type(action.widget_id, await self._newest_code())
        elif isinstance(action, script.Click):
            await self._click(action.widget_id)
        elif isinstance(action, script.Choose):
            await self._choose(action.list_id, action.option_id(app))
        elif isinstance(action, script.ApproveSim):
            card = await self._newest_sim_card()
            await self._type(f"sim-pin-{card}", action.pin)
            await self._click(f"sim-approve-{card}")
        elif isinstance(action, script.WaitScreen):
            await self._wait_until(lambda: app.screen.id == action.screen_id, action.timeout,
                                   DemoFailed("demo.failed.screen", screen=action.screen_id))
            await self._settle()
        elif isinstance(action, script.WaitWorkers):
            await self._wait_workers()
        elif isinstance(action, script.Show):
            await self._settle()
            if self.on_show is not None:
                await self.on_show(Played(self._path.name, self._step_no,
                                          t(step.caption, **step.params), app.screen.id or ""))
            await self._hold(action.seconds)
        elif isinstance(action, script.Prepare):
            await asyncio.to_thread(action.work, app.services)

    def _query(self, widget_id: str):
        return self.app.screen.query_one(f"#{widget_id}")

    async def _type(self, widget_id: str, text: str) -> None:
        widget = await self._widget(widget_id)
        widget.focus()
        widget.value = ""
        await self._beat()
        if self.fast:
            widget.insert_text_at_cursor(text)
        else:
            for char in text:
                await self._gate()
                widget.insert_text_at_cursor(char)
                await asyncio.sleep(CHAR_DELAY / self.speed)
        await self._settle()

    async def _click(self, widget_id: str) -> None:
        widget = await self._widget(widget_id)
        widget.scroll_visible(animate=False, immediate=True)
        if widget.can_focus:
            widget.focus()
        await self._beat()
        await self._gate()
        self._sms_mark = self._newest_sms_id()
        if isinstance(widget, Button):
            widget.press()
        elif isinstance(widget, Checkbox):
            if not widget.value:
                widget.toggle()
        elif isinstance(widget, Tab):
            next(a for a in widget.ancestors if isinstance(a, Tabs)).active = widget.id
        else:
            await self._press("enter")
        await self._settle()

    async def _choose(self, list_id: str, option_id: str | None) -> None:
        options = await self._widget(list_id)
        assert isinstance(options, OptionList)
        if option_id is None:
            raise DemoFailed("demo.failed.widget", widget=list_id)
        options.focus()
        target = options.get_option_index(option_id)
        if options.highlighted is None:
            options.highlighted = 0
        while options.highlighted != target:  # one row at a time, as the arrow keys would
            await self._beat()
            await self._gate()
            options.highlighted += 1 if options.highlighted < target else -1
        await self._beat()
        options.action_select()
        await self._settle()

    async def _press(self, key: str) -> None:
        """A key event, as from the keyboard, marked as the demo's own (it does not pause)."""
        event = events.Key(key, key if len(key) == 1 else None)
        event.demo = True
        self.app.post_message(event)
        await self._settle()

    # -- waiting -----------------------------------------------------------------------------
    async def _gate(self) -> None:
        if self.stopped:
            raise DemoStopped
        if not self._resumed.is_set():
            await self._resumed.wait()
            if self.stopped:
                raise DemoStopped

    async def _beat(self) -> None:
        if not self.fast:
            await self._sleep(BEAT / self.speed)

    async def _hold(self, seconds: float) -> None:
        if not self.fast:
            await self._sleep(seconds / self.speed)

    async def _sleep(self, seconds: float) -> None:
        """Sleep, counting only the time not paused."""
        while seconds > 0:
            await self._gate()
            chunk = min(seconds, 0.1)
            await asyncio.sleep(chunk)
            seconds -= chunk

    async def _settle(self) -> None:
        """Until the app, the screen and its widgets have handled their queued messages (at
        most about a second: a countdown or a spinner always has something queued)."""
        quiet = 0
        for _ in range(SETTLE_ROUNDS):
            await asyncio.sleep(0.005)
            quiet = quiet + 1 if self._queues_empty() else 0
            if quiet >= 2:
                break
        self._show_caption(None)

    def _queues_empty(self) -> bool:
        app = self.app
        try:
            nodes = [app, *app.screen.walk_children(with_self=True)]
        except Exception:  # noqa: BLE001 - no screen yet, or the app is closing
            return True
        return all(node._message_queue.empty() for node in nodes)

    async def _wait_until(self, condition, timeout: float, failure: Exception | None = None) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not condition():
            await self._gate()
            if loop.time() > deadline:
                raise failure or DemoFailed("demo.failed.timeout")
            await asyncio.sleep(POLL)
            self._show_caption(None)

    async def _wait_workers(self) -> None:
        app = self.app

        def idle() -> bool:
            return not any(w.group in ("blocking", "startup") and not w.is_finished for w in app.workers) \
                and not getattr(app.screen, "busy", False)

        await self._settle()
        await self._wait_until(idle, 60)
        await self._settle()

    async def _widget(self, widget_id: str):
        app = self.app

        def there() -> bool:
            return bool(app.screen.query(f"#{widget_id}"))

        await self._wait_until(there, 10, DemoFailed("demo.failed.widget", widget=widget_id))
        return self._query(widget_id)

    def _newest_sms_id(self) -> int | None:
        recent = self.app.recent_sms
        return recent[0].id if recent else None

    async def _newest_code(self) -> str:
        app = self.app
        await self._wait_until(lambda: bool(app.recent_sms) and re.search(r"\b\d{6}\b", app.recent_sms[0].body),
                               30, DemoFailed("demo.failed.sms"))
        return re.search(r"\b(\d{6})\b", app.recent_sms[0].body).group(1)

    async def _newest_sim_card(self) -> int:
        app = self.app

        def cards():
            return [c for c in app.screen.query("#sms-inbox .sim-request") if c.query(".sim-pin, Input")]

        await self._wait_until(lambda: bool(cards()), 30, DemoFailed("demo.failed.sim"))
        return int(cards()[0].id.rsplit("-", 1)[1])

    # -- the caption -------------------------------------------------------------------------
    def _show_caption(self, text: str | None, *, paused: bool | None = None) -> None:
        """Put the caption on the current screen (mounting it there first); None: as it was."""
        if not self.captions:
            return
        screen = self.app.screen
        if text is None:
            text = t("demo.paused") if self.paused else self._caption_text
            paused = self.paused if paused is None else paused
        found = screen.query(DemoCaption)
        if not found and not text:
            return
        if found:
            caption = found.first()
        else:
            caption = DemoCaption(id="demo-caption")
            footers = screen.query(Footer)
            if footers:
                screen.mount(caption, before=footers.first())
            else:
                screen.mount(caption)
        caption.update(escape(text))
        caption.set_class(bool(paused), "-paused")


def forget_accounts(store, usernames: list[str]) -> None:
    """Remove the accounts a demo round registered, so the next round may register them again."""
    if not usernames:
        return
    with store.transaction() as db:
        for username in usernames:
            db.execute("DELETE FROM authenticators WHERE username = ?", (username,))
            db.execute("DELETE FROM accounts WHERE username = ?", (username,))
