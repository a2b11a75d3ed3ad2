"""`khabar people`: every person in the database, their spellings and their articles."""

from __future__ import annotations

import argparse

NAME = "people"
HELP = "list every person in the database with spellings and the articles naming them"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--find",
        metavar="NAME",
        help="only people matching NAME, best first; Latin letters work too (--find putin)",
    )


def run(args: argparse.Namespace) -> int:
    import dataclasses

    from reader.commands._database import existing_database
    from reader.commands._output import echo, json_text
    from reader.store.people import list_people, person_detail

    with existing_database(args) as (_, db):
        if args.find is not None:
            from reader.store.name_search import find_people

            ids = [f.id for f in find_people(db.conn, args.find)]
        else:
            ids = [p.id for p in list_people(db)]
        details = [person_detail(db, i) for i in ids]
    people = [d for d in details if d is not None]
    if args.json:
        out = [
            {
                "id": d.person.id,
                "canonical": d.person.canonical,
                "variants": [{"surface": s, "count": c} for s, c in d.person.variants],
                "articles": [dataclasses.asdict(a) for a in d.articles],
            }
            for d in people
        ]
        print(json_text(out, indent=2))
        return 0
    for d in people:
        spellings = ", ".join(f"{s} ×{c}" for s, c in d.person.variants)
        echo(f"{d.person.canonical}  ({len(d.articles)} articles; {spellings})")
        for a in d.articles:
            echo(f"    {a.id:>6}  {a.title}  [{a.source_path}]")
    return 0
