"""Write dvc_tui/data/common_passwords.txt, the shipped list of the most common passwords.

    python3 tools/make_common_passwords.py [--top N]

Sources, in this order:
- zxcvbn's own frequency list "passwords" (the PyPI package zxcvbn, 4.5.0 when this was run:
  30,000 passwords from leaked password sets, most frequent first); the first N (10,000).
- A short hand-written supplement of Vietnamese password bases ("matkhau", "anhyeuem", ...)
  that an English list misses (below), and the portal's own words (ASVS 5.0 6.2.11),
  dvc_tui.core.passwords.CONTEXT_WORDS.

Each entry is stored as dvc_tui.core.passwords.common_key(entry), the form a new password is
compared in (folded, digits and symbols around it stripped, @->a, 0->o, ... undone), keeping
keys of at least MIN_COMMON_KEY letters, in first-seen order. Run it again after changing
common_key or the sources; tests/core/test_passwords.py checks the file matches this script.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "dvc_tui" / "data" / "common_passwords.txt"
TOP = 10_000

VIETNAMESE = (
    "matkhau", "matkhaumoi", "anhyeuem", "emyeuanh", "yeuem", "yeuanh", "anhnhoem", "emnhoanh",
    "toiyeuem", "yeuemnhieu", "tinhyeu", "yeuthuong", "vietnam", "vietnamvodich", "hanoi",
    "saigon", "hochiminh", "danang", "haiphong", "cantho", "matkhaucuatoi", "khongbiet",
    "xinchao", "congchua", "hoangtu", "thienthan", "conmeo", "conheo", "concho", "baby",
    "babyoi", "emoi", "anhoi", "muaxuan", "hoamai", "hoadao", "traitim", "hanhphuc", "giadinh",
)
"""Vietnamese bases people use as passwords (hand-picked, not ranked)."""


def build(top: int = TOP) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    from dvc_tui.core.passwords import CONTEXT_WORDS, MIN_COMMON_KEY, common_key

    keys: dict[str, None] = {}
    for entry in (*FREQUENCY_LISTS["passwords"][:top], *VIETNAMESE, *CONTEXT_WORDS):
        key = common_key(entry)
        if len(key) >= MIN_COMMON_KEY:
            keys.setdefault(key, None)
    return list(keys)


def render(keys: list[str], top: int = TOP) -> str:
    import zxcvbn

    version = getattr(zxcvbn, "__version__", None) or _version("zxcvbn")
    header = [
        "# The most common passwords, as dvc_tui.core.passwords.common_key forms, one a line.",
        f"# Made by tools/make_common_passwords.py from zxcvbn {version}'s \"passwords\" list (the first",
        f"# {top}), a Vietnamese supplement and the portal's own words. Do not edit by hand.",
    ]
    return "\n".join(header + keys) + "\n"


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=TOP, help=f"how many of zxcvbn's passwords (default {TOP})")
    args = parser.parse_args(argv)
    keys = build(args.top)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(render(keys, args.top), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(keys)} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
