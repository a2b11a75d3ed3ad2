"""The article list for a filter: counted, paged by key, positioned, from one compiled plan.

The list is keyset-paged on the `articles_order` index (published DESC, id DESC,
NULL dates last); filter conditions are indexed sub-selects; nothing loads all
articles or bodies. A filter is compiled into a `Plan` once (its conditions, their
sizes, its count and the way to walk it) and kept until the data changes, so a
page, a count and a position no longer each work the filter out again. Each call
holds the session's lock from compiling to its last query, so the search table a
plan names cannot be dropped under it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from reader.store.read.rows import EVERYTHING, ArticleFilter, ListedArticle, ListKey
from reader.store.read.search import SearchHits
from reader.store.read.session import Session
from reader.store.read.text import fts_expression

_BOOKMARKS = (
    "SELECT article_id AS id FROM reading_state WHERE bookmarked = 1",
    "EXISTS (SELECT 1 FROM reading_state WHERE article_id = a.id AND bookmarked = 1)",
)
_ENTITY = (
    "SELECT article_id AS id FROM article_entities WHERE entity_id = ?",
    "EXISTS (SELECT 1 FROM article_entities WHERE entity_id = ? AND article_id = a.id)",
)
_SCAN_RATIO = 20  # walk the list index when at least one row in this many matches
_KEEP_PLANS = 16
_JOINS = (
    " LEFT JOIN reading_state r ON r.article_id = a.id"
    " LEFT JOIN documents doc ON doc.id = a.document_id"
    " LEFT JOIN feeds feed ON feed.id = doc.feed_id"
)
_SELECT = (
    "SELECT a.id, a.title, coalesce(feed.title, a.source), a.published, "
    "coalesce(r.read, 0), coalesce(r.bookmarked, 0) FROM "
)
# SQLite sorts NULL lowest, so undated articles come last and the index serves both.
_ORDER = " ORDER BY a.published DESC, a.id DESC"
_REVERSE = " ORDER BY a.published ASC, a.id ASC"


@dataclass(frozen=True, slots=True)
class Condition:
    """One filter condition: its ids as a query, a test of one row `a`, their parameters."""

    size: int  # what is known of its size, for choosing the set to start from
    ids: str
    probe: str
    params: tuple[Any, ...]
    table: str | None = None  # a search's temp table


@dataclass(frozen=True, slots=True)
class Plan:
    """How to list one filter's articles, worked out once per filter."""

    count: int
    source: str  # FROM clause
    params: tuple[Any, ...]  # its parameters, then the probes'
    probes: tuple[str, ...]  # WHERE clauses every row must pass
    member: str  # a test that article `a` is in the filter's result, with `member_params`
    member_params: tuple[Any, ...]
    search_table: str | None = None  # the temp table of search hits it reads, if any


_NOTHING = Plan(0, "articles a" + _JOINS, (), ("0",), "0", ())


def _after(key: ListKey) -> tuple[str, list[Any]]:
    published, article_id = key
    if published is None:
        return "(a.published IS NULL AND a.id < ?)", [article_id]
    return (
        "(a.published < ? OR (a.published = ? AND a.id < ?) OR a.published IS NULL)",
        [published, published, article_id],
    )


def _before(key: ListKey) -> tuple[str, list[Any]]:
    published, article_id = key
    if published is None:
        return "(a.published IS NOT NULL OR a.id > ?)", [article_id]
    return "(a.published > ? OR (a.published = ? AND a.id > ?))", [
        published,
        published,
        article_id,
    ]


def _feeds(conn: sqlite3.Connection, feed_ids: frozenset[int]) -> Condition:
    marks = ",".join("?" * len(feed_ids))
    ids = (
        "SELECT fa.id AS id FROM documents fd JOIN articles fa ON fa.document_id = fd.id"
        f" WHERE fd.feed_id IN ({marks})"
    )
    params = tuple(sorted(feed_ids))
    size = int(conn.execute(f"SELECT count(*) FROM ({ids})", params).fetchone()[0])
    return Condition(size, ids, f"a.id IN ({ids})", params)


class Listing:
    def __init__(self, session: Session, hits: SearchHits) -> None:
        self._session = session
        self._hits = hits
        self._plans: dict[ArticleFilter, Plan] = {}
        session.on_change(lambda _: self._plans.clear())

    # compiling --------------------------------------------------------------

    def _conditions(self, conn: sqlite3.Connection, flt: ArticleFilter) -> list[Condition] | None:
        """Each condition as a set of article ids, smallest known first; None: nothing matches."""
        found: list[Condition] = []
        if flt.bookmarks_only:
            found.append(Condition(0, *_BOOKMARKS, ()))
        if flt.entity_ids:
            marks = ",".join("?" * len(flt.entity_ids))
            sizes = dict(
                conn.execute(
                    f"SELECT id, article_count FROM entities WHERE id IN ({marks})",
                    sorted(flt.entity_ids),
                ).fetchall()
            )
            for entity_id in sorted(flt.entity_ids, key=lambda e: (sizes.get(e, 0), e)):
                found.append(Condition(1 + int(sizes.get(entity_id, 0)), *_ENTITY, (entity_id,)))
        if flt.feed_ids:
            found.append(_feeds(conn, flt.feed_ids))
        if flt.query.strip():
            expression = fts_expression(flt.query)
            if expression is None:
                return None
            table, size = self._hits.table(conn, expression)
            found.append(
                Condition(
                    size,
                    f"SELECT id FROM temp.{table}",
                    f"EXISTS (SELECT 1 FROM temp.{table} h WHERE h.id = a.id)",
                    (),
                    table,
                )
            )
        found.sort(key=lambda c: c.size)
        return found

    def _plan(self, conn: sqlite3.Connection, flt: ArticleFilter) -> Plan:
        plan = self._plans.get(flt)
        if plan is None or (plan.search_table and not self._hits.holds(plan.search_table)):
            plan = self._compile(conn, flt)
            if len(self._plans) >= _KEEP_PLANS:
                del self._plans[next(iter(self._plans))]
            self._plans[flt] = plan
        return plan

    def _compile(self, conn: sqlite3.Connection, flt: ArticleFilter) -> Plan:
        """A large result walks the `articles_order` index and tests each row's id, so a
        page costs about page × corpus / result index entries and stops at LIMIT. A
        small one starts from its smallest set's ids and sorts them: walking the whole
        index to find five articles would cost the whole corpus. Counted over the
        smallest condition's own index, never over the articles table."""
        conditions = self._conditions(conn, flt)
        if conditions is None:
            return _NOTHING
        scan = "articles a INDEXED BY articles_order" + _JOINS
        if not conditions:
            total = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
            return Plan(total, scan, (), (), "1", ())
        driver, rest = conditions[0], conditions[1:]
        every = tuple(x for c in conditions for x in c.params)
        member = " AND ".join(c.probe for c in conditions)
        where = " AND ".join(c.probe for c in rest) or "1"
        count = int(
            conn.execute(
                f"SELECT count(*) FROM ({driver.ids}) a WHERE {where}",
                [*driver.params, *(x for c in rest for x in c.params)],
            ).fetchone()[0]
        )
        total = self._plan(conn, EVERYTHING).count
        table = next((c.table for c in conditions if c.table), None)
        if count * _SCAN_RATIO >= total:
            probes = tuple(c.probe for c in conditions)
            return Plan(count, scan, every, probes, member, every, table)
        return Plan(
            count,
            f"({driver.ids}) d CROSS JOIN articles a ON a.id = d.id" + _JOINS,
            (*driver.params, *(x for c in rest for x in c.params)),
            tuple(c.probe for c in rest),
            member,
            every,
            table,
        )

    # reading ----------------------------------------------------------------

    def count_articles(self, flt: ArticleFilter = EVERYTHING) -> int:
        with self._session.locked() as conn:
            return self._plan(conn, flt).count

    def _page(
        self,
        flt: ArticleFilter,
        bound: tuple[str, list[Any]] | None,
        order: str,
        tail: str,
        extra: list[Any],
    ) -> list[ListedArticle]:
        with self._session.locked() as conn:
            plan = self._plan(conn, flt)
            clauses, params = list(plan.probes), list(plan.params)
            if bound is not None:
                clauses.append(bound[0])
                params += bound[1]
            where = " WHERE " + " AND ".join(clauses) if clauses else ""
            return [
                ListedArticle(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]))
                for r in conn.execute(
                    f"{_SELECT}{plan.source}{where}{order}{tail}", [*params, *extra]
                )
            ]

    def articles_after(
        self, flt: ArticleFilter, key: ListKey | None, limit: int
    ) -> list[ListedArticle]:
        """The next `limit` rows after `key` in list order (from the top when None)."""
        bound = None if key is None else _after(key)
        return self._page(flt, bound, _ORDER, " LIMIT ?", [limit])

    def articles_before(
        self, flt: ArticleFilter, key: ListKey | None, limit: int
    ) -> list[ListedArticle]:
        """The `limit` rows just before `key` (the last rows when None), in list order."""
        bound = None if key is None else _before(key)
        rows = self._page(flt, bound, _REVERSE, " LIMIT ?", [limit])
        rows.reverse()
        return rows

    def articles_at(self, flt: ArticleFilter, offset: int, limit: int) -> list[ListedArticle]:
        """Rows from a position with no neighbour page to key from: a scrollbar jump."""
        return self._page(flt, None, _ORDER, " LIMIT ? OFFSET ?", [limit, offset])

    def article_ids(self, flt: ArticleFilter) -> list[int]:
        """Every id in the filtered list, in list order (an export, marking all read)."""
        with self._session.locked() as conn:
            plan = self._plan(conn, flt)
            where = " WHERE " + " AND ".join(plan.probes) if plan.probes else ""
            query = f"SELECT a.id FROM {plan.source}{where}{_ORDER}"
            return [int(row[0]) for row in conn.execute(query, plan.params)]

    def unread_beside(self, flt: ArticleFilter, key: ListKey | None, step: int) -> int | None:
        """The position of the first unread article after `key` (step 1) or before it (-1)
        in list order, from the top (bottom) when `key` is None; None when there is none."""
        with self._session.locked() as conn:
            plan = self._plan(conn, flt)
            clauses, params = [*plan.probes, "coalesce(r.read, 0) = 0"], list(plan.params)
            if key is not None:
                bound, extra = _after(key) if step > 0 else _before(key)
                clauses.append(bound)
                params += extra
            order = _ORDER if step > 0 else _REVERSE
            where = " AND ".join(clauses)
            row = conn.execute(
                f"SELECT a.id FROM {plan.source} WHERE {where}{order} LIMIT 1", params
            ).fetchone()
            return None if row is None else self.position_of(flt, int(row[0]))

    def position_of(self, flt: ArticleFilter, article_id: int) -> int | None:
        """Index of the article in the filtered list, or None when the filter excludes it."""
        with self._session.locked() as conn:
            plan = self._plan(conn, flt)
            row = conn.execute(
                f"SELECT a.published FROM articles a WHERE a.id = ? AND {plan.member}",
                [article_id, *plan.member_params],
            ).fetchone()
            if row is None:
                return None
            clause, extra = _before((row[0], article_id))
            where = " AND ".join([*plan.probes, clause])
            return int(
                conn.execute(
                    f"SELECT count(*) FROM {plan.source} WHERE {where}", [*plan.params, *extra]
                ).fetchone()[0]
            )
