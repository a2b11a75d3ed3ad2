"""What a search costs the reader, counted in SQLite's work, never in seconds.

A search at 100,000 articles once took a second to its first screen although its
count took 63 ms: the open article's position was counted by walking the list index
with three joins per row, and its block was read with an OFFSET that walked (and
joined) every row above it again. The generated corpus recombines a few paragraphs,
so a common word is in most articles and most of them are in stories, as there.
"""

from __future__ import annotations

import re
import sqlite3
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.store.read.library import Library
from reader.store.read.row_list import RowList
from reader.store.read.rows import ArticleFilter
from reader.store.read.search import KEEP
from reader.store.read.text import fts_expression
from reader.tui import reading
from reader.tui.widgets.block_cache import BLOCK

_EVERY = 100  # virtual-machine instructions per progress call


def _work(store: Library, call: Callable[[], Any]) -> tuple[int, list[str]]:
    """SQLite virtual-machine steps (in hundreds) and the statements `call` runs."""
    steps = 0

    def step() -> int:
        nonlocal steps
        steps += 1
        return 0

    statements: list[str] = []
    conn = store.session._conn
    conn.set_progress_handler(step, _EVERY)
    conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        conn.set_progress_handler(None, 0)
        conn.set_trace_callback(None)
    return steps, statements


def _common_word(db: Path) -> str:
    """A title word in about half the corpus: a broad search, as بيونج يانج is at 100k."""
    conn = sqlite3.connect(db)
    titles = [r[0] for r in conn.execute("SELECT title FROM articles")]
    conn.close()
    counts: dict[str, int] = {}
    for title in titles:
        for word in set(title.split()):
            if len(word) > 3:
                counts[word] = counts.get(word, 0) + 1
    return min(counts, key=lambda w: abs(counts[w] - len(titles) // 2))


def test_a_search_reads_its_hits_once_and_its_first_screen_by_key(scale_db: Path) -> None:
    flt = ArticleFilter(query=_common_word(scale_db))
    store = Library(scale_db, readonly=True)
    listed = store.listing.article_ids(flt)
    store.close()
    assert len(listed) > 2 * BLOCK  # room for a position deep in the list
    deep = [listed[len(listed) * 3 // 4 + i] for i in (0, 1)]
    for keep in deep:
        fresh = Library(scale_db, readonly=True)
        count_only, _ = _work(fresh, lambda f=fresh: f.listing.count_articles(flt))
        fresh.close()
        fresh = Library(scale_db, readonly=True)
        first, statements = _work(fresh, lambda f=fresh, k=keep: reading.list_page(f, flt, k))
        shown = reading.list_page(fresh, flt, keep)
        one_page, _ = _work(fresh, lambda f=fresh: f.listing.articles_after(flt, None, BLOCK))
        again, repeated = _work(fresh, lambda f=fresh, k=keep: reading.list_page(f, flt, k))
        fresh.close()
        count, position, rows = shown
        assert (count, position) == (len(listed), listed.index(keep))
        assert [r.id for r in rows] == listed[position // BLOCK * BLOCK :][:BLOCK]
        # Placing the open article and reading its block add little to the search itself,
        # and once the search is known they cost about what one page of it costs.
        assert first <= count_only + 3 * one_page + 5, (first, count_only, one_page)
        assert again <= 3 * one_page + 5, (again, one_page)
        # No statement runs twice, none skips rows with an OFFSET, none joins for a count.
        for run in (statements, repeated):
            selects = [s for s in run if s.startswith("SELECT")]
            assert len(selects) == len(set(selects)) <= 10, selects
            assert not [s for s in selects if re.search(r"OFFSET [1-9]", s)]
            assert not [s for s in selects if s.startswith("SELECT count(") and " JOIN " in s]


def test_a_broad_search_shows_its_first_screen_for_about_the_work_of_its_hits(
    scale_db: Path,
) -> None:
    """Hits read once as one string, the rows worked out in memory against the list index
    the reader read while idle (`Listing.warm`), one page read by id: about what FTS
    itself does. The temp tables of hits and rows this replaced cost 22 and 30 VM steps a
    hit, 26 times FTS's own work at 100k, before the first page."""
    flt = ArticleFilter(query=_common_word(scale_db))
    store = Library(scale_db, readonly=True)
    listed = store.listing.article_ids(flt)
    store.close()
    keep = listed[len(listed) * 3 // 4]
    store = Library(scale_db, readonly=True)
    expression = fts_expression(flt.query)
    conn = store.session._conn
    match = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    fts, _ = _work(store, lambda: conn.execute(match, (expression,)).fetchone())
    index, _ = _work(store, store.listing.warm)
    first, statements = _work(store, lambda: reading.list_page(store, flt, keep))
    page, _ = _work(store, lambda: store.listing.articles_at(flt, BLOCK, BLOCK))
    count, position, rows = reading.list_page(store, flt, keep)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    store.close()
    assert (count, position) == (len(listed), listed.index(keep))
    assert [r.id for r in rows] == listed[position // BLOCK * BLOCK :][:BLOCK]
    assert first <= 2 * fts + page + 10, (first, fts, page)
    selects = [s for s in statements if not s.startswith(("PRAGMA", "-- "))]  # FTS5 own: --
    assert len(selects) <= 3 and all(s.startswith("SELECT") for s in selects), selects
    # The index is one walk of the articles and one of the story members.
    assert index * _EVERY <= 20 * articles, (index, articles)


def _peak_bytes(call: Callable[[], Any]) -> int:
    """The most memory Python and numpy held for `call` at once, beyond what they held."""
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_broad_search_and_the_list_index_hold_a_few_bytes_an_article(scale_db: Path) -> None:
    """The hits and the index as arrays by article id (8 bytes an id, a flag 1), not as
    sets and dicts of int objects: the peaks of a first search and of the index read,
    by tracemalloc, which numpy's arrays report to."""
    flt = ArticleFilter(query=_common_word(scale_db))
    store = Library(scale_db, readonly=True)
    conn = store.session._conn
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    expression = fts_expression(flt.query)
    match = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    hits = conn.execute(match, (expression,)).fetchone()[0]
    index = _peak_bytes(store.listing.warm)
    search = _peak_bytes(lambda: store.listing.count_articles(flt))
    store.close()
    assert hits > articles // 10  # a broad search
    # 2,112 articles, 436 hits: 36 and 84 bytes (76 kB and 37 kB); dicts and sets 153 and
    # 180. The search's flags are a byte an article, its fixed cost the rest.
    assert index <= 48 * articles, (index, articles)
    assert search <= 48 * hits + 16 * articles, (search, hits, articles)


def test_a_reader_holds_the_rows_of_a_few_searches_only(scale_db: Path) -> None:
    """A broad search's rows hold the set of its hits (76,000 ids at 100k): a session of
    searches keeps the last few, whatever number of plans it keeps."""
    conn = sqlite3.connect(scale_db)
    titles = [r[0] for r in conn.execute("SELECT title FROM articles LIMIT 200")]
    conn.close()
    words = sorted({w for t in titles for w in t.split() if len(w) > 3})[: KEEP + 3]
    store = Library(scale_db, readonly=True)
    for word in words:
        store.listing.count_articles(ArticleFilter(query=word))
        store.listing.count_articles(ArticleFilter(query=word, unread_only=True))
    held = [p for p in store.listing._plans.values() if isinstance(p, RowList)]
    store.close()
    assert len(held) == KEEP
