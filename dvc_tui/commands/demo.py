"""dvc-tui demo: the real app plays a path by itself, at a readable pace, with a caption."""

from __future__ import annotations

PATH_NAMES = ("mobile", "login", "bhxh", "post", "usb", "sim", "forgot")


def add_parser(sub) -> None:
    demo = sub.add_parser(
        "demo",
        help="the app plays a path by itself (training, offline demos)",
        description="The real app drives itself through a path: it types into the fields, presses the "
        "buttons and shows a caption for each step (\"Demo – Bước k: ...\"). Any key pauses it, another "
        "resumes it; Esc stops it and leaves the app to you; Ctrl+Q quits. Unless --data-dir is given, "
        "the demo runs on a throwaway data dir (removed on exit, install key in a file, not the keyring), "
        "so it never adds accounts to your real store. With --data-dir, a --loop removes the accounts "
        "each round made before the next round.",
    )
    demo.add_argument("--path", choices=(*PATH_NAMES, "all"), default="mobile",
                      help="which path to play (default mobile; all: each in turn): mobile = register by "
                      "mobile subscription; login = register, then log in with password and code; bhxh, "
                      "post, usb, sim = register by that method (usb also logs in); forgot = register, "
                      "forget the password, set a new one, log in")
    demo.add_argument("--speed", type=float, default=1.0,
                      help="pace multiplier: 2 is twice as fast, 0.5 half (default 1)")
    demo.add_argument("--loop", action="store_true",
                      help="play again and again, a fresh identity each round, until Ctrl+Q")


def run(args) -> int:
    import shutil
    import sys
    import tempfile

    from dvc_tui.cli import _config

    if args.speed <= 0:
        print("dvc-tui: --speed must be more than 0", file=sys.stderr)
        return 2
    config = _config(args)
    throwaway = None
    if not args.data_dir:
        import dataclasses
        from pathlib import Path

        throwaway = tempfile.mkdtemp(prefix="dvc-tui-demo-")
        config = dataclasses.replace(config, data_dir=Path(throwaway), use_keyring=False)
    from dvc_tui.demo.app import DemoApp
    from dvc_tui.textual_compat import install_terminal_parser

    install_terminal_parser()  # a paste (or an ESC in one) arrives whole, as text, as in the app

    paths = list(PATH_NAMES) if args.path == "all" else [args.path]
    try:
        DemoApp(config=config, paths=paths, speed=args.speed, loop=args.loop).run()
    finally:
        if throwaway:
            shutil.rmtree(throwaway, ignore_errors=True)
    return 0
