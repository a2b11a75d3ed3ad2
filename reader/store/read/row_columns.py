"""What a row of the article list shows, as SQL: its columns, their joins, and rows by id.

Only a page's SELECT joins: counts and walks never need the feed or the marks.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from reader.store.read.rows import ListedArticle

JOINS = (
    " LEFT JOIN reading_state r ON r.article_id = a.id"
    " LEFT JOIN documents doc ON doc.id = a.document_id"
    " LEFT JOIN feeds feed ON feed.id = doc.feed_id"
)
# A row's story, and its size when the row is the story's lead (only leads have one):
# two primary-key lookups, whatever the story's size.
SELECT = (
    "SELECT a.id, a.title, coalesce(feed.title, a.source), a.published, "
    "coalesce(r.read, 0), coalesce(r.bookmarked, 0), "
    "(SELECT story_id FROM story_members WHERE article_id = a.id), "
    "(SELECT size FROM story_sizes WHERE story_id = a.id) FROM "
)


def listed_article(r: tuple[Any, ...]) -> ListedArticle:
    """A row of `SELECT ... FROM articles a` + `JOINS` as the list holds it."""
    return ListedArticle(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6], r[7] or 1)


def fetch_rows(conn: sqlite3.Connection, ids: list[int]) -> list[ListedArticle]:
    """The rows of these articles, in the order given: a page of a search's `RowList`."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    sql = f"{SELECT}articles a{JOINS} WHERE a.id IN ({marks})"
    found = {r[0]: listed_article(r) for r in conn.execute(sql, ids)}
    return [found[i] for i in ids if i in found]
