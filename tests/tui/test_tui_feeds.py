"""`R` in the reader: due feeds fetched in a worker, the list grows, the cursor keeps its place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store.feeds import add_feed
from reader.store.schema import connect
from reader.tui.widgets.article_list import ArticleList
from tests.fetch.site import Answer, Site
from tests.tui.tui_support import notices, palette, press, reader_on, sync, write_config

FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>خلاصة الصباح</title><link>{base}/</link>
<item><title>خبر الصباح الأول عن القمة</title><link>{base}/n/1</link>
<pubDate>Mon, 30 Nov 2026 08:00:00 +0000</pubDate>
<description>التقى الزعيمان صباح اليوم في قمة جديدة لبحث العلاقات الثنائية.</description></item>
<item><title>خبر الصباح الثاني عن الاقتصاد</title><link>{base}/n/2</link>
<pubDate>Mon, 30 Nov 2026 09:00:00 +0000</pubDate>
<description>ارتفعت أسعار النفط في الأسواق العالمية صباح اليوم بعد قرار جديد.</description></item>
</channel></rss>"""


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def subscribed(seeds_db: Path, site: Site) -> Path:
    url = site.route("/rss.xml", Answer(body=FEED.replace("{base}", site.base).encode()))
    conn = connect(seeds_db)
    add_feed(conn, url, tags=["morning"])
    conn.close()
    write_config("[fetch]\ndelay = 0\nfull = false\n")
    return seeds_db


@sync
async def test_R_adds_articles_and_the_cursor_stays_on_its_article(subscribed: Path) -> None:
    async with reader_on(subscribed, size=(160, 48)) as (app, pilot):
        articles = app.query_one(ArticleList)
        await press(pilot, "j", "j")
        before, at = articles.count, articles.cursor
        reading = app.reader.current
        assert reading is not None and at == 2
        await press(pilot, "R")
        assert articles.count == before + 2
        assert app.reader.current is not None and app.reader.current.id == reading.id
        row = articles.row(articles.cursor)
        assert row is not None and row.id == reading.id
        assert articles.cursor == at + 2  # the two new (newest) articles came in above it
        top = articles.row(0)
        assert top is not None and top.source == "خلاصة الصباح"  # each row shows its feed
        assert notices(app)[-1] == "1 feed fetched: 2 new articles"


@sync
async def test_the_palette_filters_by_feed_and_by_tag(subscribed: Path) -> None:
    async with reader_on(subscribed, size=(160, 48)) as (app, pilot):
        await press(pilot, "R")
        articles = app.query_one(ArticleList)
        everything = articles.count
        for query, label in (("Feed: خلاصة", "خلاصة الصباح"), ("Tag: morning", "tag morning")):
            await palette(pilot, query)
            assert articles.count == 2
            assert app.reader.feed_label == label and app.reader.article_filter.feed_ids
            await press(pilot, "escape")
            assert articles.count == everything and not app.reader.feed_label
