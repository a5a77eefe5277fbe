"""Inputs that keep Vietnamese typed through an input method, and password inputs that never copy.

Vietnamese input methods (Unikey, ibus-bamboo, ...) correct a word by sending a burst of
backspaces followed by the new text ("Nguye" + "\\x7f" + "ê"). Textual's Input runs backspace as
a key binding, which the App only reaches after the event has bubbled back up; by then the
characters that followed it in the same burst are already in the field, so the burst is applied
out of order and letters are lost (Textual issue #6605). The same holds for every editing key
(ctrl+u, ctrl+w, delete, home, ...). `VietInput` runs its own bindings in the key handler itself,
in arrival order, so the field ends with exactly what the input method (or a fast typist) meant.

A field keeps every character typed or pasted, so the field's check can name the one it refuses
("ký tự không hợp lệ: U+001B"); but it SHOWS each control, format or line-separator character
(ESC, NUL, DEL, the C1 codes, U+202E, U+200B, U+2028, ...) as one visible symbol (`shown`): a
pasted escape sequence never reaches the terminal as a command, a right-to-left override never
turns the line around, and a zero-width character is not hidden from the person who must remove it.
"""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.message import Message
from textual.widgets import Input

from dvc_tui.core.text import t
from dvc_tui.textual_compat import PASTE_LIMIT

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
"""C0 controls and DEL as their Control Pictures (ESC as ␛, NUL as ␀, DEL as ␡)."""
_REPLACEMENT = "\ufffd"


def shown(text: str) -> str:
    """`text` as a field shows it: the same number of characters, each control, format, private,
    unassigned, surrogate or line/paragraph separator character replaced by a visible one."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or unicodedata.category(ch) == "Zs" else _PICTURES.get(ord(ch), _REPLACEMENT)
        for ch in text
    )


class VietInput(Input):
    # What the field shows: Input's `_value` (the rendered text), `_position_to_cell` (the
    # cursor) and `_cell_offset_to_index` (a mouse press) measured on `shown(value)` (Textual 8).
    _shown_cache: tuple[str, str] = ("", "")

    def _shown_value(self) -> str:
        value = self.value
        if self._shown_cache[0] is not value:
            self._shown_cache = (value, shown(value))
        return self._shown_cache[1]

    @property
    def _value(self) -> Text:
        """Value rendered as text: what `shown` makes of it (a password's bullets as they are)."""
        if self.password:
            return super()._value
        text = Text(self._shown_value(), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text

    def _position_to_cell(self, position: int) -> int:
        if self.password:  # one bullet a character, whatever its width
            return position
        return cell_len(self._shown_value()[:position])

    def _cell_offset_to_index(self, offset: int) -> int:
        """The character under a cell (a mouse press), measured on what the field shows."""
        cell = 0
        offset += self.scroll_offset[0]
        text = "\u2022" * len(self.value) if self.password else self._shown_value()
        for index, char in enumerate(text):
            width = get_character_cell_size(char)
            if cell <= offset < cell + width:
                return index
            cell += width
        return max(0, min(offset, len(text)))

    class PasteRefused(Message):
        """A paste longer than the field takes was refused whole: its FormField says so under it."""

        def __init__(self, field: "VietInput", limit: int) -> None:
            super().__init__()
            self.field = field
            self.limit = limit

    def paste_limit(self) -> int:
        """The longest paste this field takes: its max length, else `PASTE_LIMIT`."""
        return min(self.max_length or PASTE_LIMIT, PASTE_LIMIT)

    def _on_paste(self, event: events.Paste) -> None:
        # Refused whole, before Input splits it into lines: the terminal parser
        # (textual_compat.SafePasteParser) never keeps more than PASTE_LIMIT + 1 characters of
        # a paste, and a posted Paste of any length costs no more than this length check.
        limit = self.paste_limit()
        first_line = event.text.splitlines()[0] if event.text else ""  # what Input would insert
        if len(first_line) > limit:
            event.stop()
            event.prevent_default()  # Input's _on_paste does not run
            self.app.bell()
            if self.parent is not None and self.parent.has_class("field"):
                self.post_message(self.PasteRefused(self, limit))  # said under the field
            else:  # a PIN's field on a dialog or a card: said in a notice
                self.app.notify(t("paste.too_long", limit=limit), severity="warning", timeout=8)
        # else Input's own _on_paste runs next (Textual calls each class's handler in turn)

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
    """A masked input (passwords, PINs) whose text never reaches the clipboard.

    Copy and cut (ctrl+c / super+c, ctrl+x, or the actions called directly) leave the clipboard
    and the field as they were and say why; the screen's own text selection gets nothing from
    it either (`get_selection`).
    """

    def __init__(self, *args, **kwargs) -> None:
        kwargs["password"] = True
        super().__init__(*args, **kwargs)

    def action_copy(self) -> None:
        self._refuse_copy()

    def action_cut(self) -> None:
        self._refuse_copy()  # and the text stays: a refused cut loses nothing typed

    def get_selection(self, selection):
        return None

    def _refuse_copy(self) -> None:
        if not self.value:
            raise SkipAction()  # nothing to refuse: ctrl+c keeps its meaning elsewhere
        self.app.bell()
        self.app.notify(t("secret.no_copy"), severity="warning", timeout=5)
