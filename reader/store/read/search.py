"""Search hits materialised once per search, in temp tables of article ids.

FTS finds a common name's 60,000 articles in a few milliseconds, but every page,
count and position would find them again; materialised once per search, each of
those becomes an index lookup. The tables live on the session's connection and are
dropped when another connection commits.
"""

from __future__ import annotations

import sqlite3

from reader.store.read.session import Session

KEEP = 4  # searches kept materialised, oldest dropped first


class SearchHits:
    def __init__(self, session: Session) -> None:
        self._tables: dict[str, tuple[str, int]] = {}
        self._serial = 0
        session.on_change(self._forget)

    def _forget(self, conn: sqlite3.Connection) -> None:
        with conn:
            for table, _ in self._tables.values():
                conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
        self._tables.clear()

    def holds(self, table: str) -> bool:
        """Whether `table` is still materialised (an older search's may have been dropped)."""
        return any(name == table for name, _ in self._tables.values())

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
