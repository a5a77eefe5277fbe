"""Registration at a Vietnam Post (Bưu điện Việt Nam) counter: what the staff must check in
person before entering the citizen's details.

Each paper's label is the catalog text `post.paper.<key>` (the checkbox, and the message naming
the papers not checked). Every paper is required: the in-person check is what makes the account
level 2, so core refuses a registration without all of them, not only the screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from dvc_tui.core.problems import PortalError

PAPERS = ("id_card", "portrait", "own_phone", "signed_form")
"""In the order the staff checks them: the card, the face against it, the phone, the signed form."""


class PapersMissing(PortalError):
    """Some papers were not checked; `missing` holds their keys, in checklist order."""

    def __init__(self, missing: tuple[str, ...]) -> None:
        super().__init__("post.papers_missing", papers=missing)
        self.missing = missing


def missing_papers(checked: Iterable[str]) -> tuple[str, ...]:
    """The required papers not among `checked`, in checklist order."""
    done = set(checked)
    return tuple(paper for paper in PAPERS if paper not in done)


def check_papers(checked: Iterable[str]) -> tuple[str, ...]:
    """The checked papers in checklist order, or PapersMissing naming the others."""
    missing = missing_papers(checked)
    if missing:
        raise PapersMissing(missing)
    return PAPERS
