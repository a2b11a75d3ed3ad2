"""The people pane: every person, most-cited first, narrowed by folded substring.

Latin text (`putin`, `kim jong un`) is not a substring of any Arabic name: it is
ranked by reader.store.name_search instead, best fit first, over an index of
every person's skeletons built once and kept until another connection commits.

Every person's names are folded once into a temp table, so a keystroke is a LIKE
in C, not Python per row: folding in SQL through khabar_loose cost 40 ms a
keystroke at 100,000 articles (9,000 names). The table is rebuilt only after
another connection commits.

The Latin ranking (and the rapidfuzz under it) is imported when a narrowing first
has letters in it: the people pane at start is not narrowed, and that import was
part of the reader's first paint.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from reader.kinds import Kind
from reader.store.read.rows import ListedPerson
from reader.store.read.session import Session
from reader.store.read.text import loose_fold

if TYPE_CHECKING:
    from reader.store.name_search import PersonFinder

_PERSONS = f"e.kind = '{Kind.PER}' AND e.article_count > 0"
LATIN_RANKED = 100  # persons a Latin narrowing lists, best fit first


class People:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._folded = False
        self._finder: PersonFinder | None = None
        session.on_change(self._forget)

    def _forget(self, conn: sqlite3.Connection) -> None:
        with conn:
            conn.execute("DROP TABLE IF EXISTS temp.khabar_people")
        self._folded = False
        self._finder = None

    def _latin(self, conn: sqlite3.Connection, narrow: str) -> list[ListedPerson]:
        from reader.store.name_search import PersonFinder

        if self._finder is None:
            self._finder = PersonFinder(conn)
        return [
            ListedPerson(f.id, f.canonical, f.article_count)
            for f in self._finder.find(narrow, LATIN_RANKED)
        ]

    def _where(self, conn: sqlite3.Connection, narrow: str) -> tuple[str, list[Any]]:
        needle = loose_fold(narrow)
        if not needle:
            return _PERSONS, []
        self._fold(conn)
        like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return (
            f"{_PERSONS} AND EXISTS (SELECT 1 FROM temp.khabar_people f "
            "WHERE f.entity_id = e.id AND f.folded LIKE ? ESCAPE '\\')",
            [like],
        )

    def _fold(self, conn: sqlite3.Connection) -> None:
        if self._folded:
            return
        with conn:
            conn.execute("DROP TABLE IF EXISTS temp.khabar_people")
            conn.execute("CREATE TEMP TABLE khabar_people (entity_id INTEGER, folded TEXT)")
            conn.execute(
                "INSERT INTO temp.khabar_people SELECT id, khabar_loose(canonical) "
                "FROM entities WHERE kind = ? UNION SELECT v.entity_id, "
                "khabar_loose(v.surface) FROM variants v JOIN entities e "
                "ON e.id = v.entity_id WHERE e.kind = ?",
                (Kind.PER, Kind.PER),
            )
            conn.execute("CREATE INDEX temp.khabar_people_entity ON khabar_people(entity_id)")
        self._folded = True

    def count_people(self, narrow: str = "") -> int:
        with self._session.locked() as conn:
            if _is_latin(narrow):
                return len(self._latin(conn, narrow))
            where, params = self._where(conn, narrow)
            return int(
                conn.execute(f"SELECT count(*) FROM entities e WHERE {where}", params).fetchone()[0]
            )

    def people(self, narrow: str, offset: int, limit: int) -> list[ListedPerson]:
        """Persons by the number of articles naming them, narrowed by folded substring;
        for Latin text, by how well they fit it."""
        with self._session.locked() as conn:
            if _is_latin(narrow):
                return self._latin(conn, narrow)[offset : offset + limit]
            where, params = self._where(conn, narrow)
            return [
                ListedPerson(r[0], r[1], r[2])
                for r in conn.execute(
                    f"SELECT e.id, e.canonical, e.article_count FROM entities e WHERE {where} "
                    "ORDER BY e.article_count DESC, e.id LIMIT ? OFFSET ?",
                    [*params, limit, offset],
                )
            ]

    def variants(self, entity_id: int) -> list[tuple[str, int]]:
        with self._session.locked() as conn:
            return [
                (r[0], r[1])
                for r in conn.execute(
                    "SELECT surface, count FROM variants WHERE entity_id = ? "
                    "ORDER BY count DESC, surface",
                    (entity_id,),
                )
            ]


def _is_latin(narrow: str) -> bool:
    if not narrow:
        return False
    from reader.nlp.latin import is_latin_query

    return is_latin_query(narrow)
