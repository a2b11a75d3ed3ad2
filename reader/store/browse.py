"""Every read the reader makes, as small paged queries, so the UI scales to any corpus.

The article list is keyset-paged on the `articles_order` index (published DESC,
id DESC, NULL dates last); filters are indexed sub-selects; nothing loads all
articles or bodies. Search folds the user's text exactly as the FTS index was
folded, and also lets ج/غ stand for each other and a split name match its joined
spelling, so بيونج يانج finds بيونغ يانغ and بيونجيانج.
"""

from __future__ import annotations

import itertools
import json
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
    feed_ids: frozenset[int] = frozenset()  # articles fetched from any of these feeds

    @property
    def active(self) -> bool:
        return bool(self.entity_ids or self.bookmarks_only or self.query.strip() or self.feed_ids)


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
class FeedName:
    id: int
    name: str
    tags: tuple[str, ...]
    articles: int


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


@dataclass(frozen=True, slots=True)
class _Set:
    """One filter condition: its ids as a query, a test of one row `a`, their parameters."""

    size: int  # what is known of its size, for choosing the set to start from
    ids: str
    probe: str
    params: list[Any]


_BOOKMARKS = (
    "SELECT article_id AS id FROM reading_state WHERE bookmarked = 1",
    "EXISTS (SELECT 1 FROM reading_state WHERE article_id = a.id AND bookmarked = 1)",
)
_ENTITY = (
    "SELECT article_id AS id FROM article_entities WHERE entity_id = ?",
    "EXISTS (SELECT 1 FROM article_entities WHERE entity_id = ? AND article_id = a.id)",
)
_KEEP_SEARCHES = 4
# Walk the list index when at least one row in this many matches.
_SCAN_RATIO = 20


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
        self._sizes: dict[ArticleFilter, int] = {}
        self._searches: dict[str, tuple[str, int]] = {}
        self._serial = 0
        self._version: int | None = None
        self._people_folded = False

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _cursor(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._conn

    # articles ---------------------------------------------------------------

    def _sets(self, flt: ArticleFilter) -> list[_Set] | None:
        """Each condition of `flt` as a set of article ids, smallest known first; None: empty."""
        sets: list[_Set] = []
        if flt.bookmarks_only:
            sets.append(_Set(0, *_BOOKMARKS, []))
        if flt.entity_ids:
            with self._cursor() as conn:
                sizes = dict(
                    conn.execute(
                        "SELECT id, article_count FROM entities WHERE id IN "
                        f"({','.join('?' * len(flt.entity_ids))})",
                        sorted(flt.entity_ids),
                    ).fetchall()
                )
            for entity_id in sorted(flt.entity_ids, key=lambda e: (sizes.get(e, 0), e)):
                sets.append(_Set(1 + int(sizes.get(entity_id, 0)), *_ENTITY, [entity_id]))
        if flt.feed_ids:
            sets.append(self._feed_set(flt.feed_ids))
        if flt.query.strip():
            expression = fts_expression(flt.query)
            if expression is None:
                return None
            table, size = self._search_hits(expression)
            sets.append(
                _Set(
                    size,
                    f"SELECT id FROM temp.{table}",
                    f"EXISTS (SELECT 1 FROM temp.{table} h WHERE h.id = a.id)",
                    [],
                )
            )
        sets.sort(key=lambda s: s.size)
        return sets

    def _feed_set(self, feed_ids: frozenset[int]) -> _Set:
        marks = ",".join("?" * len(feed_ids))
        ids = (
            "SELECT fa.id AS id FROM documents fd JOIN articles fa ON fa.document_id = fd.id"
            f" WHERE fd.feed_id IN ({marks})"
        )
        params = sorted(feed_ids)
        with self._cursor() as conn:
            size = int(conn.execute(f"SELECT count(*) FROM ({ids})", params).fetchone()[0])
        return _Set(size, ids, f"a.id IN ({ids})", params)

    def feeds(self) -> list[FeedName]:
        """Every subscription with its article count, for the palette's feed filters."""
        with self._cursor() as conn:
            rows = conn.execute(
                "SELECT f.id, coalesce(f.title, f.url), f.tags,"
                " (SELECT count(*) FROM documents d JOIN articles a ON a.document_id = d.id"
                "  WHERE d.feed_id = f.id) FROM feeds f ORDER BY f.id"
            ).fetchall()
        return [FeedName(int(r[0]), str(r[1]), tuple(json.loads(r[2])), int(r[3])) for r in rows]

    def _fresh(self, conn: sqlite3.Connection) -> None:
        """Forget what was materialised when another connection (an ingest) has committed."""
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        if version == self._version:
            return
        self._version = version
        with conn:
            for table, _ in self._searches.values():
                conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
            conn.execute("DROP TABLE IF EXISTS temp.khabar_people")
        self._searches.clear()
        self._people_folded = False

    def _search_hits(self, expression: str) -> tuple[str, int]:
        """A temp table of the ids matching `expression`, and their number.

        FTS finds a common name's 60,000 articles in a few milliseconds, but every
        page, count and position would find them again; materialised once per
        search, each of those becomes an index lookup.
        """
        with self._cursor() as conn:
            self._fresh(conn)
            known = self._searches.get(expression)
            if known is not None:
                return known
            self._serial += 1
            table = f"khabar_hits_{self._serial}"
            with conn:
                conn.execute(f"CREATE TEMP TABLE {table} (id INTEGER PRIMARY KEY)")
                conn.execute(
                    f"INSERT INTO temp.{table} SELECT rowid FROM articles_fts "
                    "WHERE articles_fts MATCH ?",
                    (expression,),
                )
                if len(self._searches) >= _KEEP_SEARCHES:
                    oldest = next(iter(self._searches))
                    conn.execute(f"DROP TABLE temp.{self._searches.pop(oldest)[0]}")
            size = int(conn.execute(f"SELECT count(*) FROM temp.{table}").fetchone()[0])
            self._searches[expression] = (table, size)
            return table, size

    def _total(self) -> int:
        with self._cursor() as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def count_articles(self, flt: ArticleFilter = ArticleFilter()) -> int:
        """Counted over the smallest condition's own index, never over the articles table."""
        sets = self._sets(flt)
        if sets is None:
            return 0
        if not sets:
            return self._remember(flt, self._total())
        driver, probes = sets[0], sets[1:]
        where = " AND ".join(p.probe for p in probes) or "1"
        with self._cursor() as conn:
            row = conn.execute(
                f"SELECT count(*) FROM ({driver.ids}) a WHERE {where}",
                [*driver.params, *(x for p in probes for x in p.params)],
            ).fetchone()
        return self._remember(flt, int(row[0]))

    def _remember(self, flt: ArticleFilter, count: int) -> int:
        if len(self._sizes) > 64:
            self._sizes.clear()
        self._sizes[flt] = count
        return count

    def _plan(self, flt: ArticleFilter) -> tuple[str, list[Any], list[str]] | None:
        """FROM clause, its parameters and the probe clauses for listing `flt`'s articles.

        A large result walks the `articles_order` index and tests each row's id, so a
        page costs about page × corpus / result index entries and stops at LIMIT. A
        small one starts from its smallest set's ids and sorts them: walking the whole
        index to find five articles would cost the whole corpus.
        """
        sets = self._sets(flt)
        if sets is None:
            return None
        joins = (
            " LEFT JOIN reading_state r ON r.article_id = a.id"
            " LEFT JOIN documents doc ON doc.id = a.document_id"
            " LEFT JOIN feeds feed ON feed.id = doc.feed_id"
        )
        if not sets:
            return "articles a INDEXED BY articles_order" + joins, [], []
        size = self._sizes.get(flt)
        if size is None:
            size = self.count_articles(flt)
        total = self._sizes.get(ArticleFilter())
        if total is None:
            total = self._remember(ArticleFilter(), self._total())
        if size * _SCAN_RATIO >= total:
            params = [x for p in sets for x in p.params]
            return "articles a INDEXED BY articles_order" + joins, params, [p.probe for p in sets]
        driver, probes = sets[0], sets[1:]
        return (
            f"({driver.ids}) d CROSS JOIN articles a ON a.id = d.id" + joins,
            [*driver.params, *(x for p in probes for x in p.params)],
            [p.probe for p in probes],
        )

    _SELECT = (
        "SELECT a.id, a.title, coalesce(feed.title, a.source), a.published, "
        "coalesce(r.read, 0), coalesce(r.bookmarked, 0) FROM "
    )

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

    def _page(
        self,
        flt: ArticleFilter,
        bound: tuple[str, list[Any]] | None,
        order: str,
        tail: str,
        extra: list[Any],
    ) -> list[ArticleRow]:
        plan = self._plan(flt)
        if plan is None:
            return []
        source, params, clauses = plan
        if bound is not None:
            clauses = [*clauses, bound[0]]
            params = [*params, *bound[1]]
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        return self._rows(f"{self._SELECT}{source}{where}{order}{tail}", [*params, *extra])

    def articles_after(
        self, flt: ArticleFilter, key: tuple[str | None, int] | None, limit: int
    ) -> list[ArticleRow]:
        """The next `limit` rows after `key` in list order (from the top when None)."""
        bound = None if key is None else self._after(key)
        return self._page(flt, bound, self._ORDER, " LIMIT ?", [limit])

    def articles_before(
        self, flt: ArticleFilter, key: tuple[str | None, int] | None, limit: int
    ) -> list[ArticleRow]:
        """The `limit` rows just before `key` (the last rows when None), in list order."""
        bound = None if key is None else self._before(key)
        rows = self._page(flt, bound, self._REVERSE, " LIMIT ?", [limit])
        rows.reverse()
        return rows

    def articles_at(self, flt: ArticleFilter, offset: int, limit: int) -> list[ArticleRow]:
        """Rows from a position with no neighbour page to key from: a scrollbar jump."""
        return self._page(flt, None, self._ORDER, " LIMIT ? OFFSET ?", [limit, offset])

    def position_of(self, flt: ArticleFilter, article_id: int) -> int | None:
        """Index of the article in the filtered list, or None when the filter excludes it."""
        sets = self._sets(flt)
        if sets is None:
            return None
        probes = [p.probe for p in sets]
        with self._cursor() as conn:
            row = conn.execute(
                f"SELECT a.published FROM articles a WHERE {' AND '.join(['a.id = ?', *probes])}",
                [article_id, *(x for p in sets for x in p.params)],
            ).fetchone()
        if row is None:
            return None
        plan = self._plan(flt)
        assert plan is not None
        source, params, clauses = plan
        clause, extra = self._before((row[0], article_id))
        with self._cursor() as conn:
            return int(
                conn.execute(
                    f"SELECT count(*) FROM {source} WHERE {' AND '.join([*clauses, clause])}",
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

    def _people_where(self, narrow: str) -> tuple[str, list[Any]]:
        needle = loose_fold(narrow)
        if not needle:
            return "e.kind = 'PER' AND e.article_count > 0", []
        self._fold_people()
        like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return (
            "e.kind = 'PER' AND e.article_count > 0 AND EXISTS (SELECT 1 FROM "
            "temp.khabar_people f WHERE f.entity_id = e.id AND f.folded LIKE ? ESCAPE '\\')",
            [like],
        )

    def _fold_people(self) -> None:
        """Every person's names folded once, so a keystroke is a LIKE in C, not Python per row.

        Folding in SQL through khabar_loose cost 40 ms a keystroke at 100,000 articles
        (9,000 names); the table is rebuilt only after another connection commits.
        """
        with self._cursor() as conn:
            self._fresh(conn)
            if self._people_folded:
                return
            with conn:
                conn.execute("DROP TABLE IF EXISTS temp.khabar_people")
                conn.execute("CREATE TEMP TABLE khabar_people (entity_id INTEGER, folded TEXT)")
                conn.execute(
                    "INSERT INTO temp.khabar_people SELECT id, khabar_loose(canonical) "
                    "FROM entities WHERE kind = 'PER' UNION SELECT v.entity_id, "
                    "khabar_loose(v.surface) FROM variants v JOIN entities e "
                    "ON e.id = v.entity_id WHERE e.kind = 'PER'"
                )
                conn.execute("CREATE INDEX temp.khabar_people_entity ON khabar_people(entity_id)")
            self._people_folded = True

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
