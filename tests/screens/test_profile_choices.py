"""The profile says, for each type of account and method, how it was verified and how it logs in
(issue 3, item 8). The rows and the login line are plain functions of the account; the Pilot
tests of each path check them on screen."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from dvc_tui.core.accounts import Account, Level, Method, Subject
from dvc_tui.core.text import set_language
from dvc_tui.screens.profile import login_choices, profile_rows

WHEN = datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc)


def account(**changes) -> Account:
    base = dict(
        username="001090012345", full_name="Nguyễn Văn An", dob=date(1990, 1, 1), phone="+84828123088",
        email=None, subject=Subject.CITIZEN, method=Method.MOBILE, level=Level.IAL2, created_at=WHEN,
        password_hash="$argon2id$...",
    )
    return Account(**{**base, **changes})


@pytest.fixture(autouse=True)
def vietnamese():
    set_language("vi")
    yield
    set_language("vi")


def rows(acc: Account) -> dict[str, str]:
    from dvc_tui.core.text import t

    return {t(key): value for key, value in profile_rows(acc)}


@pytest.mark.parametrize(
    ("method", "level"),
    [
        (Method.MOBILE, "Mức 2 (đã được xác minh bởi nhà mạng)"),
        (Method.BHXH, "Mức 2 (đã được xác minh qua cơ sở dữ liệu BHXH)"),
        (Method.POST, "Mức 2 (đã được xác minh trực tiếp tại Bưu điện)"),
    ],
)
def test_a_citizen_by_password_logs_in_with_the_id_password_and_code(method, level):
    acc = account(method=method)
    shown = rows(acc)
    assert shown["Số CMT/CCCD"] == "001******345"
    assert shown["Số điện thoại"] == "082****088"
    assert shown["Phương thức đăng ký"] != "" and shown["Mức xác minh"] == level
    assert login_choices(acc) == "[b]Cách đăng nhập:[/] Số CMT/CCCD + mật khẩu, rồi mã OTP qua SMS"


def test_a_business_by_usb_shows_its_tax_code_whole_its_representative_and_no_phone():
    acc = account(
        username="0109998883", full_name="Công ty TNHH Thương mại Sao Mai", dob=None, phone="",
        email="ketoan@saomai.example.vn", subject=Subject.BUSINESS, method=Method.USB, level=Level.IAL3,
        password_hash=None, representative="Trần Văn Bình",
    )
    shown = rows(acc)
    assert shown["Tên tổ chức"] == "Công ty TNHH Thương mại Sao Mai"
    assert shown["Mã số thuế"] == "0109998883"
    assert shown["Người đại diện theo pháp luật"] == "Trần Văn Bình"
    assert "Ngày sinh" not in shown and shown["Số điện thoại"] == "(không có)"
    assert shown["Mức xác minh"] == "Mức 3 (xác minh mức độ cao, USB ký số)"
    assert "USB ký số: chọn chứng thư số và nhập mã PIN" in login_choices(acc)
    assert acc.signs_in


def test_an_agency_by_sim_logs_in_by_its_code_and_the_pin_on_its_phone():
    acc = account(
        username="000.00.01.H99", full_name="Trung tâm Phục vụ hành chính công (mô phỏng)", dob=None,
        subject=Subject.AGENCY, method=Method.SIM, level=Level.IAL3, password_hash=None,
    )
    shown = rows(acc)
    assert shown["Mã định danh cơ quan"] == "000.00.01.H99"
    assert shown["Mức xác minh"] == "Mức 3 (xác minh mức độ cao, SIM ký số)"
    assert login_choices(acc) == (
        "[b]Cách đăng nhập:[/] SIM ký số: nhập Mã định danh cơ quan, xác nhận bằng mã PIN trên điện thoại 082****088"
    )


def test_in_english_too():
    set_language("en")
    acc = account(subject=Subject.BUSINESS, username="0109998883", method=Method.SIM, level=Level.IAL3)
    assert rows(acc)["Tax code"] == "0109998883"
    assert login_choices(acc).startswith("[b]How to log in:[/] Signing SIM: enter the Tax code")
