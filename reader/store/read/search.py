"""Search hits read once per search, as an array of article ids, and the rows of a filter
with a search or a person, worked out in memory from them.

FTS finds a common name's 76,000 articles in a few milliseconds, but a filter
(the search alone, or with a person, unread-only...) that changed would find
them again; kept here, a new filter on the same search starts from them. An
array, not a temp table: filling a table cost 22 VM steps a hit (80 ms at 100k),
and the rows are worked out in memory anyway (reader/store/read/row_list.py).
Forgotten when another connection commits.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from reader.store.read import conditions
from reader.store.read.row_list import ListIndex, RowList, id_array
from reader.store.read.rows import ArticleFilter
from reader.store.read.session import Session
from reader.store.read.text import fts_expression

if TYPE_CHECKING:
    from reader.store.read.row_list import Ids

KEEP = 4  # searches kept, oldest dropped first

_MATCH = "SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?"


class SearchHits:
    def __init__(self, session: Session) -> None:
        self._hits: dict[str, Ids] = {}
        session.on_change(self._forget)

    def _forget(self, _: sqlite3.Connection) -> None:
        self._hits.clear()

    def ids(self, conn: sqlite3.Connection, expression: str) -> Ids:
        """The ids of the articles matching `expression` (an `fts_expression`)."""
        known = self._hits.get(expression)
        if known is None:
            known = id_array(conn, _MATCH, (expression,))
            if len(self._hits) >= KEEP:
                del self._hits[next(iter(self._hits))]
            self._hits[expression] = known
        return known


def listed_rows(
    conn: sqlite3.Connection, flt: ArticleFilter, hits: SearchHits, index: ListIndex
) -> RowList:
    """A filter with a search or a person (its articles are many, and a position in them
    cost an SQL walk of every row above it: 85-145 ms of CPU deep in a 17,000-article
    person): the articles passing every condition as flags by article id (the hits, and
    each other condition's ids), and its rows from them in memory."""
    found = [id_array(conn, c.ids, c.params) for c in conditions.positive(conn, flt)]
    if flt.query.strip():
        expression = fts_expression(flt.query)
        if expression is None:
            return index.empty()
        found.append(hits.ids(conn, expression))
    passing = index.flags(found[0])
    for ids in found[1:]:
        passing &= index.flags(ids)
    listed = index.rows(passing, collapse=flt.story is None)
    if not flt.unread_only:
        return listed
    return listed.without(index.flags(id_array(conn, conditions.READ)))
