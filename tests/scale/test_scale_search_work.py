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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.store.read.library import Library
from reader.store.read.rows import ArticleFilter
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
