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


# -- issue 14: the old PIN first (finding 17), longer PINs (18), waits kept in the store (6) --------
def pin_hash(data_dir) -> str:
    return (data_dir / PIN_FILE).read_text()


def test_set_pin_asks_for_the_current_pin_before_replacing_it(base, data_dir, monkeypatch, capsys):
    assert run([*base, "kiosk", "set-pin", "--pin-stdin"], monkeypatch, "482913\n") == 0
    first = pin_hash(data_dir)
    capsys.readouterr()
    assert run([*base, "kiosk", "set-pin", "--pin-stdin"], monkeypatch, "905172\n") == 2  # no current PIN given
    assert run([*base, "kiosk", "set-pin", "--pin-stdin"], monkeypatch, "000000\n905172\n") == 2
    err = capsys.readouterr().err.splitlines()
    assert err == ["dvc-tui: Mã PIN hiện tại không đúng; mã PIN không đổi. (Quên mã: dvc-tui kiosk set-pin --force)"] * 2
    assert pin_hash(data_dir) == first

    assert run([*base, "kiosk", "set-pin", "--pin-stdin"], monkeypatch, "482913\n905172\n") == 0
    assert pin_hash(data_dir) != first and capsys.readouterr().err == ""


def test_set_pin_at_the_keyboard_asks_the_current_pin_then_the_new_one_twice(base, data_dir, monkeypatch, capsys):
    assert run([*base, "kiosk", "set-pin", "--pin-stdin"], monkeypatch, "482913\n") == 0
    prompts = []
    answers = iter(["482913", "905172", "905172"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": prompts.append(prompt) or next(answers))
    monkeypatch.setattr("sys.stdin", type("Tty", (io.StringIO,), {"isatty": lambda self: True})())
    assert main([*base, "kiosk", "set-pin"]) == 0
    assert prompts[0] == "Mã PIN giảng viên hiện tại: " and len(prompts) == 3


def test_force_replaces_a_forgotten_pin_with_a_warning(base, data_dir, monkeypatch, capsys):
    assert run([*base, "kiosk", "set-pin", "--pin-stdin"], monkeypatch, "482913\n") == 0
    first = pin_hash(data_dir)
    capsys.readouterr()
    assert run([*base, "kiosk", "set-pin", "--pin-stdin", "--force"], monkeypatch, "905172\n") == 0
    assert capsys.readouterr().err == "dvc-tui: Cảnh báo: đã thay mã PIN giảng viên mà không kiểm tra mã cũ (--force).\n"
    assert pin_hash(data_dir) != first


def test_wrong_current_pins_at_set_pin_count_towards_the_kiosks_wait(base, data_dir, monkeypatch, capsys):
    assert run([*base, "kiosk", "set-pin", "--pin-stdin"], monkeypatch, "482913\n") == 0
    for _ in range(5):
        assert run([*base, "kiosk", "set-pin", "--pin-stdin"], monkeypatch, "000000\n905172\n") == 2
    capsys.readouterr()
    assert run([*base, "kiosk", "set-pin", "--pin-stdin"], monkeypatch, "482913\n905172\n") == 2  # even the right one
    assert "Vui lòng thử lại sau" in capsys.readouterr().err


@pytest.mark.parametrize("pin, recommended", [("905172", True), ("9051724836", False),
                                               ("cây tre trăm đốt 2024", False)])
def test_longer_pins_and_passphrases_are_allowed_and_short_ones_get_a_recommendation(base, data_dir, monkeypatch,
                                                                                     capsys, pin, recommended):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": pin)  # typed twice at the keyboard
    monkeypatch.setattr("sys.stdin", type("Tty", (io.StringIO,), {"isatty": lambda self: True})())
    assert main([*base, "kiosk", "set-pin"]) == 0
    out = capsys.readouterr().out
    assert ("Khuyên dùng mã PIN từ 10 chữ số" in out) == recommended
    from dvc_tui.config import Config
    from dvc_tui.services import Services

    Services(Config(data_dir, hash_cost="test", use_keyring=False)).trainer_pin.verify(pin)


def test_wrong_pins_are_kept_in_the_store_so_a_restart_or_a_new_tab_gets_no_fresh_tries(data_dir):
    """Finding 6: five wrong PINs in one process (a `serve` tab), then a new process (a new
    tab, a restart after a crash): it waits too, with the password lockout's escalation."""
    import random

    from dvc_tui.config import Config
    from dvc_tui.core.clock import FakeClock
    from dvc_tui.core.problems import PortalError
    from dvc_tui.services import Services

    clock = FakeClock()

    def tab() -> Services:
        return Services(Config(data_dir, hash_cost="test", use_keyring=False), clock=clock, rng=random.Random(1))

    first = tab()
    first.save_trainer_pin("482913")

    def refused(services, pin):
        with pytest.raises(PortalError) as caught:
            services.trainer_pin.verify(pin)
        return caught.value.key, caught.value.problem.params

    for left in (4, 3, 2, 1):
        assert refused(first, "000000") == ("kiosk.pin_wrong", {"left": left})
    assert refused(first, "000000") == ("kiosk.pin_wait", {"seconds": 60})
    first.close()
    second = tab()  # a restart
    assert refused(second, "482913") == ("kiosk.pin_wait", {"seconds": 60})
    clock.advance(seconds=60)
    for _ in range(4):
        refused(second, "000000")
    third = tab()  # another tab, at the same time
    assert refused(third, "000000") == ("kiosk.pin_wait", {"seconds": 120})  # 1, then 2 minutes
    clock.advance(seconds=120)
    third.trainer_pin.verify("482913")
    assert second.trainer_pin.failures == 0
    for services in (second, third):
        services.close()
