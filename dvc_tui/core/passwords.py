"""The portal's password rule, the refusal of weak passwords, and the Argon2id hasher.

Rule from the leaflet: "Sử dụng 8 ký tự trở lên bao gồm chữ thường, chữ in hoa, số và ký tự
đặc biệt" (8 or more characters with lower case, upper case, a digit and a special character).

Beyond it (ASVS 5.0 6.2.4, 6.2.11) a new password is refused when it holds the person's own
data (ID number, phone, date of birth, name, email, BHXH number), when it is one of the most
common passwords (data/common_passwords.txt, made by tools/make_common_passwords.py from
zxcvbn's frequency list), or when zxcvbn scores it below 3 with the person's data and the
portal's own words as user inputs.
"""

from __future__ import annotations

import re

import threading
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

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


def check_new_password(password: str, confirm: str, *, personal: "PersonalData | None" = None) -> None:
    """Raise PortalError with the first reason the pair cannot be the new password.

    In order: required, too long, control characters, the portal's composition rule, then
    weakness (the person's own data, a common password, guessable), then the confirmation:
    the user learns what is wrong with the password before being told to retype it.
    """
    if not password:
        raise PortalError("password.required")
    if len(password) > MAX_LENGTH:
        raise PortalError("password.too_long", max=MAX_LENGTH)
    if any(not ch.isprintable() for ch in password):
        raise PortalError("password.control")
    unmet = unmet_rules(password)
    if unmet:
        raise PortalError("password.weak", rule=unmet[0])
    check_not_weak(password, personal or PersonalData())
    if password != confirm:
        raise PortalError("password.mismatch")


# -- weak passwords ---------------------------------------------------------------------------
MIN_SCORE = 3
"""zxcvbn's score (0-4) a new password needs: 3 is "safely unguessable" (about 10^8 guesses)."""

ZXCVBN_WINDOW = 32
"""zxcvbn (pure Python) takes seconds on long random text (72 characters: over a second), so it
scores at most the first and the last 32 characters; the better of the two counts."""

CONTEXT_WORDS = (
    "dichvucong", "congdichvucong", "dichvucongquocgia", "dvcqg", "congdvc", "quocgia",
    "chinhphu", "vneid", "matkhau", "dangky", "dangnhap", "taikhoan", "congdan",
)
"""The portal's own words (ASVS 6.2.11): on the shipped common list, and given to zxcvbn as
user inputs (so "Dichvucong#Xy1" is guessable, not only "Dichvucong@2024")."""

PERSONAL_KINDS = ("id", "phone", "dob", "name", "email", "bhxh")
"""What `password.personal` may name (its `which`), in the order they are checked."""

GUESS_HINTS = ("common", "personal", "portal", "word", "name", "keyboard", "repeat", "sequence", "date", "short")
"""What `password.guessable` may give as its `hint`: zxcvbn's weakest part, in a few fixed words."""

_LEET = str.maketrans({"@": "a", "4": "a", "0": "o", "3": "e", "$": "s", "5": "s", "7": "t"})
_SEPARATORS = frozenset(" -_.")  # dropped inside a password before the common list is looked up


@dataclass(frozen=True)
class PersonalData:
    """What a password must not contain: the person's data as the portal knows it."""

    id_number: str = ""
    phone: str = ""  # E.164 (+84...), or as typed
    full_name: str = ""
    dob: date | None = None
    email: str = ""
    bhxh_number: str = ""

    @classmethod
    def of(cls, holder) -> "PersonalData":
        """From a registration draft (id_number, full_name, dob, phone, email[, bhxh_number]) or an
        Account (username, ...). The phone may be a Phone, a string or None."""
        id_number = getattr(holder, "id_number", None)
        id_number = getattr(id_number, "value", id_number) or getattr(holder, "username", "") or ""
        phone = getattr(holder, "phone", None)
        return cls(
            id_number=str(id_number),
            phone=str(getattr(phone, "e164", phone) or ""),
            full_name=getattr(holder, "full_name", "") or "",
            dob=getattr(holder, "dob", None),
            email=getattr(holder, "email", None) or "",
            bhxh_number=getattr(holder, "bhxh_number", None) or "",
        )

    def user_inputs(self) -> list[str]:
        """The words zxcvbn treats as known to an attacker."""
        words = [*_name_parts(self.full_name), "".join(_name_parts(self.full_name))]
        words += [w.casefold() for w in self.full_name.split()]  # with diacritics, as typed
        digits = _digits(self.phone)
        if len(digits) >= 9:
            words += [digits[-9:], "0" + digits[-9:], "84" + digits[-9:]]
        words += [_digits(self.id_number), _digits(self.bhxh_number), *_dob_forms(self.dob)]
        if self.email:
            words += [self.email.casefold(), self.email.split("@")[0].casefold()]
        return [w for w in words if w] + list(CONTEXT_WORDS)


def check_not_weak(password: str, personal: PersonalData) -> None:
    """Raise password.personal, password.common or password.guessable (in that order)."""
    which = personal_part(password, personal)
    if which:
        raise PortalError("password.personal", which=which)
    if is_common(password):
        raise PortalError("password.common")
    score, hint = strength(password, personal)
    if score < MIN_SCORE:
        raise PortalError("password.guessable", hint=hint)


def fold(text: str) -> str:
    """Lower case without diacritics: "Nguyễn Đức" -> "nguyen duc"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch in "0123456789")


def _name_parts(full_name: str) -> list[str]:
    """The name's words, folded, letters only: "Nguyễn Văn An" -> ["nguyen", "van", "an"]."""
    parts = ("".join(ch for ch in word if ch.isalpha()) for word in fold(full_name).split())
    return [part for part in parts if part]


def _letter_runs(password: str) -> list[str]:
    """The password's runs of letters, also cut where a capital starts a word ("AnNguyen" ->
    "an", "nguyen"), folded."""
    runs, current, previous = [], "", ""
    for ch in password:
        if not ch.isalpha():
            runs.append(current)
            current = ""
        elif current and ch.isupper() and previous.islower():
            runs.append(current)
            current = ch
        else:
            current += ch
        previous = ch
    runs.append(current)
    return [fold(run) for run in runs if run]


def _made_of(run: str, parts: set[str]) -> bool:
    """Whether `run` is one or more of `parts` run together ("vanan" of {"van", "an"})."""
    ends = {0}
    for end in range(1, len(run) + 1):
        if any(start in ends and run[start:end] in parts for start in range(end)):
            ends.add(end)
    return len(run) in ends


def _dob_forms(born: date | None) -> list[str]:
    """A birth date as digits the way people write it in passwords (the year alone is not one)."""
    if born is None:
        return []
    d, m, y = born.day, born.month, born.year
    return sorted({f"{d:02d}{m:02d}{y}", f"{d:02d}{m:02d}{y % 100:02d}", f"{y}{m:02d}{d:02d}", f"{d}{m}{y}"})


def personal_part(password: str, personal: PersonalData) -> str | None:
    """Which of the person's data the password contains (a key of PERSONAL_KINDS), or None.

    Numbers are compared on the password's digits alone ("0828-123-088" holds 0828123088); a
    phone by its last 9 digits, so 0828123088, 84828123088 and +84828123088 all count. A name,
    without case or diacritics: the whole name run together anywhere ("nguyenvanan"); a part
    of 4 letters or more anywhere ("Nguyen"); a shorter part only as a whole run of letters, or
    runs made only of name parts ("An@2024", "VanAn#1", "anvan!9"), never inside another word
    ("Sen-Vang" is not "Văn"): Vietnamese name parts are syllables found in many words.
    """
    digits = _digits(password)
    id_digits = _digits(personal.id_number)
    if len(id_digits) >= 6 and id_digits in digits:
        return "id"
    phone = _digits(personal.phone)
    if len(phone) >= 9 and phone[-9:] in digits:
        return "phone"
    if any(form in digits for form in _dob_forms(personal.dob)):
        return "dob"
    parts = _name_parts(personal.full_name)
    if parts:
        letters = "".join(_letter_runs(password))
        whole = "".join(parts)
        if (len(whole) >= 4 and whole in letters) or any(len(p) >= 4 and p in letters for p in parts):
            return "name"
        if any(len(run) >= 2 and _made_of(run, set(parts)) for run in _letter_runs(password)):
            return "name"
    local = "".join(ch for ch in fold(personal.email.split("@")[0]) if ch.isalnum())
    if len(local) >= 4 and local in "".join(ch for ch in fold(password) if ch.isalnum()):
        return "email"
    bhxh = _digits(personal.bhxh_number)
    if len(bhxh) >= 6 and bhxh in digits:
        return "bhxh"
    return None


def common_key(password: str) -> str:
    """The form a password is compared with the common list in: folded, the digits and symbols
    around it stripped, spaces and - _ . inside dropped, the usual substitutions undone
    ("P@ssw0rd2024!" -> "password", "Mật Khẩu 2024!" -> "matkhau")."""
    core = fold(password)
    start, end = 0, len(core)
    while start < end and not core[start].isalpha():
        start += 1
    while end > start and not core[end - 1].isalpha():
        end -= 1
    return "".join(ch for ch in core[start:end] if ch not in _SEPARATORS).translate(_LEET)


MIN_COMMON_KEY = 4
"""Shorter keys ("Aa", from "Aa123456!") say too little to refuse on; zxcvbn judges those."""


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords (their common_key forms), read once."""
    from importlib.resources import files

    text = files("dvc_tui").joinpath("data", "common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_common(password: str) -> bool:
    key = common_key(password)
    return len(key) >= MIN_COMMON_KEY and key in common_passwords()


def warm_up() -> None:
    """Import zxcvbn and read the common list ahead of the first check (~45-150 ms): the password
    screens call it in a worker thread when they open, so the first ĐĂNG KÝ does not wait."""
    from zxcvbn import zxcvbn  # noqa: F401

    common_passwords()


_ZXCVBN_LOCK = threading.Lock()  # zxcvbn keeps the user inputs in a module global


def strength(password: str, personal: PersonalData | None = None) -> tuple[int, str]:
    """zxcvbn's score (0-4) and, for a weak password, a key of GUESS_HINTS saying why."""
    from zxcvbn import zxcvbn  # ~45 ms to import: only when a password is judged

    inputs = (personal or PersonalData()).user_inputs()
    windows = [password[:ZXCVBN_WINDOW]]
    if len(password) > ZXCVBN_WINDOW:
        windows.append(password[-ZXCVBN_WINDOW:])
    results = []
    with _ZXCVBN_LOCK:
        for window in windows:
            results.append(zxcvbn(window, user_inputs=inputs, max_length=ZXCVBN_WINDOW))
    best = max(results, key=lambda result: result["score"])
    return best["score"], _hint(results[0]["sequence"])


def _hint(sequence: list[dict]) -> str:
    """Why zxcvbn found a password weak, from its longest part (as zxcvbn's own feedback does)."""
    if not sequence:
        return "short"
    match = max(sequence, key=lambda m: len(m["token"]))  # the first of the longest
    pattern = match["pattern"]
    if pattern == "dictionary":
        if match.get("dictionary_name") == "user_inputs" and match.get("matched_word") in CONTEXT_WORDS:
            return "portal"
        return {
            "passwords": "common",
            "user_inputs": "personal",
            "surnames": "name",
            "male_names": "name",
            "female_names": "name",
        }.get(match.get("dictionary_name"), "word")
    if pattern == "regex" or pattern == "date":
        return "date"
    return {"spatial": "keyboard", "repeat": "repeat", "sequence": "sequence"}.get(pattern, "short")


@dataclass(frozen=True)
class HashCost:
    """Argon2id parameters: `t` passes over `m` KiB of memory with `p` lanes.

    `production` (t=1, m=46 MiB, p=1: OWASP's first Argon2id choice) takes about 90 ms a hash
    on this project's reference machine (2 cores; `python3 benchmarks/hash_cost.py` measures
    it): inside the 50-150 ms that keeps a login quick and a stolen database slow to attack.
    Another cost is named (`low`, `test`) or spelled out as `t=2,m=65536,p=1`.
    """

    time_cost: int
    memory_cost: int  # KiB
    parallelism: int

    @classmethod
    def named(cls, name: str) -> "HashCost":
        """A named cost, or one spelled out: "t=2,m=65536,p=1" (any order; m in KiB).
        Raises ValueError (`hash_cost.invalid`, with the accepted forms) for anything else."""
        text = (name or "").strip().lower()
        if text in COSTS:
            return COSTS[text]
        match = _SPELLED_COST.fullmatch(text.replace(" ", ""))
        if match:
            values = dict(part.split("=") for part in text.replace(" ", "").split(","))
            if len(values) == 3:
                cost = cls(time_cost=int(values["t"]), memory_cost=int(values["m"]), parallelism=int(values["p"]))
                if 1 <= cost.time_cost <= 100 and 1 <= cost.parallelism <= 64 \
                        and 8 * cost.parallelism <= cost.memory_cost <= 4 * 1024 * 1024:
                    return cost
        raise HashCostError(name)

    def spelled(self) -> str:
        return f"t={self.time_cost},m={self.memory_cost},p={self.parallelism}"

    @property
    def work(self) -> int:
        """Memory times passes (KiB): what one guess costs an attacker, to compare two costs."""
        return self.memory_cost * self.time_cost

    def meets_minimum(self) -> bool:
        """At least one of OWASP's Argon2id configurations in both memory and passes."""
        return any(self.memory_cost >= m and self.time_cost >= t for m, t in OWASP_MINIMUMS)

    def within_ceiling(self) -> bool:
        """Not so costly that a login or a kiosk's tab would stall or run out of memory."""
        return (self.time_cost <= MAX_TIME_COST and self.memory_cost <= MAX_MEMORY_KIB
                and self.parallelism <= MAX_PARALLELISM)


class HashCostError(ValueError):
    """A hash cost that is neither a name nor t=..,m=..,p=.. within Argon2's limits."""

    def __init__(self, given: str) -> None:
        super().__init__(given)
        self.given = given


_SPELLED_COST = re.compile(r"[tmp]=\d{1,7}(,[tmp]=\d{1,7}){2}")

OWASP_MINIMUMS = ((47104, 1), (19456, 2), (12288, 3), (9216, 4), (7168, 5))
"""OWASP Password Storage Cheat Sheet's Argon2id configurations, (m KiB, t), p=1: equal
defences trading memory for passes. A cost below all of them is refused outside the tests."""
MAX_TIME_COST = 10
MAX_MEMORY_KIB = 256 * 1024
MAX_PARALLELISM = 8
"""The top of the band: 16 tabs of `serve` each hashing at 256 MiB already take 4 GiB."""

COSTS = {
    # OWASP Password Storage Cheat Sheet's first Argon2id configuration (m=47104 KiB, t=1, p=1):
    # ~90 ms a hash on 2 cores, inside the 50-150 ms band of issue 6.
    "production": HashCost(time_cost=1, memory_cost=46 * 1024, parallelism=1),
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
        """Whether a password hashed as `phc` should be hashed again at its owner's next login:
        only up, to a costlier hash (or from another Argon2 type), never down to a cheaper one."""
        from argon2 import Type, extract_parameters
        from argon2.exceptions import InvalidHashError

        try:
            stored = extract_parameters(phc)
        except (InvalidHashError, ValueError):
            return False
        if stored.type is not Type.ID:
            return True
        return stored.memory_cost * stored.time_cost < self.cost.work

    def burn(self, password: str) -> None:
        """Spend the time of one verification, for a login name that has no account."""
        if self._dummy is None:
            self._dummy = self.hash("dvc-tui dummy password")
        self.verify(self._dummy, password)
