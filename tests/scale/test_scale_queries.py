"""The reader's queries against brute force on a generated corpus, and their plans.

Paging must return every article exactly once, in list order, whichever way it
is walked and whatever the filter; counts and positions must agree; and the hot
queries must stay on indexes, which is what keeps them instant at 100,000.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.nlp.normalize import fold_for_search
from reader.store.body import article_body
from reader.store.read import row_list
from reader.store.read.library import Library
from reader.store.read.rows import ArticleFilter, ListedArticle
from reader.store.read.text import loose_fold

PAGE = 97  # not a divisor of anything, so page edges land everywhere


@pytest.fixture
def browser(scale_db: Path) -> Iterator[Library]:
    b = Library(scale_db, readonly=True)
    yield b
    b.close()


def _sort_key(row: tuple[int, str | None]) -> tuple[bool, str, int]:
    article_id, published = row
    return (published is not None, published or "", article_id)


def _ordered(conn: sqlite3.Connection, ids: set[int]) -> list[int]:
    rows = [r for r in conn.execute("SELECT id, published FROM articles") if r[0] in ids]
    return [r[0] for r in sorted(rows, key=_sort_key, reverse=True)]


def _one_per_story(conn: sqlite3.Connection, ids: set[int]) -> set[int]:
    """The rows of a list of `ids`: a story's lead stands for the story's other articles
    among them; when the lead is not among them, they are rows of their own."""
    story = dict(conn.execute("SELECT article_id, story_id FROM story_members").fetchall())
    return {a for a in ids if story.get(a, a) == a or story[a] not in ids}


def _unread(conn: sqlite3.Connection, ids: set[int]) -> set[int]:
    read = {r[0] for r in conn.execute("SELECT article_id FROM reading_state WHERE read = 1")}
    return ids - read


def _where(conn: sqlite3.Connection, sql: str, *params: Any) -> set[int]:
    return {r[0] for r in conn.execute(f"SELECT id FROM articles WHERE {sql}", params)}


def _with_entities(conn: sqlite3.Connection, entity_ids: set[int]) -> set[int]:
    """From the mentions table, not article_entities, so the two bookkeepings are checked."""
    found: dict[int, set[int]] = {}
    for article_id, entity_id in conn.execute("SELECT article_id, entity_id FROM mentions"):
        found.setdefault(article_id, set()).add(entity_id)
    return {a for a, names in found.items() if entity_ids <= names}


def _alternatives(token: str) -> set[str]:
    out = {""}
    for ch in token:
        out = {o + c for o in out for c in (("ج", "غ") if ch in "جغ" else (ch,))}
    return out


_CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def _spellings(token: str) -> set[str]:
    """The token (ج/غ either way), also behind a conjunction or preposition (لبيونغ)."""
    out = set()
    for alt in _alternatives(token):
        out.add(alt)
        if len(alt) >= 3:
            out.update(clitic + alt for clitic in _CLITICS)
        if alt.startswith("ال") and len(alt) >= 5:
            out.add("ل" + alt[1:])
    return out


def _matching(conn: sqlite3.Connection, text: str) -> set[int]:
    """Every query token among the article's folded words, or all of them joined."""
    tokens = re.findall(r"\w+", fold_for_search(text))
    found = set()
    for article_id, title in conn.execute("SELECT id, title FROM articles").fetchall():
        body = article_body(conn, article_id) or ""
        words = set(re.findall(r"\w+", fold_for_search(title + "\n" + body)))
        if all(words & _spellings(t) for t in tokens) or (
            1 < len(tokens) <= 3 and words & _spellings("".join(tokens))
        ):
            found.add(article_id)
    return found


def _people(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """(entity id, article count) of persons, the busiest first."""
    return conn.execute(
        "SELECT id, article_count FROM entities WHERE kind = 'PER' AND article_count > 0 "
        "ORDER BY article_count DESC, id"
    ).fetchall()


def _filters(conn: sqlite3.Connection) -> list[tuple[ArticleFilter, list[int]]]:
    """Filters large and small, with the brute-force answer for each."""
    people = _people(conn)
    big, second, small = people[0][0], people[1][0], people[-1][0]
    bookmarked = {
        r[0] for r in conn.execute("SELECT article_id FROM reading_state WHERE bookmarked")
    }
    search = "بيونج يانج"
    cases = [
        (ArticleFilter(), set(r[0] for r in conn.execute("SELECT id FROM articles"))),
        (ArticleFilter(entity_ids=frozenset({big})), _with_entities(conn, {big})),
        (ArticleFilter(entity_ids=frozenset({small})), _with_entities(conn, {small})),
        (
            ArticleFilter(entity_ids=frozenset({big, second})),
            _with_entities(conn, {big, second}),
        ),
        (ArticleFilter(query=search), _matching(conn, search)),
        (ArticleFilter(query="موسكو"), _matching(conn, "موسكو")),
        (
            ArticleFilter(entity_ids=frozenset({second}), query=search),
            _with_entities(conn, {second}) & _matching(conn, search),
        ),
        (ArticleFilter(bookmarks_only=True), bookmarked),
        (ArticleFilter(query='"'), set()),
    ]
    found = [(flt, _ordered(conn, _one_per_story(conn, ids))) for flt, ids in cases]
    every = _one_per_story(conn, cases[0][1])
    hits = cases[4][1]
    unread_big = _one_per_story(conn, _with_entities(conn, {big}))
    story = conn.execute(
        "SELECT story_id FROM story_members GROUP BY story_id ORDER BY count(*) LIMIT 1"
    ).fetchone()[0]
    in_range = "published >= '2018-01-01' AND published <= '2019-06-30'"
    in_story = {
        r[0]
        for r in conn.execute("SELECT article_id FROM story_members WHERE story_id = ?", (story,))
    }
    more = [
        (ArticleFilter(unread_only=True), _unread(conn, every)),
        # A search's rows are worked out in memory (reader/store/read/row_list.py): the
        # same rules with the marks, a story and the dates as the SQL plans.
        (ArticleFilter(query=search, unread_only=True), _unread(conn, _one_per_story(conn, hits))),
        (ArticleFilter(query=search, story=story), in_story & hits),
        (
            ArticleFilter(query=search, since="2018-01-01", until="2019-06-30"),
            _one_per_story(conn, hits & _where(conn, in_range)),
        ),
        (ArticleFilter(entity_ids=frozenset({big}), unread_only=True), _unread(conn, unread_big)),
        (
            ArticleFilter(sources=frozenset({"رويترز", "الجزيرة"})),
            _one_per_story(conn, _where(conn, "source IN ('رويترز', 'الجزيرة')")),
        ),
        (
            ArticleFilter(since="2018-01-01", until="2019-06-30"),
            _one_per_story(conn, _where(conn, in_range)),
        ),
        (
            ArticleFilter(since="2018-01-01", until="2019-06-30", sources=frozenset({"RT"})),
            _one_per_story(conn, _where(conn, f"{in_range} AND source = 'RT'")),
        ),
        (ArticleFilter(story=story), in_story),
    ]
    return found + [(flt, _ordered(conn, ids)) for flt, ids in more]


@pytest.fixture(scope="module")
def cases(scale_db: Path) -> list[tuple[ArticleFilter, list[int]]]:
    conn = sqlite3.connect(scale_db)
    try:
        some = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id LIMIT 300")]
        with conn:
            conn.executemany(
                "INSERT OR REPLACE INTO reading_state (article_id, bookmarked, updated_at) "
                "VALUES (?, 1, '')",
                [(a,) for a in some[::7]],
            )
            conn.executemany(
                "INSERT INTO reading_state (article_id, read, updated_at) VALUES (?, 1, '') "
                "ON CONFLICT(article_id) DO UPDATE SET read = 1",
                [(a,) for a in some[::3]],
            )
        found = _filters(conn)
    finally:
        conn.close()
    assert len(found[1][1]) > 200 and 0 < len(found[2][1]) < 50 and found[4][1]
    return found


def _walk_forward(browser: Library, flt: ArticleFilter) -> list[ListedArticle]:
    rows: list[ListedArticle] = []
    key = None
    while page := browser.listing.articles_after(flt, key, PAGE):
        rows += page
        key = page[-1].key
    return rows


def _walk_backward(browser: Library, flt: ArticleFilter) -> list[ListedArticle]:
    rows: list[ListedArticle] = []
    key = None
    while page := browser.listing.articles_before(flt, key, PAGE):
        rows = page + rows
        key = page[0].key
    return rows


def test_keyset_paging_returns_every_article_once_in_order(
    browser: Library, cases: list[tuple[ArticleFilter, list[int]]]
) -> None:
    for flt, expected in cases:
        assert [r.id for r in _walk_forward(browser, flt)] == expected, flt
        assert [r.id for r in _walk_backward(browser, flt)] == expected, flt
        assert browser.listing.count_articles(flt) == len(expected), flt


def test_offsets_and_positions_agree_with_the_order(
    browser: Library, cases: list[tuple[ArticleFilter, list[int]]]
) -> None:
    for flt, expected in cases:
        for offset in (0, 1, len(expected) // 3, max(0, len(expected) - 5)):
            got = [r.id for r in browser.listing.articles_at(flt, offset, PAGE)]
            assert got == expected[offset : offset + PAGE], (flt, offset)
        for index in sorted({0, len(expected) // 2, len(expected) - 1}):
            if 0 <= index < len(expected):
                assert browser.listing.position_of(flt, expected[index]) == index, (flt, index)
    everything = cases[0][1]
    flt, expected = cases[2]
    outside = next(a for a in everything if a not in set(expected))
    assert browser.listing.position_of(flt, outside) is None


def test_unread_steps_and_story_members_are_placed_as_brute_force_says(
    browser: Library, cases: list[tuple[ArticleFilter, list[int]]], scale_db: Path
) -> None:
    conn = sqlite3.connect(scale_db)
    read = {r[0] for r in conn.execute("SELECT article_id FROM reading_state WHERE read = 1")}
    lead = dict(conn.execute("SELECT article_id, story_id FROM story_members").fetchall())
    search = next(f for f, _ in cases if f.query and not f.entity_ids and not f.unread_only)
    hits = _matching(conn, search.query)
    conn.close()
    for flt, expected in cases:
        unread = [i for i, a in enumerate(expected) if a not in read]
        assert browser.listing.unread_beside(flt, None, 1) == next(iter(unread), None), flt
        assert browser.listing.unread_beside(flt, None, -1) == (unread or [None])[-1], flt
        if expected:
            middle = len(expected) // 2
            key = browser.listing.articles_at(flt, middle, 1)[0].key
            below = [i for i in unread if i > middle]
            above = [i for i in unread if i < middle]
            assert browser.listing.unread_beside(flt, key, 1) == next(iter(below), None), flt
            assert browser.listing.unread_beside(flt, key, -1) == (above or [None])[-1], flt
    expected = next(e for f, e in cases if f == search)
    behind = [a for a in hits if a not in expected and lead.get(a) in expected]
    outside = [a for a, s in lead.items() if a not in hits and s in expected]
    assert behind and outside
    for article_id in behind[:20]:
        at = expected.index(lead[article_id])
        assert browser.listing.position_of(search, article_id) == at, article_id
        assert browser.listing.block_at(search, article_id, PAGE)[0] == at
    for article_id in outside[:20]:
        assert browser.listing.position_of(search, article_id) is None, article_id


def test_people_pages_are_complete_and_ordered(browser: Library, scale_db: Path) -> None:
    conn = sqlite3.connect(scale_db)
    try:
        expected = [p[0] for p in _people(conn)]
        names = {
            e: {loose_fold(c)}
            | {
                loose_fold(s)
                for (s,) in conn.execute("SELECT surface FROM variants WHERE entity_id = ?", (e,))
            }
            for e, c in conn.execute("SELECT id, canonical FROM entities WHERE kind = 'PER'")
        }
    finally:
        conn.close()
    for narrow in ("", "ي", "غون", "جون", "zz"):
        needle = loose_fold(narrow)
        want = [e for e in expected if any(needle in n for n in names[e])]
        got: list[int] = []
        while page := browser.people.people(narrow, len(got), 13):
            got += [p.id for p in page]
        assert got == want, narrow
        assert browser.people.count_people(narrow) == len(want), narrow
    counts = [p.article_count for p in browser.people.people("", 0, 10_000)]
    assert counts == sorted(counts, reverse=True)


class _Recording:
    """Stands in for the browser's connection and keeps every statement it runs."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.statements: list[tuple[str, list[Any]]] = []

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        self.statements.append((sql, list(params)))
        return self.conn.execute(sql, params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)

    def __enter__(self) -> sqlite3.Connection:
        return self.conn.__enter__()

    def __exit__(self, *exc: Any) -> Any:
        return self.conn.__exit__(*exc)


_FULL_SCAN = re.compile(r"\bSCAN (a|articles|m|mentions|ae|article_entities)\b(?!.*INDEX)")


def test_hot_queries_use_indexes(
    browser: Library, cases: list[tuple[ArticleFilter, list[int]]]
) -> None:
    recording = _Recording(browser.session._conn)
    browser.session._conn = recording  # type: ignore[assignment]
    for flt, _ in cases:
        first = browser.listing.articles_at(flt, 0, PAGE)
        if first:
            browser.listing.articles_after(flt, first[-1].key, PAGE)
            browser.listing.articles_before(flt, first[-1].key, PAGE)
            browser.listing.position_of(flt, first[-1].id)
        browser.listing.count_articles(flt)
    article = cases[0][1][0]
    browser.articles.article(article)
    browser.articles.mentions(article)
    browser.articles.article_entities(article)
    browser.people.people("", 0, 100)
    browser.people.people("جون", 0, 100)
    browser.people.count_people("")
    queries = [(q, p) for q, p in recording.statements if q.startswith("SELECT")]
    assert len(queries) > 40
    for sql, params in queries:
        plan = [r[3] for r in recording.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
        bad = [step for step in plan if _FULL_SCAN.search(step)]
        assert not bad, (sql, plan)


def test_a_filter_is_worked_out_once_for_its_count_pages_and_positions(
    browser: Library, cases: list[tuple[ArticleFilter, list[int]]]
) -> None:
    recording = _Recording(browser.session._conn)
    browser.session._conn = recording  # type: ignore[assignment]
    flt, expected = next((f, e) for f, e in cases if f.entity_ids and len(e) > PAGE)
    assert browser.listing.count_articles(flt) == len(expected)
    first = browser.listing.articles_at(flt, 0, PAGE)
    browser.listing.articles_after(flt, first[-1].key, PAGE)
    assert browser.listing.position_of(flt, expected[PAGE]) == PAGE
    browser.listing.count_articles(flt)
    sizes = [q for q, _ in recording.statements if "article_count FROM entities WHERE id IN" in q]
    # Counted in SQL, or its ids read once for its rows in memory (a person's filter);
    # the list index's two walks are read as strings too, once per data version.
    reads = ("SELECT count(*) FROM (", "SELECT group_concat(id) FROM (")
    index = (row_list._ORDER, row_list._LEADS)
    counts = [
        q
        for q, _ in recording.statements
        if q.startswith(reads) and not any(walk in q for walk in index)
    ]
    assert len(sizes) == 1 and len(counts) == 1
