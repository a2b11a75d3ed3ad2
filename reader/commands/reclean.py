"""`khabar reclean`: clean stored documents again from their raw text (no file is read)."""

from __future__ import annotations

import argparse

NAME = "reclean"
HELP = "clean the stored documents again from their raw text, with the current cleaner"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-entities", action="store_true", help="store re-cleaned articles without entities"
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reader.commands._output import echo
    from reader.errors import KhabarError
    from reader.ingest.reclean import reclean
    from reader.paths import default_db_path

    path = Path(args.db or default_db_path())
    if not path.exists():
        raise KhabarError(f"no database at {path}; run `khabar ingest` first")
    report = reclean(path, entities=not args.no_entities)
    echo(f"{report.documents} documents cleaned again, {report.changed} changed", err=True)
    for where, reason in report.failed:
        echo(f"kept as it was: {where}: {reason}", err=True)
    for note in report.notes:
        echo(note, err=True)
    return 0
