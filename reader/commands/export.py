"""`khabar export`: every article, as JSON lines, with its entities."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

NAME = "export"
HELP = "export articles as JSON lines (one article per line)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format")
    parser.add_argument("--output", "-o", default=None, help="file to write (default: stdout)")


def run(args: argparse.Namespace) -> int:
    import contextlib

    from reader.commands._database import existing_database
    from reader.commands._output import json_text
    from reader.store.export import iter_export

    with existing_database(args) as (_, db), contextlib.ExitStack() as stack:
        out: TextIO = sys.stdout
        if args.output:
            out = stack.enter_context(open(args.output, "w", encoding="utf-8"))
        for record in iter_export(db):
            out.write(json_text(record) + "\n")
    return 0
