"""`khabar render`: print text exactly as the reader draws it, for any terminal or a test."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

NAME = "render"
HELP = "print Arabic text in visual order, shaped and aligned, as the reader shows it"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", type=Path, help="text file (default: standard input)")
    parser.add_argument(
        "--width", type=int, default=None, help="row width in cells (default: terminal width)"
    )
    parser.add_argument(
        "--bidi",
        choices=("app", "terminal", "off"),
        default=None,
        help="app: khabar reorders; terminal: logical order for bidi terminals; off: raw "
        "(default: $KHABAR_BIDI, else app)",
    )
    parser.add_argument(
        "--no-harakat", action="store_true", help="drop harakat (diacritics) from the output"
    )
    parser.add_argument(
        "--ltr-default",
        action="store_true",
        help="lay out paragraphs without letters left to right (default: right to left)",
    )


def run(args: argparse.Namespace) -> int:
    from reader.render.engine import render_text
    from reader.render.modes import resolve_mode

    try:
        mode = resolve_mode(args.bidi)
    except ValueError as error:
        print(f"khabar render: {error}", file=sys.stderr)
        return 2
    width = args.width if args.width is not None else shutil.get_terminal_size().columns
    if width < 1:
        print("khabar render: --width must be at least 1", file=sys.stderr)
        return 2
    if args.file is None:
        data = sys.stdin.buffer.read()
    else:
        try:
            data = args.file.read_bytes()
        except OSError as error:
            print(f"khabar render: {error}", file=sys.stderr)
            return 1
    text = data.decode("utf-8", errors="replace")
    rows = render_text(
        text,
        width,
        mode,
        keep_harakat=not args.no_harakat,
        rtl_without_letters=not args.ltr_default,
    )
    sys.stdout.write("".join(row.text + "\n" for row in rows))
    sys.stdout.flush()
    return 0
