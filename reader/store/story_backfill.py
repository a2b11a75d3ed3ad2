"""Stories for articles stored before stories existed (schema 5), or without a signature.

Ingest groups each new article as it is written; a database ingested by an older
khabar has articles with no signature, which no story can ever find. Backfill
signs them and groups them in id order, as ingest would have; an article already
in a story keeps it and only gets its signature back. Batches are one transaction each, so
an interrupted backfill keeps what it did and the next run goes on from there.
An article too short to sign stays unsigned and is looked at again by the next
run (it costs its folding only).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from reader.nlp.normalize import fold_for_search
from reader.store.body import BODY_COLUMNS, BODY_JOIN, body_text
from reader.store.search_text import index_text
from reader.store.stories import assign_story, day_number, store_signature
from reader.store.story_sign import bands, signature

BATCH = 200


@dataclass
class Backfilled:
    signed: int = 0  # articles that got a signature
    grouped: int = 0  # of them, those that joined a story
    kept: int = 0  # of them, those already in a story (their signature was lost)
    short: int = 0  # too short to sign


def unsigned(conn: sqlite3.Connection) -> int:
    """Articles with no story signature (too short to sign, or stored before stories)."""
    return int(
        conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS"
            " (SELECT 1 FROM story_signatures s WHERE s.article_id = a.id)"
        ).fetchone()[0]
    )


def backfill_stories(
    conn: sqlite3.Connection, on_batch: Callable[[int], object] = lambda done: None
) -> Backfilled:
    """Sign and group every unsigned article, oldest first; `on_batch(articles done)`."""
    report = Backfilled()
    after = 0
    while True:
        rows = conn.execute(
            f"SELECT a.id, a.title, {BODY_COLUMNS}, a.published, EXISTS (SELECT 1 FROM"
            f" story_members m WHERE m.article_id = a.id) FROM {BODY_JOIN} WHERE a.id > ? AND"
            " NOT EXISTS (SELECT 1 FROM story_signatures s WHERE s.article_id = a.id)"
            " ORDER BY a.id LIMIT ?",
            (after, BATCH),
        ).fetchall()
        if not rows:
            return report
        with conn:
            for article_id, title, packed, raw, published, grouped in rows:
                body = body_text(packed, raw)
                sig = signature(fold_for_search(body))
                if not sig:
                    report.short += 1
                    continue
                report.signed += 1
                if grouped:
                    store_signature(conn, article_id, sig, day_number(published), bands(sig))
                    report.kept += 1
                    continue
                story = assign_story(conn, article_id, sig, index_text(title), published, body)
                report.grouped += story is not None
        after = int(rows[-1][0])
        on_batch(len(rows))
