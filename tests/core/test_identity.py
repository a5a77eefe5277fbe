"""Property tests for every identity validator: what the form accepts, and what it refuses."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

import phonenumbers
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from dvc_tui.core.identity import (
    MAX_FIELD,
    PROVINCES,
    IdNumber,
    Phone,
    format_dob,
    mask_id,
    parse_dob,
    parse_email,
    parse_full_name,
    parse_id_number,
    parse_phone,
)
from dvc_tui.core.problems import PortalError

TODAY = date(2026, 11, 30)
FAST = settings(max_examples=50, deadline=None)
QUICK = settings(max_examples=30, deadline=None)


def refused(call, *args) -> PortalError:
    """The PortalError a call raises (any other exception fails the test)."""
    with pytest.raises(PortalError) as caught:
        call(*args)
    return caught.value


# -- strategies ---------------------------------------------------------------------------
digits = st.text(alphabet="0123456789", min_size=1, max_size=1)


def digit_string(n: int):
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
provinces = st.sampled_from(sorted(PROVINCES))
unknown_provinces = digit_string(3).filter(lambda code: code not in PROVINCES)


def century_digits(year: int) -> str:
    return "01" if year < 2000 else "23"


@st.composite
def cccd_with_dob(draw):
    """A 12-digit CCCD whose century and year digits agree with a date of birth."""
    born = draw(births)
    value = (
        draw(provinces)
        + draw(st.sampled_from(century_digits(born.year)))
        + f"{born.year % 100:02d}"
        + draw(digit_string(6))
    )
    return value, born


VI_LOWER = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
VI_LETTERS = VI_LOWER + VI_LOWER.upper()
vi_words = st.text(alphabet=VI_LETTERS, min_size=1, max_size=7)
vi_names = st.lists(vi_words, min_size=1, max_size=6).map(" ".join).filter(lambda s: 2 <= len(s) <= 100)

# 10-digit mobile prefixes (after the 0) of Viettel, Vinaphone, MobiFone, Vietnamobile, Gmobile, Itel
MOBILE_PREFIXES = (
    "32 33 34 35 36 37 38 39 56 58 59 70 76 77 78 79 81 82 83 84 85 86 87 88 90 91 92 93 94 96 97 98"
).split()
# 0 + 3-digit area code + 7 digits: fixed lines in the provinces
LANDLINE_AREAS = "203 204 205 206 208 210 211 212 213 214 215 216 218 219 220 222 225 226 228 229 232 233 234 235 236 237 238 239 251 252 254 255 256 257 258 259 260 261 262 263 269 270 271 272 273 274 275 276 277 290 291 292 293 294 296 297 299".split()


@st.composite
def mobile_numbers(draw):
    """(national digits starting with 0, E.164) for a Vietnamese mobile number."""
    national = "0" + draw(st.sampled_from(MOBILE_PREFIXES)) + draw(digit_string(7))
    return national, "+84" + national[1:]


def typed_forms(national: str) -> list[str]:
    n = national
    rest = n[1:]
    return [
        n,
        "+84" + rest,
        f"+84 {rest[:2]} {rest[2:5]} {rest[5:]}",
        f"{n[:4]} {n[4:7]} {n[7:]}",
        f"{n[:4]}.{n[4:7]}.{n[7:]}",
        f"{n[:4]}-{n[4:7]}-{n[7:]}",
        f"({n[:4]}) {n[4:]}",
        f"  {n}  ",
    ]


ATEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-"
email_atoms = st.text(alphabet=ATEXT, min_size=1, max_size=12)
email_locals = st.lists(email_atoms, min_size=1, max_size=4).map(".".join).filter(lambda s: len(s) <= 64)
LD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
domain_labels = st.builds(
    lambda first, middle, last: first + middle + last if middle or last else first,
    st.sampled_from(LD),
    st.text(alphabet=LD + "-", max_size=10),
    st.text(alphabet=LD, max_size=1),
).filter(lambda label: not label.endswith("-"))
tlds = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=6)
email_domains = st.builds(lambda labels, tld: ".".join(labels + [tld]), st.lists(domain_labels, min_size=1, max_size=3), tlds)
emails = st.builds(lambda local, domain: f"{local}@{domain}", email_locals, email_domains).filter(
    lambda e: len(e) <= 254
)

# Text a paste or a terminal can smuggle in: controls, escape sequences, invisible and
# direction-changing characters, look-alike and non-Latin letters, lone surrogates.
HOSTILE = [
    "\x00", "\x07", "\x08", "\x1b", "\x1b[31m", "\x1b[2J", "\x1b]0;owned\x07", "\x7f", "\x9b",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",
    "\u202e", "\u202d", "\u200e", "\u200f", "\u2066", "\u2067", "\u061c",
    "中", "文字", "王", "Ж", "А", "е", "Ω", "\uff21",
    "\ud800", "\udcff", "\t", "\n", "\r\n", "\x1f", "\x85", "\u2028",
]
hostile = st.sampled_from(HOSTILE)


def clean(text: str) -> bool:
    """No control, format, surrogate, private-use or unassigned character."""
    return not any(unicodedata.category(ch).startswith("C") for ch in text)


def refused_or_trimmed(parse, base: str, piece: str, pos: int):
    """Insert `piece` into a valid `base`: refused with PortalError, or trimmed as edge whitespace."""
    text = base[:pos] + piece + base[pos:]
    try:
        result = parse(text)
    except PortalError:
        return
    assert pos in (0, len(base)) and piece.strip() == "", f"accepted {text!r} as {result!r}"
    assert result == parse(base)


def long_strings():
    return st.sampled_from(
        [
            "1" * 100_000,
            "0912345678" * 10_000,
            "a" * 100_000,
            "Nguyễn Văn An " * 7_200,
            "a@b.vn" * 17_000,
            "01/01/1990" * 10_000,
            " " * 99_990 + "0912345678",
            "\x1b[31m" * 20_000,
            "\u200b" * 100_000,
        ]
    )


# -- CMT/CCCD -----------------------------------------------------------------------------
@FAST
@given(cccd_with_dob())
def test_a_cccd_agreeing_with_the_date_of_birth_is_accepted(case):
    value, born = case
    parsed = parse_id_number(value, born)
    assert parsed == IdNumber(value)
    assert parsed.is_cccd
    assert parsed.province == PROVINCES[value[:3]]
    assert parse_id_number(f"  {value}\t", born) == parsed  # typed with spaces around


@FAST
@given(digit_string(9), st.none() | births)
def test_a_nine_digit_cmnd_is_accepted(value, born):
    parsed = parse_id_number(value, born)
    assert parsed.value == value
    assert not parsed.is_cccd
    assert parsed.province is None


@FAST
@given(cccd_with_dob(), unknown_provinces)
def test_an_unknown_province_code_is_refused(case, code):
    value, born = case
    bad = code + value[3:]
    for dob in (born, None):
        error = refused(parse_id_number, bad, dob)
        assert error.key == "id.province"
        assert error.problem.params == {"code": code}


@FAST
@given(cccd_with_dob(), digits)
def test_a_4th_digit_of_the_wrong_century_is_refused(case, digit):
    value, born = case
    assume(digit not in century_digits(born.year))
    bad = value[:3] + digit + value[4:]
    error = refused(parse_id_number, bad, born)
    assert error.key == "id.century"
    assert error.problem.params == {"digit": digit, "year": born.year}
    assert parse_id_number(bad) == IdNumber(bad)  # without a date of birth nothing to compare


@FAST
@given(cccd_with_dob(), digit_string(2))
def test_5th_6th_digits_not_matching_the_year_are_refused(case, year_digits):
    value, born = case
    assume(year_digits != f"{born.year % 100:02d}")
    bad = value[:4] + year_digits + value[6:]
    error = refused(parse_id_number, bad, born)
    assert error.key == "id.year"
    assert error.problem.params == {"digits": year_digits, "year": born.year}


@FAST
@given(st.text(alphabet="0123456789", min_size=1, max_size=40).filter(lambda s: len(s) not in (9, 12)))
def test_digits_of_another_length_are_refused_with_the_count(value):
    error = refused(parse_id_number, value)
    assert error.key == "id.length"
    assert error.problem.params == {"length": len(value)}


@FAST
@given(st.text(min_size=1, max_size=20).filter(lambda s: s.strip() and not (s.strip().isascii() and s.strip().isdigit())))
@example("00109001234a")
@example("001 090 012 345")
@example("٠٠١٠٩٠٠١٢٣٤٥")  # Arabic-Indic digits
@example("００１０９００１２３４５")  # full-width digits
def test_anything_but_ascii_digits_is_refused(text):
    assert refused(parse_id_number, text).key == "id.digits"


@pytest.mark.parametrize("text", ["", " ", "\t \n"])
def test_an_empty_id_is_required(text):
    assert refused(parse_id_number, text).key == "id.required"


def test_province_names_and_masks_of_known_numbers():
    parsed = parse_id_number("079190000111", date(1990, 5, 1))
    assert parsed.province == "Hồ Chí Minh"
    assert parsed.masked() == "079******111"
    assert parse_id_number("123456789").masked() == "123***789"


@QUICK
@given(cccd_with_dob(), hostile, st.data())
def test_hostile_text_in_an_id_is_refused(case, piece, data):
    value, born = case
    pos = data.draw(st.integers(0, len(value)))
    refused_or_trimmed(lambda text: parse_id_number(text, born), value, piece, pos)


# -- full name ----------------------------------------------------------------------------
@FAST
@given(vi_names)
@example("Nguyễn Văn An")
@example("Đỗ Thị Ánh Tuyết")
@example("Trương Quỳnh Hương")
def test_vietnamese_names_are_accepted_and_kept_nfc(name):
    nfd = unicodedata.normalize("NFD", name)
    for typed in (name, nfd, f"  {nfd}  ", nfd.replace(" ", "   ")):
        result = parse_full_name(typed)
        assert result == name
        assert unicodedata.is_normalized("NFC", result)


def test_a_decomposed_name_comes_back_composed():
    typed = "Nguye\u0302\u0303n Va\u0306n An"  # e + circumflex + tilde, a + breve
    result = parse_full_name(typed)
    assert result == "Nguyễn Văn An"
    assert len(result) == 13 and "\u0303" not in result


@FAST
@given(vi_names, hostile, st.data())
def test_hostile_text_in_a_name_is_refused(name, piece, data):
    pos = data.draw(st.integers(0, len(name)))
    refused_or_trimmed(parse_full_name, name, piece, pos)


@pytest.mark.parametrize(
    "typed, char",
    [
        ("Nguyễn\x1b[31mAn", "U+001B"),
        ("Nguyễn\u200bAn", "U+200B"),
        ("Nguyễn\u202eAn", "U+202E"),
        ("Иван Петров", "И"),
        ("王小明", "王"),
        ("Nguyễn Văn 2", "2"),
        ("Nguyễn-An", "-"),
        ("Nguyễ\u0301n An", "U+0301"),  # a second tone mark: composes with nothing
    ],
)
def test_the_refused_character_is_named_printably(typed, char):
    error = refused(parse_full_name, typed)
    assert error.key == "name.letters"
    assert error.problem.params == {"char": char}


@pytest.mark.parametrize("typed", ["Nguyễn\tAn", "Nguyễn\nAn", "Nguyễn\u00a0An", "Nguyễn\u3000An"])
def test_other_spaces_between_words_are_refused(typed):
    assert refused(parse_full_name, typed).key == "name.spaces"


@pytest.mark.parametrize("typed", ["", "   ", "\t"])
def test_an_empty_name_is_required(typed):
    assert refused(parse_full_name, typed).key == "name.required"


@QUICK
@given(st.integers(101, MAX_FIELD + 50))
def test_names_longer_than_100_characters_are_refused(length):
    assert refused(parse_full_name, "a" * length).key == "name.length"


def test_a_one_letter_name_is_refused():
    assert refused(parse_full_name, "A").key == "name.length"


# -- date of birth ------------------------------------------------------------------------
@FAST
@given(births)
def test_a_real_past_date_is_accepted(born):
    typed = f"{born.day:02d}/{born.month:02d}/{born.year}"
    assert parse_dob(typed, TODAY) == born
    assert parse_dob(f" {typed} ", TODAY) == born
    assert format_dob(born) == typed
    assert parse_dob(typed, born) == born  # born today is not the future


@FAST
@given(births)
def test_a_date_after_today_is_refused(born):
    typed = format_dob(born)
    assume(born > date(1900, 1, 1))
    assert refused(parse_dob, typed, born - timedelta(days=1)).key == "dob.future"


@FAST
@given(st.dates(min_value=TODAY + timedelta(days=1), max_value=date(9999, 12, 31)))
def test_future_dates_are_refused(born):
    assert refused(parse_dob, format_dob(born), TODAY).key == "dob.future"


@FAST
@given(st.dates(min_value=date(1000, 1, 1), max_value=date(1899, 12, 31)))
def test_years_before_1900_are_refused(born):
    assert refused(parse_dob, format_dob(born), TODAY).key == "dob.too_old"


@FAST
@given(st.integers(0, 99), st.integers(0, 99), st.integers(1900, 2026))
def test_dates_not_on_the_calendar_are_refused(day, month, year):
    try:
        date(year, month, day)
    except ValueError:
        pass
    else:
        assume(False)
    assert refused(parse_dob, f"{day:02d}/{month:02d}/{year}", TODAY).key == "dob.invalid"


@pytest.mark.parametrize("typed", ["29/02/2023", "31/04/1990", "30/02/2000", "00/01/1990", "01/13/1990", "29/02/1900"])
def test_known_impossible_dates(typed):
    assert refused(parse_dob, typed, TODAY).key == "dob.invalid"


def test_leap_day_is_a_real_date():
    assert parse_dob("29/02/2000", TODAY) == date(2000, 2, 29)


@pytest.mark.parametrize(
    "typed",
    [
        "1990-01-01", "01.01.1990", "01-01-1990", "01/01/90", "01011990", "01/01/1990/",
        "1/1/1990 x", "01 / 01 / 1990", "١٢/٠٣/١٩٩٠", "０１/０１/１９９０", "01/01/19900",
    ],
)
def test_other_formats_are_refused(typed):
    assert refused(parse_dob, typed, TODAY).key == "dob.format"


@pytest.mark.parametrize("typed", ["", "  "])
def test_an_empty_date_is_required(typed):
    assert refused(parse_dob, typed, TODAY).key == "dob.required"


@QUICK
@given(births, hostile, st.data())
def test_hostile_text_in_a_date_is_refused(born, piece, data):
    typed = format_dob(born)
    pos = data.draw(st.integers(0, len(typed)))
    refused_or_trimmed(lambda text: parse_dob(text, TODAY), typed, piece, pos)


# -- mobile number ------------------------------------------------------------------------
@FAST
@given(mobile_numbers())
def test_vietnamese_mobile_numbers_are_stored_as_e164(case):
    national, e164 = case
    for typed in typed_forms(national):
        phone = parse_phone(typed)
        assert phone == Phone(e164), typed
        assert phone.national == national


@FAST
@given(st.sampled_from(LANDLINE_AREAS), digit_string(7))
def test_landlines_are_refused(area, rest):
    national = "0" + area + rest
    assert refused(parse_phone, national).key == "phone.not_mobile"
    assert refused(parse_phone, "+84" + national[1:]).key == "phone.not_mobile"


def foreign_mobiles():
    regions = sorted(r for r in phonenumbers.SUPPORTED_REGIONS if r != "VN")
    numbers = []
    for region in regions:
        example_number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        if example_number is not None and example_number.country_code != 84:
            numbers.append(phonenumbers.format_number(example_number, phonenumbers.PhoneNumberFormat.E164))
    return st.sampled_from(numbers)


@FAST
@given(foreign_mobiles())
@example("+14155552671")
@example("+8613800138000")
@example("+66812345678")
def test_foreign_numbers_are_refused(e164):
    assert refused(parse_phone, e164).key == "phone.not_vn"


@FAST
@given(mobile_numbers(), st.sampled_from([-1, 1, 2]))
def test_mobile_numbers_of_the_wrong_length_are_refused(case, change):
    national, _ = case
    typed = national[:change] if change < 0 else national + "0" * change
    assert refused(parse_phone, typed).key == "phone.invalid"


@pytest.mark.parametrize(
    "typed", ["12345", "0912-345-67a", "0912345678#", "+", "++84912345678", "84+912345678", "0912/345/678", "1" * 16]
)
def test_malformed_numbers_are_refused(typed):
    assert refused(parse_phone, typed).key == "phone.format"


@pytest.mark.parametrize("typed", ["", " \t "])
def test_an_empty_number_is_required(typed):
    assert refused(parse_phone, typed).key == "phone.required"


@QUICK
@given(mobile_numbers(), hostile, st.data())
def test_hostile_text_in_a_number_is_refused(case, piece, data):
    national, _ = case
    pos = data.draw(st.integers(0, len(national)))
    refused_or_trimmed(parse_phone, national, piece, pos)


@FAST
@given(mobile_numbers())
def test_phone_masks_show_only_the_ends(case):
    national, e164 = case
    phone = Phone(e164)
    assert phone.masked() == national[:3] + "****" + national[-3:]
    assert phone.masked_login() == national[:4] + "xxx" + national[-3:]


def test_phone_masks_of_the_leaflet_number():
    phone = parse_phone("0828123088")
    assert phone.e164 == "+84828123088"
    assert phone.masked() == "082****088"
    assert phone.masked_login() == "0828xxx088"


# -- email --------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["", "   ", "\t\n"])
def test_email_is_optional(typed):
    assert parse_email(typed) is None


@FAST
@given(emails)
@example("ten@example.vn")
@example("Nguyen.Van.An+dvc@Mail.Gov.VN")
def test_plausible_addresses_are_accepted_with_the_domain_lower_cased(address):
    local, _, domain = address.rpartition("@")
    expected = f"{local}@{domain.lower()}"
    assert parse_email(address) == expected
    assert parse_email(f"  {address} ") == expected


@pytest.mark.parametrize(
    "typed",
    [
        "plainaddress", "@example.vn", "ten@", "ten@example", "ten@@example.vn", "ten@exa mple.vn",
        "ten an@example.vn", ".ten@example.vn", "ten.@example.vn", "t..en@example.vn",
        "ten@example..vn", "ten@-example.vn", "ten@example-.vn", "ten@example.v",
        "nguyễn@example.vn", "ten@ví-dụ.vn", "ten@example.vn\x00", "ten\u200b@example.vn",
        "a" * 65 + "@example.vn", "a@" + "b" * 64 + ".vn", "a@" + ("b" * 60 + ".") * 5 + "vn",
    ],
)
def test_implausible_addresses_are_refused(typed):
    assert refused(parse_email, typed).key == "email.invalid"


@QUICK
@given(emails, hostile, st.data())
def test_hostile_text_in_an_email_is_refused(address, piece, data):
    pos = data.draw(st.integers(0, len(address)))
    refused_or_trimmed(parse_email, address, piece, pos)


# -- every validator against anything ------------------------------------------------------
VALIDATORS = {
    "id": lambda text: parse_id_number(text, date(1990, 1, 1)),
    "name": parse_full_name,
    "dob": lambda text: parse_dob(text, TODAY),
    "phone": parse_phone,
    "email": parse_email,
}


def accepted_value_is_clean(kind: str, result) -> None:
    if kind == "id":
        assert re.fullmatch(r"\d{9}|\d{12}", result.value)
    elif kind == "name":
        assert clean(result) and unicodedata.is_normalized("NFC", result)
        assert all(ch == " " or unicodedata.name(ch, "").startswith("LATIN") for ch in result)
        assert result == result.strip() and "  " not in result
    elif kind == "dob":
        assert date(1900, 1, 1) <= result <= TODAY
    elif kind == "phone":
        assert re.fullmatch(r"\+84\d{9}", result.e164)
    elif kind == "email":
        assert result is None or (result.isascii() and clean(result) and " " not in result)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(VALIDATORS)), st.text(max_size=300) | st.lists(st.sampled_from(HOSTILE + list("0123456789/@.+ aĐ")), max_size=40).map("".join))
def test_any_text_is_refused_with_portal_error_or_accepted_clean(kind, text):
    try:
        result = VALIDATORS[kind](text)
    except PortalError as error:
        assert error.key.startswith(f"{kind}.")
        return
    accepted_value_is_clean(kind, result)


@QUICK
@given(st.sampled_from(sorted(VALIDATORS)), long_strings())
def test_100000_character_pastes_are_refused(kind, text):
    error = refused(VALIDATORS[kind], text)
    assert error.key.startswith(f"{kind}.")


@pytest.mark.parametrize("kind", sorted(VALIDATORS))
def test_a_field_just_over_the_limit_is_refused(kind):
    base = {"id": "1", "name": "a", "dob": "1", "phone": "1", "email": "a"}[kind]
    refused(VALIDATORS[kind], base * (MAX_FIELD + 1))


# -- masks --------------------------------------------------------------------------------
@FAST
@given(st.sampled_from([9, 12]).flatmap(digit_string))
def test_mask_id_hides_all_but_three_digits_at_each_end(value):
    masked = mask_id(value)
    assert len(masked) == len(value)
    assert masked[:3] == value[:3] and masked[-3:] == value[-3:]
    assert set(masked[3:-3]) == {"*"}
    assert IdNumber(value).masked() == masked
