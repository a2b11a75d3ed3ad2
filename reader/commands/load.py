"""`khabar load FILE…|-`: store the JSON lines `khabar process` wrote, through ingest's writer."""

from __future__ import annotations

import argparse
import sys

NAME = "load"
HELP = "store `khabar process` JSON lines (files, or - for standard input) in the database"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="JSON-lines files; - reads standard input"
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reader.ingest.mapstep import load_paths
    from reader.ingest.signals import stop_on_signals
    from reader.ingest.summary import summary_lines
    from reader.paths import default_db_path

    db = args.db or default_db_path()
    with stop_on_signals() as stop:
        report = load_paths(db, [Path(f) for f in args.files], stop=stop)
    report.files = report.added + report.duplicates + len(report.failed)
    for line in summary_lines(report):
        print(line, file=sys.stderr)
    if report.interrupted:
        return 130
    return 0 if report.ok else 1
