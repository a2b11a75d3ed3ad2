"""What the reader writes: read and bookmark marks, scroll offsets, and app state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from reader.store.read.session import Session


class ReadingState:
    def __init__(self, session: Session, on_marks: Callable[[], None] = lambda: None) -> None:
        self._session = session
        self._on_marks = on_marks  # told when a read or bookmark mark changes

    def set_state(
        self,
        article_id: int,
        *,
        read: bool | None = None,
        bookmarked: bool | None = None,
        scroll: int | None = None,
        story: bool = False,
    ) -> None:
        """Set the article's marks and scroll offset; with `story`, its story's articles
        take the same read and bookmark marks (the story was read as one body)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._session.locked() as conn, conn:
            ids = [article_id]
            if story:
                ids += [
                    int(r[0])
                    for r in conn.execute(
                        "SELECT o.article_id FROM story_members m JOIN story_members o "
                        "ON o.story_id = m.story_id WHERE m.article_id = ? AND o.article_id <> ?",
                        (article_id, article_id),
                    )
                ]
            conn.executemany(
                "INSERT INTO reading_state (article_id, updated_at) VALUES (?, ?) "
                "ON CONFLICT(article_id) DO NOTHING",
                [(i, now) for i in ids],
            )
            for column, value in (("read", read), ("bookmarked", bookmarked), ("scroll", scroll)):
                if value is not None:
                    conn.executemany(
                        f"UPDATE reading_state SET {column} = ?, updated_at = ? "
                        "WHERE article_id = ?",
                        [(int(value), now, i) for i in (ids if column != "scroll" else ids[:1])],
                    )
            if read is not None or bookmarked is not None:
                self._on_marks()

    def mark_read(self, article_ids: list[int]) -> None:
        """Every one of them read, in one transaction (mark all read); a story's row, its
        lead, with all the story's articles, as `u` on the row marks them."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        upsert = " ON CONFLICT(article_id) DO UPDATE SET read = 1, updated_at = excluded.updated_at"
        with self._session.locked() as conn, conn:
            conn.executemany(
                "INSERT INTO reading_state (article_id, read, updated_at) VALUES (?, 1, ?)"
                + upsert,
                [(article_id, now) for article_id in article_ids],
            )
            conn.executemany(
                "INSERT INTO reading_state (article_id, read, updated_at)"
                " SELECT article_id, 1, ? FROM story_members WHERE story_id = ?" + upsert,
                [(now, article_id) for article_id in article_ids],
            )
            self._on_marks()

    def get_app_state(self, key: str) -> str | None:
        with self._session.locked() as conn:
            row = conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_app_state(self, key: str, value: str) -> None:
        with self._session.locked() as conn, conn:
            conn.execute(
                "INSERT INTO app_state (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
