"""The key bar at the bottom of every screen: Textual's Footer, composed again only when what
it shows changes.

Textual's Footer throws away and mounts all its keys again on every change of the focus (each
field entered, each button tabbed to), though the keys it shows are nearly always the same; on
a kiosk that is a visible stall per field. This one compares what it would show with what it
shows and recomposes only on a difference: another key, another description (F8), a key
enabled or disabled. It looks and clicks exactly as Textual's.

In the large-text layout (F10, screens.tcss `.-large-text PortalFooter`) the keys are laid out
in a grid, as many columns as the widest key allows, on as many rows as they need: none is cut
off at 60 columns (two rows on most screens).
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from dvc_tui.appearance import LARGE_TEXT


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
        self.compact = self._large()  # "f4 Hủy": no padding round the key in the large-text layout
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # A FooterKey starts compact; Footer binds each key but the palette's to its own
                # `compact`, and the key's watcher sets the class: given here, before the key is
                # mounted, the watcher and the binding change nothing and the key is styled once.
                compact = True if widget.has_class("-command-palette") else self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget
        self.apply_layout()  # after Footer.compose, which sets one grid column per key

    def apply_layout(self) -> None:
        """The columns of the footer's grid in the large-text layout (unused in the normal one,
        where the footer is one horizontal row): as many as the widest key allows."""
        large = self._large()
        self.compact = large
        if not large:
            return
        keys, palette = self._showing() if self._bindings_ready else ((), None)
        shown = [(display, description) for (_, display, description, *_) in keys]
        if palette is not None:
            shown.append((palette[1], palette[2]))
        if not shown:
            return
        # compact: the key, a space, the description; one cell between keys
        widest = max(cell_len(display) + 1 + cell_len(description) for display, description in shown) + 1
        self.styles.grid_size_columns = max(1, min(len(shown), self.app.size.width // widest))

    def _large(self) -> bool:
        return self.screen.has_class(LARGE_TEXT)

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if self.is_attached and self._showing() != self._shown:
            await self.recompose()
