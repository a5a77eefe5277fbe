"""A QR code drawn in the terminal: two modules per character cell, with half blocks.

Each character cell shows two modules stacked vertically: "█" both dark, "▀" the top one, "▄"
the bottom one, " " neither; dark modules in black on a white background, whatever the terminal's
colours, so a phone's camera sees the dark-on-light code it expects. A quiet zone of light
modules surrounds the code (2 modules by default: the standard asks for 4, phone readers need
far less, and the terminal's width is scarce).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

QUIET_ZONE = 2
DARK_ON_LIGHT = "#000000 on #ffffff"
_CELLS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def qr_matrix(data: str, quiet_zone: int = QUIET_ZONE) -> list[list[bool]]:
    """The modules of `data`'s QR code (True = dark), with the quiet zone around them."""
    import segno

    code = segno.make_qr(data, error="L")
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=quiet_zone)]


def half_block_lines(matrix: list[list[bool]]) -> list[str]:
    """Two rows of modules per line of text; an odd last row is paired with a light one."""
    rows = list(matrix)
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return [
        "".join(_CELLS[top, bottom] for top, bottom in zip(rows[i], rows[i + 1]))
        for i in range(0, len(rows), 2)
    ]


class QrCode(Static):
    """Shows a QR code of `data` (nothing while `data` is empty)."""

    DEFAULT_CSS = """
    QrCode {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, data: str = "", *, quiet_zone: int = QUIET_ZONE, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes)
        self.quiet_zone = quiet_zone
        self.data = ""
        if data:
            self.show(data)

    def show(self, data: str) -> None:
        self.data = data
        if not data:
            self.update("")
            return
        lines = half_block_lines(qr_matrix(data, self.quiet_zone))
        self.update(Text("\n".join(lines), style=DARK_ON_LIGHT, no_wrap=True, overflow="crop"))
