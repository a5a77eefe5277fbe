"""The illustrated handbook: every screen of every path, in each language, pictured by the app
itself (headless), with the training mode's zone badges where the app has them, and an index.

The paths are the demo's own scripts played at zero delay; a fixed clock and a seeded generator
make the book the same on every run.
"""

from __future__ import annotations

import html
import inspect
import math
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dvc_tui.core.clock import FakeClock
from dvc_tui.core.text import set_language, t
from dvc_tui.demo.player import Played, Player
from dvc_tui.demo.script import PATHS

SEED = 2025


@dataclass(frozen=True)
class Picture:
    lang: str
    path: str
    step: int
    caption: str
    screen_id: str
    file: str  # relative to the book's directory


@dataclass
class Book:
    pictures: list[Picture]
    badges: bool
    failures: list[str]


def training_supported() -> bool:
    from dvc_tui.app import DvcApp

    return "training" in inspect.signature(DvcApp).parameters


async def picture_language(outdir: Path, lang: str, paths: list[str], size: tuple[int, int],
                           numbering: list[int]) -> tuple[list[Picture], list[str]]:
    from dvc_tui.app import DvcApp

    pictures: list[Picture] = []
    failures: list[str] = []
    folder = outdir / lang
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dvc-tui-book-") as data_dir:
        options = dict(clock=FakeClock(), rng=random.Random(SEED), hash_cost="low", language=lang,
                       use_keyring=False)
        if training_supported():
            options["training"] = True
        app = DvcApp(data_dir, **options)
        async with app.run_test(size=size) as pilot:
            async def shot(played: Played) -> None:
                await pilot.pause()
                if pictures and (pictures[-1].path, pictures[-1].screen_id) == (played.path, played.screen_id):
                    picture = pictures.pop()  # the same screen, further on: the later picture wins
                    (outdir / picture.file).unlink(missing_ok=True)
                    number = int(Path(picture.file).name.split("-", 1)[0])
                else:
                    numbering[0] += 1
                    number = numbering[0]
                name = f"{number:02d}-{played.path}-{played.screen_id}.svg"
                app.save_screenshot(filename=name, path=str(folder))
                pictures.append(Picture(lang, played.path, played.step, played.caption, played.screen_id,
                                        f"{lang}/{name}"))

            for name in paths:
                player = Player(app, [name], speed=math.inf, captions=False, on_show=shot)
                await player.run()
                if player.failure:
                    failures.append(f"{lang}/{name}: {player.failure}")
    return pictures, failures


async def make_book(outdir: Path, langs: list[str], paths: list[str] | None = None,
                    size: tuple[int, int] = (100, 30)) -> Book:
    outdir.mkdir(parents=True, exist_ok=True)
    paths = paths or list(PATHS)
    pictures: list[Picture] = []
    failures: list[str] = []
    for lang in langs:
        numbering = [0]
        got, failed = await picture_language(outdir, lang, paths, size, numbering)
        pictures += got
        failures += failed
    book = Book(pictures, training_supported(), failures)
    write_index(outdir, book, langs, paths)
    return book


def write_index(outdir: Path, book: Book, langs: list[str], paths: list[str]) -> None:
    parts = ["<!doctype html>", '<html lang="vi"><head><meta charset="utf-8">']
    md: list[str] = []
    for lang in langs:
        set_language(lang)
        if lang == langs[0]:
            parts += [f"<title>{html.escape(t('book.title'))}</title>",
                      "<style>body{font-family:sans-serif;max-width:72em;margin:auto}"
                      "figure{margin:1em 0}img{max-width:100%;border:1px solid #ccc}</style>",
                      "</head><body>"]
        parts += [f'<section lang="{lang}"><h1>{html.escape(t("book.title"))} ({lang})</h1>',
                  f"<p>{html.escape(t('book.intro'))}</p>",
                  f"<p>{html.escape(t('book.badges' if book.badges else 'book.no_badges'))}</p>"]
        md += [f"# {t('book.title')} ({lang})", "", t("book.intro"), "",
               t("book.badges" if book.badges else "book.no_badges"), ""]
        for name in paths:
            shots = [p for p in book.pictures if p.lang == lang and p.path == name]
            parts.append(f'<h2 id="{lang}-{name}">{html.escape(t(f"book.path.{name}"))}</h2>')
            md += [f"## {t(f'book.path.{name}')}", ""]
            for p in shots:
                caption = f"{t('demo.caption', n=p.step, text=p.caption)} ({p.screen_id})"
                parts.append(f'<figure><img src="{html.escape(p.file)}" alt="{html.escape(p.screen_id)}">'
                             f"<figcaption>{html.escape(caption)}</figcaption></figure>")
                md += [f"![{p.screen_id}]({p.file})", "", caption, ""]
        parts.append("</section>")
    if book.failures:
        parts.append("<ul>" + "".join(f"<li>{html.escape(f)}</li>" for f in book.failures) + "</ul>")
        md += ["", *(f"- {f}" for f in book.failures)]
    parts.append("</body></html>")
    (outdir / "index.html").write_text("\n".join(parts) + "\n", encoding="utf-8")
    (outdir / "index.md").write_text("\n".join(md) + "\n", encoding="utf-8")
