"""The password rule as a live checklist: each rule ticks as the password meets it."""

from __future__ import annotations

from textual.widgets import Static

from dvc_tui.core.passwords import RULES, unmet_rules
from dvc_tui.core.text import t
from dvc_tui.markup import escape
from dvc_tui.textual_compat import DropMessagesFromGone


class PasswordChecklist(DropMessagesFromGone, Static):
    def __init__(self) -> None:
        super().__init__(id="password-checklist")

    def on_mount(self) -> None:
        self.check("", "")

    def check(self, password: str, confirm: str) -> None:
        unmet = set(unmet_rules(password))
        lines = [(rule not in unmet, t(f"pw.rule.{rule}")) for rule in RULES]
        lines.append((bool(password) and password == confirm, t("pw.rule.equal")))
        self.update(
            "\n".join(
                f"[green]✓[/] {escape(text)}" if ok else f"[red]✗[/] {escape(text)}" for ok, text in lines
            )
        )
        self.met = all(ok for ok, _ in lines)
