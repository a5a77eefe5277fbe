"""`dvc-tui training load | handout`: the practice set for a class.

`load` makes whatever of the practice set a data dir lacks (the registries' people, the USB
tokens, the signing SIMs), unlocks the practice tokens and SIMs visitors locked with wrong PINs
(their counts cleared), and says what it made, what was there already and what it unlocked;
running it again changes nothing. Two loads at once (or with `token training`) make one set. `handout` prints the set as tables and writes it as Markdown, for the trainer to
print: numbers and owners, the social-insurance people, the tokens and SIMs with their PINs.
Both read the simulator's own constants (core.practice), never a copy.
"""

from __future__ import annotations

import sys

DEFAULT_HANDOUT = "dvc-tui-handout.md"


def add_parser(sub) -> None:
    training = sub.add_parser("training", help="trainers: load the practice set, print its handout")
    actions = training.add_subparsers(dest="training_command", metavar="ACTION", required=True)
    actions.add_parser("load", help="make the practice set's missing parts (idempotent)")
    handout = actions.add_parser("handout", help="print the practice set as tables and write it as Markdown")
    handout.add_argument("--markdown", metavar="FILE", default=DEFAULT_HANDOUT,
                         help=f"where to write the Markdown (default ./{DEFAULT_HANDOUT})")


def run(args) -> int:
    from dvc_tui.cli import _config
    from dvc_tui.core.problems import PortalError
    from dvc_tui.core.text import problem_text

    config = _config(args)
    try:
        if args.training_command == "load":
            return _load(config)
        return _handout(args.markdown, config)
    except PortalError as exc:
        print(f"dvc-tui: {problem_text(exc.problem)}", file=sys.stderr)
        return 2


def _load(config) -> int:
    from rich.table import Table

    from dvc_tui.cli import console
    from dvc_tui.core.bhxh import PRACTICE_INSURED
    from dvc_tui.core.carrier import TRAINING_SUBSCRIBERS
    from dvc_tui.core.text import t
    from dvc_tui.services import Services

    from dvc_tui.core.practice import unlock_training_tokens
    from dvc_tui.store.tokens import FileTokenStore

    services = Services(config)
    try:
        subscribers, insured = services.store.seed_practice_registries()
        tokens = [made for _, _, made in services.tokens.install_training()]
        sims = [made for _, made in services.sims.install_training()]
        # put back what visitors changed: practice tokens and SIMs locked by wrong PINs
        tokens_unlocked = unlock_training_tokens(FileTokenStore(config.data_dir))
        sims_unlocked = services.store.reset_training_sims()
    finally:
        services.close()
    counts = [  # (part, made, of how many, unlocked)
        ("training.sec.subscribers", subscribers, len(TRAINING_SUBSCRIBERS), 0),
        ("training.sec.insured", insured, len(PRACTICE_INSURED), 0),
        ("training.sec.tokens", sum(tokens), len(tokens), tokens_unlocked),
        ("training.sec.sims", sum(sims), len(sims), sims_unlocked),
    ]
    table = Table(title=t("training.load.title", path=str(config.data_dir)))
    for key in ("part", "made", "kept", "unlocked"):
        table.add_column(t(f"training.load.col.{key}"), justify="left" if key == "part" else "right")
    for key, made, total, unlocked in counts:
        table.add_row(t(key), str(made), str(total - made), str(unlocked))
    console().print(table)  # the data dir's path is text, never markup
    made_any = any(made or unlocked for _, made, _, unlocked in counts)
    print(t("training.load.done" if made_any else "training.load.nothing"))
    return 0


def cells(section) -> list[list[str]]:
    """A section's rows in the current language."""
    from dvc_tui.core.text import t

    return [[t(cell) if index in section.keyed else cell for index, cell in enumerate(row)] for row in section.rows]


def markdown(sections) -> str:
    from dvc_tui.core.text import t

    def line(values) -> str:
        return "| " + " | ".join(v.replace("|", "\\|") for v in values) + " |"

    parts = [f"# {t('training.handout.title')}", "", t("training.handout.intro"), ""]
    for section in sections:
        columns = [t(key) for key in section.column_keys]
        parts += [f"## {t(section.title_key)}", "", t(section.note_key), "", line(columns),
                  line(["---"] * len(columns))]
        parts += [line(row) for row in cells(section)]
        parts.append("")
    return "\n".join(parts)


def _locked(config) -> tuple[set[str], set[str]]:
    """The training tags of the practice tokens and SIMs the data dir holds locked; none when it
    holds no database yet (the handout then makes none)."""
    from dvc_tui.core.practice import locked_training_tokens
    from dvc_tui.store.sqlite import SqliteStore
    from dvc_tui.store.tokens import FileTokenStore

    if config is None or not config.db_path.exists():
        return set(), set()
    store = SqliteStore(config.db_path)
    try:
        sims = store.locked_training_sims()
    finally:
        store.close()
    return locked_training_tokens(FileTokenStore(config.data_dir)), sims


def _handout(target: str, config=None) -> int:
    from pathlib import Path

    from rich.table import Table
    from rich.text import Text

    from dvc_tui.cli import console as plain_console
    from dvc_tui.core.practice import sections
    from dvc_tui.core.text import t

    chosen = sections(*_locked(config))
    console = plain_console()
    console.print(Text(t("training.handout.title"), style="bold"))
    for section in chosen:
        table = Table(title=t(section.title_key), caption=t(section.note_key), title_justify="left")
        for key in section.column_keys:
            table.add_column(t(key), no_wrap=key in ("training.col.phone", "training.col.pin", "training.col.bhxh"))
        for row in cells(section):
            table.add_row(*row)
        console.print(table)
    path = Path(target).expanduser()
    try:
        from dvc_tui.store.data_dir import write_private

        text = markdown(chosen)
        write_private(path, lambda handle: handle.write(text))  # 0600 whatever the umask: it holds PINs
    except OSError as exc:
        print(f"dvc-tui: {t('training.handout.unwritable', path=str(path), detail=exc.strerror or str(exc))}",
              file=sys.stderr)
        return 2
    print(t("training.handout.written", path=str(path)))
    return 0
