"""`dvc-tui kiosk set-pin | status`: the trainer PIN that quits or leaves kiosk mode."""

from __future__ import annotations

import sys


def add_parser(sub) -> None:
    kiosk = sub.add_parser("kiosk", help="trainer: kiosk mode's PIN (run the app with --kiosk)")
    actions = kiosk.add_subparsers(dest="kiosk_command", metavar="ACTION", required=True)
    set_pin = actions.add_parser("set-pin", help="set the trainer PIN (6-12 digits; only its Argon2id "
                                 "hash is kept: OS keyring, or a 0600 file in the data dir)")
    set_pin.add_argument("--pin-stdin", action="store_true",
                         help="read the PIN from the first line of standard input (for scripts)")
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


def _read_pin(args) -> tuple[str, str]:
    """The PIN and its confirmation: twice at the keyboard, or once from stdin."""
    from dvc_tui.core.kiosk import PIN_MAX_DIGITS, PIN_MIN_DIGITS

    if args.pin_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        return line, line
    import getpass

    if not sys.stdin.isatty():
        raise LookupError
    pin = getpass.getpass(_say("cli.kiosk.prompt", min=PIN_MIN_DIGITS, max=PIN_MAX_DIGITS))
    return pin, getpass.getpass(_say("cli.kiosk.prompt_again"))


def _set_pin(args, config) -> int:
    from dvc_tui.core.kiosk import check_new_trainer_pin
    from dvc_tui.core.problems import PortalError
    from dvc_tui.core.text import problem_text
    from dvc_tui.services import Services

    try:
        pin, again = _read_pin(args)
    except LookupError:
        return _error(_say("cli.kiosk.no_tty"))
    except EOFError:
        pin, again = "", ""
    try:
        check_new_trainer_pin(pin, again)  # before the hash's cost is paid
        stored = Services(config).save_trainer_pin(pin)
    except PortalError as exc:
        return _error(problem_text(exc.problem))
    except OSError as exc:
        return _error(f"{type(exc).__name__}: {exc}")
    if stored.where == "keyring":
        print(_say("cli.kiosk.saved.keyring"))
    else:
        print(_say("cli.kiosk.saved.file", path=str(stored.path)))
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
