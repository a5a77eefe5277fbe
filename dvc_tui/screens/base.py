"""What every portal screen shares: the banner, the SMS pane, the footer, Back and Cancel,
and running blocking work in a thread worker with a visible busy state."""

from __future__ import annotations

import asyncio
import dataclasses
from enum import Enum
from typing import Any, Callable

from textual import events, on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

from dvc_tui.appearance import LARGE_MIN_SIZE, LARGE_TEXT
from dvc_tui.core.problems import PortalError
from dvc_tui.core.guide import hint_key
from dvc_tui.core.text import Said, language, problem_text, t
from dvc_tui.markup import escape
from dvc_tui.screens.trainer_log import note_entered, note_shown
from dvc_tui.textual_compat import DropMessagesFromGone, is_going
from dvc_tui.widgets.banner import Banner
from dvc_tui.widgets.footer import PortalFooter
from dvc_tui.widgets.guide import Guide
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
    """Replace catalog keys in binding descriptions with the current language's words; again
    after a language switch (the keys are kept in the node's `_binding_keys`)."""
    keys = getattr(node, "_binding_keys", None)
    if keys is None:
        keys = {}
        setattr(node, "_binding_keys", keys)
    bindings = node._bindings.key_to_bindings
    for key, items in bindings.items():
        localized = []
        for b in items:
            original = keys.get((key, b.action))
            if original is None and b.description.startswith("key."):
                original = keys[(key, b.action)] = b.description
            localized.append(dataclasses.replace(b, description=t(original)) if original else b)
        bindings[key] = localized


MIN_SIZE = (80, 24)
"""The smallest window the screens are laid out for: the kiosks' 80x24 terminal."""


def min_size(app) -> tuple[int, int]:
    """MIN_SIZE, or in the large-text layout (F10) its smaller LARGE_MIN_SIZE."""
    return LARGE_MIN_SIZE if getattr(app, "large_text", False) else MIN_SIZE


class TooSmall(Static):
    """"Cửa sổ quá nhỏ": one line at the top of every screen while the window is smaller than
    MIN_SIZE (LARGE_MIN_SIZE in the large-text layout), hidden otherwise; the app shows it again
    on every resize (DvcApp.on_resize) and when the layout is switched (F10)."""

    def __init__(self) -> None:
        super().__init__("", id="too-small", markup=False)

    def on_mount(self) -> None:
        self.show(self.app.size)

    def show(self, size) -> None:
        least_width, least_height = min_size(self.app)
        small = size.width < least_width or size.height < least_height
        if small:
            self.update(t("window.too_small", width=size.width, height=size.height,
                          min_width=least_width, min_height=least_height))
        self.display = small


class Busy(Horizontal):
    """A loading indicator and what is being done; hidden when idle."""

    def __init__(self) -> None:
        super().__init__(id="busy")

    def compose(self) -> ComposeResult:
        yield LoadingIndicator()
        yield Static("", id="busy-text")

    def on_mount(self) -> None:
        self.display = False


class PortalScreen(DropMessagesFromGone, Screen[Any]):
    # a message from a widget already taken away is dropped: textual_compat.DropMessagesFromGone
    BINDINGS = [
        Binding("escape", "back", "key.back"),
        Binding("f4", "cancel", "key.cancel"),
    ]
    STEP: tuple[int, int] | None = None
    ZONES: dict[str, int] = {}
    """Widget id -> the leaflet's zone number ("vùng số"), for the training mode."""
    AUTO_FOCUS = ""  # given by _auto_focus, after the screen's own focus (see there)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        localize_bindings(self)
        self.busy = False
        # -- training mode, guide, language switch
        self.composed_language = language()
        self._said: dict[str, tuple[str | None, bool]] = {}  # say()'s messages, to say again
        self._hint: tuple[str, str] | None = None  # (where, hint key) of the latest mistake
        self._shown_once = False  # see _first_shown
        self._preset_classes()

    def _preset_classes(self) -> None:
        """The classes the screen would get once shown (the width's breakpoint, -training), given
        before its widgets are styled: added after, each would style the whole screen again."""
        try:
            app = self.app
            width, height = app.size
        except Exception:  # noqa: BLE001 - no running app (a screen built alone): the resize sets them
            return
        horizontal = app.HORIZONTAL_BREAKPOINTS if self.HORIZONTAL_BREAKPOINTS is None else self.HORIZONTAL_BREAKPOINTS
        vertical = app.VERTICAL_BREAKPOINTS if self.VERTICAL_BREAKPOINTS is None else self.VERTICAL_BREAKPOINTS
        for size, breakpoints in ((width, horizontal), (height, vertical)):  # as Screen._on_resize picks
            self.add_class(*self._get_breakpoint_classes(size, breakpoints or []), update=False)
        self.set_class(bool(getattr(app, "training", False)), "-training", update=False)
        self.set_class(bool(getattr(app, "large_text", False)), LARGE_TEXT, update=False)

    def compose(self) -> ComposeResult:
        yield TooSmall()
        yield Banner(self.STEP)
        with Horizontal(id="layout"):
            with VerticalScroll(id="main"):
                yield from self.compose_body()
            yield SmsInbox()
        yield Guide()
        yield PortalFooter()  # Textual's Footer, recomposed only when its keys change

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        # Textual calls on_mount of every class in the MRO (subclass first): no super() call.
        self.apply_training()
        self.app.call_later(self._auto_focus)  # after the focus the screen's on_mount asked for

    def _auto_focus(self) -> None:
        """Textual's auto focus (the first focusable widget), only where the screen gave none.

        Textual gives it before the screen's on_mount, so the scrolling body took the focus on
        every screen and lost it at once to the field or button the screen focuses: each time
        the whole body was styled again (twice a screen, a stall on a kiosk)."""
        if not self.is_attached or self.focused is not None or not self.app.AUTO_FOCUS:
            return
        for widget in self.query(self.app.AUTO_FOCUS):
            if widget.focusable:
                self.set_focus(widget)
                break

    # -- navigation: keys faster than screens ----------------------------------------------
    # A step's result is taken once, from the screen on top of the stack: a second dismiss (a
    # button's press handled after Escape dismissed the screen, a worker finishing late) is
    # dropped, never popping the next step's screen; one made while a dialog (the kiosk PIN)
    # is on top waits until the screen is on top again. And a screen is removed only once it
    # has finished mounting, so no widget's on_mount finds its children pruned under it.
    _dismissed = False
    _composing = False  # composed again in the other language (F8): see relocalize
    _waiting_result: tuple[Any] | None = None

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self._dismissed or self not in self.app.screen_stack:
            return AwaitComplete.nothing()  # a result for a screen already gone: dropped
        if not self.is_active:  # a dialog is over it: once it is on top again
            self._waiting_result = (result,)
            return AwaitComplete.nothing()
        self._dismissed = True
        self._waiting_result = None
        return super().dismiss(result)

    @on(events.ScreenResume)
    def _dismiss_waiting(self) -> None:
        if self._waiting_result is not None:
            (result,) = self._waiting_result

            def deliver() -> None:  # not `call_later(self.dismiss, …)`: it would await the
                self.dismiss(result)  # dismissal inside this screen's own handler (ScreenError)

            self.call_later(deliver)

    def remove(self) -> AwaitComplete:
        if self.is_mounted:
            return super().remove()

        async def after_mount() -> None:
            # this screen's own queue is read only after its Compose and Mount are done
            mounted = asyncio.get_running_loop().create_future()
            self.call_later(lambda: mounted.done() or mounted.set_result(None))
            await mounted
            await super(PortalScreen, self).remove()

        return AwaitComplete(after_mount())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No key's action on a screen already dismissed, or whose widgets are not there (being
        taken away, or composed again for F8): each action may assume its widgets (a key read
        in that moment ran action_new_captcha into NoMatches 'Captcha')."""
        if (self._dismissed or self._composing or not self.is_mounted or is_going(self)
                or not self.query("#layout")):
            return False
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        if not self.busy:
            self.dismiss(Nav.BACK)

    def action_cancel(self) -> None:
        if not self.busy:
            self.dismiss(Nav.CANCEL)

    @on(events.ScreenResume)
    def _trainer_step(self) -> None:
        note_entered(self)  # the trainer's log: a step of a path entered

    @on(events.ScreenResume)
    def _first_shown(self, event: events.ScreenResume) -> None:
        """Shown for the first time, just composed: every widget was styled as it was mounted
        (with the classes _preset_classes gave), so Screen's handler, which runs after this one,
        need not style the whole screen again. Later resumes do, as Textual does."""
        if not self._shown_once:
            self._shown_once = True
            event.refresh_styles = False

    # -- messages --------------------------------------------------------------------------
    def say(self, widget_id: str, message: str | None, *, error: bool = True) -> None:
        """Show (or clear) a message in a Static of this screen."""
        target = self.query_one(f"#{widget_id}", Static)
        target.update(escape(message or ""))
        target.set_class(bool(message), "-shown")  # a .message is hidden until it has words
        target.set_class(error, "error")
        target.set_class(not error, "info")
        note_shown(self, widget_id, message)  # the trainer's log: a problem's key, never its words
        self._said[widget_id] = (message, error)
        self.mistake(widget_id, message if error else None)

    # -- training mode: zone badges and the guide (F7) -------------------------------------
    def guide_key(self) -> str | None:
        """Which guide of core.guide this screen shows (screens that vary by state override)."""
        return self.id

    def apply_training(self) -> None:
        """Zone classes always; in training mode the "vùng N" badges and the guide panel."""
        on = bool(getattr(self.app, "training", False))
        self.set_class(on, "-training")
        for widget_id, zone in self.ZONES.items():
            for widget in self.query(f"#{widget_id}"):
                # the zones' styles are all under .-training: off, the classes change no style
                widget.add_class("zone", f"zone-{zone}", update=on)
                widget.border_title = t("training.zone", n=zone) if on else None
        self.update_guide()

    # -- the large-text layout (F10) -------------------------------------------------------
    def apply_large_text(self) -> None:
        """The layout the app is in: the class screens.tcss keys it on, the "too small" limit
        and the footer's rows."""
        app = self.app
        self.set_class(bool(getattr(app, "large_text", False)), LARGE_TEXT)
        for notice in self.query(TooSmall):
            notice.show(app.size)
        for footer in self.query(PortalFooter):
            footer.apply_layout()

    def update_guide(self) -> None:
        for guide in self.query(Guide):
            guide.show(self.guide_key(), self.STEP, self._hint[1] if self._hint else None)

    def mistake(self, where: str, message: str | None) -> None:
        """A field error or a refusal shown (or cleared) at `where`: the guide names its rule."""
        key = None
        if isinstance(message, Said):
            key = hint_key(message.problem.key if message.problem is not None else message.key)
        if key is not None:
            self._hint = (where, key)
        elif self._hint is not None and self._hint[0] == where:
            self._hint = None
        else:
            return
        if self.is_mounted:
            self.update_guide()

    # -- the language, switched at run time (F8) -------------------------------------------
    def on_screen_resume(self) -> None:
        self.app.call_later(self._auto_focus)
        if self.has_class(LARGE_TEXT) != bool(getattr(self.app, "large_text", False)):
            self.apply_large_text()  # switched while this screen was not in the stack
        if self.composed_language != language():
            self.call_later(self.relocalize)
        else:
            self.apply_training()

    def relocalized(self) -> None:
        """Called after the screen is composed again in the other language (what the
        screen computes from its fields, e.g. a checklist, is computed again here)."""

    async def relocalize(self) -> None:
        """Compose the screen again in the current language, keeping everything typed, ticked,
        chosen, shown and focused, and the scroll."""
        if self.composed_language == language() or not self.is_attached:
            return
        self.composed_language = language()
        localize_bindings(self)
        state = _screen_state(self)
        self._composing = True  # no key's action until the new widgets are all there
        try:
            await self.recompose()
            _restore_state(self, state)
            self.apply_training()
            self.relocalized()
        finally:
            self._composing = False
        self.refresh_bindings()

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
                app.call_from_thread(finish, None, _said_in_place(exc))
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


def _said_in_place(exc: Exception) -> PortalError:
    """A failure of the environment (a full disk, a data dir that cannot be written, a corrupt
    or busy database: store/errors.py) in the user's words; anything else (a bug) by its name."""
    from dvc_tui.store.errors import storage_problem

    found = storage_problem(exc)
    if found is None:
        return PortalError("error.unexpected", detail=type(exc).__name__)
    return PortalError(found.key, **found.params)


def problem(error: PortalError) -> str:
    return problem_text(error.problem)


def _screen_state(screen: PortalScreen) -> dict[str, Any]:
    """What a user typed, ticked, chose and sees on `screen`, by widget id."""
    from textual.widgets import ContentSwitcher, Input, Tabs
    from textual.widgets._toggle_button import ToggleButton

    from dvc_tui.widgets.captcha import Captcha
    from dvc_tui.widgets.field import FormField

    focused = screen.focused
    return {
        "inputs": {w.id: (w.value, w.cursor_position) for w in screen.query(Input) if w.id},
        "toggles": {w.id: w.value for w in screen.query(ToggleButton) if w.id},
        "tabs": {w.id: w.active for w in screen.query(Tabs) if w.id and w.active},
        "switchers": {w.id: w.current for w in screen.query(ContentSwitcher) if w.id and w.current},
        "scroll": {w.id: (w.scroll_x, w.scroll_y) for w in screen.query("*") if w.id and (w.scroll_x or w.scroll_y)},
        "fields": {f.id: (getattr(f, "error_said", None), getattr(f, "hint_said", None)) for f in screen.query(FormField)},
        "captcha": [c.code for c in screen.query(Captcha)],
        "said": dict(screen._said),
        "focus": focused.id if focused is not None else None,
    }


def _restore_state(screen: PortalScreen, state: dict[str, Any]) -> None:
    from textual.widgets import ContentSwitcher, Input, Tabs
    from textual.widgets._toggle_button import ToggleButton

    from dvc_tui.core.text import said_again
    from dvc_tui.widgets.captcha import Captcha
    from dvc_tui.widgets.field import FormField

    def each(kind, widget_id):
        return [w for w in screen.query(f"#{widget_id}") if isinstance(w, kind)]

    for widget_id, (value, cursor) in state["inputs"].items():
        for widget in each(Input, widget_id):
            with widget.prevent(Input.Changed):  # the same text: no handler runs again
                widget.value = value
            widget.cursor_position = cursor
    for widget_id, value in state["toggles"].items():
        for widget in each(ToggleButton, widget_id):
            with widget.prevent(ToggleButton.Changed):
                widget.value = value
    for widget_id, active in state["tabs"].items():
        for widget in each(Tabs, widget_id):
            widget.active = active
    for widget_id, current in state["switchers"].items():
        for widget in each(ContentSwitcher, widget_id):
            widget.current = current
    for captcha, code in zip(screen.query(Captcha), state["captcha"]):
        captcha.code = code
        captcha.query_one("#captcha-code", Static).update(code)
    for field_id, (error, hint) in state["fields"].items():
        for field in each(FormField, field_id):
            field.show_error(said_again(error))
            field.show_hint(said_again(hint))
    for widget_id, (message, error) in state["said"].items():
        if screen.query(f"#{widget_id}"):
            screen.say(widget_id, said_again(message), error=error)
    if state["focus"] and screen.query(f"#{state['focus']}"):
        widget = screen.query_one(f"#{state['focus']}")
        if widget.focusable:
            widget.focus(scroll_visible=False)

    def scroll() -> None:
        for widget_id, (x, y) in state["scroll"].items():
            for widget in screen.query(f"#{widget_id}"):
                widget.scroll_to(x, y, animate=False, immediate=True)

    screen.call_after_refresh(scroll)
