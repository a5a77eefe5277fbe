"""`dvc-tui kiosk set-pin | status` and `dvc-tui --kiosk` without a PIN."""

from __future__ import annotations

import io

import pytest

from dvc_tui.cli import main
from dvc_tui.store.kiosk_pin import PIN_FILE


@pytest.fixture
def base(data_dir):
    return ["--data-dir", str(data_dir), "--no-keyring", "--hash-cost", "test"]


def run(argv, monkeypatch, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def test_set_pin_from_stdin_keeps_only_the_hash(base, data_dir, monkeypatch, capsys):
    assert run([*base, "kiosk", "set-pin", "--pin-stdin"], monkeypatch, "482913\n") == 0
    assert "Đã lưu mã PIN giảng viên" in capsys.readouterr().out
    text = (data_dir / PIN_FILE).read_text()
    assert text.startswith("$argon2id$") and "482913" not in text

    assert run([*base, "kiosk", "status"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "Mã PIN giảng viên: đã đặt" in out and "120 giây" in out


@pytest.mark.parametrize("typed, words", [("123456\n", "quá dễ đoán"), ("4829\n", "6 đến 12 chữ số"), ("\n", "Vui lòng nhập")])
def test_set_pin_refuses_weak_and_short_pins(base, data_dir, monkeypatch, capsys, typed, words):
    assert run([*base, "kiosk", "set-pin", "--pin-stdin"], monkeypatch, typed) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (data_dir / PIN_FILE).exists()


def test_set_pin_asks_twice_at_the_keyboard(base, monkeypatch, capsys):
    answers = iter(["905172", "905173"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin", type("Tty", (io.StringIO,), {"isatty": lambda self: True})())
    assert main([*base, "kiosk", "set-pin"]) == 2
    assert "không khớp" in capsys.readouterr().err


def test_kiosk_without_a_pin_is_refused_in_one_line(base, monkeypatch, capsys):
    assert run([*base, "--kiosk"], monkeypatch) == 2
    err = capsys.readouterr().err.strip()
    assert err == "dvc-tui: Chế độ kiosk cần mã PIN giảng viên. Đặt trước bằng: dvc-tui kiosk set-pin"


def test_a_bad_idle_time_in_the_environment_is_one_line(base, monkeypatch, capsys):
    monkeypatch.setenv("DVC_TUI_IDLE", "abc")
    assert run([*base, "kiosk", "status"], monkeypatch) == 2
    assert capsys.readouterr().err.startswith("dvc-tui: DVC_TUI_IDLE: thời gian chờ")
