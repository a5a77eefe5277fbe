"""`dvc-tui config path | show | init`: the settings file (config.toml) and the settings in effect."""

from __future__ import annotations

import json
import os
import sys


def add_parser(sub) -> None:
    config = sub.add_parser("config", help="staff: the settings file (TOML): where it is, the settings in "
                            "effect and where each came from, a template")
    actions = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    actions.add_parser("path", help="print the settings file's path (whether it exists or not): --config FILE, "
                       "else DVC_TUI_CONFIG, else config.toml in the user config dir")
    show = actions.add_parser("show", help="every setting's value in effect and where it came from "
                              "(flag, environment variable, the settings file, default)")
    show.add_argument("--json", action="store_true", help="one JSON object")
    actions.add_parser("init", help="write a commented template (every setting off, with its default) "
                       "to the settings file's path; an existing file is never overwritten")


def run(args) -> int:
    actions = {"path": _path, "show": _show, "init": _init}
    try:
        return actions[args.config_command](args)
    except BrokenPipeError:  # `dvc-tui config show | head -3`: a reader that stops is no error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _t(key: str, **params) -> str:
    from dvc_tui.core.text import t

    return t(key, **params)


def _path(args) -> int:
    from dvc_tui.config import config_path
    from dvc_tui.core.visible import visible

    print(visible(str(config_path(args.config_file))))  # an escape in --config FILE shown, not sent
    return 0


def _show(args) -> int:
    from dvc_tui.cli import _resolve
    from dvc_tui.config import SETTINGS, toml_text

    resolved = _resolve(args, require_file=False)  # the file is what is being looked at
    config, sources = resolved.config, resolved.sources
    values = {s.key: getattr(config, s.field) for s in SETTINGS}
    values["key_file"] = config.install_key_path  # by default the data dir's install.key
    if args.json:
        print(json.dumps({
            "file": str(resolved.path),
            "file_exists": resolved.file_found,
            "settings": {key: {"value": str(value) if key in ("data_dir", "key_file") else value,
                               "source": sources[key].kind, "from": sources[key].name}
                         for key, value in values.items()},
        }, ensure_ascii=False, indent=2))
        return 0
    header = "cli.config.show.file" if resolved.file_found else "cli.config.show.no_file"
    command = "dvc-tui config init"
    if args.config_file:
        import shlex

        command = f"dvc-tui --config {shlex.quote(args.config_file)} config init"
    print(_t(header, path=str(resolved.path), command=command))
    shown = {key: toml_text(value) for key, value in values.items()}
    key_width = max(map(len, shown))
    value_width = max(map(len, shown.values()))
    for key, text in shown.items():
        source = sources[key]
        said = _t(f"cli.config.source.{source.kind}", name=source.name or "")
        print(f"{key.ljust(key_width)} = {text.ljust(value_width)}  # {said}")
    return 0


def template() -> str:
    """The commented template: every setting off, with its default and a sentence on it."""
    from dvc_tui.config import SETTINGS, default_value, toml_text
    from dvc_tui.core.kiosk import MAX_IDLE_SECONDS, MIN_IDLE_SECONDS

    lines = [f"# {line}" for line in _t("cli.config.init.header").splitlines()]
    for setting in SETTINGS:
        lines.append("")
        lines.append("# " + _t(f"cli.config.about.{setting.key}", min=MIN_IDLE_SECONDS, max=MAX_IDLE_SECONDS))
        default = default_value(setting.key)
        if setting.key == "key_file":  # none set: install.key in the data dir
            from dvc_tui.store.secrets import key_file_path

            default = key_file_path(default_value("data_dir"))
        lines.append(f"# {setting.key} = {toml_text(default)}")
    return "\n".join(lines) + "\n"


def _init(args) -> int:
    from dvc_tui.cli import _early_language
    from dvc_tui.config import config_path

    _early_language(args)
    path = config_path(args.config_file)
    if path.exists() or path.is_symlink():
        return _refuse(_t("cli.config.init.exists", path=str(path)))
    text = template()
    try:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file where the folder should be
            raise NotADirectoryError(20, os.strerror(20)) from None
        try:
            with open(path, "x", encoding="utf-8") as file:  # "x": never over a file made meanwhile
                file.write(text)
        except FileExistsError:
            return _refuse(_t("cli.config.init.exists", path=str(path)))
    except OSError as exc:
        return _refuse(_t("cli.config.init.unwritable", path=str(path), reason=exc.strerror or type(exc).__name__))
    print(_t("cli.config.init.written", path=str(path)))
    return 0


def _refuse(text: str) -> int:
    print(f"dvc-tui: {text}", file=sys.stderr)
    return 2
