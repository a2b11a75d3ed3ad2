"""The people query: every person with canonical name, spellings and the articles naming them.

Shared by `khabar people` and the reader's person list. Paged with limit and
offset on the `entities_kind_count` index so it stays cheap on a large corpus.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils


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
    """Persons, most widely mentioned first."""
    rows = db.execute(
        "SELECT id, canonical, article_count FROM entities WHERE kind = 'PER' "
        "ORDER BY article_count DESC, id LIMIT ? OFFSET ?",
        [-1 if limit is None else limit, offset],
    ).fetchall()
    return [Person(int(i), str(c), int(n), _variants(db, int(i))) for i, c, n in rows]


def person_detail(db: sqlite_utils.Database, entity_id: int) -> PersonDetail | None:
    row = db.execute(
        "SELECT id, canonical, article_count FROM entities WHERE id = ? AND kind = 'PER'",
        [entity_id],
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
