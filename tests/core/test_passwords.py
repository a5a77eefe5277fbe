"""The password rule (8+ characters, lower, upper, digit, special), the refusal of weak
passwords (the person's data, the common list, zxcvbn) and the Argon2id hasher."""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
import threading
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dvc_tui.core import passwords
from dvc_tui.core.accounts import Account, BhxhRegistration, Level, Method, MobileRegistration, Subject
from dvc_tui.core.identity import parse_id_number, parse_phone
from dvc_tui.core.passwords import (
    CONTEXT_WORDS,
    GUESS_HINTS,
    MAX_LENGTH,
    MIN_LENGTH,
    PERSONAL_KINDS,
    RULES,
    HashCost,
    PasswordHasher,
    PersonalData,
    check_new_password,
    common_key,
    common_passwords,
    is_common,
    personal_part,
    strength,
    unmet_rules,
)
from dvc_tui.core.problems import PortalError
from dvc_tui.core.text import EN, VI, problem_text, set_language
from tests.conftest import GOOD_PASSWORD

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


def refused(password: str, confirm: str, personal: PersonalData | None = None) -> PortalError:
    with pytest.raises(PortalError) as caught:
        check_new_password(password, confirm, personal=personal)
    return caught.value


WEAK_KEYS = ("password.personal", "password.common", "password.guessable")

AN = PersonalData(
    id_number="001090012345",
    phone="+84828123088",
    full_name="Nguyễn Văn An",
    dob=date(1990, 1, 1),
    email="an.nguyen@example.vn",
    bhxh_number="0123456789",
)

STRONG = ["Sen-Vang-2024!", "Quokka#Zebra2026", "Moi#Matkhau9", "Mùa!Thu89", "Tôi uống cà phê lúc 7 giờ!"]
"""Passwords past every check, for Nguyễn Văn An as for anyone."""


def weak_or_none(password: str, personal: PersonalData | None = None) -> str | None:
    """The key the pair (password, password) is refused with, or None when it is accepted."""
    try:
        check_new_password(password, password, personal=personal)
    except PortalError as error:
        return error.key
    return None


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


@pytest.mark.parametrize("password", STRONG)
def test_a_strong_password_confirmed_is_accepted(password):
    assert unmet_rules(password) == []
    check_new_password(password, password)  # no exception
    check_new_password(password, password, personal=AN)


@FAST
@given(strong_passwords())
@example("Abcdef1!")
@example("Mật Khẩu 2024!")
def test_a_password_meeting_the_rule_is_accepted_or_refused_only_as_weak(password):
    assert unmet_rules(password) == []
    assert weak_or_none(password) in (None, *WEAK_KEYS)


@FAST
@given(strong_passwords(), st.text(min_size=1, max_size=5))
def test_a_different_confirmation_is_refused_after_the_weakness_checks(password, extra):
    alone = weak_or_none(password)  # the user learns of a weak password before the confirmation
    assert refused(password, password + extra).key == (alone or "password.mismatch")
    assert refused(password, "").key == (alone or "password.mismatch")


@pytest.mark.parametrize("password", STRONG)
def test_a_strong_password_with_a_different_confirmation_is_a_mismatch(password):
    assert refused(password, password + "x", AN).key == "password.mismatch"


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


# -- weak passwords: the person's own data ---------------------------------------------------
@pytest.mark.parametrize(
    "password, which",
    [
        ("Sen#001090012345", "id"),
        ("Sen#001-090-012345", "id"),  # separators do not hide it
        ("Sen#0828123088", "phone"),
        ("Sen#84828123088", "phone"),
        ("Sen#+84828123088", "phone"),
        ("Sen#828123088", "phone"),  # the last 9 digits
        ("Sen#0828.123.088", "phone"),
        ("Sen#01011990", "dob"),
        ("Sen#19900101", "dob"),
        ("Sen#010190", "dob"),
        ("Nguyenvanan@1", "name"),  # the whole name run together
        ("NGUYỄNVĂNAN#9x", "name"),  # any case, with diacritics
        ("Nguyen.Van.An#2", "name"),
        ("Xnguyen#2024q", "name"),  # a part of 4+ letters anywhere
        ("Nguyễn@2024!", "name"),
        ("An@2024xyzw", "name"),  # a short part as a whole run of letters
        ("VanAn#2024x", "name"),  # runs made of name parts only
        ("anvan!2024X", "name"),
        ("Anguyen!12", "name"),
        ("Sen#An.Nguyen1", "name"),
        ("Sen#an.nguyen1", "name"),  # the email's local part is the name too: the name is found first
        ("Mail#annguyenx1Q", "name"),
        ("Sen#0123456789", "bhxh"),
    ],
)
def test_a_password_with_the_person_s_data_is_refused_naming_which(password, which):
    assert personal_part(password, AN) == which
    error = refused(password, password, AN)
    assert error.key == "password.personal"
    assert error.problem.params == {"which": which}


@pytest.mark.parametrize(
    "password",
    [
        "Sen-Vang-2024!",  # "van" inside "vang": a name part of 3 letters counts only as a whole word
        "Thanh#Xuan1990",  # the birth year alone is not a birth date
        "Vanilla#Q1x9",  # "van" inside a word
        "Sen#0828123",  # part of the phone is not the phone
    ],
)
def test_name_syllables_inside_other_words_and_partial_numbers_are_not_personal(password):
    assert personal_part(password, AN) is None


def test_the_email_s_local_part_is_personal():
    mai = PersonalData(full_name="Trần Thị Mai", email="hoa.lan.vang@example.vn")
    assert personal_part("Xy#hoalanvang9", mai) == "email"
    assert personal_part("Xy#hoa.lan.vang9", mai) == "email"
    assert personal_part("Xy#hoa9lan", mai) is None


def test_personal_data_comes_from_a_registration_or_an_account():
    reg = MobileRegistration(
        id_number=parse_id_number("001090012345"), full_name="Nguyễn Văn An", dob=date(1990, 1, 1),
        phone=parse_phone("0828123088"), email="an.nguyen@example.vn",
    )
    assert PersonalData.of(reg) == PersonalData(
        id_number="001090012345", phone="+84828123088", full_name="Nguyễn Văn An", dob=date(1990, 1, 1),
        email="an.nguyen@example.vn",
    )
    bhxh = BhxhRegistration(bhxh_number="0123456789", id_number=parse_id_number("001090012345"),
                            full_name="Nguyễn Văn An", dob=date(1990, 1, 1))
    assert PersonalData.of(bhxh) == PersonalData(
        id_number="001090012345", full_name="Nguyễn Văn An", dob=date(1990, 1, 1), bhxh_number="0123456789"
    )
    account = Account(
        username="001090012345", full_name="Nguyễn Văn An", dob=date(1990, 1, 1), phone="+84828123088",
        email=None, subject=Subject.CITIZEN, method=Method.MOBILE, level=Level.IAL2, created_at=datetime(2025, 1, 1),
    )
    assert PersonalData.of(account) == PersonalData(
        id_number="001090012345", phone="+84828123088", full_name="Nguyễn Văn An", dob=date(1990, 1, 1)
    )
    assert refused("Nguyen!Q2024x", "Nguyen!Q2024x", PersonalData.of(account)).key == "password.personal"
    assert weak_or_none("Nguyen!Q2024x") is None  # strong for anyone else


def test_the_personal_message_names_what_in_vietnamese_and_english():
    for which, vi_words in [("id", "số CMT/CCCD"), ("phone", "số điện thoại"), ("name", "họ tên"),
                            ("dob", "ngày sinh"), ("email", "địa chỉ email"), ("bhxh", "mã số BHXH")]:
        error = PortalError("password.personal", which=which)
        assert problem_text(error.problem) == f"Mật khẩu không được chứa {vi_words} của bạn."
    set_language("en")
    try:
        assert problem_text(refused("Sen#0828123088", "Sen#0828123088", AN).problem) == (
            "The password must not contain your phone number."
        )
    finally:
        set_language("vi")


# -- weak passwords: the common list -------------------------------------------------------
@pytest.mark.parametrize(
    "password, key",
    [
        ("P@ssw0rd2024!", "password"),
        ("Password1!", "password"),
        ("!!Qwerty123", "qwerty"),
        ("Matkhau@123", "matkhau"),
        ("Mật Khẩu 2024!", "matkhau"),  # diacritics and spaces do not hide it
        ("Anh-Yeu-Em#1", "anhyeuem"),
        ("Dichvucong@2024", "dichvucong"),  # the portal's own words (ASVS 6.2.11)
        ("Sunshine1!", "sunshine"),
    ],
)
def test_a_common_password_is_refused_case_and_decoration_aside(password, key):
    assert common_key(password) == key
    assert is_common(password)
    error = refused(password, password)
    assert error.key == "password.common"
    assert problem_text(error.problem) == (
        "Mật khẩu này nằm trong danh sách mật khẩu hay bị dùng nhất; hãy chọn mật khẩu khác."
    )


def test_the_common_list_is_shipped_in_the_package_and_made_by_its_script():
    keys = common_passwords()
    assert len(keys) > 7000
    assert {"password", "qwerty", "iloveyou", "matkhau", "anhyeuem", *CONTEXT_WORDS} <= keys
    assert all(key == common_key(key) and len(key) >= passwords.MIN_COMMON_KEY for key in keys)
    root = Path(__file__).resolve().parents[2]
    script = runpy.run_path(str(root / "tools" / "make_common_passwords.py"))
    shipped = (root / "dvc_tui" / "data" / "common_passwords.txt").read_text(encoding="utf-8")
    assert shipped == script["render"](script["build"]()), "run python3 tools/make_common_passwords.py"


def test_a_short_key_is_left_to_zxcvbn():
    assert common_key("Aa123456!") == "aa"
    assert not is_common("Aa123456!")
    assert weak_or_none("Aa123456!") == "password.guessable"


# -- weak passwords: zxcvbn ------------------------------------------------------------------
@pytest.mark.parametrize(
    "password, hint",
    [
        ("Zaq1@wsX", "keyboard"),
        ("Xy1!Xy1!Xy1!", "repeat"),
        ("Zz!9876543210", "sequence"),
        ("01/01/1990Aa!", "date"),
        ("Government#1", "word"),
        ("Nguyen#2019", "name"),  # a common surname, for someone not called Nguyễn
        ("Abcdef1!", "common"),
        ("Chinhphu!Q9z", "portal"),
        ("Tr@m9Kiu", "short"),  # 8 characters never reach 10^8 guesses
    ],
)
def test_a_guessable_password_is_refused_with_zxcvbn_s_reason_in_fixed_words(password, hint):
    error = refused(password, password)
    assert error.key == "password.guessable"
    assert error.problem.params == {"hint": hint}
    assert strength(password)[0] < passwords.MIN_SCORE
    said = problem_text(error.problem)
    assert said == f"Mật khẩu quá dễ đoán ({VI['pw.hint.' + hint]}); hãy dùng mật khẩu dài hơn, ghép vài từ ít gặp."


def test_the_person_s_data_counts_for_zxcvbn_too():
    lan = PersonalData(full_name="Phạm Thị Lan", phone="+84912000111")
    # For anyone else a strong password; for Phạm Thị Lan her name, which zxcvbn sees too
    # (the name check refuses it first: this is the second line of defence).
    assert strength("Phamthilan#1") == (4, "short")
    assert strength("Phamthilan#1", lan) == (1, "personal")


def test_the_training_guide_names_the_rule_behind_each_weak_password():
    from dvc_tui.core.guide import hint_key

    assert hint_key("password.personal") == "guide.hint.password_personal"
    assert hint_key("password.common") == hint_key("password.guessable") == "guide.hint.password_strong"
    assert hint_key("password.weak") == "guide.hint.password"
    assert "số CMT/CCCD" in VI["guide.hint.password_personal"]


def test_every_hint_and_personal_kind_has_words_in_both_catalogs_and_no_english_feedback_in_vietnamese():
    from zxcvbn import feedback

    english = [line.strip().strip("_()'\"") for line in Path(feedback.__file__).read_text().splitlines()
               if "_(" in line]
    assert len(english) > 10
    for kind in PERSONAL_KINDS:
        assert f"pw.personal.{kind}" in VI and f"pw.personal.{kind}" in EN
    for hint in GUESS_HINTS:
        assert f"pw.hint.{hint}" in VI and f"pw.hint.{hint}" in EN
        said = problem_text(PortalError("password.guessable", hint=hint).problem)
        assert not any(sentence[:20] in said for sentence in english if sentence)


@FAST
@given(st.text(alphabet=LOWER + UPPER + DIGITS + SPECIAL + " ", min_size=29, max_size=MAX_LENGTH - 4))
def test_long_passwords_are_judged_without_error(password):
    """zxcvbn refuses more than its max_length and slows down badly on long text: the check
    scores two 32-character windows, and any answer is a PortalError or none."""
    assert weak_or_none(password + "aA1!") in (None, *WEAK_KEYS)


def test_a_long_password_counts_by_its_better_end():
    assert weak_or_none("a" * 40 + "Sen-Vang-2024!") is None
    assert weak_or_none("Sen-Vang-2024!" + "a" * 40) is None
    assert weak_or_none("Xy1!" * 32) == "password.guessable"  # a repeat, at either end


def test_zxcvbn_is_imported_only_when_a_password_is_judged():
    probe = (
        "import json, sys\n"
        "from dvc_tui.core.passwords import check_new_password\n"
        "from dvc_tui.core.problems import PortalError\n"
        "seen = ['zxcvbn' in sys.modules]\n"
        "try:\n"
        "    check_new_password('abc', 'abc')\n"
        "except PortalError:\n"
        "    pass\n"
        "seen.append('zxcvbn' in sys.modules)\n"
        "check_new_password(sys.argv[1], sys.argv[1])\n"
        "seen.append('zxcvbn' in sys.modules)\n"
        "print(json.dumps(seen))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, GOOD_PASSWORD], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, False, True]


def test_judging_from_several_threads_keeps_each_person_s_inputs():
    """zxcvbn keeps user inputs in a module global; the lock keeps one check's inputs its own."""
    lan = PersonalData(full_name="Phạm Thị Lan")
    expected = {who: strength("Lanpham#7Q", who) for who in (lan, PersonalData())}
    results: list[bool] = []

    def judge(who):
        for _ in range(20):
            results.append(strength("Lanpham#7Q", who) == expected[who])

    threads = [threading.Thread(target=judge, args=(who,)) for who in (lan, PersonalData()) * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results and all(results)


# -- the hasher ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hasher() -> PasswordHasher:
    return PasswordHasher(HashCost.named("test"))


def test_hash_costs_are_named_or_spelled_out():
    assert HashCost.named("test").time_cost >= 1
    production = HashCost.named("production")
    assert production.memory_cost >= 19 * 1024  # at least OWASP's minimum memory
    assert HashCost.named(" Production ") == production
    spelled = HashCost.named("p=1, t=2, m=65536")
    assert (spelled.time_cost, spelled.memory_cost, spelled.parallelism) == (2, 65536, 1)
    assert HashCost.named(spelled.spelled()) == spelled
    for bad in ("fastest", "", "t=2,m=65536", "t=2,t=3,m=65536", "t=0,m=65536,p=1", "t=1,m=7,p=1",
                "t=1,m=16,p=4", "t=1,m=99999999,p=1", "t=x,m=1,p=1", "t=1;m=65536;p=1"):
        with pytest.raises(ValueError):
            HashCost.named(bad)


def test_a_spelled_out_cost_makes_hashes_with_those_parameters():
    phc = PasswordHasher(HashCost.named("t=2,m=64,p=1")).hash("Sen-Vang-2024!")
    assert phc.startswith("$argon2id$v=19$m=64,t=2,p=1$")
    assert not PasswordHasher(HashCost.named("test")).needs_rehash(phc)  # never down to a cheaper cost
    assert PasswordHasher(HashCost.named("t=3,m=64,p=1")).needs_rehash(phc)  # only up


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
