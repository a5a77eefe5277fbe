"""Every counted check is one transaction (issue 14, finding 12): 16 processes, each with its own
connection, try a wrong code or PIN at the same moment (a barrier), and exactly the limit (5)
is ever checked; the store's count equals the checks made.

Each case counts the checks themselves: in every child the function that compares what was
typed (the HOTP check, the TOTP step match, the key's decryption under the PIN) is wrapped to
count its calls, and the counts come back to the parent with the refusal each child got. Real
SQLite stores (WAL, BEGIN IMMEDIATE), real token files and flock, real keys; no sleeps.
"""

from __future__ import annotations

import multiprocessing
import random
from datetime import date
from typing import Callable

import pytest

from dvc_tui.core.accounts import Account, Level, Method, Subject
from dvc_tui.core.clock import FakeClock
from dvc_tui.core.problems import PortalError
from dvc_tui.store.sqlite import DB_NAME, SqliteStore

PROCESSES = 16
LIMIT = 5
PASSPHRASE = b"test passphrase"
INSTALL_KEY = bytes(range(32))
CCCD = "001090012345"
PHONE = "+84912345678"

CONTEXT = multiprocessing.get_context("fork")


def _child(try_once: Callable[[], str], counter: list[int], barrier, results) -> None:
    try:
        barrier.wait(timeout=60)
        try:
            outcome = try_once()
        except PortalError as exc:
            outcome = exc.key
        results.put((outcome, counter[0]))
    except BaseException as exc:  # reported, never lost
        results.put((f"crash: {type(exc).__name__}: {exc}", -1))


def in_parallel(make: Callable[[], tuple[Callable[[], str], list[int]]]) -> tuple[list[str], int]:
    """Fork PROCESSES children; each calls `make()` (its own store, its own check counter) and
    then, all at once, the attempt. Returns the outcomes and the checks made in all."""
    barrier = CONTEXT.Barrier(PROCESSES)
    results = CONTEXT.Queue()

    def run() -> None:
        try_once, counter = make()
        _child(try_once, counter, barrier, results)

    children = [CONTEXT.Process(target=run) for _ in range(PROCESSES)]
    for child in children:
        child.start()
    got = [results.get(timeout=120) for _ in children]
    for child in children:
        child.join(timeout=60)
    assert all(child.exitcode == 0 for child in children), [child.exitcode for child in children]
    outcomes = [outcome for outcome, _ in got]
    assert not [o for o in outcomes if o.startswith("crash")], outcomes
    return outcomes, sum(checks for _, checks in got)


def counting(owner, name: str, counter: list[int]) -> None:
    """Wrap owner.name so every call adds one to counter[0] (in this child only)."""
    original = getattr(owner, name)

    def counted(*args, **kwargs):
        counter[0] += 1
        return original(*args, **kwargs)

    setattr(owner, name, counted)


def account(username: str = CCCD) -> Account:
    return Account(username=username, full_name="Nguyễn Văn An", dob=date(1990, 1, 1), phone=PHONE, email=None,
                   subject=Subject.CITIZEN, method=Method.MOBILE, level=Level.IAL2,
                   created_at=FakeClock().now(), password_hash=None)


# -- an SMS code (Quên mật khẩu's reset code) --------------------------------------------------
def test_a_reset_code_is_checked_exactly_five_times_by_16_processes(tmp_path):
    from dvc_tui.core.otp import OneTimeCodes, Purpose, derive_otp_secret
    from dvc_tui.core.sms import SmsGateway

    db_path = tmp_path / DB_NAME
    store = SqliteStore(db_path)
    clock = FakeClock()
    codes = OneTimeCodes(store, clock, derive_otp_secret(INSTALL_KEY), SmsGateway(store, clock))
    issued = codes.send(Purpose.RESET, CCCD, PHONE)
    right = codes.code_for_testing(issued.id)
    wrong = f"{(int(right) + 1) % 10**6:06d}"
    store.close()

    def make():
        mine = SqliteStore(db_path)
        child_codes = OneTimeCodes(mine, clock, derive_otp_secret(INSTALL_KEY), SmsGateway(mine, clock))
        counter = [0]
        counting(child_codes._hotp, "verify", counter)
        return (lambda: child_codes.verify(Purpose.RESET, CCCD, wrong)), counter

    outcomes, checks = in_parallel(make)

    assert checks == LIMIT, outcomes
    assert sorted(outcomes) == sorted(["otp.wrong"] * (LIMIT - 1) + ["otp.voided_now"]
                                      + ["otp.voided"] * (PROCESSES - LIMIT))
    latest = SqliteStore(db_path).latest_code(Purpose.RESET.value, CCCD)
    assert (latest.attempts, latest.status.value) == (LIMIT, "voided")


# -- the authenticator app (TOTP) ----------------------------------------------------------------
def test_an_authenticator_code_is_checked_exactly_five_times_by_16_processes(tmp_path):
    from dvc_tui.core import totp
    from dvc_tui.store.sealing import SecretSealer
    from tests.rfc6238 import another_code, code_at

    db_path = tmp_path / DB_NAME
    store = SqliteStore(db_path)
    store.insert_account(account())
    clock = FakeClock()
    authenticators = totp.Authenticators(store, clock, random.Random(7), SecretSealer(INSTALL_KEY))
    secret = authenticators.begin_enrolment(CCCD).secret
    authenticators.confirm_enrolment(CCCD, code_at(secret, clock.now()))
    clock.advance(90)
    wrong = another_code(code_at(secret, clock.now()))
    store.close()

    def make():
        mine = totp.Authenticators(SqliteStore(db_path), clock, random.Random(8), SecretSealer(INSTALL_KEY))
        counter = [0]
        counting(totp, "matching_steps", counter)
        return (lambda: mine.verify_login(CCCD, wrong)), counter

    outcomes, checks = in_parallel(make)

    assert checks == LIMIT, outcomes
    assert sorted(outcomes) == sorted(["totp.wrong"] * (LIMIT - 1) + ["totp.locked_now"]
                                      + ["totp.locked"] * (PROCESSES - LIMIT))
    record = SqliteStore(db_path).get_authenticator(CCCD)
    assert (record.lock_count, record.failed_attempts) == (1, 0)


# -- a signing SIM's PIN -------------------------------------------------------------------------
def test_a_sim_pin_is_checked_exactly_five_times_by_16_processes(tmp_path):
    from dvc_tui.core import pki
    from dvc_tui.core.sim import TRAINING_SIMS, Sims, SimPurpose
    from dvc_tui.core.tokens import Tokens
    from dvc_tui.store.tokens import FileTokenStore

    data_dir = tmp_path / "data"
    clock = FakeClock()

    def sims_of(seed: int) -> Sims:
        tokens = Tokens(FileTokenStore(data_dir), clock, ca_passphrase=lambda: PASSPHRASE, rng=random.Random(seed))
        return Sims(SqliteStore(data_dir / DB_NAME), clock, tokens, rng=random.Random(seed + 1))

    lan = next(spec for spec in TRAINING_SIMS if spec.tag == "citizen")
    parent = sims_of(1)
    request = parent.request(lan.phone, SimPurpose.LOGIN, lan.identifier)
    parent._store.close()

    def make():
        mine = sims_of(random.randrange(1000))
        mine._training_ready = True
        counter = [0]
        counting(pki, "decrypt_key", counter)
        return (lambda: mine.approve(request.id, "000000")), counter

    outcomes, checks = in_parallel(make)

    assert checks == LIMIT, outcomes
    checked = [o for o in outcomes if o in ("sim.pin_wrong", "sim.locked_now")]
    assert sorted(checked) == ["sim.locked_now"] + ["sim.pin_wrong"] * (LIMIT - 1), outcomes
    assert set(outcomes) - set(checked) <= {"sim.locked", "sim.closed.locked"}, outcomes
    sim = SqliteStore(data_dir / DB_NAME).get_sim(lan.phone)
    assert (sim.failed_pins, sim.locked) == (LIMIT, True)


# -- a USB token's PIN ---------------------------------------------------------------------------
def test_a_token_pin_is_checked_exactly_five_times_by_16_processes(tmp_path):
    from dvc_tui.core import pki
    from dvc_tui.core.tokens import Tokens
    from dvc_tui.store.tokens import FileTokenStore

    data_dir = tmp_path / "data"
    clock = FakeClock()
    tokens = Tokens(FileTokenStore(data_dir), clock, ca_passphrase=lambda: PASSPHRASE, rng=random.Random(3))
    serial = next(info.serial for spec, info, _ in tokens.install_training() if spec.tag == "citizen")

    def make():
        mine = Tokens(FileTokenStore(data_dir), clock, ca_passphrase=lambda: PASSPHRASE,
                      rng=random.Random(random.randrange(1000)))
        counter = [0]
        counting(pki, "decrypt_key", counter)
        return (lambda: mine.sign(serial, "000000", b"data")), counter

    outcomes, checks = in_parallel(make)

    assert checks == LIMIT, outcomes
    assert sorted(outcomes) == sorted(["token.pin_wrong"] * (LIMIT - 1) + ["token.locked_now"]
                                      + ["token.locked"] * (PROCESSES - LIMIT))
    state = FileTokenStore(data_dir).read_token(serial).state
    assert (state.failed_pins, state.locked) == (LIMIT, True)


@pytest.fixture(autouse=True)
def _vietnamese():
    from dvc_tui.core.text import set_language

    set_language("vi")
    yield

