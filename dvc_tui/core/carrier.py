"""The simulated carriers' subscriber registry: who a mobile number is registered to.

The portal accepts only a number registered in the citizen's own name ("chính chủ"). Numbers the
registry does not know are taken as the citizen's own; the training numbers in TRAINING_SUBSCRIBERS
belong to named people, so a trainer can show both the success and the refusal.
"""

from __future__ import annotations

from dataclasses import dataclass

from dvc_tui.core.problems import PortalError


@dataclass(frozen=True)
class Subscriber:
    phone: str  # E.164
    id_number: str
    full_name: str


TRAINING_SUBSCRIBERS = (
    Subscriber("+84828123088", "001090012345", "Nguyễn Văn An"),
    Subscriber("+84912000111", "079190000111", "Trần Thị Mai"),
    Subscriber("+84987000222", "048085000222", "Lê Văn Hùng"),
    Subscriber("+84703000333", "031195000333", "Phạm Thị Lan"),
)


def check_own_number(store, phone: str, id_number: str) -> None:
    """Raise `phone.not_owner` when the registry holds the number under another ID."""
    owner = store.subscriber(phone)
    if owner is not None and owner.id_number != id_number:
        raise PortalError("phone.not_owner")
