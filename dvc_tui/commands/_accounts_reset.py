"""`dvc-tui accounts reset [--yes]`: empty the store of accounts between two classes.

Deletes every account and what is tied to it: authenticator apps, one-time codes, the SMS
inbox and the SIM signing requests, in one transaction. The registries (carriers, social
insurance), the signing SIMs and the USB tokens stay: they are the practice set, not the
class's work. Asks first: the word `xoa` (or `xóa`) must be typed, unless `--yes`.
(A module of `accounts`, not a command of its own: hence the underscore.)
"""

from __future__ import annotations

import sys

CONFIRM_WORDS = ("xoa", "xóa")


def add_arguments(accounts_sub) -> None:
    reset = accounts_sub.add_parser("reset", help="delete every account, its codes, SMS and signing requests")
    reset.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def run(args) -> int:
    import unicodedata

    from dvc_tui.cli import _config
    from dvc_tui.core.text import t
    from dvc_tui.store.sqlite import SqliteStore

    store = SqliteStore(_config(args).db_path)
    try:
        count = store.count_accounts()
        if not args.yes:
            try:
                answer = input(t("cli.reset.ask", count=count, word=CONFIRM_WORDS[0]) + " ")
            except EOFError:
                answer = ""
            if unicodedata.normalize("NFC", answer.strip().casefold()) not in CONFIRM_WORDS:
                print(t("cli.reset.cancelled"), file=sys.stderr)
                return 1
        deleted = store.reset_accounts()
    finally:
        store.close()
    print(t("cli.reset.done", accounts=deleted["accounts"], authenticators=deleted["authenticators"],
            codes=deleted["otp_codes"], sms=deleted["sms"], requests=deleted["sim_requests"]))
    return 0
