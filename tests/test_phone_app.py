"""`dvc-tui phone`: the simulated phone's own app, reading the same database as the kiosk.

What another process writes (an SMS, a signing request, its answer) shows up at the next read;
a request approved with the SIM's PIN here is approved in the database. The reads are started
by hand (`check_now`), not by waiting for the 1 s timer."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import textwrap
import pytest

from dvc_tui.cli import main
from dvc_tui.core.clock import FakeClock
from dvc_tui.core.sim import REQUEST_VALID_FOR, TRAINING_SIMS, RequestStatus, Sims
from dvc_tui.core.text import set_language
from dvc_tui.core.tokens import Tokens
from dvc_tui.phone_app import PhoneApp
from dvc_tui.store.sqlite import DB_NAME, SqliteStore
from dvc_tui.store.tokens import FileTokenStore

SIZE = (60, 20)
LAN = next(spec for spec in TRAINING_SIMS if spec.tag == "citizen")
WRITER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timezone
    from pathlib import Path
    from dvc_tui.store.sqlite import SqliteStore
    store = SqliteStore(Path(sys.argv[1]))
    store.insert_sms(sys.argv[2], "DVCQG", sys.argv[3], datetime(2026, 11, 30, 8, 0, 5, tzinfo=timezone.utc))
    store.close()
    """
)


@pytest.fixture(autouse=True)
def vietnamese():
    yield
    set_language("vi")


@pytest.fixture
def store(data_dir):
    opened = SqliteStore(data_dir / DB_NAME)
    yield opened
    opened.close()


def phone(data_dir, clock, **kwargs) -> PhoneApp:
    return PhoneApp(data_dir, clock=clock, language="vi", poll_every=3600, **kwargs)


async def idle(app, pilot) -> None:
    for _ in range(500):
        if not any(w.group in ("poll", "blocking") and not w.is_finished for w in app.workers):
            break
        await pilot.pause(0.01)
    await pilot.pause()


async def read_now(app, pilot) -> None:
    """Let the running read finish, start a new one, wait for it and for the screen."""
    await idle(app, pilot)
    app.check_now()
    await idle(app, pilot)


def messages(app) -> list[str]:
    return [str(w.render()) for w in app.query(".sms")]


def text_of(app, selector: str) -> str:
    widget = app.query_one(selector)
    return str(widget.render()) if widget.display else ""


async def test_a_message_written_by_another_process_shows_up(data_dir, clock, store):
    app = phone(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await read_now(app, pilot)
        assert "tất cả số" in text_of(app, "#phone-title")
        assert messages(app) == [] and "Chưa có tin nhắn" in text_of(app, "#sms-empty")
        for body in ("Ma OTP cua ban la 111111.", "Ma OTP cua ban la 222222."):
            done = subprocess.run([sys.executable, "-c", WRITER, str(data_dir / DB_NAME), "+84828123088", body],
                                  capture_output=True, text=True, timeout=60)
            assert done.returncode == 0, done.stderr
            await read_now(app, pilot)
        shown = messages(app)
        assert len(shown) == 2 and "222222" in shown[0] and "111111" in shown[1]  # newest first
        assert "DVCQG → 0828123088 · 15:00:05 30/11" in shown[0]  # as the kiosk's pane renders it
        assert not app.query_one("#sms-empty").display
        # the store is emptied (accounts reset): the phone's inbox too
        store.reset_accounts()
        await read_now(app, pilot)
        assert messages(app) == [] and app.query_one("#sms-empty").display


async def test_with_a_number_only_its_messages(data_dir, clock, store):
    store.insert_sms("+84828123088", "DVCQG", "cho An", clock.now())
    store.insert_sms("+84912000111", "DVCQG", "cho Mai", clock.now())
    app = phone(data_dir, clock, number="+84912000111")
    async with app.run_test(size=SIZE) as pilot:
        await read_now(app, pilot)
        assert "0912000111" in text_of(app, "#phone-title")
        assert [m.split("\n")[-1] for m in messages(app)] == ["cho Mai"]
        store.insert_sms("+84828123088", "DVCQG", "cho An lan 2", clock.now())
        store.insert_sms("+84912000111", "DVCQG", "cho Mai lan 2", clock.now())
        await read_now(app, pilot)
        assert [m.split("\n")[-1] for m in messages(app)] == ["cho Mai lan 2", "cho Mai"]


def make_sims(data_dir, clock, store) -> Sims:
    tokens = Tokens(FileTokenStore(data_dir), clock, ca_passphrase=lambda: b"test", rng=random.Random(5))
    return Sims(store, clock, tokens, rng=random.Random(6))


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A data dir with Lan's signing SIM only (one key, the CA), made once for the module."""
    data_dir = tmp_path_factory.mktemp("phone") / "data"
    store = SqliteStore(data_dir / DB_NAME)
    sims = make_sims(data_dir, FakeClock(), store)
    assert sims.issue(LAN.phone, LAN.kind, LAN.identifier, LAN.name, None, LAN.pin) is not None
    store.close()
    return data_dir


@pytest.fixture
def with_sim(prepared, data_dir):
    shutil.copytree(prepared, data_dir)


def lan_sim(data_dir, clock, store) -> Sims:
    return make_sims(data_dir, clock, store)


def ask(store, clock, username: str = LAN.identifier):
    now = clock.now()
    request, _ = store.insert_sim_request(LAN.phone, "login", username, bytes(32), now, now + REQUEST_VALID_FOR)
    return request


async def test_a_request_approved_on_the_phone_is_approved_in_the_database(with_sim, data_dir, clock, store):
    lan_sim(data_dir, clock, store)
    app = phone(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await read_now(app, pilot)
        request = ask(store, clock)  # by the kiosk, as far as the phone knows
        await read_now(app, pilot)
        rid = request.id
        card = f"#sim-request-{rid}"
        assert "Tài khoản: 031195000333" in str(app.query_one(f"{card} .sim-request-text").render())
        assert text_of(app, f"#sim-left-{rid}") == "Còn lại 2:00"
        # a new request: straight to its PIN (the card takes focus once it is laid out)
        pin = app.query_one(f"#sim-pin-{rid}")
        for _ in range(100):
            if app.focused is pin:
                break
            await pilot.pause(0.02)
        assert app.focused is pin
        await pilot.press(*"111111", "enter")
        await idle(app, pilot)
        assert "Sai mã PIN, còn 4 lần thử" in text_of(app, f"#sim-error-{rid}")
        assert store.get_sim_request(rid).status is RequestStatus.PENDING
        await pilot.press(*LAN.pin, "enter")
        await idle(app, pilot)
        assert store.get_sim_request(rid).status is RequestStatus.APPROVED
        assert store.get_sim_request(rid).signature
        assert text_of(app, f"#sim-result-{rid}") == "✓ Đã xác nhận lúc 15:00:00"


async def test_a_request_answered_elsewhere_or_expired_changes_on_the_phone(with_sim, data_dir, clock, store):
    sims = lan_sim(data_dir, clock, store)
    first = ask(store, clock)
    app = phone(data_dir, clock, number=LAN.phone)
    async with app.run_test(size=SIZE) as pilot:
        await read_now(app, pilot)
        assert app.query_one(f"#sim-pin-{first.id}").display
        sims.decline(first.id)  # the kiosk's own pane (another process) answered it
        await read_now(app, pilot)
        assert text_of(app, f"#sim-result-{first.id}") == "✗ Đã từ chối lúc 15:00:00"
        second = ask(store, clock)
        await read_now(app, pilot)
        clock.advance(seconds=REQUEST_VALID_FOR.total_seconds() + 1)
        app.query_one("#sms-inbox").tick()
        await pilot.pause()
        assert text_of(app, f"#sim-result-{second.id}") == "Đã hết hạn, chưa được xác nhận"
        assert [card.id for card in app.query(".sim-request")] == [f"sim-request-{second.id}",
                                                                     f"sim-request-{first.id}"]


def test_the_command_refuses_a_bad_number_in_one_vietnamese_line(data_dir, capsys):
    code = main(["--data-dir", str(data_dir), "phone", "--number", "12345"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith("dvc-tui: Số điện thoại") and err.count("\n") == 1
    assert not (data_dir / DB_NAME).exists()  # nothing opened for a bad flag
