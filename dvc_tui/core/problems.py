"""A user-caused problem: a catalog key and its parameters, turned into words by core.text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    key: str
    params: dict[str, Any] = field(default_factory=dict)


class PortalError(Exception):
    """An error the user can cause or meet; carries a Problem for the message catalog."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.problem = Problem(key, params)

    @property
    def key(self) -> str:
        return self.problem.key
