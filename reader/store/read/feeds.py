"""The subscriptions, for the palette's feed filters."""

from __future__ import annotations

import json

from reader.store.read.rows import FeedName
from reader.store.read.session import Session


class Feeds:
    def __init__(self, session: Session) -> None:
        self._session = session

    def feeds(self) -> list[FeedName]:
        """Every subscription with its article count."""
        with self._session.locked() as conn:
            rows = conn.execute(
                "SELECT f.id, coalesce(f.title, f.url), f.tags,"
                " (SELECT count(*) FROM documents d JOIN articles a ON a.document_id = d.id"
                "  WHERE d.feed_id = f.id) FROM feeds f ORDER BY f.id"
            ).fetchall()
        return [FeedName(int(r[0]), str(r[1]), tuple(json.loads(r[2])), int(r[3])) for r in rows]
