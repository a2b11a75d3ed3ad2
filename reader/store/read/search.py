"""Search hits materialised once per search, in temp tables of article ids; and the
rows a filter with a search lists, with their dates.

FTS finds a common name's 60,000 articles in a few milliseconds, but every page,
count and position would find them again; materialised once per search, each of
those becomes an index lookup. A broad search's hits are most of the corpus, and
which of them are rows (a story's other articles are listed behind its lead) takes
a look at every hit's story: done once, into a table of the rows themselves, a
count is its size and a position a scan of it, not a walk of the corpus's index.
The tables live on the session's connection and are dropped when another
connection commits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Hashable
from typing import Any

from reader.store.read.session import Session

KEEP = 4  # searches (and filters' rows) kept materialised, oldest dropped first


class SearchHits:
    def __init__(self, session: Session) -> None:
        self._tables: dict[str, tuple[str, int]] = {}
        self._rows: dict[Hashable, str] = {}
        self._serial = 0
        session.on_change(self._forget)

    def _forget(self, conn: sqlite3.Connection) -> None:
        with conn:
            for table in [name for name, _ in self._tables.values()] + [*self._rows.values()]:
                conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
        self._tables.clear()
        self._rows.clear()

    def holds(self, table: str) -> bool:
        """Whether `table` is still materialised (an older search's may have been dropped)."""
        return table in self._rows.values() or any(n == table for n, _ in self._tables.values())

    def rows(
        self, conn: sqlite3.Connection, key: Hashable, select: str, params: tuple[Any, ...]
    ) -> tuple[str, int]:
        """A temp table (id, published) of the rows `select` gives, and their number; it
        replaces the one made before for the same `key` (a filter whose marks changed)."""
        self._serial += 1
        table = f"khabar_rows_{self._serial}"
        with conn:
            old = self._rows.pop(key, None)
            if old is None and len(self._rows) >= KEEP:
                old = self._rows.pop(next(iter(self._rows)))
            if old is not None:
                conn.execute(f"DROP TABLE IF EXISTS temp.{old}")
            conn.execute(f"CREATE TEMP TABLE {table} (id INTEGER PRIMARY KEY, published TEXT)")
            count = conn.execute(f"INSERT INTO temp.{table} {select}", params).rowcount
        self._rows[key] = table
        return table, count

    def table(self, conn: sqlite3.Connection, expression: str) -> tuple[str, int]:
        """The temp table of ids matching `expression`, and their number. The caller holds
        the session's lock for as long as it reads the table."""
        known = self._tables.get(expression)
        if known is not None:
            return known
        self._serial += 1
        table = f"khabar_hits_{self._serial}"
        with conn:
            conn.execute(f"CREATE TEMP TABLE {table} (id INTEGER PRIMARY KEY)")
            conn.execute(
                f"INSERT INTO temp.{table} SELECT rowid FROM articles_fts "
                "WHERE articles_fts MATCH ?",
                (expression,),
            )
            if len(self._tables) >= KEEP:
                oldest = next(iter(self._tables))
                conn.execute(f"DROP TABLE temp.{self._tables.pop(oldest)[0]}")
        size = int(conn.execute(f"SELECT count(*) FROM temp.{table}").fetchone()[0])
        self._tables[expression] = (table, size)
        return table, size
