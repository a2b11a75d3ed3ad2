"""`khabar fetch`: fetch the due feeds and store their new articles (cron-friendly)."""

from __future__ import annotations

import argparse
import sys

NAME = "fetch"
HELP = "fetch due feeds and store their new articles (full pages by default)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--feed", metavar="ID|TAG|URL", help="only this feed, or those with this tag (due or not)"
    )
    parser.add_argument("--all", action="store_true", help="every feed now, due or not")
    parser.add_argument(
        "--full",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="fetch each new item's page (default: the config's fetch.full, true)",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="print only problems (for cron); no progress bar"
    )
    parser.add_argument("--no-entities", action="store_true", help="store without entities")
    parser.add_argument(
        "--workers", type=int, default=None, help="cleaning processes (default: up to 4)"
    )


def run(args: argparse.Namespace) -> int:
    from reader.fetch.outcome import FeedOutcome
    from reader.fetch.progress import FetchProgress
    from reader.fetch.run import fetch_feeds
    from reader.fetch.summary import closing_lines, feed_lines, is_problem
    from reader.paths import default_db_path

    db = args.db or default_db_path()
    bar = FetchProgress(enabled=not args.quiet and sys.stderr.isatty())

    def shown(outcome: FeedOutcome) -> None:
        bar.advance(outcome.added)
        if not args.quiet or is_problem(outcome):
            for line in feed_lines(outcome):
                bar.line(line)

    with bar:
        report = fetch_feeds(
            db,
            selector=args.feed,
            every=args.all,
            full=args.full,
            workers=args.workers,
            entities=not args.no_entities,
            on_start=bar.start,
            on_feed=shown,
        )
    for line in closing_lines(report):
        if not args.quiet or line.startswith("note:"):
            bar.line(line)
    if not report.feeds and not args.quiet and not report.notes:
        bar.line("no feed is due (khabar feeds list shows when each is)")
    return 0 if report.ok else 1
