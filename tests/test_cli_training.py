"""`dvc-tui training load | handout` and `dvc-tui accounts reset`."""

from __future__ import annotations

import io
from datetime import date

import pytest

from dvc_tui.cli import main
from dvc_tui.core.accounts import Account, Level, Method, Subject
from dvc_tui.core.bhxh import PRACTICE_INSURED
from dvc_tui.core.carrier import TRAINING_SUBSCRIBERS
from dvc_tui.core.identity import Phone
from dvc_tui.core.practice import sections
from dvc_tui.core.sim import TRAINING_SIMS
from dvc_tui.core.text import set_language
from dvc_tui.core.tokens import TRAINING_TOKENS
from dvc_tui.store.sqlite import DB_NAME, SqliteStore


@pytest.fixture(autouse=True)
def vietnamese():
    yield
    set_language("vi")  # the CLI sets the language of the process


@pytest.fixture
def run(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # tables whole on one line each

    def run(*args: str, answer: str | None = None) -> tuple[int, str, str]:
        if answer is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(answer))
        code = main(["--data-dir", str(data_dir), "--no-keyring", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def open_store(data_dir) -> SqliteStore:
    return SqliteStore(data_dir / DB_NAME)


def table_rows(out: str, first_cell: str) -> list[list[str]]:
    return [[c.strip() for c in line.split("│")[1:-1]] for line in out.splitlines()
            if line.startswith("│") and first_cell in line]


# -- training load ------------------------------------------------------------------------------
def test_load_makes_the_practice_set_once(run, data_dir):
    code, out, err = run("training", "load")
    assert (code, err) == (0, "")
    rows = {row[0]: row[1:] for row in table_rows(out, "") if row and row[0]}
    assert rows["Số điện thoại của nhà mạng (thuê bao chính chủ)"] == ["0", str(len(TRAINING_SUBSCRIBERS)), "0"]
    assert rows["Người tham gia bảo hiểm xã hội (BHXH)"] == ["0", str(len(PRACTICE_INSURED)), "0"]  # by migration
    assert rows["USB ký số"] == [str(len(TRAINING_TOKENS)), "0", "0"]
    assert rows["SIM ký số"] == [str(len(TRAINING_SIMS)), "0", "0"]
    assert "Đã nạp xong" in out
    store = open_store(data_dir)
    assert store.sim_training_tags() == {spec.tag for spec in TRAINING_SIMS}
    assert all(store.subscriber(s.phone) == s for s in TRAINING_SUBSCRIBERS)
    store.close()
    tokens = sorted(p for p in (data_dir / "tokens").iterdir() if p.is_dir())
    assert len(tokens) == len(TRAINING_TOKENS)

    code, out, _ = run("training", "load")  # again: nothing new
    assert code == 0
    rows = {row[0]: row[1:] for row in table_rows(out, "") if row and row[0]}
    assert rows["USB ký số"] == ["0", str(len(TRAINING_TOKENS)), "0"]
    assert rows["SIM ký số"] == ["0", str(len(TRAINING_SIMS)), "0"]
    assert "không tạo gì mới" in out
    assert sorted(p for p in (data_dir / "tokens").iterdir() if p.is_dir()) == tokens


def test_load_puts_back_a_registry_person_deleted_by_hand(run, data_dir):
    store = open_store(data_dir)
    with store.transaction() as db:
        db.execute("DELETE FROM bhxh_registry WHERE bhxh_number = ?", (PRACTICE_INSURED[1].bhxh_number,))
    assert store.seed_practice_registries() == (0, 1)
    assert store.seed_practice_registries() == (0, 0)
    assert store.insured_person(PRACTICE_INSURED[1].bhxh_number) == PRACTICE_INSURED[1]
    store.close()


def test_load_unlocks_practice_tokens_and_sims_a_visitor_locked_and_the_handout_shows_them(
        run, data_dir, tmp_path):
    """Issue 14, finding 10: 5 wrong PINs lock a practice SIM or token for good (any visitor can);
    the handout says "Đã bị khóa" for it, and `training load` puts the documented set back."""
    from dvc_tui.core.problems import PortalError
    from dvc_tui.core.sim import SimPurpose
    from dvc_tui.core.tokens import PIN_TRIES
    from dvc_tui.config import Config
    from dvc_tui.services import Services
    from dvc_tui.store.tokens import FileTokenStore

    assert run("training", "load")[0] == 0
    lan = next(spec for spec in TRAINING_SIMS if spec.tag == "citizen")
    an = next(spec for spec in TRAINING_TOKENS if spec.tag == "citizen")
    services = Services(Config.load(data_dir, "vi", "test", use_keyring=False))
    try:
        serial = next(i.serial for i in services.tokens.plugged_in() if i.training == "citizen")
        for _ in range(PIN_TRIES):  # a visitor's wrong PINs, through the same rules the screens use
            with pytest.raises(PortalError):
                services.tokens.sign(serial, "000000", b"x")
            request = services.sims.request(lan.phone, SimPurpose.LOGIN, lan.identifier)
            with pytest.raises(PortalError):
                services.sims.approve(request.id, "000000")
        assert services.tokens.info(serial).locked
        assert services.store.get_sim(lan.phone).locked
    finally:
        services.close()

    target = tmp_path / "locked.md"
    assert run("training", "handout", "--markdown", str(target))[0] == 0
    text = target.read_text(encoding="utf-8")
    locked_word = "Đã bị khóa do nhập sai mã PIN"
    assert f"| {an.identifier} | {an.pin} | {locked_word}" in text
    assert f"| {lan.identifier} | {lan.pin} | {locked_word}" in text
    assert text.count(locked_word) == 2  # the others as documented

    code, out, err = run("training", "load")
    assert (code, err) == (0, "")
    rows = {row[0]: row[1:] for row in table_rows(out, "") if row and row[0]}
    assert rows["USB ký số"] == ["0", str(len(TRAINING_TOKENS)), "1"]
    assert rows["SIM ký số"] == ["0", str(len(TRAINING_SIMS)), "1"]
    state = FileTokenStore(data_dir).read_token(serial).state
    assert (state.failed_pins, state.locked) == (0, False)
    store = open_store(data_dir)
    sim = store.get_sim(lan.phone)
    store.close()
    assert (sim.failed_pins, sim.locked) == (0, False)
    assert run("training", "handout", "--markdown", str(target))[0] == 0
    assert locked_word not in target.read_text(encoding="utf-8")
    code, out, _ = run("training", "load")  # nothing left to put back
    assert "không tạo gì mới" in out


# -- training handout ---------------------------------------------------------------------------
def test_handout_prints_and_writes_the_numbers_and_pins_of_the_constants(run, tmp_path, data_dir):
    target = tmp_path / "handout.md"
    code, out, err = run("training", "handout", "--markdown", str(target))
    assert (code, err) == (0, "")
    assert f"Đã ghi bản Markdown vào {target}." in out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Bộ dữ liệu thực hành dvc-tui\n")
    for subscriber in TRAINING_SUBSCRIBERS:
        line = f"| {Phone(subscriber.phone).national} | {subscriber.full_name} | {subscriber.id_number} |"
        assert line in text
        assert Phone(subscriber.phone).national in out
    for person in PRACTICE_INSURED:
        assert f"| {person.bhxh_number} | {person.id_number} | {person.full_name} | {person.dob:%d/%m/%Y} |" in text
    for token in TRAINING_TOKENS:
        assert f"| {token.identifier} | {token.pin} |" in text
        assert token.pin in out
    for sim in TRAINING_SIMS:
        assert f"| {Phone(sim.phone).national} | {sim.name} |" in text
        assert f"| {sim.identifier} | {sim.pin} |" in text
        assert sim.pin in out
    assert "| Lê Văn Hùng | Công dân | 048085000222 | 678901 | Do CA khác cấp: bị từ chối |" in text
    headers = [line for line in text.splitlines() if line.startswith("## ")]
    assert len(headers) == len(sections()) == 4
    assert not (data_dir / DB_NAME).exists()  # the handout reads no database


def test_handout_in_english_to_the_default_file(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("--lang", "en", "training", "handout")
    assert code == 0
    text = (tmp_path / "dvc-tui-handout.md").read_text(encoding="utf-8")
    assert text.startswith("# dvc-tui practice set\n") and "| Phone number | Subscriber | CCCD |" in text


def test_handout_to_an_unwritable_place_is_one_line_and_exit_2(run, tmp_path):
    code, out, err = run("training", "handout", "--markdown", str(tmp_path / "missing" / "h.md"))
    assert code == 2
    assert err.startswith("dvc-tui: Không ghi được ") and err.count("\n") == 1


# -- accounts reset -------------------------------------------------------------------------------
def fill(data_dir, clock) -> None:
    """Two accounts, one with an authenticator, a code, SMS and a signing request."""
    store = open_store(data_dir)
    now = clock.now()
    for username, phone in (("001090012345", "+84828123088"), ("079190000111", "+84912000111")):
        store.insert_account(Account(username, "Người Thử", date(1990, 1, 1), phone, None, Subject.CITIZEN,
                                     Method.MOBILE, Level.IAL2, now, "$argon2id$x"))
        store.insert_sms(phone, "DVCQG", "Ma OTP 123456", now)
    store.set_pending_authenticator("001090012345", b"sealed", now)
    with store.transaction() as db:
        db.execute("INSERT INTO otp_codes (purpose, subject, phone, issued_at, expires_at, status) "
                   "VALUES ('login', '001090012345', '+84828123088', ?, ?, 'active')", (now.isoformat(), now.isoformat()))
    store.insert_sim_request("+84703000333", "login", "031195000333", bytes(32), now, now)
    store.close()


def counts(data_dir) -> dict[str, int]:
    store = open_store(data_dir)
    with store.transaction() as db:
        found = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in ("accounts", "authenticators", "otp_codes", "sms", "sim_requests",
                               "carrier_subscribers", "bhxh_registry")}
    store.close()
    return found


def test_reset_asks_and_a_wrong_answer_deletes_nothing(run, data_dir, clock):
    fill(data_dir, clock)
    before = counts(data_dir)
    assert before["accounts"] == 2 and before["sms"] == 2
    for answer in ("khong\n", "", "x"):
        code, out, err = run("accounts", "reset", answer=answer)
        assert code == 1
        assert out.startswith("Xóa toàn bộ 2 tài khoản (") and "Gõ 'xoa' để xác nhận:" in out
        assert err == "Đã hủy; không xóa gì.\n"
        assert counts(data_dir) == before


@pytest.mark.parametrize("how", [("reset",), ("reset", "--yes")])
def test_reset_with_the_word_or_yes_deletes_accounts_and_what_is_tied_to_them(run, data_dir, clock, how):
    fill(data_dir, clock)
    code, out, err = run("accounts", *how, answer="XÓA\n")
    assert (code, err) == (0, "")
    assert ("Gõ 'xoa'" in out) == (how == ("reset",))
    assert "Đã xóa 2 tài khoản, 1 ứng dụng xác thực, 1 mã OTP, 2 tin nhắn SMS và 1 yêu cầu ký SIM." in out
    after = counts(data_dir)
    assert {k: after[k] for k in ("accounts", "authenticators", "otp_codes", "sms", "sim_requests")} == dict.fromkeys(
        ("accounts", "authenticators", "otp_codes", "sms", "sim_requests"), 0)
    assert after["carrier_subscribers"] == len(TRAINING_SUBSCRIBERS)
    assert after["bhxh_registry"] == len(PRACTICE_INSURED)
    code, out, _ = run("accounts", "reset", "--yes")  # an empty store: fine, nothing to delete
    assert code == 0 and "Đã xóa 0 tài khoản" in out


# -- concurrent loads (issue 14, finding 13) -------------------------------------------------------
@pytest.mark.parametrize("runs", [2, 8])
def test_parallel_loads_make_exactly_one_practice_set(tmp_path, runs):
    """`training load` and `token training` started together (separate processes, one data dir)
    make the documented set once: no token, SIM or registry row twice."""
    import subprocess
    import sys

    from dvc_tui.store.tokens import FileTokenStore
    from tests.test_broken_env import cli_env

    from dvc_tui.store.secrets import load_install_secret

    data_dir = tmp_path / "data"
    load_install_secret(data_dir, use_keyring=False)  # the install key first, as a first start leaves it
    commands = [["training", "load"], ["token", "training"]]
    env = cli_env(tmp_path)
    children = [
        subprocess.Popen([sys.executable, "-m", "dvc_tui", "--data-dir", str(data_dir), "--no-keyring",
                          *commands[i % 2]], env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
        for i in range(runs)
    ]
    finished = [(child.wait(timeout=600), *child.communicate()) for child in children]
    assert [code for code, _, _ in finished] == [0] * runs, [err for _, _, err in finished]
    assert all("Traceback" not in err for _, _, err in finished)

    tokens = FileTokenStore(data_dir)
    tags = [tokens.read_token(serial).state.training for serial in tokens.serials()]
    assert sorted(tags) == sorted(spec.tag for spec in TRAINING_TOKENS)
    store = open_store(data_dir)
    try:
        sims = store._connection().execute("SELECT training FROM sims ORDER BY training").fetchall()
        assert [row[0] for row in sims] == sorted(spec.tag for spec in TRAINING_SIMS)
        assert store._connection().execute("SELECT count(*) FROM carrier_subscribers").fetchone()[0] \
            == len(TRAINING_SUBSCRIBERS)
        assert store._connection().execute("SELECT count(*) FROM bhxh_registry").fetchone()[0] \
            == len(PRACTICE_INSURED)
    finally:
        store.close()
