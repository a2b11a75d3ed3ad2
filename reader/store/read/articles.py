"""One article as the body pane shows it: text and marks, mentions, entities by kind."""

from __future__ import annotations

from reader.kinds import Kind, kind_order
from reader.store.body import BODY_COLUMNS, BODY_JOIN, body_text
from reader.store.read.rows import Article, EntityCount, Mention
from reader.store.read.session import Session


class Articles:
    def __init__(self, session: Session) -> None:
        self._session = session

    def article(self, article_id: int) -> Article | None:
        with self._session.locked() as conn:
            r = conn.execute(
                f"SELECT a.id, a.title, {BODY_COLUMNS}, a.published, a.author, a.source, a.url, "
                "coalesce(r.read, 0), coalesce(r.bookmarked, 0), coalesce(r.scroll, 0) "
                f"FROM {BODY_JOIN} LEFT JOIN reading_state r ON r.article_id = a.id "
                "WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        if r is None:
            return None
        body = body_text(r[2], r[3])
        return Article(r[0], r[1], body, r[4], r[5], r[6], r[7], bool(r[8]), bool(r[9]), r[10])

    def mentions(self, article_id: int) -> list[Mention]:
        with self._session.locked() as conn:
            return [
                Mention(r[0], r[1], Kind(r[2]), r[3])
                for r in conn.execute(
                    'SELECT m.start, m."end", e.kind, e.id FROM mentions m '
                    "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? "
                    "ORDER BY m.start",
                    (article_id,),
                )
            ]

    def article_entities(self, article_id: int) -> list[EntityCount]:
        """The article's entities by kind, most mentioned first."""
        with self._session.locked() as conn:
            rows = conn.execute(
                "SELECT e.id, e.kind, e.canonical, ae.mention_count FROM article_entities ae "
                "JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ?",
                (article_id,),
            ).fetchall()
        found = [EntityCount(r[0], Kind(r[1]), r[2], r[3]) for r in rows]
        return sorted(found, key=lambda e: (kind_order(e.kind), -e.mentions, e.canonical))
