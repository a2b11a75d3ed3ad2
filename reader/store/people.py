"""The people query: every person with canonical name, spellings and the articles naming them.

Shared by `khabar people` and the reader's person list. Paged with limit and
offset on the `entities_kind_count` index so it stays cheap on a large corpus.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import sqlite_utils

from reader.kinds import Kind


@dataclass(frozen=True)
class ArticleRef:
    id: int
    title: str
    source_path: str


@dataclass(frozen=True)
class Person:
    id: int
    canonical: str
    article_count: int
    variants: tuple[tuple[str, int], ...]  # (surface, count), most frequent first


@dataclass(frozen=True)
class PersonDetail:
    person: Person
    articles: tuple[ArticleRef, ...]


def _variants(db: sqlite_utils.Database, entity_id: int) -> tuple[tuple[str, int], ...]:
    rows = db.execute(
        "SELECT surface, count FROM variants WHERE entity_id = ? ORDER BY count DESC, surface",
        [entity_id],
    ).fetchall()
    return tuple((str(s), int(c)) for s, c in rows)


def list_people(
    db: sqlite_utils.Database, limit: int | None = None, offset: int = 0
) -> list[Person]:
    """Persons, most widely mentioned first, each with their spellings: one query, not one
    more per person."""
    rows = db.execute(
        "SELECT p.id, p.canonical, p.article_count, v.surface, v.count FROM "
        "(SELECT id, canonical, article_count FROM entities WHERE kind = ? "
        "ORDER BY article_count DESC, id LIMIT ? OFFSET ?) p "
        "LEFT JOIN variants v ON v.entity_id = p.id "
        "ORDER BY p.article_count DESC, p.id, v.count DESC, v.surface",
        [Kind.PER, -1 if limit is None else limit, offset],
    ).fetchall()
    people: list[Person] = []
    for (entity_id, canonical, count), group in itertools.groupby(rows, key=lambda r: r[:3]):
        spellings = tuple((str(r[3]), int(r[4])) for r in group if r[3] is not None)
        people.append(Person(int(entity_id), str(canonical), int(count), spellings))
    return people


def person_detail(db: sqlite_utils.Database, entity_id: int) -> PersonDetail | None:
    row = db.execute(
        "SELECT id, canonical, article_count FROM entities WHERE id = ? AND kind = ?",
        [entity_id, Kind.PER],
    ).fetchone()
    if row is None:
        return None
    person = Person(int(row[0]), str(row[1]), int(row[2]), _variants(db, int(row[0])))
    articles = db.execute(
        "SELECT a.id, a.title, a.source_path FROM article_entities ae "
        "JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ? ORDER BY a.id",
        [entity_id],
    ).fetchall()
    return PersonDetail(person, tuple(ArticleRef(int(i), str(t), str(p)) for i, t, p in articles))
