"""The captcha beside "Nhập mã xác thực": its text is the code (`#captcha-code`)."""

from __future__ import annotations

import random

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Static

from dvc_tui.core.captcha import new_captcha
from dvc_tui.core.text import t


class Captcha(Horizontal):
    def __init__(self, rng: random.Random) -> None:
        super().__init__(id="captcha-box")
        self._rng = rng
        self.code = new_captcha(rng)

    def compose(self) -> ComposeResult:
        yield Static(self.code, id="captcha-code")
        yield Button(t("captcha.new"), id="captcha-new", compact=True)

    def renew(self) -> None:
        self.code = new_captcha(self._rng)
        self.query_one("#captcha-code", Static).update(self.code)
