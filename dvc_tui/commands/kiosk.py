"""`dvc-tui kiosk set-pin | status`: the trainer PIN that quits or leaves kiosk mode."""

from __future__ import annotations

import sys


def add_parser(sub) -> None:
    kiosk = sub.add_parser("kiosk", help="trainer: kiosk mode's PIN (run the app with --kiosk)")
    actions = kiosk.add_subparsers(dest="kiosk_command", metavar="ACTION", required=True)
    set_pin = actions.add_parser("set-pin", help="set the trainer PIN (6-12 digits, or a passphrase of 12-64 "
                                 "characters; only its Argon2id hash is kept: OS keyring, or a 0600 file in the "
                                 "data dir); asks for the current PIN first when one is set")
    set_pin.add_argument("--pin-stdin", action="store_true",
                         help="read the PIN from standard input (for scripts): the new PIN on the first line, "
                         "or, when a PIN is set, the current one on the first and the new one on the second")
    set_pin.add_argument("--force", action="store_true",
                         help="replace a PIN set without asking for it (a forgotten PIN); says so in a warning")
    actions.add_parser("status", help="whether a trainer PIN is set, where, and the kiosk settings")


def run(args) -> int:
    from dvc_tui.cli import _config

    config = _config(args)
    if args.kiosk_command == "set-pin":
        return _set_pin(args, config)
    return _status(config)


def _say(key: str, **params) -> str:
    from dvc_tui.core.text import t

    return t(key, **params)


def _error(text: str) -> int:
    print(f"dvc-tui: {text}", file=sys.stderr)
    return 2


def _read_line(args, prompt: str) -> str:
    """One line: from stdin with --pin-stdin (EOFError at its end), else typed unseen."""
    if args.pin_stdin:
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")
    import getpass

    if not sys.stdin.isatty():
        raise LookupError
    return getpass.getpass(prompt)


def _read_pin(args) -> tuple[str, str]:
    """The PIN and its confirmation: twice at the keyboard, or once from stdin."""
    from dvc_tui.core.kiosk import PHRASE_MAX_CHARS, PHRASE_MIN_CHARS, PIN_MAX_DIGITS, PIN_MIN_DIGITS

    pin = _read_line(args, _say("cli.kiosk.prompt", min=PIN_MIN_DIGITS, max=PIN_MAX_DIGITS,
                                phrase_min=PHRASE_MIN_CHARS, phrase_max=PHRASE_MAX_CHARS))
    if args.pin_stdin:
        return pin, pin
    return pin, getpass_again()


def getpass_again() -> str:
    import getpass

    return getpass.getpass(_say("cli.kiosk.prompt_again"))


def _set_pin(args, config) -> int:
    import sqlite3

    from dvc_tui.core.kiosk import RECOMMENDED_DIGITS, check_new_trainer_pin
    from dvc_tui.core.problems import PortalError
    from dvc_tui.core.text import problem_text
    from dvc_tui.services import Services
    from dvc_tui.store.errors import StoreError, command_problem

    services = Services(config)
    try:
        current = services.stored_trainer_pin()
        if current is not None and not args.force:  # the old PIN first: counted as a kiosk's tries are
            try:
                old = _read_line(args, _say("cli.kiosk.prompt_old"))
            except EOFError:
                old = ""
            try:
                services.trainer_pin.verify(old)
            except PortalError as exc:
                wrong = exc.problem.key in ("kiosk.pin_wrong", "kiosk.pin_required")
                return _error(_say("cli.kiosk.old_wrong") if wrong else problem_text(exc.problem))
        try:
            pin, again = _read_pin(args)
        except EOFError:
            pin, again = "", ""
        check_new_trainer_pin(pin, again)  # before the hash's cost is paid
        stored = services.save_trainer_pin(pin)
    except LookupError:
        return _error(_say("cli.kiosk.no_tty"))
    except PortalError as exc:
        return _error(problem_text(exc.problem))
    except (StoreError, OSError, sqlite3.Error) as exc:
        return _error(problem_text(command_problem(exc)))
    finally:
        services.close()
    if current is not None and args.force:
        print(f"dvc-tui: {_say('cli.kiosk.forced')}", file=sys.stderr)
    if stored.where == "keyring":
        print(_say("cli.kiosk.saved.keyring"))
    else:
        print(_say("cli.kiosk.saved.file", path=str(stored.path)))
    if pin.isdigit() and len(pin) < RECOMMENDED_DIGITS and not args.pin_stdin:  # said to a person, not a script
        print(_say("cli.kiosk.recommend"))
    return 0


def _status(config) -> int:
    from dvc_tui.services import Services

    stored = Services(config).stored_trainer_pin()
    if stored is None:
        print(_say("cli.kiosk.status.unset"))
    elif stored.where == "keyring":
        print(_say("cli.kiosk.status.keyring"))
    else:
        print(_say("cli.kiosk.status.file", path=str(stored.path)))
    state = _say("cli.kiosk.on" if config.kiosk else "cli.kiosk.off")
    print(_say("cli.kiosk.status.mode", state=state, seconds=config.idle_seconds))
    return 0


def refuse_without_pin(config) -> bool:
    """`dvc-tui --kiosk` with no trainer PIN set: say so in one line (True: refused)."""
    from dvc_tui.services import Services

    try:
        stored = Services(config).stored_trainer_pin()
    except OSError as exc:
        _error(f"{type(exc).__name__}: {exc}")
        return True
    if stored is None:
        _error(_say("cli.kiosk.no_pin"))
        return True
    return False
