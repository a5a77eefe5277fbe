"""Kiosk mode (`dvc-tui --kiosk`): the app at a training counter, left to the public.

Mixed into DvcApp (`class DvcApp(KioskControls, App)`), so its overrides come before App's:

- every key, click, scroll or move of the mouse touches an IdleWatch (core.kiosk) on the
  injected clock; a 1 s timer checks it. In the last 30 s a countdown bar (`#kiosk-countdown`)
  sits on top of the screen; any key or mouse event removes it. At 0 the session is wiped:
  the wizard's worker (group "flow") cancelled - its draft with it -, every screen popped back
  to the home page (a logged-in profile too), the SMS pane and the phone's signing requests
  emptied, the notifications cleared, the clipboard emptied (the app's and, by an empty OSC 52,
  the terminal's); the language, training mode, high contrast (F9) and large
  text (F10) back to the kiosk's own. Nothing is deleted from the store.
- Ctrl+Q asks for the trainer PIN (screens/kiosk_pin.py) and quits only on the right one;
  Ctrl+K with the PIN leaves kiosk mode. Copy and cut (Ctrl+C, Ctrl+X; `copy_to_clipboard`) and the
  command palette (Ctrl+P) do nothing
  (DvcApp.action_command_palette checks `kiosk_on` too). F9 and F10 (high contrast, large text)
  work: they are for the visitor's eyes, not the trainer's settings.
- A kiosk starts with an empty SMS pane (the messages of earlier sessions stay in the store).

Without --kiosk none of this is active: every method falls through to App's.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Static

from dvc_tui.core.kiosk import IdleState, IdleWatch
from dvc_tui.core.text import t

LEAVE_KEY = "ctrl+k"
COPY_KEYS = frozenset({"ctrl+c", "super+c", "ctrl+x", "super+x"})
"""Copy and cut (a field's, the screen's selection): swallowed in kiosk mode."""


class KioskCountdown(Static):
    """The bar that says the session is about to be cleared."""

    DEFAULT_CSS = """
    KioskCountdown {
        dock: top;
        width: 100%;
        height: auto;
        padding: 0 1;
        background: $error;
        color: $text;
        text-style: bold;
        text-align: center;
    }
    """


class KioskControls:
    """Kiosk mode for DvcApp; `setup_kiosk()` in __init__, `start_kiosk()` in on_mount."""

    idle_watch: IdleWatch | None = None

    @property
    def kiosk_on(self) -> bool:
        return self.idle_watch is not None

    def setup_kiosk(self) -> None:
        config = self.services.config
        if not config.kiosk:
            return
        self.idle_watch = IdleWatch(self.services.clock, config.idle_seconds)
        self.use_command_palette = False
        bindings = self._bindings
        self._palette_bindings = bindings.key_to_bindings.pop(self.COMMAND_PALETTE_BINDING, None)
        bindings._add_binding(Binding(LEAVE_KEY, "leave_kiosk", show=False, priority=True))

    def start_kiosk(self) -> None:
        if self.kiosk_on:
            self._kiosk_timer = self.set_interval(1, self.kiosk_tick, name="kiosk-idle")

    # -- someone is there ------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        if self.idle_watch is not None and isinstance(event, (events.InputEvent, events.Paste)):
            self.kiosk_touch()
            if isinstance(event, events.Key) and event.key in COPY_KEYS:
                return  # copy and cut do nothing at a kiosk (a field's text stays, nothing is copied)
        await super().on_event(event)

    def copy_to_clipboard(self, text: str) -> None:
        """App's, but at a kiosk nothing is ever copied: one visitor's text never reaches the
        next (Ctrl+V pastes the app's clipboard). Clearing it (the wipe) still goes through."""
        if self.kiosk_on and text:
            return
        super().copy_to_clipboard(text)

    def kiosk_touch(self) -> None:
        self.idle_watch.touch()
        self._hide_countdown()

    # -- the idle check, once a second -----------------------------------------------------
    def kiosk_tick(self) -> None:
        watch = self.idle_watch
        if watch is None:
            return
        if not self._has_session():  # nothing to clear: no countdown on an untouched home page
            watch.touch()
            self._hide_countdown()
            return
        state = watch.state()
        if state is IdleState.EXPIRED:
            self.kiosk_wipe()
        elif state is IdleState.WARNING:
            self._show_countdown(watch.seconds_left())
        else:
            self._hide_countdown()

    def _has_session(self) -> bool:
        return (
            self.screen.id != "home"
            or len(self.screen_stack) > 2
            or bool(getattr(self, "recent_sms", None))
            or bool(getattr(self, "recent_sim", None))
            or any(w.group == "flow" and not w.is_finished for w in self.workers)
        )

    def _show_countdown(self, seconds: int) -> None:
        text = t("kiosk.countdown", seconds=seconds)
        found = self.screen.query("#kiosk-countdown")
        if found:
            found.first().update(text)
        else:
            self.screen.mount(KioskCountdown(text, id="kiosk-countdown"))

    def _hide_countdown(self) -> None:
        for screen in self.screen_stack:
            screen.query("#kiosk-countdown").remove()

    def kiosk_wipe(self) -> None:
        """Clear the session: the wizard and its draft, every screen but home, the SMS pane."""
        self.workers.cancel_group(self, "flow")
        while len(self.screen_stack) > 1 and self.screen.id != "home":
            self.pop_screen()
        if self.screen.id != "home":
            from dvc_tui.screens.home import HomeScreen

            self.push_screen(HomeScreen())
        if hasattr(self, "recent_sms"):
            self.recent_sms.clear()
            self.sms_signal.publish(None)  # each SMS pane empties itself
        if hasattr(self, "recent_sim"):
            self.recent_sim.clear()
        # The clipboard: the app's own (Ctrl+V) and the terminal's, set by OSC 52 (an empty one).
        self.copy_to_clipboard("")
        for screen in self.screen_stack:
            screen.query(".sim-request").remove()
        # The next person finds the kiosk as it was set up: its language and training mode.
        from dvc_tui.core.text import language

        if language() != self.services.config.language and hasattr(self, "action_toggle_language"):
            self.action_toggle_language()
        if getattr(self, "training", None) != getattr(self, "start_training", None):
            self.action_toggle_training()
        # ... and its look: high contrast (F9) and large text (F10) as configured, not as the
        # last visitor left them (they are the visitor's, like the language).
        if hasattr(self, "set_high_contrast") and self.high_contrast != self.start_high_contrast:
            self.set_high_contrast(self.start_high_contrast)
        if hasattr(self, "set_large_text") and self.large_text != self.start_large_text:
            self.set_large_text(self.start_large_text)
        self.clear_notifications()
        home = self.screen
        for message in home.query("#home-message"):
            message.update("")
            message.remove_class("-shown")
        for button in home.query("#register"):
            button.focus()
        self.idle_watch.touch()
        self._hide_countdown()

    # -- the ways out ----------------------------------------------------------------------
    pin_quit = False
    """Quit by the trainer (with the PIN, or after leaving kiosk mode with it): the CLI then ends;
    after any other end of a kiosk's app (an unexpected error) it starts it again (cli._run_app)."""

    async def action_quit(self) -> None:
        if self.kiosk_on:
            self._ask_pin("quit", self._quit_with_pin)
        else:
            self.pin_quit = True  # kiosk mode was left with the PIN (or never on)
            await super().action_quit()

    def _quit_with_pin(self, ok: bool) -> None:
        if ok:
            self.pin_quit = True
            self.exit()

    def action_leave_kiosk(self) -> None:
        if self.kiosk_on:
            self._ask_pin("leave", self._left_kiosk)

    def action_help_quit(self) -> None:
        """Ctrl+C outside a field: Textual's "press ctrl+q to quit" hint, in the user's
        language (Textual's own is English); nothing in kiosk mode."""
        if not self.kiosk_on:
            self.notify(t("quit.hint"), title=t("quit.hint.title"))

    def action_command_palette(self) -> None:
        if not self.kiosk_on:
            super().action_command_palette()

    def _ask_pin(self, purpose: str, then) -> None:
        from dvc_tui.screens.kiosk_pin import KioskPinScreen

        # One PIN dialog at a time: one on the stack, or one closed but not yet taken away (its
        # id is still registered: a second one then raised DuplicateIds, Ctrl+Q Esc Ctrl+Q fast).
        shown = getattr(self, "_pin_dialog", None)
        if shown is not None and (shown in self.screen_stack or shown.is_attached):
            return
        self._pin_dialog = KioskPinScreen(purpose, self.services)
        self.push_screen(self._pin_dialog, then)

    def _left_kiosk(self, ok: bool | None) -> None:
        if not ok:
            return
        self.idle_watch = None
        self._hide_countdown()
        timer = getattr(self, "_kiosk_timer", None)
        if timer is not None:
            timer.stop()
        self.use_command_palette = self.ENABLE_COMMAND_PALETTE
        if self._palette_bindings:
            self._bindings.key_to_bindings[self.COMMAND_PALETTE_BINDING] = self._palette_bindings
        self.notify(t("kiosk.left"))
