"""The command line: the app (default) and the staff sub-commands."""

from __future__ import annotations

import argparse
import json
import sys

from dvc_tui import __version__


class _Parser(argparse.ArgumentParser):
    """argparse's parser (and its sub-commands', built with the same class) whose refusals show
    the control characters of what they echo (`unrecognized arguments: ESC[2J` was written raw)."""

    def error(self, message: str):
        from dvc_tui.core.visible import visible

        super().error(visible(message))


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="dvc-tui",
        description="Trình mô phỏng đăng ký/đăng nhập Cổng Dịch vụ công quốc gia "
        "(National Public Service Portal registration and login simulator).",
    )
    parser.add_argument("--version", action="version", version=_version_text())
    parser.add_argument("--data-dir", help="where the accounts and messages are kept "
                        "(default: the user data dir; env DVC_TUI_DATA_DIR)")
    parser.add_argument("--lang", type=str.lower, choices=["vi", "en"], help="language of the screens (default vi; env DVC_TUI_LANG)")
    parser.add_argument("--hash-cost", type=_hash_cost, metavar="COST",
                        help="Argon2id cost: production (t=1, m=46 MiB, p=1: 50-150 ms a hash on 2 cores), low, test, "
                        "or spelled out as t=2,m=65536,p=1 (default production; env DVC_TUI_HASH_COST)")
    parser.add_argument("--keyring", action=argparse.BooleanOptionalAction, default=None,
                        help="--no-keyring keeps the install's key in a 0600 file, not the OS keyring "
                        "(env DVC_TUI_NO_KEYRING=1)")
    parser.add_argument("--training", action=argparse.BooleanOptionalAction, default=None,
                        help="training mode: the leaflet's zone numbers and a step guide (F7 toggles; "
                        "env DVC_TUI_TRAINING=1)")
    parser.add_argument("--kiosk", action=argparse.BooleanOptionalAction, default=None,
                        help="kiosk mode: idle sessions wiped, trainer PIN to quit (env DVC_TUI_KIOSK=1)")
    parser.add_argument("--idle", type=_idle_seconds, metavar="SECONDS",
                        help="kiosk mode: seconds without a key before the session is wiped (default 120; env DVC_TUI_IDLE)")
    parser.add_argument("--theme", type=str.lower, choices=["default", "high-contrast"],
                        help="colours (default: default; env DVC_TUI_THEME)")
    parser.add_argument("--large-text", action=argparse.BooleanOptionalAction, default=None,
                        help="the large-text layout (env DVC_TUI_LARGE_TEXT=1)")
    parser.add_argument("--key-file", metavar="FILE",
                        help="keep the install's key in this file, outside the data dir "
                        "(env DVC_TUI_KEY_FILE; see: dvc-tui key status)")
    parser.add_argument("--config", dest="config_file", metavar="FILE",
                        help="the settings file (TOML; default config.toml in the user config dir; "
                        "env DVC_TUI_CONFIG; see: dvc-tui config show)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("run", help="run the app (the default)")
    accounts = sub.add_parser("accounts", help="staff: the accounts in the store")
    accounts_sub = accounts.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    listing = accounts_sub.add_parser("list", help="list accounts (no hashes or secrets)")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    _command_module("_accounts_reset").add_arguments(accounts_sub)
    sms = sub.add_parser("sms", help="staff: the simulated SMS inbox, newest first")
    sms.add_argument("--phone", help="only this number (0xxxxxxxxx or +84...)")
    sms.add_argument("--limit", type=_sms_limit, default=50, help=f"how many messages (default 50, at most {SMS_LIMIT_MAX})")
    sms.add_argument("--json", action="store_true", help="one JSON object per line")
    _token_parser(sub)
    for name in _commands():
        _command_module(name).add_parser(sub)
    return parser


def _commands() -> list[str]:
    """Sub-commands that live in their own module, dvc_tui/commands/<name>.py, each with
    `add_parser(sub)` (cheap: imports nothing heavy) and `run(args) -> int` (an exit code)."""
    import pkgutil

    from dvc_tui import commands

    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_"))


def _command_module(name: str):
    import importlib

    return importlib.import_module(f"dvc_tui.commands.{name}")


def _token_parser(sub) -> None:
    token = sub.add_parser("token", help="staff: the simulated USB signing tokens (USB ký số)")
    token_sub = token.add_subparsers(dest="token_command", metavar="ACTION", required=True)
    new = token_sub.add_parser("new", help="make a token: a key pair, a certificate from the "
                               "simulated CA, the key encrypted under the PIN")
    new.add_argument("--kind", required=True, choices=["citizen", "business", "agency"])
    new.add_argument("--id", required=True, dest="identifier",
                     help="CCCD/CMT (citizen), tax code 0109998883[-001] (business), "
                     "agency code 000.00.00.H29 (agency)")
    new.add_argument("--name", required=True, help="the holder's name, as on the certificate")
    new.add_argument("--email", help="optional, put in the certificate")
    new.add_argument("--pin", required=True, help="the token's PIN: 6 to 8 digits")
    new.add_argument("--days", default="365", help="how long the certificate is valid (1-3650, default 365)")
    listing = token_sub.add_parser("list", help="the plugged-in tokens and their state")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    revoke = token_sub.add_parser("revoke", help="revoke a token's certificate (signed CRL)")
    revoke.add_argument("serial", help="the serial (16 hex digits, or its first 4 or more)")
    token_sub.add_parser("training", help="make the practice tokens (documented PINs) not made yet")


def _version_text() -> str:
    from dvc_tui.store.sqlite import SCHEMA_VERSION

    return f"dvc-tui {__version__} (schema {SCHEMA_VERSION})"


def _flag_settings(args) -> dict:
    """The global flags given, by the settings' keys (None: not given)."""
    return {"data_dir": args.data_dir, "language": args.lang, "hash_cost": args.hash_cost,
            "keyring": args.keyring, "kiosk": args.kiosk, "idle_seconds": args.idle,
            "training": args.training, "theme": args.theme, "large_text": args.large_text,
            "key_file": args.key_file}


def _early_language(args) -> None:
    """Speak --lang (else DVC_TUI_LANG, else Vietnamese) before the settings are read, so a
    setting refused is said in the language asked for."""
    import os

    from dvc_tui.config import ENV_LANG
    from dvc_tui.core.text import LANGUAGES, set_language

    wanted = (args.lang or os.environ.get(ENV_LANG, "")).strip().lower()
    set_language(wanted if wanted in LANGUAGES else "vi")


def _resolve(args, *, require_file: bool | None = None):
    """Every setting (flags > environment > the settings file > defaults) and where each came
    from; the language set. A --config FILE that does not exist is refused unless told."""
    from dvc_tui.config import resolve
    from dvc_tui.core.text import set_language

    _early_language(args)
    if require_file is None:
        require_file = bool(args.config_file)
    resolved = resolve(config_file=args.config_file, require_file=require_file, **_flag_settings(args))
    set_language(resolved.config.language)
    return resolved


def _config(args):
    return _resolve(args).config


KEY_COMMANDS = (("token", None), ("training", "load"))
"""Commands that use the install key (the CA, the practice tokens and SIMs)."""
TUI_COMMANDS = (None, "run", "demo", "phone")
"""Commands that take the terminal: they say things on their screens, not on stderr."""


def _utf8_streams() -> None:
    """Windows gives a pipe or a file the ANSI code page (cp1252 has no "ạ"): the commands'
    Vietnamese lines would end in UnicodeEncodeError. There, stdout and stderr write UTF-8; a
    console (UTF-16 since Python 3.6) and every POSIX terminal are left as they are."""
    if sys.platform != "win32":
        return
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    _utf8_streams()
    args = _parser().parse_args(argv)
    import sqlite3

    from dvc_tui.config import ConfigError
    from dvc_tui.store.errors import StoreError, command_problem

    said = _say_keyring_fallback() if args.command not in TUI_COMMANDS else None
    try:
        if args.command in (None, "run"):
            return _run_app(args)
        if args.command == "accounts" and args.accounts_command == "reset":
            return _command_module("_accounts_reset").run(args)
        if args.command == "accounts":
            return _accounts_list(args)
        if args.command == "sms":
            return _sms(args)
        if (args.command, getattr(args, "training_command", None)) in KEY_COMMANDS:
            _check_store(_config(args))  # a used data dir's key that cannot be read: refused before anything is made
        if args.command == "token":
            return _token(args)
        if args.command in _commands():
            return _command_module(args.command).run(args)
    except ConfigError as exc:  # a setting in the environment (DVC_TUI_IDLE=abc) or the settings file
        print(f"dvc-tui: {exc}", file=sys.stderr)
        return 2
    except (StoreError, OSError, sqlite3.Error) as exc:
        # the data dir or a file in it unusable, the database corrupt, newer or full: one line
        from dvc_tui.core.text import problem_text

        print(f"dvc-tui: {problem_text(command_problem(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        if said is not None:
            from dvc_tui.store import secrets

            secrets.fallback_listeners.remove(said)
    return 0


def _run_app(args) -> int:
    from dvc_tui.app import DvcApp

    config = _config(args)
    if config.kiosk:  # a kiosk nobody could quit: refused before the screen is taken
        from dvc_tui.commands.kiosk import refuse_without_pin

        if refuse_without_pin(config):
            return 2
    _check_store(config, wait=False)  # a big file's check goes on while the app draws
    from dvc_tui.textual_compat import install_terminal_parser

    install_terminal_parser()  # a terminal's (or serve's) paste arrives whole, as text
    restarts = KioskRestarts()
    while True:
        app = DvcApp(config=config, paced_gc=True)
        app.restarted = restarts.count > 0
        app.run()
        if app.refusal:  # the store broke between the check and the start: still one line
            print(f"dvc-tui: {app.refusal}", file=sys.stderr)
            return 2
        crashed = app.crash is not None or (app.return_code or 0) != 0
        if not config.kiosk or getattr(app, "pin_quit", False):
            return 1 if crashed else 0
        # A kiosk ends only with the trainer PIN: after an unexpected error (its report in the
        # data dir's crash.log) it starts again, in this process, after a growing pause.
        restarts.wait()


class KioskRestarts:
    """The pause before a kiosk starts again: none for the first 3 restarts in 60 s, then
    2, 4, 8 ... up to 60 s; the keys that would stop or suspend the process (Ctrl+C, Ctrl+\\,
    Ctrl+Z) do nothing meanwhile. There is no last restart: it never ends at a shell."""

    FREE = 3
    WINDOW = 60.0
    LONGEST = 60.0

    def __init__(self, clock=None, sleep=None) -> None:
        import time

        self.clock = clock or time.monotonic
        self.sleep = sleep or time.sleep
        self.count = 0
        self.recent: list[float] = []

    def pause(self) -> float:
        now = self.clock()
        self.recent = [when for when in self.recent if now - when < self.WINDOW] + [now]
        self.count += 1
        over = len(self.recent) - self.FREE
        return 0.0 if over <= 0 else min(self.LONGEST, 2.0 ** over)

    def wait(self) -> float:
        import signal

        seconds = self.pause()
        if seconds:
            from dvc_tui.core.text import t

            print(t("crash.waiting", seconds=int(seconds)), file=sys.stderr, flush=True)
            kept = {sig: signal.signal(sig, signal.SIG_IGN)
                    for sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP)}
            try:
                self.sleep(seconds)
            finally:
                for sig, handler in kept.items():
                    signal.signal(sig, handler)
        return seconds


def _check_store(config, *, wait: bool = True) -> None:
    """Open the database once before the screen is taken: a data dir that cannot be written, a
    corrupt file or a newer schema is refused here (StoreError: one line, exit 2), untouched.
    A big file's integrity check runs on in a thread when not `wait` (the app: it draws
    meanwhile, holds every write until the check is done and refuses on damage)."""
    from dvc_tui.store.data_dir import tighten
    from dvc_tui.store.secrets import load_install_secret
    from dvc_tui.store.sqlite import SqliteStore

    def check_key() -> None:
        # The install key of a used data dir must be found (a locked keyring is refused here, in
        # one line, never answered with a new key); a new data dir's key is made by the app.
        load_install_secret(config.data_dir, use_keyring=config.use_keyring, key_file=config.key_file, create=False)

    tighten(config.data_dir)  # a data dir made beforehand: 0700, its files 0600
    new_database = not config.db_path.exists()
    if new_database:  # refused before the database is made
        check_key()
    store = SqliteStore(config.db_path)
    try:
        if wait:
            store.wait_intact()
    finally:
        store.close()
    if not new_database:  # a corrupt or newer database is said first
        check_key()


def _say_keyring_fallback():
    """A command whose install key went to the 0600 file because no keyring worked says so,
    once, in one line on stderr (the app says it in a notice). Returns the listener."""
    from dvc_tui.store import secrets

    def say(secret) -> None:
        print(f"dvc-tui: {t('secret.file_fallback', path=str(secret.path))}", file=sys.stderr)

    secrets.fallback_listeners.append(say)
    return say


def _hash_cost(text: str) -> str:
    from dvc_tui.config import ConfigError, check_hash_cost

    try:
        return check_hash_cost(text)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


SMS_LIMIT_MAX = 100_000


def _sms_limit(text: str) -> int:
    """--limit: 1 to SMS_LIMIT_MAX (a number past SQLite's integers ended in OverflowError)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= SMS_LIMIT_MAX:
        raise argparse.ArgumentTypeError(t("cli.sms.limit_invalid", max=SMS_LIMIT_MAX))
    return value


def plain(value) -> object:
    """A value from the store as a Rich table cell: never read as markup ([/] crashed `token
    list`), each control character (ESC, OSC, ...) shown as a visible symbol, not sent raw."""
    from rich.text import Text

    from dvc_tui.core.visible import visible

    return Text(visible("" if value is None else str(value)))


def console(**options):
    """The Rich console every command prints with: whatever it is given as a string (a sentence
    from t(), a table's title, caption or cell, a path) is plain text, never markup ([/] in a data
    dir's path crashed `training load`, [red] was rendered) nor emoji codes, and its control
    characters are shown (core/visible.py), line by line. Styles go in as Text or style=."""
    from rich.console import Console

    from dvc_tui.core.visible import visible

    class PlainConsole(Console):
        def render_str(self, text: str, **kwargs):
            kwargs["markup"] = False
            kwargs["emoji"] = False
            return super().render_str("\n".join(visible(line) for line in text.split("\n")), **kwargs)

    return PlainConsole(markup=False, emoji=False, **options)


def _idle_seconds(text: str) -> int:
    from dvc_tui.core.kiosk import MAX_IDLE_SECONDS, MIN_IDLE_SECONDS, parse_idle_seconds

    try:
        return parse_idle_seconds(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.kiosk.idle_invalid", min=MIN_IDLE_SECONDS, max=MAX_IDLE_SECONDS)) from None


def t(key: str, **params) -> str:
    from dvc_tui.core.text import t as translate

    return translate(key, **params)


def _store(args):
    from dvc_tui.store.data_dir import tighten
    from dvc_tui.store.sqlite import SqliteStore

    config = _config(args)
    tighten(config.data_dir)
    return SqliteStore(config.db_path)


def _accounts_list(args) -> int:
    """Every account, oldest first, streamed from the store's cursor: the first line comes at
    once and memory stays flat however many accounts there are (benchmarks/scale.py). Output to
    a pipe that closes early (`| head`) ends quietly."""
    try:
        return _print_accounts(args)
    except BrokenPipeError:
        import os

        # Python would complain at exit flushing stdout: point it at /dev/null first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _broken_pipe() -> None:
    raise BrokenPipeError


def _print_accounts(args) -> int:

    from dvc_tui.core.clock import VN_TZ
    from dvc_tui.core.accounts import Method, Subject
    from dvc_tui.core.identity import mask_id

    store = _store(args)
    accounts = store.iter_accounts()
    if args.json:
        write = sys.stdout.write
        for account in accounts:
            write(json.dumps({
                "username": account.username,
                "full_name": account.full_name,
                "dob": account.dob.isoformat() if account.dob else None,
                "phone": account.phone,
                "email": account.email,
                "subject": account.subject.value,
                "method": account.method.value,
                "level": int(account.level),
                "created_at": account.created_at.isoformat(),
                "representative": account.representative,
            }, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return 0
    # A plain table written row by row as the cursor yields them (a Rich Table renders all
    # its rows before the first line, ~1 ms a row): the title and header once, then each row.
    from rich.cells import set_cell_size

    from dvc_tui.core.visible import visible

    methods = max(len(t(f"method.{m.value}")) for m in Method)
    widths = {"id": 14, "name": 28, "phone": 10, "method": methods, "level": 3, "created": 16}
    widths = {key: max(width, len(t(f"cli.col.{key}"))) for key, width in widths.items()}

    def line(cells) -> str:  # each cell's control characters shown, not sent (a store from elsewhere)
        cells = [visible(cell) for cell in cells]
        padded = [set_cell_size(cell, width) if len(cell) <= width else set_cell_size(cell, width - 1) + "…"
                  for cell, width in zip(cells, widths.values())]
        return "  ".join(padded).rstrip() + "\n"

    out = console(highlight=False)
    out.on_broken_pipe = _broken_pipe  # Rich would exit 1; a reader that stops is no error
    out.print(t("cli.accounts.title", count=store.count_accounts()), style="italic")
    out.print(line([t(f"cli.col.{key}") for key in widths]).rstrip(), style="bold", soft_wrap=True)
    out.print("─" * (sum(widths.values()) + 2 * (len(widths) - 1)), soft_wrap=True)
    write = sys.stdout.write
    for account in accounts:
        # a person's ID number is masked; a tax code or an agency's code is public
        shown_id = mask_id(account.username) if account.subject is Subject.CITIZEN else account.username
        write(line((shown_id, account.full_name, account.phone_number.national if account.phone else "",
                    t(f"method.{account.method.value}"), str(int(account.level)),
                    account.created_at.astimezone(VN_TZ).strftime("%Y-%m-%d %H:%M"))))
    sys.stdout.flush()
    return 0


def _sms(args) -> int:
    from rich.table import Table

    from dvc_tui.core.clock import VN_TZ
    from dvc_tui.core.identity import parse_phone
    from dvc_tui.core.problems import PortalError
    from dvc_tui.core.text import problem_text

    phone = None
    if args.phone:
        try:
            phone = parse_phone(args.phone).e164
        except PortalError as exc:
            print(f"dvc-tui: {problem_text(exc.problem)}", file=sys.stderr)
            return 2
    messages = _store(args).recent_sms(limit=max(1, args.limit), phone=phone)
    if args.json:
        for m in messages:
            print(json.dumps({"id": m.id, "phone": m.phone, "sender": m.sender, "body": m.body,
                              "sent_at": m.sent_at.isoformat()}, ensure_ascii=False))
        return 0
    table = Table(title=t("cli.sms.title"))
    table.add_column("#")
    for key in ("time", "phone", "body"):
        table.add_column(t(f"cli.col.{key}"))
    for m in messages:
        table.add_row(str(m.id), m.sent_at.astimezone(VN_TZ).strftime("%Y-%m-%d %H:%M:%S"), plain(m.phone), plain(m.body))
    console().print(table)
    return 0


# -- signing tokens -----------------------------------------------------------------------------
def _token(args) -> int:
    from dvc_tui.core.problems import PortalError
    from dvc_tui.core.text import problem_text
    from dvc_tui.services import Services

    actions = {"new": _token_new, "list": _token_list, "revoke": _token_revoke, "training": _token_training}
    try:
        return actions[args.token_command](args, Services(_config(args)).tokens)
    except PortalError as exc:
        print(f"dvc-tui: {problem_text(exc.problem)}", file=sys.stderr)
        return 2


def _when(moment) -> str:
    from dvc_tui.core.clock import VN_TZ

    return moment.astimezone(VN_TZ).strftime("%Y-%m-%d %H:%M") if moment else "?"


def _day(moment) -> str:
    from dvc_tui.core.clock import VN_TZ

    return moment.astimezone(VN_TZ).strftime("%Y-%m-%d") if moment else "?"


def _token_state(info) -> str:
    from dvc_tui.core.tokens import PIN_TRIES, TokenStatus

    text = t(info.status.text_key)
    if info.locked and info.status is not TokenStatus.LOCKED:
        text += "; " + t("token.status.locked")
    elif info.failed_pins and not info.locked:
        text += "; " + t("token.failed_pins", count=info.failed_pins, limit=PIN_TRIES)
    return text


def _token_new(args, tokens) -> int:
    info = tokens.issue(args.kind, args.identifier, args.name, args.email, args.pin, days=args.days)
    print(t("cli.token.created", serial=info.serial, name=str(plain(info.holder.name)),
            identifier=info.holder.identifier, until=_when(info.not_after)))
    return 0


def _token_list(args, tokens) -> int:
    from rich.table import Table

    from dvc_tui.core.identity import mask_id

    infos = tokens.plugged_in()
    if args.json:
        for info in infos:
            holder = info.holder
            print(json.dumps({
                "serial": info.serial,
                "kind": holder.kind.value if holder else None,
                "identifier": holder.identifier if holder else None,
                "name": holder.name if holder else None,
                "email": holder.email if holder else None,
                "issuer": info.issuer,
                "not_before": info.not_before.isoformat() if info.not_before else None,
                "not_after": info.not_after.isoformat() if info.not_after else None,
                "status": info.status.value,
                "failed_pins": info.failed_pins,
                "locked": info.locked,
                "revoked_at": info.revoked_at.isoformat() if info.revoked_at else None,
            }, ensure_ascii=False))
        return 0
    if not infos:
        print(t("cli.token.none"))
        return 0
    table = Table(title=t("cli.token.title", count=len(infos)))
    for key in ("serial", "holder", "id", "from", "to", "state"):
        table.add_column(t(f"cli.token.col.{key}"), no_wrap=key in ("serial", "from", "to"),
                         overflow="fold" if key == "id" else "ellipsis")
    for info in infos:
        holder = info.holder
        identifier = "?"
        if holder is not None:
            identifier = mask_id(holder.identifier) if holder.uid_prefix in ("CCCD", "CMND") else holder.identifier
        table.add_row(plain(info.serial), plain(holder.name if holder else "?"), plain(identifier),
                      _day(info.not_before), _day(info.not_after), _token_state(info))
    console().print(table)
    return 0


def _token_revoke(args, tokens) -> int:
    info = tokens.revoke(args.serial)
    print(t("cli.token.revoked", serial=str(plain(info.serial)), name=str(plain(info.holder.name if info.holder else "?"))))
    return 0


def _token_training(args, tokens) -> int:
    from rich.table import Table

    table = Table(title=t("cli.token.training.title"))
    for key in ("serial", "holder", "id", "pin", "state", "made"):
        table.add_column(t(f"cli.token.col.{key}"), no_wrap=key in ("serial", "id", "pin"))
    for spec, info, made in tokens.install_training():
        holder = info.holder
        table.add_row(plain(info.serial), plain(holder.name if holder else spec.name),
                      plain(holder.identifier if holder else spec.identifier), spec.pin, _token_state(info),
                      t("cli.token.training.made" if made else "cli.token.training.kept"))
    console().print(table)
    return 0
