"""Training mode's guide panel (#guide): "Bước k/N", the leaflet's instruction for this screen,
what to do next, and the rule behind the latest mistake."""

from __future__ import annotations

from textual.widgets import Static

from dvc_tui.core.guide import guide_keys
from dvc_tui.core.text import t
from dvc_tui.markup import escape


class Guide(Static):
    def __init__(self) -> None:
        super().__init__("", id="guide")

    def show(self, screen_key: str | None, step: tuple[int, int] | None, hint_key: str | None) -> None:
        """Render the guide of `screen_key` (see core.guide) at `step`, with the hint of a rule."""
        self.border_title = t("guide.title.step", n=step[0], total=step[1]) if step else t("guide.title")
        keys = guide_keys(screen_key)
        lines = []
        if keys is not None:
            lines.append(escape(t(keys[0])))
            lines.append(f"[b]{escape(t('guide.next.label'))}:[/b] {escape(t(keys[1]))}")
        if hint_key:
            lines.append(f"[b $warning]{escape(t('guide.hint.label'))}:[/b $warning] {escape(t(hint_key))}")
        self.update("\n".join(lines))
