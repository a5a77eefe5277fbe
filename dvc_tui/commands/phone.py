"""`dvc-tui phone [--number N]`: the simulated phone's inbox, live from the same data dir, in an
app of its own (dvc_tui/phone_app.py): for a second monitor or a tmux pane beside the kiosk."""

from __future__ import annotations

import sys


def add_parser(sub) -> None:
    phone = sub.add_parser("phone", help="the simulated phone: SMS and SIM signing requests, live")
    phone.add_argument("--number", help="only this number's messages (0xxxxxxxxx or +84...)")


def run(args) -> int:
    from dvc_tui.cli import _config
    from dvc_tui.core.identity import parse_phone
    from dvc_tui.core.problems import PortalError
    from dvc_tui.core.text import problem_text

    config = _config(args)
    number = None
    if args.number:
        try:
            number = parse_phone(args.number).e164
        except PortalError as exc:
            print(f"dvc-tui: {problem_text(exc.problem)}", file=sys.stderr)
            return 2
    from dvc_tui.phone_app import PhoneApp
    from dvc_tui.textual_compat import install_terminal_parser

    install_terminal_parser()  # a paste (or an ESC in one) arrives whole, as text, as in the app
    PhoneApp(config=config, number=number).run()
    return 0
