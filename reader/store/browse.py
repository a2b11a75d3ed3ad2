"""Every read the reader makes, as small paged queries, so the UI scales to any corpus.

The article list is keyset-paged on the `articles_order` index (published DESC,
id DESC, NULL dates last); filters are indexed sub-selects; nothing loads all
articles or bodies. Search folds the user's text exactly as the FTS index was
folded, and also lets ج/غ stand for each other and a split name match its joined
spelling, so بيونج يانج finds بيونغ يانغ and بيونجيانج.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.nlp.normalize import fold_for_search
from reader.store.schema import connect

KINDS = ("PER", "LOC", "ORG", "MISC")
_SWAPS = str.maketrans({"غ": "ج", "ڭ": "ج"})
_TOKEN = re.compile(r"\w+", re.UNICODE)
_MAX_ALTERNATIVES = 16


def loose_fold(text: str) -> str:
    """`fold_for_search` plus ج/غ merged: for narrowing and hit finding, never for display."""
    return fold_for_search(text).translate(_SWAPS)


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    entity_ids: frozenset[int] = frozenset()
    bookmarks_only: bool = False
    query: str = ""

    @property
    def active(self) -> bool:
        return bool(self.entity_ids or self.bookmarks_only or self.query.strip())


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: int
    title: str
    source: str | None
    published: str | None
    read: bool
    bookmarked: bool

    @property
    def key(self) -> tuple[str | None, int]:
        return (self.published, self.id)


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    title: str
    body: str
    published: str | None
    author: str | None
    source: str | None
    url: str | None
    read: bool
    bookmarked: bool
    scroll: int


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str
    entity_id: int


@dataclass(frozen=True, slots=True)
class EntityCount:
    id: int
    kind: str
    canonical: str
    mentions: int
    first_offsets: tuple[int, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    canonical: str
    article_count: int


def _token_alternatives(token: str) -> list[str]:
    """Spellings of one folded token that ج/غ variation may have produced, capped."""
    slots = [("ج", "غ") if ch in "جغ" else (ch,) for ch in token]
    out: list[str] = []
    for combo in itertools.product(*slots):
        out.append("".join(combo))
        if len(out) >= _MAX_ALTERNATIVES:
            break
    return out


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_expression(user_text: str) -> str | None:
    """A MATCH expression for any user text: every token quoted, so no input is FTS syntax."""
    tokens = _TOKEN.findall(fold_for_search(user_text))
    if not tokens:
        return None
    groups = [
        "(" + " OR ".join(_quote(alt) for alt in _token_alternatives(t)) + ")" for t in tokens
    ]
    expression = " AND ".join(groups)
    if 1 < len(tokens) <= 3:
        joined = " OR ".join(_quote(alt) for alt in _token_alternatives("".join(tokens)))
        expression = f"({expression}) OR {joined}"
    return expression


def find_hits(text: str, user_text: str) -> list[tuple[int, int]]:
    """Code-point ranges of `text` matching the search, under the same folding as FTS."""
    tokens = _TOKEN.findall(loose_fold(user_text))
    if not tokens:
        return []
    folded_chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        for out in loose_fold(ch) if not ch.isspace() else " ":
            folded_chars.append(out)
            origin.append(index)
    folded = "".join(folded_chars)
    pattern = re.compile(r"\s*".join(re.escape(t) for t in tokens))
    hits: list[tuple[int, int]] = []
    for match in pattern.finditer(folded):
        if match.end() > match.start():
            hits.append((origin[match.start()], origin[match.end() - 1] + 1))
    return hits


class Browser:
    """One connection shared by the UI's worker threads; a lock keeps it to one at a time."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        self._conn: sqlite3.Connection = connect(path, readonly=readonly)
        self._conn.create_function("khabar_loose", 1, loose_fold, deterministic=True)
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _cursor(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._conn

    # articles ---------------------------------------------------------------

    def _where(self, flt: ArticleFilter) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for entity_id in sorted(flt.entity_ids):
            clauses.append("a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)")
            params.append(entity_id)
        if flt.bookmarks_only:
            clauses.append("a.id IN (SELECT article_id FROM reading_state WHERE bookmarked = 1)")
        expression = fts_expression(flt.query) if flt.query.strip() else None
        if flt.query.strip():
            if expression is None:
                clauses.append("0")
            else:
                clauses.append(
                    "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
                )
                params.append(expression)
        return clauses, params

    _SELECT = (
        "SELECT a.id, a.title, a.source, a.published, "
        "coalesce(r.read, 0), coalesce(r.bookmarked, 0) "
        "FROM articles a LEFT JOIN reading_state r ON r.article_id = a.id"
    )

    def count_articles(self, flt: ArticleFilter = ArticleFilter()) -> int:
        clauses, params = self._where(flt)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        with self._cursor() as conn:
            row = conn.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()
        return int(row[0])

    @staticmethod
    def _after(key: tuple[str | None, int]) -> tuple[str, list[Any]]:
        published, article_id = key
        if published is None:
            return "(a.published IS NULL AND a.id < ?)", [article_id]
        return (
            "(a.published < ? OR (a.published = ? AND a.id < ?) OR a.published IS NULL)",
            [published, published, article_id],
        )

    @staticmethod
    def _before(key: tuple[str | None, int]) -> tuple[str, list[Any]]:
        published, article_id = key
        if published is None:
            return "(a.published IS NOT NULL OR a.id > ?)", [article_id]
        return "(a.published > ? OR (a.published = ? AND a.id > ?))", [
            published,
            published,
            article_id,
        ]

    def _rows(self, sql: str, params: Sequence[Any]) -> list[ArticleRow]:
        with self._cursor() as conn:
            return [
                ArticleRow(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]))
                for r in conn.execute(sql, params)
            ]

    # SQLite sorts NULL lowest, so undated articles come last and the index serves both.
    _ORDER = " ORDER BY a.published DESC, a.id DESC"
    _REVERSE = " ORDER BY a.published ASC, a.id ASC"

    def articles_after(
        self, flt: ArticleFilter, key: tuple[str | None, int] | None, limit: int
    ) -> list[ArticleRow]:
        """The next `limit` rows after `key` in list order (from the top when None)."""
        clauses, params = self._where(flt)
        if key is not None:
            clause, extra = self._after(key)
            clauses.append(clause)
            params += extra
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        return self._rows(f"{self._SELECT}{where}{self._ORDER} LIMIT ?", [*params, limit])

    def articles_before(
        self, flt: ArticleFilter, key: tuple[str | None, int] | None, limit: int
    ) -> list[ArticleRow]:
        """The `limit` rows just before `key` (the last rows when None), in list order."""
        clauses, params = self._where(flt)
        if key is not None:
            clause, extra = self._before(key)
            clauses.append(clause)
            params += extra
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        rows = self._rows(f"{self._SELECT}{where}{self._REVERSE} LIMIT ?", [*params, limit])
        rows.reverse()
        return rows

    def articles_at(self, flt: ArticleFilter, offset: int, limit: int) -> list[ArticleRow]:
        """Rows from a position with no neighbour page to key from: a scrollbar jump."""
        clauses, params = self._where(flt)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        return self._rows(
            f"{self._SELECT}{where}{self._ORDER} LIMIT ? OFFSET ?", [*params, limit, offset]
        )

    def position_of(self, flt: ArticleFilter, article_id: int) -> int | None:
        """Index of the article in the filtered list, or None when the filter excludes it."""
        clauses, params = self._where(flt)
        clauses.append("a.id = ?")
        with self._cursor() as conn:
            row = conn.execute(
                f"SELECT a.published FROM articles a WHERE {' AND '.join(clauses)}",
                [*params, article_id],
            ).fetchone()
        if row is None:
            return None
        clauses, params = self._where(flt)
        clause, extra = self._before((row[0], article_id))
        clauses.append(clause)
        with self._cursor() as conn:
            return int(
                conn.execute(
                    f"SELECT count(*) FROM articles a WHERE {' AND '.join(clauses)}",
                    [*params, *extra],
                ).fetchone()[0]
            )

    def article(self, article_id: int) -> Article | None:
        with self._cursor() as conn:
            r = conn.execute(
                "SELECT a.id, a.title, a.body, a.published, a.author, a.source, a.url, "
                "coalesce(r.read, 0), coalesce(r.bookmarked, 0), coalesce(r.scroll, 0) "
                "FROM articles a LEFT JOIN reading_state r ON r.article_id = a.id "
                "WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        if r is None:
            return None
        return Article(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), bool(r[8]), r[9])

    def mentions(self, article_id: int) -> list[Mention]:
        with self._cursor() as conn:
            return [
                Mention(r[0], r[1], r[2], r[3])
                for r in conn.execute(
                    'SELECT m.start, m."end", e.kind, e.id FROM mentions m '
                    "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? "
                    "ORDER BY m.start",
                    (article_id,),
                )
            ]

    def article_entities(self, article_id: int) -> list[EntityCount]:
        """The article's entities by kind, most mentioned first."""
        order = {kind: i for i, kind in enumerate(KINDS)}
        with self._cursor() as conn:
            rows = conn.execute(
                "SELECT e.id, e.kind, e.canonical, ae.mention_count FROM article_entities ae "
                "JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ?",
                (article_id,),
            ).fetchall()
        found = [EntityCount(r[0], r[1], r[2], r[3]) for r in rows]
        return sorted(found, key=lambda e: (order.get(e.kind, 9), -e.mentions, e.canonical))

    def entity_names(self, entity_ids: Sequence[int]) -> dict[int, str]:
        if not entity_ids:
            return {}
        marks = ",".join("?" * len(entity_ids))
        with self._cursor() as conn:
            return {
                r[0]: r[1]
                for r in conn.execute(
                    f"SELECT id, canonical FROM entities WHERE id IN ({marks})", list(entity_ids)
                )
            }

    # people -----------------------------------------------------------------

    @staticmethod
    def _people_where(narrow: str) -> tuple[str, list[Any]]:
        needle = loose_fold(narrow)
        if not needle:
            return "e.kind = 'PER' AND e.article_count > 0", []
        like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return (
            "e.kind = 'PER' AND e.article_count > 0 AND (khabar_loose(e.canonical) LIKE ? "
            "ESCAPE '\\' OR EXISTS (SELECT 1 FROM variants v WHERE v.entity_id = e.id "
            "AND khabar_loose(v.surface) LIKE ? ESCAPE '\\'))",
            [like, like],
        )

    def count_people(self, narrow: str = "") -> int:
        where, params = self._people_where(narrow)
        with self._cursor() as conn:
            return int(
                conn.execute(f"SELECT count(*) FROM entities e WHERE {where}", params).fetchone()[0]
            )

    def people(self, narrow: str, offset: int, limit: int) -> list[Person]:
        """Persons by the number of articles naming them, narrowed by folded substring."""
        where, params = self._people_where(narrow)
        with self._cursor() as conn:
            return [
                Person(r[0], r[1], r[2])
                for r in conn.execute(
                    f"SELECT e.id, e.canonical, e.article_count FROM entities e WHERE {where} "
                    "ORDER BY e.article_count DESC, e.id LIMIT ? OFFSET ?",
                    [*params, limit, offset],
                )
            ]

    def variants(self, entity_id: int) -> list[tuple[str, int]]:
        with self._cursor() as conn:
            return [
                (r[0], r[1])
                for r in conn.execute(
                    "SELECT surface, count FROM variants WHERE entity_id = ? "
                    "ORDER BY count DESC, surface",
                    (entity_id,),
                )
            ]

    # reading state ----------------------------------------------------------

    def set_state(
        self,
        article_id: int,
        *,
        read: bool | None = None,
        bookmarked: bool | None = None,
        scroll: int | None = None,
    ) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._cursor() as conn, conn:
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

    def get_app_state(self, key: str) -> str | None:
        with self._cursor() as conn:
            row = conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_app_state(self, key: str, value: str) -> None:
        with self._cursor() as conn, conn:
            conn.execute(
                "INSERT INTO app_state (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


__all__ = [
    "KINDS",
    "Article",
    "ArticleFilter",
    "ArticleRow",
    "Browser",
    "EntityCount",
    "Mention",
    "Person",
    "find_hits",
    "fts_expression",
    "loose_fold",
]
