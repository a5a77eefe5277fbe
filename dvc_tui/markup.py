"""`escape(text)`: a value put into a screen's markup as plain text (issue 14, finding 11).

Every screen and widget that builds markup (`f"[b]{escape(header)}[/]\\n{escape(body)}"`) takes
its `escape` from here, not from rich.markup: besides escaping `[` (so `[/]` in a name is text,
not a closing tag that raises MarkupError, and `[red]` is not rendered), it makes each control
or format character visible (core/visible.py, line by line: a sentence's own line breaks stay),
because Textual strips only BEL, BS, VT, FF and CR and would write an ESC from the store (an SMS
body, a certificate's holder, a name) to the terminal as it is. `tests/test_markup_escape.py`
checks that no module of the product uses rich.markup's escape directly.
"""

from __future__ import annotations

from rich.markup import escape as _escape_markup

from dvc_tui.core.visible import visible


def escape(text: str) -> str:
    """`text` as markup showing exactly it: `[` escaped, control characters made visible."""
    if not text.isprintable():
        text = "\n".join(visible(line) for line in text.split("\n"))
    return _escape_markup(text)
