"""The article list for a filter: counted, paged by key, positioned, from one compiled plan.

The list is keyset-paged on the `articles_order` index (published DESC, id DESC,
NULL dates last); filter conditions are indexed sub-selects; nothing loads all
articles or bodies. A filter is compiled into a `Plan` once (its conditions, their
sizes, its count and the way to walk it) and kept until the data changes, so a
page, a count and a position no longer each work the filter out again. A filter
with a search is worked out in memory instead, into a `RowList` (its rows in list
order, reader/store/read/row_list.py): a broad search's hits are most of the
corpus, and a walk or a count over them in SQL costs an index lookup or three per
hit. Each call holds the session's lock from compiling to its last query.
"""

from __future__ import annotations

import importlib
import sqlite3
from dataclasses import dataclass
from typing import Any

from reader.store.read import conditions
from reader.store.read.conditions import UNREAD, Condition
from reader.store.read.row_columns import JOINS, SELECT, fetch_rows, listed_article
from reader.store.read.row_list import ListIndex, RowList, id_array
from reader.store.read.rows import EVERYTHING, ArticleFilter, ListedArticle, ListKey
from reader.store.read.search import KEEP, SearchHits, listed_rows
from reader.store.read.session import Session

_SCAN_RATIO = 20  # walk the list index when at least one row in this many matches
_KEEP_PLANS = 16
# Story members listed behind their story's lead: all but the lead of every story.
_HIDDEN = "SELECT (SELECT count(*) FROM story_members) - (SELECT count(*) FROM story_sizes)"
# SQLite sorts NULL lowest, so undated articles come last and the index serves both.
_ORDER = " ORDER BY a.published DESC, a.id DESC"
_REVERSE = " ORDER BY a.published ASC, a.id ASC"


@dataclass(frozen=True, slots=True)
class Plan:
    """How to list one filter's articles, worked out once per filter."""

    count: int
    source: str  # FROM clause, without the joins only a page's columns need (`JOINS`)
    params: tuple[Any, ...]  # its parameters, then the probes'
    probes: tuple[str, ...]  # WHERE clauses every row must pass
    member: str  # a test that article `a` is in the filter's result, with `member_params`
    member_params: tuple[Any, ...]


_SCAN = "articles a INDEXED BY articles_order"


Bound = list[tuple[str, list[Any]]]
"""Rows on one side of a key, as index ranges in the order a walk from the key meets them:
an OR of them would not be a range, and every page would walk the index from its end."""


def _after(key: ListKey, *, inclusive: bool = False) -> Bound:
    """Rows after `key` in list order (`inclusive`: the row at `key` too)."""
    published, article_id = key
    less = "<=" if inclusive else "<"
    if published is None:
        return [(f"(a.published IS NULL AND a.id {less} ?)", [article_id])]
    dated = f"(a.published <= ? AND (a.published < ? OR a.id {less} ?))"
    return [(dated, [published, published, article_id]), ("a.published IS NULL", [])]


def _before(key: ListKey, row: str = "a") -> Bound:
    """Rows before `key` in list order; `row` names the table whose dates are compared."""
    published, article_id = key
    if published is None:
        return [
            (f"({row}.published IS NULL AND {row}.id > ?)", [article_id]),
            (f"{row}.published IS NOT NULL", []),
        ]
    dated = f"({row}.published >= ? AND ({row}.published > ? OR {row}.id > ?))"
    return [(dated, [published, published, article_id])]


def _visible(conditions: list[Condition]) -> tuple[str, tuple[Any, ...]]:
    """A story is one row, its lead's: the test that the row is not a story's other
    member whose lead passes the filter too. A member whose lead the filter leaves out
    is listed on its own. One lookup of the row's story and the filter's tests on one
    article, whatever the story's size."""
    tests = " AND ".join(c.probe("m.story_id") for c in conditions) or "1"
    return (
        "NOT EXISTS (SELECT 1 FROM story_members m"
        f" WHERE m.article_id = a.id AND m.story_id <> a.id AND {tests})",
        tuple(x for c in conditions for x in c.params),
    )


class Listing:
    def __init__(self, session: Session, hits: SearchHits) -> None:
        self._session = session
        self._hits = hits
        self._plans: dict[ArticleFilter, Plan | RowList] = {}
        self._total: int | None = None  # articles in the database, rows or not
        self._index: ListIndex | None = None
        session.on_change(self._forget)

    def _forget(self, _: sqlite3.Connection) -> None:
        self._plans.clear()
        self._total = None
        self._index = None

    def warm(self) -> None:
        """Read what a search's list is worked out against (`ListIndex`) now, while the
        reader is idle, rather than in the first search. numpy is loaded before the lock
        is taken: the article reads queued behind this one need not wait for an import."""
        importlib.import_module("numpy")
        with self._session.locked() as conn:
            self._list_index(conn)

    def _list_index(self, conn: sqlite3.Connection) -> ListIndex:
        if self._index is None:
            self._index = ListIndex.read(conn)
        return self._index

    # compiling --------------------------------------------------------------

    def _conditions(self, conn: sqlite3.Connection, flt: ArticleFilter) -> list[Condition]:
        """Each condition but a search as a set of article ids, smallest known first."""
        found = conditions.positive(conn, flt)
        found.sort(key=lambda c: c.size)
        return found

    def _plan(self, conn: sqlite3.Connection, flt: ArticleFilter) -> Plan | RowList:
        plan = self._plans.get(flt)
        if plan is None:
            if flt.query.strip() or flt.entity_ids:
                plan = listed_rows(conn, flt, self._hits, self._list_index(conn))
            else:
                plan = self._compile(conn, flt)
            # A search's rows hold sets of its hits: fewer of them are kept.
            kind = [f for f, p in self._plans.items() if type(p) is type(plan)]
            if len(kind) >= (KEEP if isinstance(plan, RowList) else _KEEP_PLANS):
                del self._plans[kind[0]]
            self._plans[flt] = plan
        return plan

    def forget_marked(self) -> None:
        """Read or bookmark marks changed: the plans that count them are out of date."""
        for flt in [f for f in self._plans if f.unread_only or f.bookmarks_only]:
            del self._plans[flt]

    def _count(
        self,
        conn: sqlite3.Connection,
        found: list[Condition],
        tests: list[tuple[str, tuple[Any, ...]]],
    ) -> int:
        """Rows of the smallest set that pass the other sets' tests and `tests`."""
        driver, rest = found[0], found[1:]
        where = [c.probe("a.id", row=False) for c in rest] + [t for t, _ in tests]
        params = [*driver.params, *(x for c in rest for x in c.params)]
        params += [x for _, p in tests for x in p]
        sql = f"SELECT count(*) FROM ({driver.ids}) a WHERE {' AND '.join(where) or '1'}"
        return int(conn.execute(sql, params).fetchone()[0])

    def _compile(self, conn: sqlite3.Connection, flt: ArticleFilter) -> Plan:
        """A large result walks the `articles_order` index and tests each row's id, so a
        page costs about page × corpus / result index entries and stops at LIMIT. A
        small one starts from its smallest set's ids and sorts them: walking the whole
        index to find five articles would cost the whole corpus. Counted over the
        smallest condition's own index, never over the articles table; unread-only is
        counted as the rows less those read, as the read marks are the smaller set."""
        found = self._conditions(conn, flt)
        tests = [(c.probe(), c.params) for c in found]
        collapse = [_visible(found)] if flt.story is None else []
        tests += collapse
        if self._total is None:
            self._total = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        total = self._total
        if found:
            count = self._count(conn, found, collapse)
        else:
            count = total - int(conn.execute(_HIDDEN).fetchone()[0])
        if flt.unread_only:
            read = conditions.read_marks(conn)
            count -= self._count(conn, sorted([*found, read], key=lambda c: c.size), collapse)
            tests.append((UNREAD, ()))
        probes = tuple(t for t, _ in tests)
        every = tuple(x for _, p in tests for x in p)
        member = " AND ".join(probes) or "1"
        if not found or count * _SCAN_RATIO >= total:
            return Plan(count, _SCAN, every, probes, member, every)
        driver = found[0]
        return Plan(
            count,
            f"({driver.ids}) d CROSS JOIN articles a ON a.id = d.id",
            (*driver.params, *(x for _, p in tests[1:] for x in p)),
            probes[1:],
            member,
            every,
        )

    # reading ----------------------------------------------------------------

    def count_articles(self, flt: ArticleFilter = EVERYTHING) -> int:
        with self._session.locked() as conn:
            plan = self._plan(conn, flt)
            return len(plan) if isinstance(plan, RowList) else plan.count

    def _page(
        self,
        conn: sqlite3.Connection,
        plan: Plan,
        bound: Bound | None,
        order: str,
        limit: int,
        offset: int = 0,
    ) -> list[ListedArticle]:
        rows: list[ListedArticle] = []
        for clause, extra in bound if bound is not None else [("", [])]:
            clauses = [*plan.probes, clause] if clause else list(plan.probes)
            where = " WHERE " + " AND ".join(clauses) if clauses else ""
            sql = f"{SELECT}{plan.source}{JOINS}{where}{order} LIMIT ? OFFSET ?"
            params = [*plan.params, *extra, limit - len(rows), offset]
            rows += map(listed_article, conn.execute(sql, params))
            if len(rows) >= limit:
                break
        return rows

    def _rank(self, conn: sqlite3.Connection, key: ListKey) -> int:
        """The rank of the article at `key` in the whole list order; for a key whose
        article is gone, the number of articles before it."""
        rank = self._list_index(conn).rank_of(key[1])
        if rank is not None:
            return rank
        sql = f"SELECT count(*) FROM {_SCAN} WHERE "
        return sum(int(conn.execute(sql + c, p).fetchone()[0]) for c, p in _before(key))

    def articles_after(
        self, flt: ArticleFilter, key: ListKey | None, limit: int
    ) -> list[ListedArticle]:
        """The next `limit` rows after `key` in list order (from the top when None)."""
        with self._session.locked() as conn:
            plan = self._plan(conn, flt)
            if isinstance(plan, RowList):
                start = 0 if key is None else plan.after(self._rank(conn, key))
                return fetch_rows(conn, plan.page(start, start + limit))
            return self._page(conn, plan, None if key is None else _after(key), _ORDER, limit)

    def articles_before(
        self, flt: ArticleFilter, key: ListKey | None, limit: int
    ) -> list[ListedArticle]:
        """The `limit` rows just before `key` (the last rows when None), in list order."""
        with self._session.locked() as conn:
            plan = self._plan(conn, flt)
            if isinstance(plan, RowList):
                end = len(plan) if key is None else plan.before(self._rank(conn, key))
                return fetch_rows(conn, plan.page(end - limit, end))
            bound = None if key is None else _before(key)
            rows = self._page(conn, plan, bound, _REVERSE, limit)
        rows.reverse()
        return rows

    def articles_at(self, flt: ArticleFilter, offset: int, limit: int) -> list[ListedArticle]:
        """Rows from a position with no neighbour page to key from: a scrollbar jump."""
        with self._session.locked() as conn:
            plan = self._plan(conn, flt)
            if isinstance(plan, RowList):
                return fetch_rows(conn, plan.page(offset, offset + limit))
            return self._page(conn, plan, None, _ORDER, limit, offset)

    def article_ids(self, flt: ArticleFilter) -> list[int]:
        """Every id in the filtered list, in list order (an export, marking all read)."""
        with self._session.locked() as conn:
            plan = self._plan(conn, flt)
            if isinstance(plan, RowList):
                return plan.page(0, len(plan))
            where = " WHERE " + " AND ".join(plan.probes) if plan.probes else ""
            query = f"SELECT a.id FROM {plan.source}{where}{_ORDER}"
            return [int(row[0]) for row in conn.execute(query, plan.params)]

    def unread_beside(self, flt: ArticleFilter, key: ListKey | None, step: int) -> int | None:
        """The position of the first unread article after `key` (step 1) or before it (-1)
        in list order, from the top (bottom) when `key` is None; None when there is none."""
        with self._session.locked() as conn:
            plan = self._plan(conn, flt)
            if isinstance(plan, RowList):
                read = self._list_index(conn).flags(id_array(conn, conditions.READ))
                if step > 0:
                    start = 0 if key is None else plan.after(self._rank(conn, key))
                    return plan.first_unread(read, start, 1)
                end = len(plan) if key is None else plan.before(self._rank(conn, key))
                return plan.first_unread(read, end - 1, -1)
            bound = [("", [])] if key is None else _after(key) if step > 0 else _before(key)
            order = _ORDER if step > 0 else _REVERSE
            for clause, extra in bound:
                where = " AND ".join(
                    [*plan.probes, UNREAD, clause] if clause else [*plan.probes, UNREAD]
                )
                row = conn.execute(
                    f"SELECT a.id FROM {plan.source} WHERE {where}{order} LIMIT 1",
                    [*plan.params, *extra],
                ).fetchone()
                if row is not None:
                    return self.position_of(flt, int(row[0]))
            return None

    def position_of(self, flt: ArticleFilter, article_id: int) -> int | None:
        """Index of the article in the filtered list (an article listed behind its story's
        row: the row's), or None when the filter excludes it."""
        with self._session.locked() as conn:
            plan = self._plan(conn, flt)
            if isinstance(plan, RowList):
                return self._row_index(conn, flt, plan, article_id)
            found = self._locate(conn, flt, plan, article_id)
            return None if found is None else found[1]

    def block_at(
        self, flt: ArticleFilter, article_id: int | None, size: int
    ) -> tuple[int | None, list[ListedArticle]]:
        """The article's position (as `position_of`) and the rows of the `size`-row block
        holding it, else (None, the first block). The block is read by key from the
        article's row both ways: an OFFSET would walk (and join) every row above it."""
        with self._session.locked() as conn:
            plan = self._plan(conn, flt)
            if isinstance(plan, RowList):
                at = None if article_id is None else self._row_index(conn, flt, plan, article_id)
                start = 0 if at is None else at - at % size
                return at, fetch_rows(conn, plan.page(start, start + size))
            found = None if article_id is None else self._locate(conn, flt, plan, article_id)
            if found is None:
                return None, self._page(conn, plan, None, _ORDER, size)
            key, position = found
            above = position % size
            rows = self._page(conn, plan, _before(key), _REVERSE, above) if above else []
            rows.reverse()
            rest = self._page(conn, plan, _after(key, inclusive=True), _ORDER, size - above)
            return position, rows + rest

    def _row_index(
        self, conn: sqlite3.Connection, flt: ArticleFilter, plan: RowList, article_id: int
    ) -> int | None:
        """Where the article's row is in a search's rows: its own, or its story's when it is
        listed behind it (both pass the filter)."""
        index = self._list_index(conn)
        rank = index.rank_of(article_id)
        at = None if rank is None else plan.position(rank)
        lead = index.lead_of(article_id)
        if at is None and flt.story is None and lead is not None:
            lead_rank = index.rank_of(lead)
            if lead_rank is not None and plan.passes(lead) and plan.passes(article_id):
                at = plan.position(lead_rank)
        return at

    def _locate(
        self, conn: sqlite3.Connection, flt: ArticleFilter, plan: Plan, article_id: int
    ) -> tuple[ListKey, int] | None:
        """The key of the article's row (its own, or its story's) and the row's index."""
        row = self._member(conn, plan, article_id)
        if row is None and flt.story is None:
            lead = self._story_row(conn, flt, article_id)
            if lead is not None:
                article_id, row = lead, self._member(conn, plan, lead)
        if row is None:
            return None
        key = (row[0], article_id)
        count = 0
        for clause, extra in _before(key):
            where = " AND ".join([*plan.probes, clause])
            sql = f"SELECT count(*) FROM {plan.source} WHERE {where}"
            count += conn.execute(sql, [*plan.params, *extra]).fetchone()[0]
        return key, int(count)

    def _member(self, conn: sqlite3.Connection, plan: Plan, article_id: int) -> tuple[Any] | None:
        found: tuple[Any] | None = conn.execute(
            f"SELECT a.published FROM articles a WHERE a.id = ? AND {plan.member}",
            [article_id, *plan.member_params],
        ).fetchone()
        return found

    def _story_row(
        self, conn: sqlite3.Connection, flt: ArticleFilter, article_id: int
    ) -> int | None:
        """The lead of the article's story when the article is listed behind it: both
        pass the filter."""
        found = self._conditions(conn, flt)
        params = [x for c in found for x in c.params]
        mine = " AND ".join(c.probe("m.article_id") for c in found) or "1"
        tests = " AND ".join(c.probe("m.story_id") for c in found) or "1"
        row = conn.execute(
            "SELECT m.story_id FROM story_members m WHERE m.article_id = ?"
            f" AND m.story_id <> m.article_id AND {mine} AND {tests}",
            [article_id, *params, *params],
        ).fetchone()
        return None if row is None else int(row[0])
