"""The command palette (Ctrl+P), in the user's language: every action of the screen it was
opened on, by the name the user sees.

One provider (PortalCommands, the App's only one) offers, in this order:

1. the screen's own keys that have a description (Quay lại, Hủy, Mã mới, Thông tin ...), the
   key given as the help line;
2. the screen's buttons that can be pressed now (enabled and shown), by their label; choosing
   one presses it; then the tabs not chosen yet (the login's USB ký số, SIM ký số);
3. the app's commands (`app_commands`, also what `DvcApp.get_system_commands` yields): high
   contrast, large text, training mode, the language, the SMS pane, quit.

A name matches what is typed with or without its Vietnamese marks ("dang ky" finds "Đăng ký").
PortalPalette is Textual's CommandPalette with its prompt and its "no match" line translated.
Kiosk mode opens no palette at all (DvcApp.action_command_palette, kiosk_mode.py).
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Callable, Iterator

from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.widgets import Button, Tab, Tabs
from textual.widgets.option_list import Option

from dvc_tui.core.text import t

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

APP_ACTIONS = frozenset({
    "quit", "toggle_training", "toggle_language", "toggle_high_contrast", "toggle_large_text",
    "command_palette", "focus_next", "focus_previous", "leave_kiosk",
})
"""The app's actions: offered once, as app commands, not again as the screen's keys."""

KEY_NAMES = {"escape": "Esc", "ctrl": "Ctrl", "shift": "Shift", "enter": "Enter", "tab": "Tab"}


def key_text(key: str) -> str:
    """A binding's key as it is written on a keyboard: "ctrl+q" -> "Ctrl+Q", "f9" -> "F9"."""
    first = key.split(",")[0].strip()
    return "+".join(KEY_NAMES.get(part, part.upper() if len(part) <= 3 else part.capitalize())
                    for part in first.split("+"))


def fold(text: str) -> str:
    """The text without its Vietnamese marks, one character for one ("Đăng ký" -> "Dang ky"), so
    the positions of a match in it are the positions in the text."""
    plain = []
    for char in text:
        if char in "Đđ":
            plain.append("D" if char == "Đ" else "d")
            continue
        base = unicodedata.normalize("NFD", char)[0]
        plain.append(base if base.isascii() else char)
    return "".join(plain)


def _key_of(app: App, action: str) -> str | None:
    for key, binding in app._bindings:
        if binding.action == action:
            return key
    return None


def _help(app: App, action: str) -> str | None:
    key = _key_of(app, action)
    return t("palette.key", shortcut=key_text(key)) if key else None


def _focus_sms(screen: Screen) -> None:
    for pane in screen.query("#sms-inbox"):
        pane.focus()


def _shown(widget) -> bool:
    """Displayed, and every container above it too (a hidden tab's buttons are not offered)."""
    from textual.screen import Screen
    from textual.widget import Widget

    node = widget
    while isinstance(node, Widget) and not isinstance(node, Screen):
        if not node.display or not node.visible:
            return False
        node = node.parent
    return True


def app_commands(app: App, screen: Screen) -> Iterator[SystemCommand]:
    """The app's own commands, named for what they will do now, in the current language."""
    high = bool(getattr(app, "high_contrast", False))
    large = bool(getattr(app, "large_text", False))
    training = bool(getattr(app, "training", False))
    yield SystemCommand(t("palette.contrast.off" if high else "palette.contrast.on"),
                        _help(app, "toggle_high_contrast"), app.action_toggle_high_contrast)
    yield SystemCommand(t("palette.large.off" if large else "palette.large.on"),
                        _help(app, "toggle_large_text"), app.action_toggle_large_text)
    yield SystemCommand(t("palette.training.off" if training else "palette.training.on"),
                        _help(app, "toggle_training"), app.action_toggle_training)
    yield SystemCommand(t("palette.lang"), _help(app, "toggle_language"), app.action_toggle_language)
    if any(_shown(pane) for pane in screen.query("#sms-inbox")):
        yield SystemCommand(t("palette.sms"), None, lambda: _focus_sms(screen))
    yield SystemCommand(t("key.quit"), _help(app, "quit"), app.action_quit)


def screen_commands(screen: Screen) -> Iterator[tuple[str, Callable[[], object], str | None]]:
    """The screen's keys with a description, then its buttons that can be pressed now and its
    tabs not chosen yet."""
    app = screen.app
    ours = getattr(screen, "_binding_keys", {})  # the keys whose words are in our catalogs
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if active.node is not screen or (key, binding.action) not in ours or not active.enabled:
            continue  # Textual's own keys (in English), the focused widget's, the app's (below)
        if binding.action in APP_ACTIONS:
            continue
        name = binding.description
        if name.casefold() in seen:
            continue
        seen.add(name.casefold())
        action, node = binding.action, active.node
        yield name, (lambda action=action, node=node: app.run_action(action, node)), t(
            "palette.key", shortcut=key_text(key))
    for button in screen.query(Button):
        name = button.label.plain.strip() if hasattr(button.label, "plain") else str(button.label).strip()
        if not name or button.disabled or not _shown(button) or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        yield name, button.press, t("palette.button")
    for tabs in screen.query(Tabs):  # the login's ways in: CMT/CCCD, USB ký số, SIM ký số
        if not _shown(tabs):
            continue
        for tab in tabs.query(Tab):
            name = tab.label.plain.strip()
            if not name or tab.disabled or tab.id == tabs.active or name.casefold() in seen:
                continue
            seen.add(name.casefold())
            yield name, (lambda tabs=tabs, tab_id=tab.id: setattr(tabs, "active", tab_id)), t("palette.tab")


class PortalCommands(Provider):
    """The screen's keys and buttons and the app's commands (see the module's docstring)."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str | None]]:
        screen = self.screen
        commands = list(screen_commands(screen))
        names = {name.casefold() for name, _, _ in commands}
        for command in self.app.get_system_commands(screen):
            if command.title.casefold() not in names:
                commands.append((command.title, command.callback, command.help))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(fold(query))
        for name, callback, help_text in self._commands():
            plain = fold(name)
            score, offsets = matcher.fuzzy_search.match(matcher.query, plain)
            if score <= 0:
                continue
            shown = Content(name)
            for offset in offsets:
                if not name[offset].isspace():
                    shown = shown.stylize(matcher.match_style, offset, offset + 1)
            yield Hit(score, shown, callback, text=name, help=help_text)


class PortalPalette(CommandPalette):
    """Textual's palette with its words in the user's language."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("placeholder", t("palette.placeholder"))
        super().__init__(**kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's, with the "no match" line translated."""
        self._stop_no_matches_countdown()

        def no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Content(t("palette.no_match")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, no_matches)

