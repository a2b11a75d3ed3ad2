"""What the reader writes: read and bookmark marks, scroll offsets, and app state."""

from __future__ import annotations

from datetime import UTC, datetime

from reader.store.read.session import Session


class ReadingState:
    def __init__(self, session: Session) -> None:
        self._session = session

    def set_state(
        self,
        article_id: int,
        *,
        read: bool | None = None,
        bookmarked: bool | None = None,
        scroll: int | None = None,
    ) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._session.locked() as conn, conn:
            conn.execute(
                "INSERT INTO reading_state (article_id, updated_at) VALUES (?, ?) "
                "ON CONFLICT(article_id) DO NOTHING",
                (article_id, now),
            )
            for column, value in (("read", read), ("bookmarked", bookmarked), ("scroll", scroll)):
                if value is not None:
                    conn.execute(
                        f"UPDATE reading_state SET {column} = ?, updated_at = ? "
                        "WHERE article_id = ?",
                        (int(value), now, article_id),
                    )

    def mark_read(self, article_ids: list[int]) -> None:
        """Every one of them read, in one transaction (mark all read)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._session.locked() as conn, conn:
            conn.executemany(
                "INSERT INTO reading_state (article_id, read, updated_at) VALUES (?, 1, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET read = 1, updated_at = excluded.updated_at",
                [(article_id, now) for article_id in article_ids],
            )

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
