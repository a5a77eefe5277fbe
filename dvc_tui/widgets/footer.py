"""The key bar at the bottom of every screen: Textual's Footer, composed again only when what
it shows changes.

Textual's Footer throws away and mounts all its keys again on every change of the focus (each
field entered, each button tabbed to), though the keys it shows are nearly always the same; on
a kiosk that is a visible stall per field. This one compares what it would show with what it
shows and recomposes only on a difference: another key, another description (F8), a key
enabled or disabled. It looks and clicks exactly as Textual's.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class PortalFooter(Footer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None

    def _showing(self) -> tuple:
        """Everything Footer.compose reads, in the order it reads it."""
        app = self.app
        active = self.screen.active_bindings
        keys = tuple(
            (binding.key, app.get_key_display(binding), binding.description, binding.action, binding.group,
             enabled, tooltip)
            for (_, binding, enabled, tooltip) in active.values()
            if binding.show
        )
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _, binding, enabled, tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = (binding.key, app.get_key_display(binding), binding.description, binding.action, enabled,
                       tooltip, binding.tooltip)
        return keys, palette

    def compose(self):
        if self._bindings_ready:
            self._shown = self._showing()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # A FooterKey starts compact; Footer binds each key but the palette's to its own
                # `compact`, and the key's watcher sets the class: given here, before the key is
                # mounted, the watcher and the binding change nothing and the key is styled once.
                compact = True if widget.has_class("-command-palette") else self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if self.is_attached and self._showing() != self._shown:
            await self.recompose()
