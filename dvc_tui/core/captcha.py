"""The registration form's captcha: 6 characters, compared without regard to case."""

from __future__ import annotations

import hmac
import random

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: they look alike on a terminal
LENGTH = 6


def new_captcha(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(LENGTH))


def captcha_matches(expected: str, typed: str) -> bool:
    typed = typed.strip().upper()
    return len(typed) == len(expected) and hmac.compare_digest(typed.encode(), expected.upper().encode())
