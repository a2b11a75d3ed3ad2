"""`khabar process [PATH…|-] --jsonl`: the map step of ingest, with no database.

Each document (a file, a line of a .jsonl, or `-` for one document on standard
input) becomes one JSON line: the cleaned article with its entities and folded
search text, or the reason it failed. `khabar load` stores such lines; run
`process` wherever the CPUs are (a cluster's workers) and `load` on one machine.
"""

from __future__ import annotations

import argparse
import sys

NAME = "process"
HELP = "clean documents and find their entities, printing JSON lines for `khabar load`"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        default=["-"],
        metavar="PATH",
        help="files or directories; - (the default) reads one document from standard input",
    )
    parser.add_argument(
        "--jsonl", action="store_true", help="write JSON lines (the only format, and the default)"
    )
    parser.add_argument(
        "--no-entities", action="store_true", help="clean only, without extracting entities"
    )
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default: 1)")
    parser.add_argument("--output", "-o", default=None, help="file to write (default: stdout)")


def run(args: argparse.Namespace) -> int:
    import contextlib
    from pathlib import Path
    from typing import TextIO

    from reader.ingest.mapstep import process_paths, write_jsonl
    from reader.ingest.signals import stop_on_signals

    with contextlib.ExitStack() as stack:
        out: TextIO = sys.stdout
        if args.output:
            out = stack.enter_context(open(args.output, "w", encoding="utf-8"))
        stop = stack.enter_context(stop_on_signals())
        batches = process_paths(
            [Path(p) for p in args.paths],
            entities=not args.no_entities,
            workers=args.workers,
            stop=stop,
        )
        documents, failures = write_jsonl(batches, out)
    print(f"processed {documents} documents, {failures} failed", file=sys.stderr)
    if stop.is_set():
        return 130
    return 0 if documents else 1
