"""`dvc-tui token ...`: make, list, revoke, the training set; bad input is one line and exit 2."""

from __future__ import annotations

from datetime import datetime

from dvc_tui.core.clock import VN_TZ

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dvc_tui.cli import main
from dvc_tui.core.text import set_language
from dvc_tui.core.tokens import TRAINING_TOKENS


@pytest.fixture(autouse=True)
def vietnamese():
    yield
    set_language("vi")  # the CLI sets the language of the process


@pytest.fixture
def run(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")  # tables whole on one line each, as in a wide terminal

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data_dir), "--no-keyring", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def new(run, *extra: str, kind="citizen", identifier="001090012345", name="Nguyễn Văn An", pin="123456"):
    return run("token", "new", "--kind", kind, "--id", identifier, "--name", name, "--pin", pin, *extra)


def listed(run) -> list[dict]:
    code, out, _ = run("token", "list", "--json")
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


def test_new_makes_a_token_and_says_so_in_one_line(run):
    code, out, err = new(run, "--email", "an@example.vn", "--days", "30")
    assert (code, err) == (0, "")
    [token] = listed(run)
    until = datetime.fromisoformat(token["not_after"]).astimezone(VN_TZ)  # shown in Vietnam's time
    assert out == (
        f"Đã tạo USB ký số {token['serial']} cho Nguyễn Văn An (001090012345), hiệu lực đến "
        f"{until:%Y-%m-%d %H:%M}.\n"
    )
    assert token["kind"] == "citizen" and token["email"] == "an@example.vn" and token["status"] == "valid"
    assert token["issuer"] == "DVC-TUI Simulated CA" and token["failed_pins"] == 0 and not token["locked"]


def test_list_shows_a_table_with_the_whole_serial(run):
    code, out, _ = run("token", "list")
    assert (code, out.strip()) == (0, "Chưa có USB ký số nào. Tạo bằng “dvc-tui token new …” hoặc “dvc-tui token training”.")
    new(run, kind="business", identifier="0109998883001", name="Công ty TNHH Sao Mai")
    code, out, _ = run("token", "list")
    [token] = listed(run)
    assert code == 0
    assert "USB ký số đang cắm (1)" in out and token["serial"] in out
    assert "0109998883-001" in out and "Còn hiệu lực" in out


def test_list_masks_citizens_id_numbers(run):
    new(run)
    _, out, _ = run("token", "list")
    assert "001******345" in out and "001090012345" not in out


def test_revoke_by_serial_prefix_then_list_shows_it_revoked(run):
    new(run)
    [token] = listed(run)
    code, out, err = run("token", "revoke", token["serial"][:6].lower())
    assert (code, err) == (0, "")
    assert out == f"Đã thu hồi chứng thư số {token['serial']} của Nguyễn Văn An.\n"
    [after] = listed(run)
    assert after["status"] == "revoked" and after["revoked_at"] is not None
    _, table, _ = run("token", "list")
    assert "Đã thu hồi" in table
    code, out, err = run("token", "revoke", token["serial"])
    assert code == 2 and out == "" and err.startswith(f"dvc-tui: Chứng thư số {token['serial']} đã bị thu hồi từ ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (dict(kind="business", identifier="0109998884", name="Công ty ABC"),
         "Mã số thuế không hợp lệ: chữ số kiểm tra (chữ số thứ 10) không đúng."),
        (dict(identifier="12345"), "Số CMT/CCCD phải có 9 số (CMT) hoặc 12 số (CCCD); bạn đã nhập 5 số."),
        (dict(kind="agency", identifier="H29", name="Sở ABC"), "Mã định danh điện tử của cơ quan có dạng "
         "000.00.00.H29: ba số, hai số, hai số, rồi một chữ cái in hoa và hai số, cách nhau bằng dấu chấm."),
        (dict(pin="1234"), "Mã PIN gồm 6 đến 8 chữ số."),
        (dict(name="A"), "Họ tên dài từ 2 đến 100 ký tự."),
    ],
)
def test_bad_input_is_one_vietnamese_line_and_exit_2(run, args, message):
    code, out, err = new(run, **args)
    assert (code, out, err) == (2, "", f"dvc-tui: {message}\n")
    assert listed(run) == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--days", "0"), "Thời hạn của chứng thư số từ 1 đến 3650 ngày."),
        (("--days", "mười"), "Thời hạn của chứng thư số từ 1 đến 3650 ngày."),
        (("--email", "an@"), "Email không hợp lệ (ví dụ: ten@example.vn)."),
    ],
)
def test_bad_options_are_one_line_and_exit_2(run, extra, message):
    assert new(run, *extra) == (2, "", f"dvc-tui: {message}\n")


def test_unknown_or_malformed_serials_are_one_line_and_exit_2(run):
    assert run("token", "revoke", "ABCDEF") == (2, "", "dvc-tui: Không có USB ký số nào có số sê-ri ABCDEF.\n")
    code, out, err = run("token", "revoke", "xyz")
    assert (code, out) == (2, "") and err.count("\n") == 1 and err.startswith("dvc-tui: Số sê-ri gồm 16 chữ số")


def test_messages_follow_the_language(run):
    code, _, err = run("--lang", "en", "token", "new", "--kind", "citizen", "--id", "001090012345", "--name",
                       "Nguyễn Văn An", "--pin", "12")
    assert (code, err) == (2, "dvc-tui: A PIN has 6 to 8 digits.\n")


def test_an_unknown_kind_is_refused_by_the_parser_with_exit_2(run, capsys):
    with pytest.raises(SystemExit) as caught:
        new(run, kind="robot")
    assert caught.value.code == 2


def test_training_makes_the_documented_set_once(run):
    code, out, err = run("token", "training")
    assert (code, err) == (0, "")
    for spec in TRAINING_TOKENS:
        assert spec.pin in out
    assert out.count("mới tạo") == len(TRAINING_TOKENS)
    states = {t["name"]: t["status"] for t in listed(run)}
    assert states == {
        "Nguyễn Văn An": "valid",
        "Công ty TNHH Thương mại Sao Mai": "valid",
        "Trung tâm Phục vụ hành chính công (mô phỏng)": "valid",
        "Trần Thị Mai": "expired",
        "Công ty CP Dịch vụ Hoa Sen - Chi nhánh Đà Nẵng": "revoked",
        "Lê Văn Hùng": "foreign",
    }
    code, out, _ = run("token", "training")
    assert code == 0 and out.count("đã có") == len(TRAINING_TOKENS) and "mới tạo" not in out
    assert len(listed(run)) == len(TRAINING_TOKENS)


def test_a_real_process_prints_no_traceback(data_dir):
    env = dict(os.environ, DVC_TUI_NO_KEYRING="1", DVC_TUI_LANG="vi")
    result = subprocess.run(
        [sys.executable, "-m", "dvc_tui", "--data-dir", str(data_dir), "token", "new", "--kind", "business",
         "--id", "0109998883-000", "--name", "Công ty ABC", "--pin", "123456"],
        capture_output=True, text=True, timeout=60, cwd=Path(__file__).resolve().parents[1],
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "dvc-tui: Mã chi nhánh (3 số cuối của mã số thuế) từ 001 đến 999.\n"


def test_serials_stay_whole_in_an_80_column_terminal(run, monkeypatch):
    run("token", "training")
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = run("token", "list")
    assert max(len(line) for line in out.splitlines()) <= 80
    assert all(token["serial"] in out for token in listed(run))
