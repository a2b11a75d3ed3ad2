"""`khabar ingest PATH…`: store articles from files and directories."""

from __future__ import annotations

import argparse
import sys

NAME = "ingest"
HELP = "ingest .txt, .html and .jsonl files (directories recursively) into the database"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    parser.add_argument(
        "--no-entities", action="store_true", help="store articles without extracting entities"
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: one per core)"
    )
    parser.add_argument(
        "--dask",
        metavar="SCHEDULER",
        default=None,
        help="process on the Dask cluster at this scheduler address (needs khabar[dask]);"
        " its workers must see PATH at the same place",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when stderr is a terminal)",
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reader.commands._output import echo
    from reader.ingest.pipeline import ingest_paths
    from reader.ingest.summary import summary_lines
    from reader.paths import default_db_path

    db = args.db or default_db_path()
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    report = ingest_paths(
        db,
        [Path(p) for p in args.paths],
        entities=not args.no_entities,
        workers=args.workers,
        progress=progress,
        dask=args.dask,
    )
    for line in summary_lines(report):
        echo(line, err=True)
    if report.interrupted:
        return 130
    if report.unprocessed:
        # Everything stored is committed and the database closed; what is left is the
        # broken pool's manager thread, which the interpreter would join at exit for ever
        # when a killed worker left a result half-written.
        import os

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(1)
    return 0 if report.ok else 1
