"""What importing the package loads: core stays free of Textual (and of the adapters' libraries),
and the app's module pulls in no keyring, hashing, phone metadata or SQLite until asked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import dvc_tui.core

CORE = Path(dvc_tui.core.__file__).resolve().parent
CORE_MODULES = sorted(f"dvc_tui.core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__")

PROBE = """
import importlib, json, sys
modules, watched = json.loads(sys.argv[1]), json.loads(sys.argv[2])
report = {}
for name in modules:
    importlib.import_module(name)
    report[name] = sorted(m for m in sys.modules if any(m == w or m.startswith(w + ".") for w in watched))
print(json.dumps(report))
"""


def loaded_after(modules: list[str], watched: list[str], env: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Import `modules` one after another in a fresh interpreter; after each, the watched modules loaded."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(modules), json.dumps(watched)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(dvc_tui.core.__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_core_modules_are_all_probed():
    assert {"dvc_tui.core.identity", "dvc_tui.core.otp", "dvc_tui.core.passwords", "dvc_tui.core.accounts",
            "dvc_tui.core.text", "dvc_tui.core.sms", "dvc_tui.core.flow"} <= set(CORE_MODULES)


def test_importing_core_loads_no_textual():
    report = loaded_after(["dvc_tui.core", *CORE_MODULES], ["textual"])
    assert report == {name: [] for name in ["dvc_tui.core", *CORE_MODULES]}


def test_importing_core_loads_no_adapter_library():
    """core takes a Store, a Clock and a Hasher by parameter: no SQLite, keyring, argon2 or
    phone metadata at import time (they load when a function needs them)."""
    watched = ["sqlite3", "_sqlite3", "keyring", "argon2", "phonenumbers", "pyotp", "zxcvbn", "dvc_tui.store"]
    report = loaded_after(["dvc_tui.core", *CORE_MODULES], watched)
    assert report[CORE_MODULES[-1]] == []


def test_importing_the_app_loads_no_keyring_hashing_phone_metadata_or_store():
    watched = [
        "keyring", "argon2", "_argon2_cffi_bindings", "phonenumbers", "sqlite3", "_sqlite3", "zxcvbn",
        "dvc_tui.store", "dvc_tui.store.sqlite", "dvc_tui.store.secrets", "cryptography", "segno", "pyotp",
        # the steps after the home page (issue 6: imported in a thread once the home page is up)
        "dvc_tui.core.accounts", "dvc_tui.core.sim", "dvc_tui.core.tokens", "dvc_tui.core.totp",
        "dvc_tui.core.flow", "dvc_tui.widgets.sim_request", "dvc_tui.screens.register_mobile",
    ]
    report = loaded_after(["dvc_tui.app"], watched)
    assert report["dvc_tui.app"] == []


def test_the_store_module_loads_no_domain_module_until_a_method_needs_one():
    watched = ["dvc_tui.core.accounts", "dvc_tui.core.sim", "dvc_tui.core.tokens", "dvc_tui.core.totp"]
    report = loaded_after(["dvc_tui.app", "dvc_tui.store.sqlite"], watched)
    assert report["dvc_tui.store.sqlite"] == []


def test_importing_the_app_touches_no_data_dir(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), DVC_TUI_DATA_DIR=str(home / "dvc"))
    loaded_after(["dvc_tui.app", "dvc_tui.cli"], [], env=env)
    assert sorted(p.relative_to(home).as_posix() for p in home.rglob("*")) == []
