"""The portal's password rule and the Argon2id hasher.

Rule from the leaflet: "Sử dụng 8 ký tự trở lên bao gồm chữ thường, chữ in hoa, số và ký tự
đặc biệt" (8 or more characters with lower case, upper case, a digit and a special character).
"""

from __future__ import annotations

from dataclasses import dataclass

from dvc_tui.core.problems import PortalError

RULES = ("length", "lower", "upper", "digit", "special")
MIN_LENGTH = 8
MAX_LENGTH = 128


def unmet_rules(password: str) -> list[str]:
    """The rules (keys of RULES) this password does not meet yet, in RULES order."""
    unmet = []
    if len(password) < MIN_LENGTH:
        unmet.append("length")
    if not any(ch.islower() for ch in password):
        unmet.append("lower")
    if not any(ch.isupper() for ch in password):
        unmet.append("upper")
    if not any(ch.isdigit() for ch in password):
        unmet.append("digit")
    if not any(not ch.isalnum() and not ch.isspace() for ch in password):
        unmet.append("special")
    return unmet


def check_new_password(password: str, confirm: str) -> None:
    """Raise PortalError with the first reason the pair cannot be the new password."""
    if not password:
        raise PortalError("password.required")
    if len(password) > MAX_LENGTH:
        raise PortalError("password.too_long", max=MAX_LENGTH)
    if any(not ch.isprintable() for ch in password):
        raise PortalError("password.control")
    unmet = unmet_rules(password)
    if unmet:
        raise PortalError("password.weak", rule=unmet[0])
    if password != confirm:
        raise PortalError("password.mismatch")


@dataclass(frozen=True)
class HashCost:
    """Argon2id parameters. `production` is tuned to about 50-150 ms a hash on 2 cores."""

    time_cost: int
    memory_cost: int  # KiB
    parallelism: int

    @classmethod
    def named(cls, name: str) -> "HashCost":
        try:
            return COSTS[name]
        except KeyError:
            raise ValueError(f"unknown hash cost {name!r}; choose one of {', '.join(COSTS)}") from None


COSTS = {
    "production": HashCost(time_cost=3, memory_cost=64 * 1024, parallelism=2),
    "low": HashCost(time_cost=2, memory_cost=19 * 1024, parallelism=1),  # OWASP's minimum
    "test": HashCost(time_cost=1, memory_cost=8, parallelism=1),  # tests only: fast, still Argon2id
}


class PasswordHasher:
    """Argon2id via argon2-cffi; hashes are PHC strings ($argon2id$v=19$...)."""

    def __init__(self, cost: HashCost) -> None:
        from argon2 import PasswordHasher as _Argon2, Type

        self.cost = cost
        self._argon2 = _Argon2(
            time_cost=cost.time_cost,
            memory_cost=cost.memory_cost,
            parallelism=cost.parallelism,
            type=Type.ID,
        )
        self._dummy: str | None = None

    def hash(self, password: str) -> str:
        return self._argon2.hash(password)

    def verify(self, phc: str, password: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return self._argon2.verify(phc, password)
        except (VerificationError, InvalidHashError, UnicodeEncodeError):  # a lone surrogate typed
            return False

    def needs_rehash(self, phc: str) -> bool:
        return self._argon2.check_needs_rehash(phc)

    def burn(self, password: str) -> None:
        """Spend the time of one verification, for a login name that has no account."""
        if self._dummy is None:
            self._dummy = self.hash("dvc-tui dummy password")
        self.verify(self._dummy, password)
