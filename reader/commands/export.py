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
    import json
    from pathlib import Path

    from reader.paths import default_db_path
    from reader.store.export import iter_export
    from reader.store.schema import open_db

    db_path = args.db or default_db_path()
    if not Path(db_path).exists():
        print(f"khabar: no database at {db_path}; run `khabar ingest` first", file=sys.stderr)
        return 1
    db = open_db(Path(db_path), readonly=True)
    try:
        with contextlib.ExitStack() as stack:
            out: TextIO = sys.stdout
            if args.output:
                out = stack.enter_context(open(args.output, "w", encoding="utf-8"))
            for record in iter_export(db):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        db.conn.close()
    return 0
