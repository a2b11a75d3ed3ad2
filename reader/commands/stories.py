"""`khabar stories`: how the articles are grouped into stories; `--backfill` groups the
articles an older khabar stored without a story signature."""

from __future__ import annotations

import argparse
import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.store.story_backfill import Backfilled

NAME = "stories"
HELP = "count the stories across sources; --backfill groups articles stored before stories"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--backfill",
        action="store_true",
        help="sign and group the articles that have no story signature yet (older databases)",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when stderr is a terminal)",
    )


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from reader.commands._output import echo
    from reader.errors import KhabarError
    from reader.paths import default_db_path
    from reader.store.schema import connect
    from reader.store.story_backfill import unsigned

    path = Path(args.db or default_db_path())
    if not path.exists():
        raise KhabarError(f"no database at {path}; run `khabar ingest` first")
    conn = connect(path, readonly=not args.backfill)
    try:
        if args.backfill:
            total = unsigned(conn)
            progress = sys.stderr.isatty() if args.progress is None else args.progress
            report = _backfill(conn, total, progress)
            echo(
                f"{report.signed} articles signed, {report.grouped} of them joined a story"
                + (f", {report.kept} kept theirs" if report.kept else "")
                + (f"; {report.short} too short to compare" if report.short else ""),
                err=True,
            )
        stories, members = conn.execute(
            "SELECT count(DISTINCT story_id), count(*) FROM story_members"
        ).fetchone()
        echo(f"{stories} stories of {members} articles; {unsigned(conn)} articles unsigned")
    finally:
        conn.close()
    return 0


def _backfill(conn: sqlite3.Connection, total: int, bar_on: bool) -> Backfilled:
    """The backfill, with a progress bar on stderr when `bar_on`."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from reader.store.story_backfill import backfill_stories

    if not bar_on:
        return backfill_stories(conn)
    with Progress(
        BarColumn(bar_width=24),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    ) as bar:
        task = bar.add_task("stories", total=total)
        return backfill_stories(conn, lambda done: bar.advance(task, done))
