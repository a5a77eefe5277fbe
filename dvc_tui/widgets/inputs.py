"""Inputs that keep Vietnamese typed through an input method, and password inputs that never copy.

Vietnamese input methods (Unikey, ibus-bamboo, ...) correct a word by sending a burst of
backspaces followed by the new text ("Nguye" + "\\x7f" + "ê"). Textual's Input runs backspace as
a key binding, later than the characters that follow it in the same burst, so the burst's text
is edited out of order and letters are lost (Textual issue #6605). `VietInput` applies backspace
in the key handler itself, in arrival order, so the field ends with exactly what the input method
meant.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class VietInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        if event.key == "backspace":
            event.stop()
            event.prevent_default()
            self.action_delete_left()
            return
        await super()._on_key(event)


class PasswordInput(VietInput):
    """A masked input whose text never reaches the clipboard (copy and cut do nothing)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["password"] = True
        super().__init__(*args, **kwargs)

    def action_copy(self) -> None:
        self.app.bell()

    def action_cut(self) -> None:
        self.app.bell()
