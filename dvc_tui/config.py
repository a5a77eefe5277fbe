"""Config: where the data lives, the language, the hashing cost, the kiosk and display options.

Each setting comes from, first to last: a command-line flag, an environment variable, the
settings file (TOML: `config.toml` in the user config dir, or the file named by `--config` /
`DVC_TUI_CONFIG`), the default. `SETTINGS` lists them; `resolve` says where each value came from
(`dvc-tui config show`). A setting that cannot be used raises ConfigError with one sentence that
names where it came from (the flag, the variable, or the file, its line and its key)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, NamedTuple

APP_NAME = "dvc-tui"
CONFIG_FILE_NAME = "config.toml"
ENV_CONFIG = "DVC_TUI_CONFIG"
ENV_DATA_DIR = "DVC_TUI_DATA_DIR"
ENV_LANG = "DVC_TUI_LANG"
ENV_HASH_COST = "DVC_TUI_HASH_COST"
ENV_NO_KEYRING = "DVC_TUI_NO_KEYRING"
ENV_TRAINING = "DVC_TUI_TRAINING"
ENV_KIOSK = "DVC_TUI_KIOSK"
ENV_IDLE = "DVC_TUI_IDLE"
ENV_THEME = "DVC_TUI_THEME"
ENV_LARGE_TEXT = "DVC_TUI_LARGE_TEXT"
ENV_KEY_FILE = "DVC_TUI_KEY_FILE"
ENV_CHEAP_HASH = "PYTEST_DVC_TUI_CHEAP_HASH"
"""Set to 1 by the test suite's conftest only: Argon2id costs below OWASP's minimum (`test`)
are then accepted. Named outside DVC_TUI_* on purpose: the tests that clear every DVC_TUI_*
setting still keep it, and no one sets it by listing the app's settings."""

LANGUAGE_CHOICES = ("vi", "en")
THEMES = ("default", "high-contrast")
TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")
GIVEN_LIMIT = 60  # a wrong value is quoted in the refusal up to this many characters


class ConfigError(ValueError):
    """A setting given in a flag, the environment or the settings file cannot be used (the CLI
    says so in one line: a line break inside a value quoted is written as \\n)."""

    def __init__(self, message: object = "") -> None:
        super().__init__(str(message).replace("\r", "\\r").replace("\n", "\\n"))


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / CONFIG_FILE_NAME


def config_path(explicit: str | os.PathLike | None = None, env: Mapping[str, str] | None = None) -> Path:
    """The settings file: `--config FILE`, else DVC_TUI_CONFIG, else the user config dir's."""
    env = os.environ if env is None else env
    chosen = explicit or env.get(ENV_CONFIG, "").strip()
    return Path(chosen).expanduser() if chosen else default_config_path()


class Setting(NamedTuple):  # NamedTuples: a dataclass costs ~2 ms of start-up each
    key: str  # in the file and in `config show`
    field: str  # Config's attribute
    flag: str  # the command-line flag (a bool's: --flag / --no-flag)
    env: str
    kind: str  # "path", "choice", "hash_cost", "bool", "idle"
    choices: tuple[str, ...] = ()
    env_inverted: bool = False  # DVC_TUI_NO_KEYRING=1 means keyring = false


SETTINGS = (
    Setting("data_dir", "data_dir", "--data-dir", ENV_DATA_DIR, "path"),
    Setting("language", "language", "--lang", ENV_LANG, "choice", LANGUAGE_CHOICES),
    Setting("hash_cost", "hash_cost", "--hash-cost", ENV_HASH_COST, "hash_cost"),
    Setting("theme", "theme", "--theme", ENV_THEME, "choice", THEMES),
    Setting("large_text", "large_text", "--large-text", ENV_LARGE_TEXT, "bool"),
    Setting("kiosk", "kiosk", "--kiosk", ENV_KIOSK, "bool"),
    Setting("idle_seconds", "idle_seconds", "--idle", ENV_IDLE, "idle"),
    Setting("training", "training", "--training", ENV_TRAINING, "bool"),
    Setting("keyring", "use_keyring", "--keyring", ENV_NO_KEYRING, "bool", env_inverted=True),
    Setting("key_file", "key_file", "--key-file", ENV_KEY_FILE, "path"),
)
SETTING_KEYS = tuple(s.key for s in SETTINGS)


class Source(NamedTuple):
    """Where a setting's value came from: kind "flag" (name: the flag), "env" (the variable),
    "file" (the file's path) or "default" (name None)."""

    kind: str
    name: str | None = None


class Resolved(NamedTuple):
    config: "Config"
    sources: dict[str, Source]  # by Setting.key
    path: Path  # the settings file, read or not
    file_found: bool


@dataclass(frozen=True)
class Config:
    data_dir: Path
    language: str = "vi"
    hash_cost: str = "production"
    use_keyring: bool = True
    training: bool = False  # training mode: zone badges and the guide panel (F7 toggles)
    kiosk: bool = False  # kiosk mode: idle wipe, trainer PIN to quit (dvc_tui/kiosk_mode.py)
    idle_seconds: int = 120
    theme: str = "default"  # "default" or "high-contrast" (switchable at run time)
    large_text: bool = False  # the large-text layout (switchable at run time)
    key_file: Path | None = None  # the install key's file, if not install.key in the data dir

    def __post_init__(self) -> None:
        if self.hash_cost not in ("production", "low"):  # a Config built directly is checked too
            check_hash_cost(self.hash_cost)

    @property
    def install_key_path(self) -> Path:
        """The install key's file, when it is in a file (store/secrets.py)."""
        from dvc_tui.store.secrets import key_file_path

        return key_file_path(self.data_dir, self.key_file)

    @property
    def db_path(self) -> Path:
        from dvc_tui.store.sqlite import DB_NAME

        return self.data_dir / DB_NAME

    @classmethod
    def load(
        cls,
        data_dir: str | os.PathLike | None = None,
        language: str | None = None,
        hash_cost: str | None = None,
        use_keyring: bool | None = None,
        kiosk: bool | None = None,
        idle_seconds: int | None = None,
        training: bool | None = None,
        *,
        theme: str | None = None,
        large_text: bool | None = None,
        key_file: str | os.PathLike | None = None,
        config_file: str | os.PathLike | None = None,
        require_file: bool = False,
    ) -> "Config":
        """Flags (the arguments) first, then the environment, then the settings file, then the
        defaults. `config_file` names the file (else DVC_TUI_CONFIG, else the user config
        dir's); a missing file is no error unless `require_file`."""
        return resolve(data_dir=data_dir, language=language, hash_cost=hash_cost, keyring=use_keyring,
                       kiosk=kiosk, idle_seconds=idle_seconds, training=training, theme=theme,
                       large_text=large_text, key_file=key_file, config_file=config_file, require_file=require_file).config


def resolve(
    *,
    config_file: str | os.PathLike | None = None,
    require_file: bool = False,
    env: Mapping[str, str] | None = None,
    **flags: Any,
) -> Resolved:
    """Every setting's value and where it came from. `flags` are by Setting.key (None: not given)."""
    env = os.environ if env is None else env
    unknown = set(flags) - set(SETTING_KEYS)
    if unknown:
        raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
    path = config_path(config_file, env)
    found, from_file = read_config_file(path, required=require_file)
    values: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    for setting in SETTINGS:
        given = flags.get(setting.key)
        if setting.kind == "path" and not given:
            given = None  # --data-dir "" is no data dir (as before)
        raw_env = env.get(setting.env, "").strip()
        if given is not None:
            value = _check(setting, given, lambda problem, s=setting: s.flag + ": " + problem)
            name = setting.flag if setting.kind != "bool" or value else "--no-" + setting.flag[2:]
            values[setting.key], sources[setting.key] = value, Source("flag", name)
        elif raw_env:
            values[setting.key] = _from_env(setting, raw_env)
            sources[setting.key] = Source("env", setting.env)
        elif setting.key in from_file:
            values[setting.key], sources[setting.key] = from_file[setting.key], Source("file", str(path))
        else:
            values[setting.key], sources[setting.key] = _default(setting), Source("default")
    config = Config(**{s.field: values[s.key] for s in SETTINGS})
    return Resolved(config, sources, path, found)


def _default(setting: Setting) -> Any:
    from dvc_tui.core.kiosk import DEFAULT_IDLE_SECONDS

    defaults = {"data_dir": None, "language": "vi", "hash_cost": "production", "theme": "default",
                "large_text": False, "kiosk": False, "idle_seconds": DEFAULT_IDLE_SECONDS, "training": False,
                "keyring": True, "key_file": None}
    return default_data_dir() if setting.key == "data_dir" else defaults[setting.key]


def default_value(key: str) -> Any:
    """A setting's default (the data dir's is this user's)."""
    return _default(next(s for s in SETTINGS if s.key == key))


# -- checking values ---------------------------------------------------------------------------------
def _t(message: str, /, **params: Any) -> str:
    from dvc_tui.core.text import t

    return t(message, **params)


def _check(setting: Setting, value: Any, fail, base: Path | None = None) -> Any:
    """A value of the right type for `setting` (from a flag or the file), normalised; ConfigError
    with `fail(problem)` otherwise."""
    kind = setting.kind
    if kind == "bool":
        if not isinstance(value, bool):
            raise ConfigError(fail(_t("cli.config.want_bool", given=toml_text(value, GIVEN_LIMIT))))
        return value
    if kind == "idle":
        from dvc_tui.core.kiosk import MAX_IDLE_SECONDS, MIN_IDLE_SECONDS

        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(fail(_t("cli.config.want_int", given=toml_text(value, GIVEN_LIMIT))))
        if not MIN_IDLE_SECONDS <= value <= MAX_IDLE_SECONDS:
            raise ConfigError(fail(_t("cli.kiosk.idle_invalid", min=MIN_IDLE_SECONDS, max=MAX_IDLE_SECONDS)))
        return value
    if isinstance(value, os.PathLike) and kind == "path":
        value = os.fspath(value)
    if not isinstance(value, str):
        raise ConfigError(fail(_t("cli.config.want_string", given=toml_text(value, GIVEN_LIMIT))))
    if kind == "path":
        if not value.strip():
            raise ConfigError(fail(_t("cli.config.empty_path")))
        path = Path(value).expanduser()
        return base / path if base is not None and not path.is_absolute() else path
    if kind == "choice":
        chosen = value.strip().lower()
        if chosen not in setting.choices:
            choices = ", ".join(f'"{c}"' for c in setting.choices)
            raise ConfigError(fail(_t("cli.config.want_choice", choices=choices, given=toml_text(value, GIVEN_LIMIT))))
        return chosen
    if kind == "hash_cost":
        try:
            return check_hash_cost(value)
        except ConfigError as exc:
            raise ConfigError(fail(str(exc))) from None
    raise AssertionError(kind)


def _from_env(setting: Setting, text: str) -> Any:
    def fail(problem: str) -> str:
        return f"{setting.env}: {problem}"

    if setting.kind == "bool":
        word = text.lower()
        if word not in TRUE_WORDS + FALSE_WORDS:
            raise ConfigError(fail(_t("cli.config.want_env_bool", given=toml_text(text, GIVEN_LIMIT))))
        return (word in TRUE_WORDS) != setting.env_inverted
    if setting.kind == "idle":
        from dvc_tui.core.kiosk import MAX_IDLE_SECONDS, MIN_IDLE_SECONDS, parse_idle_seconds

        try:
            return parse_idle_seconds(text)
        except ValueError:
            raise ConfigError(fail(_t("cli.kiosk.idle_invalid", min=MIN_IDLE_SECONDS, max=MAX_IDLE_SECONDS))) from None
    return _check(setting, text, fail)


def check_hash_cost(text: str, env: Mapping[str, str] | None = None) -> str:
    """A named Argon2id cost or one spelled out (t=..,m=..,p=..), normalised; ConfigError with
    the catalog's message otherwise. Checked at start, so a typo is one line, not a failure at
    the first password (the --hash-cost flag, DVC_TUI_HASH_COST and the file's hash_cost).

    A cost below OWASP's minimum (`test`, `t=1,m=8,p=1`) is refused unless the test suite set
    PYTEST_DVC_TUI_CHEAP_HASH=1; one above the band (`t=100,m=4194304,p=1`) always is."""
    from dvc_tui.core.passwords import MAX_MEMORY_KIB, MAX_PARALLELISM, MAX_TIME_COST, HashCost

    env = os.environ if env is None else env
    try:
        cost = HashCost.named(text)
    except ValueError:
        cost = None
    band = {"max_t": MAX_TIME_COST, "max_m": MAX_MEMORY_KIB, "max_mib": MAX_MEMORY_KIB // 1024, "max_p": MAX_PARALLELISM}
    given = shown(text, GIVEN_LIMIT)
    if cost is None:
        raise ConfigError(_t("cli.hash_cost_invalid", given=given, **band))
    if not cost.within_ceiling():
        raise ConfigError(_t("cli.hash_cost_absurd", given=given, **band))
    if not cost.meets_minimum() and env.get(ENV_CHEAP_HASH, "").strip() != "1":
        raise ConfigError(_t("cli.hash_cost_weak", given=given, **band))
    return text.strip().lower()


def shown(text: str, limit: int | None = None) -> str:
    """`text` safe to print: control and format characters (ESC, C1, DEL, bidi overrides,
    zero-width) written as escapes (\\x1b, \\u202e), never sent raw to the terminal."""
    import unicodedata

    if limit is not None and len(text) > limit:
        text = text[:limit - 3] + "..."
    out = []
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    for ch in text:
        if ch in named:
            out.append(named[ch])
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def toml_text(value: Any, limit: int | None = None) -> str:
    """A value as it would be written in the file (strings quoted; cut to `limit` characters)."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return shown(json.dumps(value if limit is None or len(value) <= limit else value[:limit - 3] + "...",
                                ensure_ascii=False))
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, Path):
        return json.dumps(str(value), ensure_ascii=False)
    if isinstance(value, dict):
        return "{...}"
    if isinstance(value, list):
        return "[...]"
    return str(value)


# -- the settings file -------------------------------------------------------------------------------
_TOML_AT = r"\s*\(at line (\d+), column (\d+)\)\s*$"
_TOML_END = r"\s*\(at end of document\)\s*$"


def read_config_file(path: Path, *, required: bool = False) -> tuple[bool, dict[str, Any]]:
    """(whether the file exists, its settings by key, checked). A missing file holds none (or,
    `required`, is refused); anything else wrong with it is a ConfigError naming the file, and
    the line and key where there is one."""
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        if required:
            raise ConfigError(_t("cli.config.missing", path=str(path))) from None
        return False, {}
    except OSError as exc:
        raise ConfigError(_t("cli.config.unreadable", path=str(path),
                             reason=exc.strerror or type(exc).__name__)) from None
    try:
        text = raw.decode("utf-8-sig")  # a byte order mark (Windows Notepad) is no error
    except UnicodeDecodeError:
        raise ConfigError(_t("cli.config.not_utf8", path=str(path))) from None
    data = _parse_toml(text, path)
    base = path.parent
    settings = {s.key: s for s in SETTINGS}
    checked: dict[str, Any] = {}
    for key, value in data.items():
        setting = settings.get(key)

        def fail(problem: str, key=key) -> str:
            line = _line_of(text, key)
            named = shown(key, GIVEN_LIMIT)
            if line is None:
                return _t("cli.config.key", path=str(path), setting=named, problem=problem)
            return _t("cli.config.key_at", path=str(path), line=line, setting=named, problem=problem)

        if setting is None:
            raise ConfigError(fail(_t("cli.config.unknown_key", keys=", ".join(SETTING_KEYS))))
        checked[key] = _check(setting, value, fail, base=base)
    return True, checked


def _parse_toml(text: str, path: Path) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        at = re.search(_TOML_AT, detail)
        if at:
            raise ConfigError(_t("cli.config.toml_at", path=str(path), line=int(at[1]), column=int(at[2]),
                                 detail=_toml_detail(detail[:at.start()]))) from None
        end = re.search(_TOML_END, detail)
        if end:
            raise ConfigError(_t("cli.config.toml_end", path=str(path),
                                 detail=_toml_detail(detail[:end.start()]))) from None
        raise ConfigError(_t("cli.config.toml", path=str(path), detail=_toml_detail(detail))) from None


_TOML_PROBLEMS = (
    (r"Cannot (declare|overwrite|redefine|mutate)|Duplicate", "twice"),
    (r"Expected '=' after a key", "equals"),
    (r"Expected '\]\]?' at the end", "bracket"),
    (r"Unclosed (array|inline table)", "unclosed"),
    (r"Unterminated string", "string"),
    (r"Expected newline or end of document", "after_value"),
    (r"Invalid date or datetime", "date"),
    (r"Invalid value", "value"),
    (r"Invalid statement|Invalid initial character for a key", "statement"),
    (r"Illegal character|Found invalid character|Unescaped|Escaped character|Invalid hex value", "character"),
)
"""tomllib's messages (Python 3.11-3.13), by what they mean to someone editing the file."""


def _toml_detail(detail: str) -> str:
    """tomllib's English message said in the catalog's words (a message not known: "syntax")."""
    for pattern, problem in _TOML_PROBLEMS:
        if re.search(pattern, detail):
            return _t(f"cli.config.toml_problem.{problem}")
    return _t("cli.config.toml_problem.syntax")


def _line_of(text: str, key: str) -> int | None:
    """The line where `key` is set (`key = ...`) or opens a table (`[key]`), if it can be found."""
    name = rf"""(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')"""
    pattern = re.compile(rf"^[ \t]*(?:{name}[ \t]*[=.]|\[\[?[ \t]*{name}[ \t]*[\].])", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None
