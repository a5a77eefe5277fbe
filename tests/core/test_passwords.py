"""The password rule (8+ characters, lower, upper, digit, special) and the Argon2id hasher."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dvc_tui.core.passwords import (
    MAX_LENGTH,
    MIN_LENGTH,
    RULES,
    HashCost,
    PasswordHasher,
    check_new_password,
    unmet_rules,
)
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import problem_text, set_language

FAST = settings(max_examples=50, deadline=None)
HASHING = settings(max_examples=10, deadline=None)

LOWER = "abcdefghijklmnopqrstuvwxyzàáâãèéêìíòóôõùúăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
UPPER = LOWER.upper()
DIGITS = "0123456789"
SPECIAL = "!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~"


def strong_passwords():
    """Passwords meeting every rule, shuffled, 8 to 40 characters."""
    return st.builds(
        lambda parts, filler: parts + filler,
        st.tuples(
            st.sampled_from(LOWER), st.sampled_from(UPPER), st.sampled_from(DIGITS), st.sampled_from(SPECIAL)
        ).map("".join),
        st.text(alphabet=LOWER + UPPER + DIGITS + SPECIAL + " ", min_size=4, max_size=36),
    ).flatmap(lambda pw: st.permutations(list(pw)).map("".join))


def refused(password: str, confirm: str) -> PortalError:
    with pytest.raises(PortalError) as caught:
        check_new_password(password, confirm)
    return caught.value


# -- the rule -----------------------------------------------------------------------------
@FAST
@given(st.text(max_size=40))
def test_unmet_rules_names_exactly_the_missing_rules_in_order(password):
    unmet = unmet_rules(password)
    assert unmet == [rule for rule in RULES if rule in unmet]  # RULES order, no duplicates
    assert ("length" in unmet) == (len(password) < MIN_LENGTH)
    assert ("lower" in unmet) == (not any(c.islower() for c in password))
    assert ("upper" in unmet) == (not any(c.isupper() for c in password))
    assert ("digit" in unmet) == (not any(c.isdigit() for c in password))
    assert ("special" in unmet) == (not any(not c.isalnum() and not c.isspace() for c in password))


@pytest.mark.parametrize(
    "password, unmet",
    [
        ("", ["length", "lower", "upper", "digit", "special"]),
        ("abcdefgh", ["upper", "digit", "special"]),
        ("ABCDEFGH", ["lower", "digit", "special"]),
        ("Abcdefgh", ["digit", "special"]),
        ("Abcdefg1", ["special"]),
        ("Abcdef1!", []),
        ("Ab1!", ["length"]),
        ("Abcdef1 ", ["special"]),  # a space is not a special character
        ("Mậtkhẩu1@", []),  # Vietnamese letters count as letters
        ("12345678!", ["lower", "upper"]),
    ],
)
def test_unmet_rules_examples(password, unmet):
    assert unmet_rules(password) == unmet


@FAST
@given(strong_passwords())
@example("Abcdef1!")
@example("Mật Khẩu 2024!")
def test_a_strong_password_confirmed_is_accepted(password):
    assert unmet_rules(password) == []
    check_new_password(password, password)  # no exception


@FAST
@given(strong_passwords(), st.text(min_size=1, max_size=5))
def test_a_different_confirmation_is_refused(password, extra):
    assert refused(password, password + extra).key == "password.mismatch"
    assert refused(password, "").key == "password.mismatch"


@FAST
@given(st.text(max_size=MAX_LENGTH).filter(lambda p: p and p.isprintable() and unmet_rules(p)))
def test_a_weak_password_names_its_first_missing_rule(password):
    error = refused(password, password)
    assert error.key == "password.weak"
    assert error.problem.params == {"rule": unmet_rules(password)[0]}


def test_the_weak_message_names_the_rule_in_words():
    set_language("vi")
    try:
        assert problem_text(refused("abcdefg1!", "abcdefg1!").problem) == "Mật khẩu còn thiếu: chữ in hoa."
        set_language("en")
        assert problem_text(refused("Abcdefgh!", "Abcdefgh!").problem) == "The password still needs: a digit."
    finally:
        set_language("vi")


def test_an_empty_password_is_required():
    assert refused("", "").key == "password.required"


@FAST
@given(strong_passwords(), st.integers(1, 1000))
def test_a_password_over_the_maximum_is_refused(password, extra):
    too_long = (password * (MAX_LENGTH // len(password) + 2))[: MAX_LENGTH + extra]
    error = refused(too_long, too_long)
    assert error.key == "password.too_long"
    assert error.problem.params == {"max": MAX_LENGTH}


@FAST
@given(
    strong_passwords(),
    st.sampled_from(["\x00", "\x1b", "\x1b[31m", "\x7f", "\n", "\t", "\u200b", "\u202e", "\ufeff", "\ud800"]),
    st.data(),
)
def test_control_and_invisible_characters_are_refused(password, piece, data):
    pos = data.draw(st.integers(0, len(password)))
    typed = (password[:pos] + piece + password[pos:])[:MAX_LENGTH]
    if piece not in typed:  # cut off by the length limit: put it at the start instead
        typed = (piece + password)[:MAX_LENGTH]
    assert refused(typed, typed).key == "password.control"


# -- the hasher ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hasher() -> PasswordHasher:
    return PasswordHasher(HashCost.named("test"))


def test_hash_costs_are_named():
    assert HashCost.named("test").time_cost >= 1
    assert HashCost.named("production").memory_cost >= 19 * 1024
    with pytest.raises(ValueError, match="unknown hash cost"):
        HashCost.named("fastest")


@HASHING
@given(strong_passwords())
@example("Abcdef1!")
@example("Mật Khẩu 2024!")
def test_hashes_are_argon2id_phc_strings_that_verify_only_the_right_password(hasher, password):
    phc = hasher.hash(password)
    assert phc.startswith("$argon2id$v=19$")
    assert "m=8,t=1,p=1" in phc
    assert password not in phc
    assert password.encode("utf-8").hex() not in phc
    assert hasher.verify(phc, password) is True
    assert hasher.verify(phc, password + "x") is False
    assert hasher.verify(phc, password.swapcase()) is (password.swapcase() == password)
    assert hasher.verify(phc, "") is False


@pytest.mark.parametrize("typed", ["\ud800", "Abcdef1!\udcff", "\x00", "\x1b[31m"])
def test_verifying_hostile_text_is_false_not_an_exception(hasher, typed):
    phc = hasher.hash("Abcdef1!")
    assert hasher.verify(phc, typed) is False
    hasher.burn(typed)


def test_the_same_password_hashes_differently_each_time(hasher):
    first, second = hasher.hash("Abcdef1!"), hasher.hash("Abcdef1!")
    assert first != second  # salted
    assert hasher.verify(first, "Abcdef1!") and hasher.verify(second, "Abcdef1!")


@pytest.mark.parametrize("phc", ["", "not a hash", "$argon2id$v=19$garbage", "$2b$12$abcdefghijklmnopqrstuv"])
def test_verifying_against_a_broken_hash_is_false_not_an_exception(hasher, phc):
    assert hasher.verify(phc, "Abcdef1!") is False


def test_needs_rehash_when_the_cost_changes(hasher):
    phc = hasher.hash("Abcdef1!")
    assert hasher.needs_rehash(phc) is False
    stronger = PasswordHasher(HashCost(time_cost=2, memory_cost=16, parallelism=1))
    assert stronger.needs_rehash(phc) is True
    assert stronger.verify(phc, "Abcdef1!") is True  # old hashes still log in


def test_burn_spends_a_verification_without_raising(hasher):
    hasher.burn("anything at all")
    hasher.burn("")
