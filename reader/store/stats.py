"""What a database holds, in numbers, for `khabar stats`."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reader.store.schema import schema_version


@dataclass(frozen=True)
class Stats:
    articles: int
    documents: int
    appended: int
    entities_by_kind: dict[str, int]
    top_persons: list[tuple[str, int]]
    size_bytes: int
    schema_version: int
    mentions: int = 0


def collect_stats(conn: sqlite3.Connection, path: Path, *, top: int = 10) -> Stats:
    def scalar(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    by_kind = {
        str(kind): int(n)
        for kind, n in conn.execute(
            "SELECT kind, count(*) FROM entities GROUP BY kind ORDER BY kind"
        )
    }
    persons = [
        (str(name), int(n))
        for name, n in conn.execute(
            "SELECT canonical, article_count FROM entities WHERE kind = 'PER'"
            " ORDER BY article_count DESC, id LIMIT ?",
            (top,),
        )
    ]
    size = sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    return Stats(
        articles=scalar("SELECT count(*) FROM articles"),
        documents=scalar("SELECT count(*) FROM documents"),
        appended=scalar("SELECT count(*) FROM articles WHERE appended_to IS NOT NULL"),
        entities_by_kind=by_kind,
        top_persons=persons,
        size_bytes=size,
        schema_version=schema_version(conn),
        mentions=scalar("SELECT count(*) FROM mentions"),
    )
