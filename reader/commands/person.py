"""`khabar person NAME`: one person's page — spellings, timeline, company, roles, quotes."""

from __future__ import annotations

import argparse

NAME = "person"
HELP = "show one person: spellings, mentions over time, people named with them, roles, quotes"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="the person's name in Arabic or Latin letters, or an id")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace) -> int:
    import dataclasses

    from reader.commands._database import existing_database
    from reader.commands._output import echo, json_text
    from reader.errors import KhabarError
    from reader.store.name_search import find_people
    from reader.store.person_page import person_page

    with existing_database(args) as (_, db):
        query = str(args.name).strip()
        if query.isdigit():
            entity_id = int(query)
        else:
            found = find_people(db.conn, query, limit=1)
            if not found:
                raise KhabarError(f"no person matches {query!r}; see `khabar people`")
            entity_id = found[0].id
        page = person_page(db.conn, entity_id)
    if page is None:
        raise KhabarError(f"no person with id {entity_id}")
    if args.json:
        print(json_text(dataclasses.asdict(page), indent=2))
        return 0
    line = page.timeline
    echo(f"{page.canonical}  (id {page.id}, {page.article_count} articles)")
    echo("spellings: " + ", ".join(f"{s} ×{n}" for s, n in page.spellings))
    if line.first:
        bars = " ".join(str(n) for _, n in line.periods)
        undated = f" ({line.undated} undated)" if line.undated else ""
        echo(f"by {line.unit}, {line.first} – {line.last}: {bars}{undated}")
    if page.roles:
        echo("roles: " + ", ".join(f"{r} ×{n}" for r, n in page.roles))
    if page.people:
        echo("named with: " + ", ".join(f"{p.canonical} ×{p.articles}" for p in page.people))
    if page.quotes:
        echo("said:")
        for q in page.quotes:
            echo(f"    «{q.text}»  [{q.article_id}]")
    echo("articles:")
    for a in page.articles:
        echo(f"    {a.id:>6}  {a.published or '          '}  {a.title}")
    return 0
