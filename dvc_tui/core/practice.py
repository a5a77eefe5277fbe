"""The practice set, gathered for a trainer's handout: the carriers' training numbers, the
social-insurance registry's people, the USB tokens and the signing SIMs with their PINs.

Built from the constants the simulator itself uses (core.carrier, core.bhxh, core.tokens,
core.sim), so the handout can never disagree with the app. Plain data: catalog keys for the
titles and column names, text for the cells; the command line renders it (rich, Markdown).
"""

from __future__ import annotations

from dataclasses import dataclass

from dvc_tui.core.bhxh import PRACTICE_INSURED
from dvc_tui.core.carrier import TRAINING_SUBSCRIBERS
from dvc_tui.core.identity import Phone

TOKEN_SHAPE_KEYS = {
    "valid": "training.shape.valid",
    "expired": "training.shape.expired",
    "revoked": "training.shape.revoked",
    "foreign": "training.shape.foreign",
}
SUBJECT_KEYS = {"citizen": "subject.citizen", "business": "subject.business", "agency": "subject.agency"}


@dataclass(frozen=True)
class Section:
    name: str  # subscribers, insured, tokens, sims
    title_key: str
    note_key: str
    column_keys: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    """Cells as text, except those whose column is a subject or a state: catalog keys (see `keyed`)."""
    keyed: tuple[int, ...] = ()
    """Indexes of the columns whose cells are catalog keys."""


def sections() -> list[Section]:
    from dvc_tui.core.sim import TRAINING_SIMS
    from dvc_tui.core.tokens import TRAINING_TOKENS

    return [
        Section(
            "subscribers", "training.sec.subscribers", "training.note.subscribers",
            ("training.col.phone", "training.col.owner", "training.col.cccd"),
            tuple((Phone(s.phone).national, s.full_name, s.id_number) for s in TRAINING_SUBSCRIBERS),
        ),
        Section(
            "insured", "training.sec.insured", "training.note.insured",
            ("training.col.bhxh", "training.col.cccd", "training.col.name", "training.col.dob",
             "training.col.phone_on_file"),
            tuple((p.bhxh_number, p.id_number, p.full_name, p.dob.strftime("%d/%m/%Y"), Phone(p.phone).national)
                  for p in PRACTICE_INSURED),
        ),
        Section(
            "tokens", "training.sec.tokens", "training.note.tokens",
            ("training.col.holder", "training.col.kind", "training.col.identifier", "training.col.pin",
             "training.col.state"),
            tuple((s.name, SUBJECT_KEYS[s.kind.value], s.identifier, s.pin, TOKEN_SHAPE_KEYS[s.shape])
                  for s in TRAINING_TOKENS),
            keyed=(1, 4),
        ),
        Section(
            "sims", "training.sec.sims", "training.note.sims",
            ("training.col.phone", "training.col.holder", "training.col.kind", "training.col.login",
             "training.col.pin", "training.col.state"),
            tuple((Phone(s.phone).national, s.name, SUBJECT_KEYS[s.kind.value], s.identifier, s.pin,
                   TOKEN_SHAPE_KEYS["revoked" if s.revoked else "valid"]) for s in TRAINING_SIMS),
            keyed=(2, 5),
        ),
    ]
