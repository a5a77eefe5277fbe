"""dvc-tui screenshots OUTDIR: the trainer's illustrated handbook, made from the app itself."""

from __future__ import annotations

import re


def add_parser(sub) -> None:
    shots = sub.add_parser(
        "screenshots",
        help="an SVG of every screen of every path, in both languages, and an index page",
        description="Plays every demo path headless (a throwaway data dir, a fixed clock, a seeded "
        "generator: the same book every run) and writes OUTDIR/<lang>/<nn>-<path>-<screen id>.svg, "
        "with the training mode's zone badges, plus OUTDIR/index.html and OUTDIR/index.md.",
    )
    shots.add_argument("outdir", help="where to write the pictures and the index (made if missing)")
    shots.add_argument("--lang", dest="book_lang", choices=["vi", "en", "both"], default="both",
                       help="the screens' language (default both)")
    shots.add_argument("--size", default="100x30", help="terminal size COLSxROWS (default 100x30)")
    shots.add_argument("--path", dest="book_paths", action="append",
                       choices=["mobile", "login", "bhxh", "post", "usb", "sim", "forgot"],
                       help="only this path (repeatable; default every path)")


def run(args) -> int:
    import asyncio
    import sys
    from pathlib import Path

    match = re.fullmatch(r"\s*(\d+)\s*[xX]\s*(\d+)\s*", args.size)
    if not match or not (40 <= int(match[1]) <= 400 and 10 <= int(match[2]) <= 200):
        print("dvc-tui: --size must look like 100x30 (40-400 columns, 10-200 rows)", file=sys.stderr)
        return 2
    from dvc_tui.core.text import set_language, t
    from dvc_tui.demo.book import make_book

    langs = ["vi", "en"] if args.book_lang == "both" else [args.book_lang]
    outdir = Path(args.outdir)
    book = asyncio.run(make_book(outdir, langs, args.book_paths, (int(match[1]), int(match[2]))))
    set_language(args.lang or "vi")
    print(t("book.written", count=len(book.pictures), index=outdir / "index.html", outdir=outdir))
    for failure in book.failures:
        print(failure, file=sys.stderr)
    return 1 if book.failures else 0
