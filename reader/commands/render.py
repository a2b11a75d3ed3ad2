"""`khabar render`: print text exactly as the reader draws it, for any terminal or a test."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from reader.commands._output import echo

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
        echo(f"khabar render: {error}", err=True)
        return 2
    width = args.width if args.width is not None else shutil.get_terminal_size().columns
    if width < 1:
        echo("khabar render: --width must be at least 1", err=True)
        return 2
    data = _read(args.file)
    if data is None:
        return 1
    if not data:
        return 0
    text = _decode(data)
    rows = render_text(
        text,
        width,
        mode,
        keep_harakat=not args.no_harakat,
        rtl_without_letters=not args.ltr_default,
    )
    output = "".join(row.text + "\n" for row in rows)
    # UTF-8 whatever the locale says: the rows are Arabic, and an ASCII stdout would
    # otherwise end in a traceback.
    sys.stdout.flush()
    sys.stdout.buffer.write(output.encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


def _read(path: Path | None) -> bytes | None:
    """The input's bytes, or None after a one-line error (a directory, a missing or
    unreadable file)."""
    if path is None:
        return sys.stdin.buffer.read()
    try:
        return path.read_bytes()
    except OSError as error:
        echo(f"khabar render: {path}: {error.strerror or error}", err=True)
        return None


def _decode(data: bytes) -> str:
    """Text from UTF-8; a stray invalid byte should not cost the reader the whole text, so
    it shows as U+FFFD, with one warning naming where the first one was."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        echo(
            f"khabar render: warning: input is not valid UTF-8 (first bad byte at offset "
            f"{error.start}); bad bytes are shown as U+FFFD",
            err=True,
        )
        return data.decode("utf-8", errors="replace")
