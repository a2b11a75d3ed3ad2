"""Story rows at scale: the generated corpus recombines the seeds' paragraphs, so many of
its articles are in stories and every list query meets story members on every row.
Their plans must stay on indexes, and a row's story tests must cost the same whatever
its story's size: they look up the row's story and its lead by primary key and test
the lead, never the story's other members."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store.read import listing, row_list
from reader.store.read.library import Library
from reader.store.read.rows import EVERYTHING, ArticleFilter

_STORY_SCAN = re.compile(r"\bSCAN (story_members|m|o|s)\b(?!.*INDEX)")


@pytest.fixture
def browser(scale_db: Path) -> Iterator[Library]:
    b = Library(scale_db, readonly=True)
    yield b
    b.close()


def test_story_rows_are_read_through_indexes(browser: Library, scale_db: Path) -> None:
    conn = sqlite3.connect(scale_db)
    members = conn.execute("SELECT count(*) FROM story_members").fetchone()[0]
    hidden = conn.execute(
        "SELECT article_id FROM story_members WHERE article_id <> story_id LIMIT 1"
    ).fetchone()[0]
    person = conn.execute(
        "SELECT id FROM entities WHERE kind = 'PER' ORDER BY article_count DESC LIMIT 1"
    ).fetchone()[0]
    conn.close()
    assert members > 100  # the corpus does have stories
    statements: list[str] = []
    browser.session._conn.set_trace_callback(statements.append)
    filters = [
        EVERYTHING,
        ArticleFilter(unread_only=True),
        ArticleFilter(entity_ids=frozenset({person})),
        ArticleFilter(since="2016-01-01", until="2020-12-31", unread_only=True),
    ]
    for flt in filters:
        first = browser.listing.articles_at(flt, 0, 50)
        assert first and all(r.story == r.id for r in first if r.story_size > 1)
        browser.listing.articles_after(flt, first[-1].key, 50)
        browser.listing.count_articles(flt)
        browser.listing.position_of(flt, hidden)
    browser.session._conn.set_trace_callback(None)
    # The whole list's count reads the story index once per change of the data, and so does
    # the list index a person's or a search's rows are worked out against.
    once = (listing._HIDDEN, row_list._LEADS)
    queries = [
        s
        for s in statements
        if s.startswith("SELECT") and "story_members" in s and not any(q in s for q in once)
    ]
    assert len(queries) >= len(filters) * 3
    conn = browser.session._conn
    for sql in queries:
        plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql)]
        assert not [step for step in plan if _STORY_SCAN.search(step)], (sql, plan)


def _steps(browser: Library, flt: ArticleFilter) -> int:
    """SQLite virtual-machine steps (in thousands) to count the list and read two pages."""
    steps = 0

    def step() -> int:
        nonlocal steps
        steps += 1
        return 0

    conn = browser.session._conn
    conn.set_progress_handler(step, 1000)
    first = browser.listing.articles_at(flt, 0, 50)
    browser.listing.articles_after(flt, first[-1].key, 50)
    browser.listing.count_articles(flt)
    conn.set_progress_handler(None, 0)
    return steps


def _story_of_all(source: Path, target: Path, lead: int | None) -> None:
    """A copy of the corpus where every article is in one story led by `lead`, or (None)
    in none."""
    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    with conn:
        conn.execute("DELETE FROM story_members")
        conn.execute("DELETE FROM story_sizes")
        if lead is not None:
            conn.execute("INSERT INTO story_members SELECT id, ? FROM articles", (lead,))
            conn.execute("INSERT INTO story_sizes SELECT ?, count(*) FROM articles", (lead,))
    conn.close()


def test_a_story_rows_cost_does_not_grow_with_its_story(scale_db: Path, tmp_path: Path) -> None:
    """The grouping bounds a story's size; the reader must not depend on it doing so. With
    every article in one story whose lead the filters leave out, each filter lists the
    same rows as with no stories at all, and reading them costs about as much."""
    conn = sqlite3.connect(scale_db)
    people = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM entities WHERE kind = 'PER' ORDER BY article_count DESC LIMIT 2"
        )
    ]
    lead = conn.execute(
        "SELECT id FROM articles WHERE source <> 'RT' AND id NOT IN"
        f" (SELECT article_id FROM article_entities WHERE entity_id IN ({people[0]}, {people[1]}))"
        " ORDER BY id LIMIT 1"
    ).fetchone()[0]
    conn.close()
    filters = [
        ArticleFilter(entity_ids=frozenset({people[0]})),
        ArticleFilter(entity_ids=frozenset({people[1]})),
        ArticleFilter(sources=frozenset({"RT"})),
    ]
    costs = []
    for name, story_lead in (("none.db", None), ("one.db", lead)):
        _story_of_all(scale_db, tmp_path / name, story_lead)
        browser = Library(tmp_path / name, readonly=True)
        costs.append(
            [(browser.listing.count_articles(flt), _steps(browser, flt)) for flt in filters]
        )
        browser.close()
    for flt, (count, alone), (same_count, in_one) in zip(filters, *costs, strict=True):
        assert count == same_count > 100
        assert in_one <= 2 * alone + 5, (flt, alone, in_one)
