"""Text from data (a user, the store, a path, a certificate, an argument) made safe to show.

`visible(text)` keeps every printable character and every space and replaces each one that a
terminal would act on instead of showing: C0 controls and DEL as their Control Pictures (ESC as
␛, NUL as ␀, BEL as ␇, LF as ␊), and C1 controls, format characters (right-to-left overrides,
zero-width ...), private-use, unassigned and surrogate code points, line and paragraph
separators as U+FFFD; one character for one, so lengths and positions are kept. The same rule
as a field's display (`widgets.inputs.shown`). `t()` (core/text.py) applies it to the values it
formats into a sentence, so an escape sequence in a path or an argument never reaches a terminal.
"""

from __future__ import annotations

import unicodedata

PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
"""C0 controls and DEL as their Control Pictures (ESC as ␛, NUL as ␀, DEL as ␡)."""
REPLACEMENT = "\ufffd"


def visible(text: str) -> str:
    """`text` with each character a terminal would act on replaced by a visible one."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or unicodedata.category(ch) == "Zs" else PICTURES.get(ord(ch), REPLACEMENT)
        for ch in text
    )
