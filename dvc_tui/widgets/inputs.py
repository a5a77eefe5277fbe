"""Inputs that keep Vietnamese typed through an input method, and password inputs that never copy.

Vietnamese input methods (Unikey, ibus-bamboo, ...) correct a word by sending a burst of
backspaces followed by the new text ("Nguye" + "\\x7f" + "ê"). Textual's Input runs backspace as
a key binding, which the App only reaches after the event has bubbled back up; by then the
characters that followed it in the same burst are already in the field, so the burst is applied
out of order and letters are lost (Textual issue #6605). The same holds for every editing key
(ctrl+u, ctrl+w, delete, home, ...). `VietInput` runs its own bindings in the key handler itself,
in arrival order, so the field ends with exactly what the input method (or a fast typist) meant.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class VietInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if self.check_action(binding.action, ()) is False:
                    continue
                event.stop()
                event.prevent_default()
                await self.run_action(binding.action)
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
