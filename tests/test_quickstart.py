"""quickstart.py, the README's two commands: what a new user meets when something is missing
or odd (the whole install on a distribution's Python is run by .ci/run, from the README)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def quickstart(tmp_path, monkeypatch):
    """The script as a module whose project folder is an empty folder of the test's."""
    spec = importlib.util.spec_from_file_location("quickstart_under_test", ROOT / "quickstart.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    monkeypatch.setattr(module, "HERE", project)
    monkeypatch.setattr(module, "VENV", project / ".venv")
    monkeypatch.setattr(module, "STAMP", project / ".venv" / "dvc-tui-installed.json")
    monkeypatch.setattr(module, "LOCK", project / ".venv.lock")
    monkeypatch.delenv("DVC_TUI_LANG", raising=False)
    return module


def one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err.strip()


def test_a_python_without_venv_says_so_in_one_line_naming_the_package(quickstart, capsys, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "ensurepip" else real(name, *a))

    assert quickstart.main([]) == 2

    package = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
    assert one_line(capsys) == (f"quickstart: Python này thiếu mô-đun venv; hãy cài gói {package} "
                                f"(sudo apt install {package}) rồi chạy lại.")
    assert not quickstart.VENV.exists()


def test_a_folder_that_cannot_be_written_is_one_line(quickstart, capsys, monkeypatch):
    monkeypatch.setattr(quickstart, "LOCK", quickstart.HERE / "gone" / ".venv.lock")

    assert quickstart.main(["test"]) == 2

    line = one_line(capsys)
    assert line.startswith(f"quickstart: không ghi được vào thư mục {quickstart.HERE} (")
    assert line.endswith("hãy chép dự án vào một thư mục ghi được rồi chạy lại.")


def test_ctrl_c_during_the_install_is_one_line(quickstart, capsys, monkeypatch):
    def interrupted() -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(quickstart, "make_venv", interrupted)

    assert quickstart.main([]) == 130
    assert one_line(capsys) == "quickstart: đã dừng giữa chừng; chạy lại lệnh để cài tiếp."


def test_a_venv_made_in_another_folder_is_made_again(quickstart, capsys):
    """A moved (or copied) project: the old venv's scripts and editable install point at the old
    folder, so it is replaced, not used."""
    quickstart.VENV.mkdir()
    quickstart.STAMP.write_text(json.dumps({"root": "/elsewhere", "pyproject": "x", "extras": []}))
    (quickstart.VENV / "left-over").write_text("from the old folder")

    assert quickstart.make_venv()

    assert "thư mục dự án đã được chuyển chỗ" in capsys.readouterr().err
    assert not (quickstart.VENV / "left-over").exists()
    assert quickstart.venv_works()
    assert not quickstart.moved()


def test_the_stamp_says_what_is_installed_and_where(quickstart):
    quickstart.VENV.mkdir()
    quickstart.STAMP.write_text(json.dumps(quickstart.wanted_stamp({"test"})))
    assert quickstart.installed(set()) and quickstart.installed({"test"})
    quickstart.STAMP.write_text(json.dumps(quickstart.wanted_stamp(set())))
    assert quickstart.installed(set()) and not quickstart.installed({"test"})
    (quickstart.HERE / "pyproject.toml").write_text("[project]\nname = 'y'\n")  # a new dependency, say
    assert not quickstart.installed(set())
