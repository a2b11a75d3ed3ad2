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
    import json

    from reader.commands._database import existing_database
    from reader.store.stats import collect_stats

    with existing_database(args) as (db_path, db):
        stats = collect_stats(db.conn, db_path, top=args.top)
    if args.json:
        print(json.dumps(dataclasses.asdict(stats), ensure_ascii=False, indent=2))
        return 0
    print(f"database       {db_path} ({stats.size_bytes / 1e6:.1f} MB)")
    print(f"schema version {stats.schema_version}")
    print(f"documents      {stats.documents}")
    print(f"articles       {stats.articles} ({stats.appended} appended)")
    kinds = ", ".join(f"{k} {n}" for k, n in stats.entities_by_kind.items()) or "none"
    print(f"entities       {kinds}")
    print(f"mentions       {stats.mentions}")
    if stats.top_persons:
        print("top persons")
        for name, count in stats.top_persons:
            print(f"  {count:6d}  {name}")
    return 0
