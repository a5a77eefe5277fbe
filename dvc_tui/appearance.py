"""How the app looks, for people who see less well: a high-contrast theme (F9) and a large-text
layout (F10), both switched at run time and given at start by `Config.theme` / `Config.large_text`.

- High contrast is a Textual theme (HIGH_CONTRAST): black background, white text, bright yellow
  for titles and the focus, colours readable on black for errors, hints and warnings, no muted
  text. Setting it gives the App the class `-theme-dvc-high-contrast` (Textual's own class per
  theme); screens.tcss keys the few rules a theme's colours cannot express (button outlines, a
  thick focus frame, no faded tabs or disabled text) on that class.
- Large text is a class (LARGE_TEXT) on every portal screen: a terminal cannot draw bigger
  glyphs, so people who need large text raise the terminal's (or browser's) font size and get a
  window of fewer cells. With the class, every screen is one column (the SMS pane below the body,
  its height capped), with more space between fields, bold labels and a footer on several rows,
  usable from LARGE_MIN_SIZE (60x20, what 80x24 becomes at about 1.3x the font).
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = "dvc-high-contrast"
"""The theme's name; the App carries the class `-theme-dvc-high-contrast` while it is on."""
HIGH_CONTRAST_CLASS = f"-theme-{HIGH_CONTRAST}"
LARGE_TEXT = "-large-text"
"""The class the portal screens carry in the large-text layout."""
LARGE_MIN_SIZE = (60, 20)
"""The smallest window the large-text layout is made for."""

# Every colour below is at least 7:1 against black (WCAG AAA for text), red included.
BLACK = "#000000"
WHITE = "#ffffff"
YELLOW = "#ffff00"
CYAN = "#00ffff"
GREEN = "#00ff00"
ORANGE = "#ffaf00"
RED = "#ff6666"
LIGHT_GREY = "#c0c0c0"  # a placeholder's example text, apart from what was typed (12.6:1)

HIGH_CONTRAST_THEME = Theme(
    name=HIGH_CONTRAST,
    primary=YELLOW,
    secondary=CYAN,
    accent=CYAN,
    warning=ORANGE,
    error=RED,
    success=GREEN,
    foreground=WHITE,
    background=BLACK,
    surface=BLACK,
    panel=BLACK,
    dark=True,
    variables={
        # text: full strength ("auto" is black on a bright fill, white on black), never muted
        "text": "auto 100%",
        "text-muted": "auto 100%",
        "text-disabled": LIGHT_GREY,
        "foreground-muted": WHITE,
        "foreground-disabled": LIGHT_GREY,
        "text-primary": YELLOW,
        "text-secondary": CYAN,
        "text-accent": CYAN,
        "text-warning": ORANGE,
        "text-error": RED,
        "text-success": GREEN,
        # the focus: yellow; a field that is not focused still has a white frame
        "border": YELLOW,
        "border-blurred": WHITE,
        "block-cursor-foreground": BLACK,
        "block-cursor-background": YELLOW,
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": BLACK,
        "block-cursor-blurred-background": WHITE,
        "block-cursor-blurred-text-style": "bold",
        "input-cursor-background": YELLOW,
        "input-cursor-foreground": BLACK,
        "input-selection-background": YELLOW,
        "input-selection-foreground": BLACK,
        "button-focus-text-style": "bold underline",
        "footer-background": BLACK,
        "footer-foreground": WHITE,
        "footer-key-foreground": YELLOW,
        "footer-description-foreground": WHITE,
        "scrollbar": WHITE,
        "scrollbar-hover": YELLOW,
        "scrollbar-active": YELLOW,
        "scrollbar-background": BLACK,
        "scrollbar-background-hover": BLACK,
        "scrollbar-background-active": BLACK,
        "link-color": CYAN,
        "link-color-hover": BLACK,
        "link-background-hover": CYAN,
    },
)

