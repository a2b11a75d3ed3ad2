"""A filter's conditions, each a set of article ids and a test of one article.

Each test names the article it tests as `{id}`, so the same condition tests the
row being listed (`a.id`) or the lead of its story (a story's other members are
listed behind its lead when the lead matches the filter too). Sets are indexed sub-selects
with what is known of their size, so the listing can start from the smallest.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from reader.store.read.rows import ArticleFilter

# A day's upper bound: ISO dates (and any time after them) sort below it.
_DAY_END = "~"


@dataclass(frozen=True, slots=True)
class Condition:
    """One filter condition: its ids as a query, a test of one article, their parameters."""

    size: int  # what is known of its size, for choosing the set to start from
    ids: str
    test: str  # a test of the article whose id is `{id}`
    params: tuple[Any, ...]
    own: str | None = None  # a cheaper test of the listed row `a` itself, if any

    def probe(self, article: str = "a.id", *, row: bool = True) -> str:
        """The test of `article`; of the listed row's own columns when `row` allows."""
        if row and article == "a.id" and self.own is not None:
            return self.own
        return self.test.format(id=article)


def bookmarks() -> Condition:
    return Condition(
        0,
        "SELECT article_id AS id FROM reading_state WHERE bookmarked = 1",
        "EXISTS (SELECT 1 FROM reading_state WHERE article_id = {id} AND bookmarked = 1)",
        (),
    )


READ = "SELECT article_id AS id FROM reading_state WHERE read = 1"


def read_marks(conn: sqlite3.Connection) -> Condition:
    """The articles marked read: what an unread-only list leaves out."""
    size = int(conn.execute("SELECT count(*) FROM reading_state WHERE read = 1").fetchone()[0])
    return Condition(
        size,
        READ,
        "EXISTS (SELECT 1 FROM reading_state WHERE article_id = {id} AND read = 1)",
        (),
    )


UNREAD = "NOT EXISTS (SELECT 1 FROM reading_state WHERE article_id = a.id AND read = 1)"


def entities(conn: sqlite3.Connection, entity_ids: frozenset[int]) -> list[Condition]:
    marks = ",".join("?" * len(entity_ids))
    sizes = dict(
        conn.execute(
            f"SELECT id, article_count FROM entities WHERE id IN ({marks})", sorted(entity_ids)
        ).fetchall()
    )
    return [
        Condition(
            1 + int(sizes.get(entity_id, 0)),
            "SELECT article_id AS id FROM article_entities WHERE entity_id = ?",
            "EXISTS (SELECT 1 FROM article_entities WHERE entity_id = ? AND article_id = {id})",
            (entity_id,),
        )
        for entity_id in sorted(entity_ids, key=lambda e: (sizes.get(e, 0), e))
    ]


def feeds(conn: sqlite3.Connection, feed_ids: frozenset[int]) -> Condition:
    marks = ",".join("?" * len(feed_ids))
    ids = (
        "SELECT fa.id AS id FROM documents fd JOIN articles fa ON fa.document_id = fd.id"
        f" WHERE fd.feed_id IN ({marks})"
    )
    params = tuple(sorted(feed_ids))
    size = int(conn.execute(f"SELECT count(*) FROM ({ids})", params).fetchone()[0])
    return Condition(size, ids, f"{{id}} IN ({ids})", params)


def sources(conn: sqlite3.Connection, names: frozenset[str]) -> Condition:
    marks = ",".join("?" * len(names))
    ids = f"SELECT id FROM articles INDEXED BY articles_source WHERE source IN ({marks})"
    params = tuple(sorted(names))
    size = int(conn.execute(f"SELECT count(*) FROM ({ids})", params).fetchone()[0])
    return Condition(
        size,
        ids,
        f"EXISTS (SELECT 1 FROM articles x WHERE x.id = {{id}} AND x.source IN ({marks}))",
        params,
        own=f"a.source IN ({marks})",
    )


def dates(conn: sqlite3.Connection, since: str | None, until: str | None) -> Condition:
    """Published within [since, until], both days inclusive (either open)."""
    low, high = since or "", (until or "9999-12-31") + _DAY_END
    ids = "SELECT id FROM articles INDEXED BY articles_order WHERE published >= ? AND published < ?"
    size = int(conn.execute(f"SELECT count(*) FROM ({ids})", (low, high)).fetchone()[0])
    return Condition(
        size,
        ids,
        "EXISTS (SELECT 1 FROM articles x WHERE x.id = {id} AND x.published >= ?"
        " AND x.published < ?)",
        (low, high),
        own="(a.published >= ? AND a.published < ?)",
    )


def story(conn: sqlite3.Connection, story_id: int) -> Condition:
    size = int(
        conn.execute(
            "SELECT coalesce(max(size), 0) FROM story_sizes WHERE story_id = ?", (story_id,)
        ).fetchone()[0]
    )
    return Condition(
        size,
        "SELECT article_id AS id FROM story_members WHERE story_id = ?",
        "EXISTS (SELECT 1 FROM story_members WHERE article_id = {id} AND story_id = ?)",
        (story_id,),
    )


def positive(conn: sqlite3.Connection, flt: ArticleFilter) -> list[Condition]:
    """Every condition but the search and unread-only, which the listing adds itself."""
    found: list[Condition] = []
    if flt.bookmarks_only:
        found.append(bookmarks())
    if flt.entity_ids:
        found += entities(conn, flt.entity_ids)
    if flt.feed_ids:
        found.append(feeds(conn, flt.feed_ids))
    if flt.sources:
        found.append(sources(conn, flt.sources))
    if flt.since or flt.until:
        found.append(dates(conn, flt.since, flt.until))
    if flt.story is not None:
        found.append(story(conn, flt.story))
    return found
