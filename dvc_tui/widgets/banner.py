"""The portal's banner: its name, tag line and the step of the current path."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from dvc_tui.core.text import t


class Banner(Vertical):
    def __init__(self, step: tuple[int, int] | None = None) -> None:
        super().__init__(id="banner")
        self.step = step

    def compose(self) -> ComposeResult:
        yield Static(t("portal.name"), id="portal-name")
        yield Static(t("portal.tagline"), id="portal-tagline")
        if self.step:
            yield Static(t("step", n=self.step[0], total=self.step[1]), id="step")
