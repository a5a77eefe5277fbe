"""The practice set, gathered for a trainer's handout: the carriers' training numbers, the
social-insurance registry's people, the USB tokens and the signing SIMs with their PINs.

Built from the constants the simulator itself uses (core.carrier, core.bhxh, core.tokens,
core.sim), so the handout can never disagree with the app; a token or SIM a visitor locked with
wrong PINs is shown locked (`locked_tokens`, `locked_sims`: the training tags the data dir holds
locked) until `dvc-tui training load` puts the set back (`unlock_training_tokens`, and the
store's reset_training_sims). Plain data: catalog keys for the titles and column names, text for
the cells; the command line renders it (rich, Markdown).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

from dvc_tui.core.bhxh import PRACTICE_INSURED
from dvc_tui.core.carrier import TRAINING_SUBSCRIBERS
from dvc_tui.core.identity import Phone

TOKEN_SHAPE_KEYS = {
    "valid": "training.shape.valid",
    "expired": "training.shape.expired",
    "revoked": "training.shape.revoked",
    "foreign": "training.shape.foreign",
}
LOCKED_KEY = "training.shape.locked"
"""The state of a practice token or SIM locked by wrong PINs (whatever its shape)."""
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


def sections(locked_tokens: Iterable[str] = (), locked_sims: Iterable[str] = ()) -> list[Section]:
    """The handout's tables; the tokens and SIMs whose training tags are in `locked_tokens` and
    `locked_sims` are shown locked."""
    from dvc_tui.core.sim import TRAINING_SIMS
    from dvc_tui.core.tokens import TRAINING_TOKENS

    locked_tokens, locked_sims = set(locked_tokens), set(locked_sims)

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
            tuple((s.name, SUBJECT_KEYS[s.kind.value], s.identifier, s.pin,
                   LOCKED_KEY if s.tag in locked_tokens else TOKEN_SHAPE_KEYS[s.shape])
                  for s in TRAINING_TOKENS),
            keyed=(1, 4),
        ),
        Section(
            "sims", "training.sec.sims", "training.note.sims",
            ("training.col.phone", "training.col.holder", "training.col.kind", "training.col.login",
             "training.col.pin", "training.col.state"),
            tuple((Phone(s.phone).national, s.name, SUBJECT_KEYS[s.kind.value], s.identifier, s.pin,
                   LOCKED_KEY if s.tag in locked_sims else TOKEN_SHAPE_KEYS["revoked" if s.revoked else "valid"])
                  for s in TRAINING_SIMS),
            keyed=(2, 5),
        ),
    ]


def locked_training_tokens(store) -> set[str]:
    """The training tags of the practice tokens a data dir's token store (core.tokens.TokenStore)
    holds locked."""
    tags = set()
    for serial in store.serials():
        stored = store.read_token(serial)
        if stored is not None and stored.state is not None and stored.state.training and stored.state.locked:
            tags.add(stored.state.training)
    return tags


def unlock_training_tokens(store) -> int:
    """Put the practice tokens back as documented: every token with a training tag unlocked and
    its wrong-PIN count cleared (a visitor may have locked one with 5 wrong PINs). Each under
    the store's lock (update_state). Returns how many were changed."""
    changed = 0
    for serial in store.serials():
        stored = store.read_token(serial)
        state = stored.state if stored is not None else None
        if state is None or not state.training or not (state.failed_pins or state.locked):
            continue
        store.update_state(serial, lambda current: replace(current, failed_pins=0, locked=False))
        changed += 1
    return changed
