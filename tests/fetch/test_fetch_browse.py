"""The reader's store on fetched articles: the feed's name on each row, a feed filter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.fetch.outcome import FetchReport
from reader.store.feeds import Feed
from reader.store.read.library import Library
from reader.store.read.rows import ArticleFilter
from tests.fetch.site import Site


def test_rows_carry_their_feed_and_filter_by_feed(
    site: Site,
    db_path: Path,
    subscribe: Callable[..., Feed],
    fetch: Callable[..., FetchReport],
) -> None:
    first = subscribe(site.feed("/a.xml", "rss091.xml"), title="نشرتي", tags=["old"])
    second = subscribe(site.feed("/b.xml", "rss1.rdf"))
    fetch(full=False)
    browser = Library(db_path)
    try:
        rows = browser.listing.articles_after(ArticleFilter(), None, 10)
        by_title = {r.title: r.source for r in rows}
        assert by_title["افتتاح معرض الكتاب"] == "نشرتي"  # the user's name for the feed
        assert by_title["ارتفاع أسعار النفط"] == "خلاصة RDF"  # the feed's own title
        only = ArticleFilter(feed_ids=frozenset({first.id}))
        assert only.active
        assert browser.listing.count_articles(only) == 2
        assert {r.title for r in browser.listing.articles_after(only, None, 10)} == {
            "وزير الخارجية يزور القاهرة",
            "افتتاح معرض الكتاب",
        }
        both = ArticleFilter(feed_ids=frozenset({first.id, second.id}), query="النفط")
        rows = browser.listing.articles_after(both, None, 10)
        assert [r.title for r in rows] == ["ارتفاع أسعار النفط"]
        assert [(f.id, f.name, f.tags, f.articles) for f in browser.feeds.feeds()] == [
            (first.id, "نشرتي", ("old",), 2),
            (second.id, "خلاصة RDF", (), 2),
        ]
    finally:
        browser.close()


def test_ingested_articles_keep_their_source(
    db_path: Path, seed_paths: list[Path], query: Callable[..., list[tuple[Any, ...]]]
) -> None:
    from reader.ingest.pipeline import ingest_paths

    ingest_paths(db_path, seed_paths[:2], entities=False, workers=1)
    browser = Library(db_path)
    try:
        rows = browser.listing.articles_after(ArticleFilter(), None, 10)
    finally:
        browser.close()
    stored = {r[0]: r[1] for r in query("SELECT id, source FROM articles")}
    assert rows and all(r.source == stored[r.id] for r in rows)
