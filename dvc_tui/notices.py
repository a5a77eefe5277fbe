"""Notices (Textual's toasts) are plain text, never markup (issue 14, finding 11).

The catalogs (core/text.py) hold no markup, and a notice's sentence may carry a value from data:
a path (`secret.file_fallback`), a store's refusal, a name. Read as markup, `[/]` in a data dir's
path crashed the app's start (MarkupError) and `[red]` was rendered. `Widget.notify` passes
`markup=True` explicitly to `App.notify`, so the app's `notify` takes the message as text
whatever it is told; the control characters in it were made visible by t() already.
"""

from __future__ import annotations


class PlainNotices:
    """Mixed into an App before `App`: every `notify` (the app's or a widget's) is plain text."""

    def notify(self, message: str, *, title: str = "", severity: str = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        options = {} if timeout is None else {"timeout": timeout}
        return super().notify(message, title=title, severity=severity, markup=False, **options)  # type: ignore[misc]
