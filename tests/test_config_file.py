"""The settings file (config.toml): each setting from a flag, else the environment, else the file,
else the default; `dvc-tui config path | show | init`; a file that cannot be used is refused in
one line (exit 2) before anything is opened, written or shown on the screen.

The CLI runs in this process (`main([...])`, capsys); one subprocess proves the real program
ends with no traceback and never takes the terminal."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dvc_tui.cli import main
from dvc_tui.config import SETTING_KEYS, Config, ConfigError, resolve
from dvc_tui.core.text import set_language
from dvc_tui.store.sqlite import DB_NAME, SqliteStore
from tests.store.test_sqlite import account

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def clean_settings(tmp_path, monkeypatch):
    """No DVC_TUI_* setting from outside; the settings file is this test's (not written yet)."""
    for name in list(os.environ):
        if name.startswith("DVC_TUI_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("DVC_TUI_CONFIG", str(tmp_path / "settings" / "config.toml"))
    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture
def config_file(tmp_path) -> Path:
    return tmp_path / "settings" / "config.toml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def show_json(capsys, *argv: str) -> dict:
    assert main([*argv, "config", "show", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


# -- precedence: flag > environment > file > default ----------------------------------------------------
# key: (the file's line, the environment, the flags, and the value each gives as `config show --json` says it)
PRECEDENCE = {
    "data_dir": ('data_dir = "{tmp}/from-file"', ("DVC_TUI_DATA_DIR", "{tmp}/from-env"),
                 ["--data-dir", "{tmp}/from-flag"], ("{tmp}/from-file", "{tmp}/from-env", "{tmp}/from-flag"), "--data-dir"),
    "language": ('language = "en"', ("DVC_TUI_LANG", "vi"), ["--lang", "en"], ("en", "vi", "en"), "--lang"),
    "hash_cost": ('hash_cost = "low"', ("DVC_TUI_HASH_COST", "test"), ["--hash-cost", "t=2,m=65536,p=1"],
                  ("low", "test", "t=2,m=65536,p=1"), "--hash-cost"),
    "theme": ('theme = "high-contrast"', ("DVC_TUI_THEME", "default"), ["--theme", "high-contrast"],
              ("high-contrast", "default", "high-contrast"), "--theme"),
    "large_text": ("large_text = true", ("DVC_TUI_LARGE_TEXT", "0"), ["--large-text"], (True, False, True), "--large-text"),
    "kiosk": ("kiosk = true", ("DVC_TUI_KIOSK", "no"), ["--kiosk"], (True, False, True), "--kiosk"),
    "idle_seconds": ("idle_seconds = 300", ("DVC_TUI_IDLE", "60"), ["--idle", "90"], (300, 60, 90), "--idle"),
    "training": ("training = true", ("DVC_TUI_TRAINING", "false"), ["--training"], (True, False, True), "--training"),
    "keyring": ("keyring = false", ("DVC_TUI_NO_KEYRING", "0"), ["--no-keyring"], (False, True, False), "--no-keyring"),
    "key_file": ('key_file = "{tmp}/usb/file.key"', ("DVC_TUI_KEY_FILE", "{tmp}/usb/env.key"),
                 ["--key-file", "{tmp}/usb/flag.key"], ("{tmp}/usb/file.key", "{tmp}/usb/env.key", "{tmp}/usb/flag.key"),
                 "--key-file"),
}


def test_every_setting_is_in_the_precedence_table():
    assert set(PRECEDENCE) == set(SETTING_KEYS)


@pytest.mark.parametrize("key", list(PRECEDENCE))
def test_file_then_environment_then_flag(key, tmp_path, config_file, monkeypatch, capsys):
    line, (env_name, env_value), flags, (by_file, by_env, by_flag), flag_name = PRECEDENCE[key]
    fill = lambda text: text.replace("{tmp}", str(tmp_path))  # noqa: E731
    write(config_file, fill(line) + "\n")

    shown = show_json(capsys)["settings"][key]
    assert shown == {"value": fill(by_file) if isinstance(by_file, str) else by_file, "source": "file",
                     "from": str(config_file)}

    monkeypatch.setenv(env_name, fill(env_value))
    shown = show_json(capsys)["settings"][key]
    assert shown == {"value": fill(by_env) if isinstance(by_env, str) else by_env, "source": "env", "from": env_name}

    shown = show_json(capsys, *[fill(a) for a in flags])["settings"][key]
    assert shown == {"value": fill(by_flag) if isinstance(by_flag, str) else by_flag, "source": "flag",
                     "from": flag_name}


def test_config_load_reads_the_file_and_its_arguments_come_first(tmp_path, config_file):
    write(config_file, f'data_dir = "{tmp_path}/d"\nlanguage = "en"\nhash_cost = "test"\ntheme = "high-contrast"\n'
                       "large_text = true\nkiosk = true\nidle_seconds = 45\ntraining = true\nkeyring = false\n")
    assert Config.load() == Config(data_dir=tmp_path / "d", language="en", hash_cost="test", use_keyring=False,
                                   training=True, kiosk=True, idle_seconds=45, theme="high-contrast", large_text=True)
    # the positional signature every caller uses still works; the arguments are flags
    config = Config.load(tmp_path / "other", "vi", "low", True, kiosk=False, idle_seconds=20, training=False,
                         theme="default", large_text=False)
    assert config == Config(data_dir=tmp_path / "other", language="vi", hash_cost="low", use_keyring=True,
                            training=False, kiosk=False, idle_seconds=20, theme="default", large_text=False)


def test_without_a_file_every_setting_is_its_default(config_file, capsys):
    report = show_json(capsys)
    assert report["file"] == str(config_file) and report["file_exists"] is False
    assert {key: s["source"] for key, s in report["settings"].items()} == {key: "default" for key in SETTING_KEYS}
    values = {key: s["value"] for key, s in report["settings"].items() if key not in ("data_dir", "key_file")}
    assert values == {"language": "vi", "hash_cost": "production", "theme": "default", "large_text": False,
                      "kiosk": False, "idle_seconds": 120, "training": False, "keyring": True}
    # no key file set: the install key's file is install.key in the data dir
    assert report["settings"]["key_file"]["value"] == str(Path(report["settings"]["data_dir"]["value"]) / "install.key")


def test_no_flags_turn_off_what_the_file_turns_on(config_file, capsys):
    write(config_file, "kiosk = true\ntraining = true\nlarge_text = true\nkeyring = true\n")
    settings = show_json(capsys, "--no-kiosk", "--no-training", "--no-large-text", "--keyring")["settings"]
    assert {k: (settings[k]["value"], settings[k]["from"]) for k in ("kiosk", "training", "large_text", "keyring")} == {
        "kiosk": (False, "--no-kiosk"), "training": (False, "--no-training"),
        "large_text": (False, "--no-large-text"), "keyring": (True, "--keyring")}


def test_a_relative_data_dir_starts_at_the_files_folder_and_tilde_is_home(config_file, monkeypatch, tmp_path):
    write(config_file, 'data_dir = "kiosk-data"\n')
    assert Config.load().data_dir == config_file.parent / "kiosk-data"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    write(config_file, 'data_dir = "~/dvc"\n')
    assert Config.load().data_dir == tmp_path / "home" / "dvc"


def test_a_byte_order_mark_is_no_error(config_file):
    config_file.parent.mkdir(parents=True)
    config_file.write_bytes('\ufefflanguage = "en"\n'.encode("utf-8"))
    assert Config.load().language == "en"


def test_the_data_dir_from_the_file_is_the_one_used(tmp_path, config_file, capsys):
    data = tmp_path / "kiosk-data"
    store = SqliteStore(data / DB_NAME)
    store.insert_account(account("001090000123"))
    store.close()
    write(config_file, f'data_dir = "{data}"\nkeyring = false\n')
    assert main(["accounts", "list", "--json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [a["username"] for a in listed] == ["001090000123"]


def test_the_settings_file_is_named_by_the_config_flag_over_the_environment(tmp_path, config_file, capsys):
    write(config_file, 'language = "vi"\n')
    other = write(tmp_path / "other.toml", 'language = "en"\n')
    report = show_json(capsys, "--config", str(other))
    assert report["file"] == str(other)
    assert report["settings"]["language"] == {"value": "en", "source": "file", "from": str(other)}


# -- config path -----------------------------------------------------------------------------------------
def test_config_path_with_the_environment_variable(config_file, capsys):
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out == f"{config_file}\n"
    assert not config_file.exists()  # only said, never made


def test_config_path_without_the_environment_variable_is_in_the_user_config_dir(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("DVC_TUI_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'xdg' / 'dvc-tui' / 'config.toml'}\n"


def test_config_path_with_the_flag_and_even_when_the_file_is_broken(tmp_path, config_file, capsys):
    write(config_file, "this is = = not toml\n")
    assert main(["config", "path"]) == 0  # the path is how staff find the file to mend it
    assert capsys.readouterr().out == f"{config_file}\n"
    assert main(["--config", str(tmp_path / "x.toml"), "config", "path"]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'x.toml'}\n"


# -- config show -----------------------------------------------------------------------------------------
def test_config_show_says_each_value_and_where_it_came_from_in_vietnamese(config_file, monkeypatch, capsys):
    write(config_file, "idle_seconds = 300\n")
    monkeypatch.setenv("DVC_TUI_KIOSK", "1")
    assert main(["--theme", "high-contrast", "--hash-cost", "test", "config", "show"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Tệp cấu hình: {config_file}"
    rows = {line.split("=")[0].strip(): line for line in lines[1:]}
    assert list(rows) == list(SETTING_KEYS)
    assert rows["theme"].split("=", 1)[1].split() == ['"high-contrast"', "#", "cờ", "--theme"]
    assert rows["hash_cost"].split("=", 1)[1].split() == ['"test"', "#", "cờ", "--hash-cost"]
    assert rows["kiosk"].split("=", 1)[1].split() == ["true", "#", "biến", "môi", "trường", "DVC_TUI_KIOSK"]
    assert rows["idle_seconds"].split("=", 1)[1].split() == ["300", "#", "tệp", "cấu", "hình"]
    assert rows["language"].split("=", 1)[1].split() == ['"vi"', "#", "mặc", "định"]


def test_config_show_writes_a_long_path_whole(tmp_path, capsys):
    long_dir = tmp_path / ("thư-mục-" * 12)
    assert main(["--data-dir", str(long_dir), "config", "show"]) == 0
    [line] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("data_dir ")]
    # whole, then padded to the longest value's width (key_file's, the data dir's install.key)
    assert line.startswith(f'data_dir     = "{long_dir}" ') and line.endswith("  # cờ --data-dir")


def test_config_show_honours_the_global_flags_and_speaks_english_when_asked(capsys):
    assert main(["--lang", "en", "--theme", "high-contrast", "config", "show"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Settings file: ") and "none yet" in out
    rows = {line.split("=")[0].strip(): line.split("#", 1)[1].strip() for line in out.splitlines()[1:]}
    assert rows["language"] == "flag --lang" and rows["theme"] == "flag --theme" and rows["kiosk"] == "default"


def test_config_show_speaks_the_files_language(config_file, capsys):
    write(config_file, 'language = "en"\n')
    assert main(["config", "show"]) == 0
    assert capsys.readouterr().out.startswith(f"Settings file: {config_file}\n")


def test_config_show_names_a_missing_file_and_how_to_make_it(config_file, tmp_path, capsys):
    assert main(["config", "show"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"Tệp cấu hình: {config_file} (chưa có; tạo tệp mẫu bằng: dvc-tui config init)")
    missing = tmp_path / "elsewhere.toml"
    assert main(["--config", str(missing), "config", "show"]) == 0  # what it looks at need not exist
    assert f"dvc-tui --config {missing} config init" in capsys.readouterr().out


def test_config_show_json_is_one_object_with_every_source(tmp_path, config_file, monkeypatch, capsys):
    write(config_file, "training = true\n")
    monkeypatch.setenv("DVC_TUI_LANG", "en")
    report = show_json(capsys, "--data-dir", str(tmp_path / "d"))
    assert report["file"] == str(config_file) and report["file_exists"] is True
    assert list(report["settings"]) == list(SETTING_KEYS)
    assert report["settings"]["data_dir"] == {"value": str(tmp_path / "d"), "source": "flag", "from": "--data-dir"}
    assert report["settings"]["language"] == {"value": "en", "source": "env", "from": "DVC_TUI_LANG"}
    assert report["settings"]["training"] == {"value": True, "source": "file", "from": str(config_file)}
    assert report["settings"]["theme"] == {"value": "default", "source": "default", "from": None}


# -- refusals --------------------------------------------------------------------------------------------
REFUSALS = {
    "bad-toml": ('language = "en"\nkiosk = \n', "sai cú pháp TOML ở dòng 2, cột"),
    "unknown-key": ('language = "en"\n\n[dvc]\nx = 1\n', "dòng 3, khóa “dvc”: không có khóa này; các khóa dùng được: "
                    "data_dir, language,"),
    "wrong-type": ('kiosk = "yes"\n', "dòng 1, khóa “kiosk”: phải là true hoặc false"),
    "idle-not-a-number": ("idle_seconds = 1.5\n", "dòng 1, khóa “idle_seconds”: phải là một số nguyên"),
    "idle-out-of-range": ("# a kiosk\nidle_seconds = 5\n", "dòng 2, khóa “idle_seconds”: thời gian chờ là một số giây "
                          "nguyên từ 20 đến 86400."),
    "bad-hash-cost": ('hash_cost = "fast"\n', "dòng 1, khóa “hash_cost”: Chi phí băm mật khẩu \"fast\" không dùng được"),
    "bad-language": ('language = "fr"\n', "dòng 1, khóa “language”: phải là một trong \"vi\", \"en\", không phải \"fr\"."),
    "bad-theme": ('theme = "dark"\n', "dòng 1, khóa “theme”: phải là một trong \"default\", \"high-contrast\""),
    "empty-data-dir": ('data_dir = ""\n', "dòng 1, khóa “data_dir”: đường dẫn thư mục không được để trống."),
}


@pytest.fixture
def no_app(monkeypatch):
    """The app replaced by one that records being started (it must not be)."""
    import dvc_tui.app

    started = []
    monkeypatch.setattr(dvc_tui.app, "DvcApp", lambda *a, **k: started.append((a, k)))
    return started


@pytest.mark.parametrize("case", list(REFUSALS))
def test_a_file_that_cannot_be_used_is_refused_in_one_line(case, tmp_path, config_file, no_app, capsys):
    text, words = REFUSALS[case]
    write(config_file, text)
    before = config_file.read_bytes(), config_file.stat().st_mtime_ns
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "--no-keyring"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err
    assert err.endswith("\n") and len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith(f"dvc-tui: Tệp cấu hình {config_file}")
    assert words in err
    assert no_app == []
    assert (config_file.read_bytes(), config_file.stat().st_mtime_ns) == before
    assert not data.exists()  # nothing opened or made


def test_every_command_refuses_the_file_the_same_way(tmp_path, config_file, capsys):
    write(config_file, 'theme = "dark"\n')
    for argv in (["accounts", "list"], ["sms"], ["kiosk", "status"], ["config", "show"]):
        assert main(["--data-dir", str(tmp_path / "data"), *argv]) == 2
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1 and "khóa “theme”" in err, argv
    assert not (tmp_path / "data").exists()


def test_a_flag_does_not_hide_a_broken_file(config_file, capsys):
    write(config_file, "idle_seconds = 5\n")
    assert main(["--idle", "60", "config", "show"]) == 2
    assert "idle_seconds" in capsys.readouterr().err


def test_a_refusal_follows_the_language_asked_for(config_file, capsys):
    write(config_file, "kiosk = 1\n")
    assert main(["--lang", "en", "config", "show"]) == 2
    assert capsys.readouterr().err == (f"dvc-tui: Settings file {config_file}, line 1, key “kiosk”: "
                                       "must be true or false (lower case, no quotes), not 1.\n")


def test_a_line_break_in_a_value_or_key_stays_one_line(config_file, capsys):
    write(config_file, 'hash_cost = """t=1\nm=2"""\n')
    assert main(["config", "show"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and 'Chi phí băm mật khẩu "t=1\\nm=2"' in err
    write(config_file, '"a\\nb" = 1\n')
    assert main(["config", "show"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "khóa “a\\nb”: không có khóa này" in err


def test_a_toml_error_at_the_end_of_the_file(config_file, capsys):
    write(config_file, 'language = """\n')
    assert main(["config", "show"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "sai cú pháp TOML ở cuối tệp" in err and str(config_file) in err


def test_a_file_that_is_not_text_or_not_a_file(tmp_path, config_file, capsys):
    config_file.parent.mkdir(parents=True)
    config_file.write_bytes(b"language = \"\xff\xfe\"\n")
    assert main(["config", "show"]) == 2
    assert capsys.readouterr().err == f"dvc-tui: Tệp cấu hình {config_file} không phải văn bản UTF-8: lưu lại tệp với bảng mã UTF-8.\n"
    assert main(["--config", str(tmp_path), "config", "show"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"dvc-tui: Không đọc được tệp cấu hình {tmp_path}: ") and len(err.splitlines()) == 1


def test_a_config_flag_naming_no_file_is_refused(tmp_path, no_app, capsys):
    missing = tmp_path / "kisok.toml"  # a typo must not quietly run a kiosk without its settings
    assert main(["--config", str(missing)]) == 2
    assert capsys.readouterr().err == (f"dvc-tui: Không có tệp cấu hình {missing} (cờ --config). "
                                       f"Tạo tệp mẫu bằng: dvc-tui --config {missing} config init\n")
    assert no_app == []


@pytest.mark.parametrize("name, value, words", [
    ("DVC_TUI_LANG", "fr", "DVC_TUI_LANG: phải là một trong \"vi\", \"en\", không phải \"fr\"."),
    ("DVC_TUI_THEME", "dark", "DVC_TUI_THEME: phải là một trong \"default\", \"high-contrast\""),
    ("DVC_TUI_LARGE_TEXT", "maybe", "DVC_TUI_LARGE_TEXT: phải là 1 hoặc 0"),
    ("DVC_TUI_KIOSK", "bật", "DVC_TUI_KIOSK: phải là 1 hoặc 0"),
    ("DVC_TUI_HASH_COST", "fast", "DVC_TUI_HASH_COST: Chi phí băm mật khẩu \"fast\""),
    ("DVC_TUI_IDLE", "5", "DVC_TUI_IDLE: thời gian chờ"),
])
def test_an_environment_variable_that_cannot_be_used_is_one_line(name, value, words, monkeypatch, no_app, capsys):
    monkeypatch.setenv(name, value)
    assert main(["--no-keyring"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("dvc-tui: " + words) and len(err.splitlines()) == 1
    assert no_app == []


def test_resolve_refuses_a_value_of_the_wrong_type_from_python_too(tmp_path):
    with pytest.raises(ConfigError, match="--lang"):
        resolve(data_dir=tmp_path, language="fr")
    with pytest.raises(ConfigError, match="--idle"):
        resolve(data_dir=tmp_path, idle_seconds=5)


def test_the_real_program_refuses_before_the_screen_with_no_traceback(tmp_path, config_file):
    write(config_file, "kiosk = true\nidle_seconds = 5\n")
    before = config_file.read_bytes()
    env = dict(os.environ, DVC_TUI_CONFIG=str(config_file), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = subprocess.run([sys.executable, "-m", "dvc_tui", "--data-dir", str(tmp_path / "data")],
                            capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert result.stdout == ""  # no screen was drawn
    assert result.stderr == (f"dvc-tui: Tệp cấu hình {config_file}, dòng 2, khóa “idle_seconds”: "
                             "thời gian chờ là một số giây nguyên từ 20 đến 86400.\n")
    assert config_file.read_bytes() == before and not (tmp_path / "data").exists()


# -- config init -----------------------------------------------------------------------------------------
def test_config_init_writes_a_commented_template_that_changes_nothing(config_file, capsys):
    assert main(["config", "init"]) == 0
    assert capsys.readouterr().out == (f"Đã tạo tệp cấu hình mẫu {config_file}. Mọi thiết lập trong đó đang tắt "
                                       "(dấu # ở đầu dòng): bỏ dấu # để dùng.\n")
    text = config_file.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert all(line == "" or line.startswith("# ") for line in lines)
    for key in SETTING_KEYS:
        setting_lines = [i for i, line in enumerate(lines) if line.startswith(f"# {key} = ")]
        assert len(setting_lines) == 1, key
        assert lines[setting_lines[0] - 1].startswith("# ") and lines[setting_lines[0] - 1] != f"# {key}"  # its comment
    assert "# idle_seconds = 120" in lines and '# theme = "default"' in lines and "# keyring = true" in lines
    assert "Tệp cấu hình của dvc-tui" in text
    report = show_json(capsys)
    assert report["file_exists"] is True
    assert {s["source"] for s in report["settings"].values()} == {"default"}


def test_every_line_of_the_template_works_once_uncommented(config_file, capsys):
    assert main(["config", "init"]) == 0
    text = config_file.read_text(encoding="utf-8")
    uncommented = "\n".join(line[2:] for line in text.splitlines() if any(line.startswith(f"# {k} = ") for k in SETTING_KEYS))
    write(config_file, uncommented + "\n")
    capsys.readouterr()
    report = show_json(capsys)
    assert {s["source"] for s in report["settings"].values()} == {"file"}
    assert report["settings"]["idle_seconds"]["value"] == 120


def test_config_init_never_overwrites(config_file, capsys):
    write(config_file, 'language = "en"\n')
    before = config_file.read_bytes(), config_file.stat().st_mtime_ns
    assert main(["config", "init"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"dvc-tui: Tệp cấu hình {config_file} đã có, không ghi đè. "
                            "Xem thiết lập đang dùng: dvc-tui config show\n")
    assert (config_file.read_bytes(), config_file.stat().st_mtime_ns) == before


def test_config_init_where_it_cannot_write_is_one_line(tmp_path, capsys):
    blocker = write(tmp_path / "a-file", "")
    assert main(["--config", str(blocker / "config.toml"), "config", "init"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"dvc-tui: Không ghi được tệp cấu hình {blocker / 'config.toml'}: ")
    assert len(err.splitlines()) == 1


def test_config_init_in_english_with_the_flag(tmp_path, capsys):
    target = tmp_path / "en.toml"
    assert main(["--lang", "en", "--config", str(target), "config", "init"]) == 0
    assert capsys.readouterr().out.startswith(f"Wrote the settings template {target}.")
    assert target.read_text(encoding="utf-8").startswith("# dvc-tui's settings file (TOML).")


@pytest.mark.parametrize("text, said", [
    ('language = "vi"\nlanguage = "en"\n', "dòng 2, cột 16 (một khóa được đặt hai lần)"),
    ("theme = dark\n", "(giá trị không hợp lệ: chữ đặt trong ngoặc kép, đúng/sai viết true/false)"),
    ("kiosk\n", "(thiếu dấu = sau tên khóa)"),
    ('language = "vi" en\n', "(còn chữ sau giá trị trên cùng dòng)"),
    ("[kiosk\n", "(thiếu dấu ] đóng tên bảng)"),
    ("a = [1, 2\n", "(thiếu dấu ngoặc đóng (ngoặc vuông hoặc ngoặc nhọn))"),
])
def test_a_toml_error_is_said_in_vietnamese_words(config_file, capsys, text, said):
    write(config_file, text)
    assert main(["config", "show"]) == 2
    err = capsys.readouterr().err
    assert said in err and len(err.splitlines()) == 1
    # none of tomllib's English ("Invalid value", "Cannot overwrite a value", "Expected ...")
    assert not re.search(r"Invalid|Cannot|Expected|Unclosed|Illegal|Duplicate", err), err


def test_the_flags_take_any_case_as_the_environment_does(monkeypatch, capsys):
    settings = show_json(capsys, "--theme", "High-Contrast", "--lang", "EN")["settings"]
    assert (settings["theme"]["value"], settings["language"]["value"]) == ("high-contrast", "en")
    monkeypatch.setenv("DVC_TUI_THEME", "High-Contrast")
    assert show_json(capsys)["settings"]["theme"] == {"value": "high-contrast", "source": "env", "from": "DVC_TUI_THEME"}


# -- issue 14, finding 11: nothing from the file reaches the terminal raw -----------------------------
@pytest.mark.parametrize("line, shown", [
    ('"\\u001b[2J\\u001b]0;owned\\u0007" = 1\n', "\\x1b[2J\\x1b]0;owned\\x07"),  # an unknown key with ESC, OSC, BEL
    ('"la\\u009bbel\\u202e" = true\n', "la\\x9bbel\\u202e"),  # a C1 CSI and a right-to-left override
    ('theme = "dark\\u001b[31m\\u009b"\n', "dark\\u001b[31m\\x9b"),  # a value
])
def test_control_characters_in_the_file_are_shown_escaped_never_raw(config_file, capsys, line, shown):
    write(config_file, line)
    assert main(["config", "show"]) == 2
    err = capsys.readouterr().err
    assert shown in err and len(err.splitlines()) == 1
    assert not any(ord(ch) < 0x20 and ch != "\n" or 0x7F <= ord(ch) < 0xA0 or ch == "\u202e" for ch in err)
