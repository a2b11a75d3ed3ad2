"""`khabar stats`: how much the database holds and who appears most."""

from __future__ import annotations

import argparse

NAME = "stats"
HELP = "show counts of articles, documents and entities, top persons and database size"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--top", type=int, default=10, help="how many top persons to list")


def run(args: argparse.Namespace) -> int:
    import dataclasses

    from reader.commands._database import existing_database
    from reader.commands._output import echo, json_text
    from reader.store.stats import collect_stats

    with existing_database(args) as (db_path, db):
        stats = collect_stats(db.conn, db_path, top=args.top)
    if args.json:
        print(json_text(dataclasses.asdict(stats), indent=2))
        return 0
    echo(f"database       {db_path} ({stats.size_bytes / 1e6:.1f} MB)")
    echo(f"schema version {stats.schema_version}")
    echo(f"documents      {stats.documents}")
    echo(f"articles       {stats.articles} ({stats.appended} appended)")
    kinds = ", ".join(f"{k} {n}" for k, n in stats.entities_by_kind.items()) or "none"
    echo(f"entities       {kinds}")
    echo(f"mentions       {stats.mentions}")
    if stats.top_persons:
        echo("top persons")
        for name, count in stats.top_persons:
            echo(f"  {count:6d}  {name}")
    return 0
