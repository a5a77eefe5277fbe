"""Mã số thuế (checked with stdnum.vn.mst), agency codes and organisation names: property tests."""

from __future__ import annotations

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from stdnum.vn import mst

from dvc_tui.core.identity import (
    MAX_FIELD,
    AgencyCode,
    TaxCode,
    parse_agency_code,
    parse_org_name,
    parse_tax_code,
)
from dvc_tui.core.problems import PortalError

FAST = settings(max_examples=60, deadline=None)

digits = st.text(alphabet="0123456789", min_size=1, max_size=1)


def refused(call, *args) -> PortalError:
    with pytest.raises(PortalError) as caught:
        call(*args)
    return caught.value


@st.composite
def valid_heads(draw) -> str:
    """10 digits: a 2-digit province, a 7-digit sequence not all zero, and its check digit."""
    province = draw(st.integers(0, 99))
    sequence = draw(st.integers(1, 9_999_999))
    nine = f"{province:02d}{sequence:07d}"
    check = mst.calc_check_digit(nine)
    assume(len(check) == 1)  # one prefix in 11 has no valid check digit at all
    return nine + check


branches = st.integers(1, 999).map(lambda n: f"{n:03d}")


@given(valid_heads())
@example("0109998883")
@example("0100233488")
@FAST
def test_a_ten_digit_tax_code_with_its_check_digit_is_accepted(head):
    code = parse_tax_code(f"  {head} ")
    assert code == TaxCode(head)
    assert (code.head, code.branch, code.formatted) == (head, None, head)


@given(valid_heads(), branches, st.sampled_from(["", "-", " - ", "- ", " -"]))
@example("0409996661", "001", "-")
@FAST
def test_a_branch_code_is_accepted_with_or_without_a_dash(head, branch, separator):
    code = parse_tax_code(head + separator + branch)
    assert code.value == head + branch
    assert (code.head, code.branch, code.formatted) == (head, branch, f"{head}-{branch}")


@given(valid_heads(), st.integers(1, 9), st.one_of(st.none(), branches))
@FAST
def test_a_wrong_check_digit_is_refused(head, delta, branch):
    wrong = head[:9] + str((int(head[9]) + delta) % 10)
    text = wrong if branch is None else f"{wrong}-{branch}"
    assert refused(parse_tax_code, text).key == "mst.checksum"


@given(st.text(alphabet="0123456789", min_size=10, max_size=10) | st.text(alphabet="0123456789", min_size=13, max_size=13))
@FAST
def test_any_ten_or_thirteen_digits_agree_with_stdnum(number):
    try:
        code = parse_tax_code(number)
    except PortalError as error:
        assert not mst.is_valid(number), error.key
        assert error.key in ("mst.checksum", "mst.sequence", "mst.branch")
    else:
        assert mst.is_valid(number) and code.value == number


@given(st.text(alphabet="0123456789", min_size=1, max_size=20).filter(lambda s: len(s) not in (10, 13)))
@FAST
def test_other_lengths_are_refused_naming_the_length(number):
    error = refused(parse_tax_code, number)
    assert (error.key, error.problem.params) == ("mst.length", {"length": len(number)})


@given(valid_heads(), st.sampled_from(list("abcXYZ.,/_+#") + ["\u0660", "\uff11", "\u00a0", "đ"]), st.integers(1, 9))
@FAST
def test_anything_but_digits_and_the_branch_dash_is_refused(head, char, at):
    assert refused(parse_tax_code, head[:at] + char + head[at:]).key == "mst.digits"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "mst.required"),
        ("   ", "mst.required"),
        ("0100000000", "mst.sequence"),  # sequence 0000000
        ("0109998883-000", "mst.branch"),
        ("0109998883000", "mst.branch"),
        ("01099-98883", "mst.format"),  # the dash only before the branch
        ("0109998883--001", "mst.format"),
        ("0109998883 001", "mst.format"),
        ("-0109998883", "mst.format"),
        ("0" * (MAX_FIELD + 1), "mst.format"),
    ],
)
def test_malformed_tax_codes_are_refused_with_their_reason(text, key):
    assert refused(parse_tax_code, text).key == key


# -- agency codes -----------------------------------------------------------------------------
@given(
    st.integers(0, 999), st.integers(0, 99), st.integers(0, 99),
    st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), st.integers(0, 99), st.booleans(),
)
@FAST
def test_agency_codes_of_the_documented_shape_are_accepted(l4, l3, l2, letter, l1, lower):
    text = f"{l4:03d}.{l3:02d}.{l2:02d}.{letter}{l1:02d}"
    assert parse_agency_code(f" {text.lower() if lower else text} ") == AgencyCode(text)


@pytest.mark.parametrize(
    "text", ["H29", "000.00.00", "000.00.00.29", "000.00.00.HH9", "00.00.00.H29", "000-00-00-H29",
             "000.00.00.H29.1", "000000000H29", "٠٠٠.00.00.H29", "000.00.00.Đ29"],
)
def test_other_agency_codes_are_refused(text):
    assert refused(parse_agency_code, text).key == "agency.format"


def test_an_empty_agency_code_is_required():
    assert refused(parse_agency_code, "  ").key == "agency.required"


# -- organisation names ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Công ty TNHH Thương mại Sao Mai", "Công ty TNHH Thương mại Sao Mai"),
        ("  Công ty  CP 3T & Co.  ", "Công ty CP 3T & Co."),
        ("Chi nhánh Đà Nẵng - Công ty \"Hoa Sen\" (mô phỏng)", "Chi nhánh Đà Nẵng - Công ty \"Hoa Sen\" (mô phỏng)"),
        ("Cong ty Ho\u0302\u0300ng Ha\u0300", "Cong ty Hồng Hà"),  # decomposed diacritics: kept in NFC
    ],
)
def test_organisation_names_are_kept_in_nfc_with_single_spaces(text, name):
    assert parse_org_name(text) == name


@pytest.mark.parametrize(
    ("text", "key"),
    [("", "org_name.required"), ("A", "org_name.length"), ("A" * 201, "org_name.length"),
     ("Công ty\u0000", "org_name.chars"), ("Công ty @home", "org_name.chars"), ("Công\tty", "org_name.chars")],
)
def test_bad_organisation_names_are_refused(text, key):
    assert refused(parse_org_name, text).key == key
