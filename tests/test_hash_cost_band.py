"""Issue 14, finding 16: Argon2id costs below OWASP's minimum are refused outside the tests,
absurd ones always, and a password is never hashed again down to a cheaper cost.

The tests use the cheap `test` cost through PYTEST_DVC_TUI_CHEAP_HASH=1, set by tests/conftest.py
for this process and every subprocess; here it is taken away to see what a real install sees.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dvc_tui.config import ENV_CHEAP_HASH, Config, ConfigError, check_hash_cost
from dvc_tui.core.passwords import HashCost, PasswordHasher

NO_SWITCH: dict[str, str] = {}


@pytest.mark.parametrize("cost", ["production", "low", "t=1,m=47104,p=1", "t=2,m=19456,p=1", "t=3,m=12288,p=1",
                                  "t=4,m=9216,p=1", "t=5,m=7168,p=1", "t=2,m=65536,p=2", "t=10,m=262144,p=8"])
def test_owasp_costs_and_more_are_accepted(cost):
    assert check_hash_cost(cost, NO_SWITCH) == cost


@pytest.mark.parametrize("cost", ["test", "t=1,m=8,p=1", "t=1,m=47103,p=1", "t=2,m=19455,p=1", "t=4,m=8192,p=1",
                                  "t=9,m=7167,p=1"])
def test_costs_below_owasps_minimum_are_refused_with_the_band(cost):
    with pytest.raises(ConfigError) as refused:
        check_hash_cost(cost, NO_SWITCH)
    text = str(refused.value)
    assert "OWASP" in text and "t=1,m=47104" in text and "t=2,m=19456" in text and "t=10" in text
    assert check_hash_cost(cost, {ENV_CHEAP_HASH: "1"}) == cost  # the tests' switch


@pytest.mark.parametrize("cost", ["t=100,m=4194304,p=1", "t=11,m=47104,p=1", "t=1,m=262145,p=1", "t=2,m=65536,p=9"])
def test_absurd_costs_are_refused_with_the_band_even_in_tests(cost):
    with pytest.raises(ConfigError) as refused:
        check_hash_cost(cost, {ENV_CHEAP_HASH: "1"})
    assert "quá lớn" in str(refused.value) and "m=262144 (256 MiB)" in str(refused.value)


def test_a_config_built_directly_is_checked_too(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_CHEAP_HASH)
    with pytest.raises(ConfigError):
        Config(tmp_path, hash_cost="test")
    assert Config(tmp_path, hash_cost="low").hash_cost == "low"


@pytest.mark.parametrize("where", ["flag", "env", "file"])
def test_the_command_line_refuses_the_test_cost_outside_the_tests_in_one_line(tmp_path, where):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DVC_TUI_") and k != ENV_CHEAP_HASH}
    env.update(DVC_TUI_CONFIG=str(tmp_path / "config.toml"), HOME=str(tmp_path))
    args = [sys.executable, "-m", "dvc_tui", "--data-dir", str(tmp_path / "data"), "accounts", "list"]
    if where == "flag":
        args[3:3] = ["--hash-cost", "test"]
    elif where == "env":
        env["DVC_TUI_HASH_COST"] = "t=1,m=8,p=1"
    else:
        (tmp_path / "config.toml").write_text('hash_cost = "test"\n')
    result = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 2
    # a flag is refused by argparse (its usage, then the one line); the others in one line
    assert (len(result.stderr.splitlines()) == 1 or where == "flag")
    assert "thấp hơn mức tối thiểu của OWASP" in result.stderr.splitlines()[-1]
    assert "Traceback" not in result.stderr and not (tmp_path / "data").exists()


def test_a_password_is_hashed_again_only_up_never_down():
    cheap, production, low = (PasswordHasher(HashCost.named(n)) for n in ("test", "production", "low"))
    strong = production.hash("Sen-Vang-2024!")
    assert not cheap.needs_rehash(strong)  # a cheaper cost configured: the stored hash stays
    assert not low.needs_rehash(strong)  # low (t=2, 19 MiB) costs less than production (t=1, 46 MiB)
    assert not production.needs_rehash(strong)
    assert production.needs_rehash(cheap.hash("x")) and production.needs_rehash(low.hash("x"))


def test_login_never_rehashes_a_password_down(tmp_path):
    """The whole first factor (Accounts.check_password): an account hashed at production cost,
    then logged in by an app run at the cheaper test cost: the stored hash is unchanged; run
    at production again over a cheap hash, it is hashed up."""
    import random
    from datetime import date, datetime, timezone

    from dvc_tui.core.accounts import Account, Level, Method, Subject
    from dvc_tui.core.clock import FakeClock
    from dvc_tui.services import Services

    def services(cost: str) -> Services:
        return Services(Config(tmp_path / "data", hash_cost=cost, use_keyring=False), clock=FakeClock(),
                        rng=random.Random(1))

    strong = services("production")
    phc = strong.hasher.hash("Sen-Vang-2024!")
    strong.store.insert_account(Account("001090012345", "Nguyễn Văn An", date(1990, 1, 1), "+84828123088", None,
                                        Subject.CITIZEN, Method.MOBILE, Level.IAL2,
                                        datetime(2026, 11, 30, tzinfo=timezone.utc), password_hash=phc))
    strong.close()
    cheap = services("test")
    cheap.accounts.check_password("001090012345", "Sen-Vang-2024!")
    assert cheap.store.get_account("001090012345").password_hash == phc
    cheap.store.set_password_hash("001090012345", cheap.hasher.hash("Sen-Vang-2024!"))
    cheap.close()
    again = services("production")
    again.accounts.check_password("001090012345", "Sen-Vang-2024!")
    assert "m=47104,t=1" in again.store.get_account("001090012345").password_hash
    again.close()
