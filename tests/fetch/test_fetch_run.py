"""`fetch_feeds` end to end: local site → cleaner → writer → database, and the state it keeps."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reader.fetch.outcome import FetchReport
from reader.fetch.parse import Item
from reader.fetch.settings import FetchSettings, IgnoreRule, Overrides
from reader.fetch.summary import feed_lines
from reader.store.body import BODY_COLUMNS, BODY_JOIN, body_text
from reader.store.feeds import Feed
from tests.fetch.conftest import FAST
from tests.fetch.site import Answer, Hit, Site, many_items_feed

Fetch = Callable[..., FetchReport]
Query = Callable[..., list[tuple[Any, ...]]]
Subscribe = Callable[..., Feed]


def _lines(report: FetchReport) -> str:
    return "\n".join(line for outcome in report.feeds for line in feed_lines(outcome))


def test_full_pages_are_cleaned_and_stored_with_their_feed(
    site: Site, subscribe: Subscribe, fetch: Fetch, query: Query
) -> None:
    feed = subscribe(site.feed("/rss.xml", "rss2.xml"), tags=["world"])
    site.pages(["a0", "a1", "a2"])
    report = fetch()
    assert report.ok and report.added == 3
    rows = [
        (*row[:4], body_text(row[4], row[5]))
        for row in query(
            "SELECT a.title, a.url, d.kind, d.feed_id, a.body, d.raw FROM articles a"
            " JOIN documents d ON d.id = a.document_id ORDER BY a.id"
        )
    ]
    assert [r[0] for r in rows][:2] == [
        "بوتين: زيارة كيم تساعد في تسوية الأزمة الكورية",
        "قمة فلاديفوستوك بين الزعيمين",
    ]
    assert {r[2] for r in rows} == {"html"} and {r[3] for r in rows} == {feed.id}
    assert all(len(r[4]) > 500 for r in rows)  # the page's article, not the one-line summary
    assert "جميع الحقوق محفوظة" not in rows[0][4]  # the page footer is gone
    assert "3 new articles" in _lines(report)
    assert query("SELECT title, last_status, error_count FROM feeds") == [
        ("أخبار الاختبار", 200, 0)
    ]


def test_second_fetch_adds_nothing_even_when_the_server_ignores_validators(
    site: Site, subscribe: Subscribe, fetch: Fetch, query: Query
) -> None:
    subscribe(site.feed("/rss.xml", "rss2.xml"))
    site.pages(["a0", "a1", "a2"])
    fetch()
    before = query("SELECT count(*) FROM documents")[0][0]
    again = fetch(every=True)
    assert again.added == 0 and again.ok
    assert query("SELECT count(*) FROM documents")[0][0] == before
    assert "nothing new (3 already had)" in _lines(again)
    assert len(site.requested("/pages/a0.html")) == 1  # a known item's page is not asked again


def test_conditional_get_sends_validators_and_stores_nothing_on_304(
    site: Site, subscribe: Subscribe, fetch: Fetch, query: Query
) -> None:
    body = (site.feed("/rss.xml", "rss2.xml"), site.routes["/rss.xml"])[1]
    assert isinstance(body, Answer)

    def answer(hit: Hit) -> Answer:
        if hit.headers.get("if-none-match") == '"e1"':
            return Answer(304)
        return Answer(body=body.body, headers={"ETag": '"e1"', "Last-Modified": "Sun, 05 May 2019"})

    site.route("/rss.xml", answer)
    subscribe(f"{site.base}/rss.xml")
    fetch(full=False)
    counts = query("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM feed_items)")
    second = fetch(every=True, full=False)
    headers = site.requested("/rss.xml")[1].headers
    assert headers["if-none-match"] == '"e1"' and headers["if-modified-since"] == "Sun, 05 May 2019"
    assert second.feeds[0].not_modified and second.added == 0
    assert (
        query("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM feed_items)")
        == counts
    )
    assert query("SELECT etag, last_status FROM feeds") == [('"e1"', 304)]
    assert "not modified" in _lines(second)


def test_every_format_and_encoding_arrives(
    site: Site, subscribe: Subscribe, fetch: Fetch, query: Query
) -> None:
    for path, name in [
        ("/cp.xml", "rss_cp1256.xml"),
        ("/atom.xml", "atom.xml"),
        ("/rdf", "rss1.rdf"),
        ("/091", "rss091.xml"),
        ("/broken", "broken.xml"),
        ("/rel", "relative.xml"),
    ]:
        subscribe(site.feed(path, name))
    report = fetch(full=False)
    titles = {r[0] for r in query("SELECT title FROM articles")}
    assert "قمة فلاديفوستوك بين الزعيمين" in titles  # from the Windows-1256 feed
    assert {"انطلاق بطولة كرة القدم", "ارتفاع أسعار النفط", "افتتاح معرض الكتاب"} <= titles
    assert "خبر برابط نسبي آخر" in titles
    assert report.added == 12
    lines = _lines(report)
    assert "not well-formed" in lines
    assert "a12.html: no article body" in lines  # the broken item has only its title
    assert "summary only" not in lines  # no page was asked for
    urls = {r[0] for r in query("SELECT url FROM articles")}
    assert f"{site.base}/pages/a10.html" in urls  # the relative link, made absolute


def test_robots_disallowed_pages_are_not_fetched_and_the_summary_says_so(
    site: Site, subscribe: Subscribe, fetch: Fetch, query: Query
) -> None:
    site.route("/robots.txt", Answer(body=b"User-agent: khabar\nDisallow: /pages/a1.html\n"))
    subscribe(site.feed("/rss.xml", "rss2.xml"))
    site.pages(["a0", "a1", "a2"])
    report = fetch()
    assert site.requested("/pages/a1.html") == []
    assert report.added == 3 and report.feeds[0].summaries == 1
    lines = _lines(report)
    assert "1 from the feed's summary only" in lines
    assert f"robots.txt disallows {site.base}/pages/a1.html" in lines
    kind = query("SELECT d.kind FROM documents d WHERE d.path LIKE '%a1.html'")
    assert kind == [("jsonl",)]


def test_unreachable_pages_fall_back_to_the_summary(
    site: Site, subscribe: Subscribe, fetch: Fetch, query: Query
) -> None:
    subscribe(site.feed("/rss.xml", "rss2.xml"))
    site.pages(["a0"])
    site.route("/pages/a1.html", Answer(body=b"late", pause=3.0))
    report = fetch(settings=FetchSettings(delay=0.0, timeout=0.5))
    assert report.added == 3 and report.feeds[0].summaries == 2
    lines = _lines(report)
    assert "a1.html not fetched (the server stopped answering" in lines
    assert "a2.html not fetched (not found (404))" in lines
    assert "التقى الزعيمان في مدينة فلاديفوستوك الروسية لعقد أول قمة بينهما." in [
        body_text(*row) for row in query(f"SELECT {BODY_COLUMNS} FROM {BODY_JOIN}")
    ]


def test_killfile_drops_matching_items(
    site: Site, subscribe: Subscribe, fetch: Fetch, query: Query
) -> None:
    subscribe(site.feed("/rss.xml", "rss2.xml"), tags=["world"])
    subscribe(site.feed("/atom.xml", "atom.xml"))
    rules = (
        IgnoreRule(title=re.compile("^إعلان")),
        IgnoreRule(url=re.compile(r"a8\.html$"), feed="world"),  # not the Atom feed's tag
        IgnoreRule(url=re.compile(r"a7\.html$"), feed=f"{site.base}/atom.xml"),
    )
    report = fetch(settings=FetchSettings(delay=0.0, ignore=rules), full=False)
    titles = sorted(r[0] for r in query("SELECT title FROM articles"))
    assert "إعلان: عروض الصيف" not in titles
    assert "انطلاق بطولة كرة القدم" in titles
    assert "الأمم المتحدة تدعو إلى الحوار" not in titles
    assert [f.ignored for f in report.feeds] == [1, 1]
    assert "1 ignored by the killfile" in _lines(report)


def test_max_items_and_per_feed_overrides(
    site: Site, subscribe: Subscribe, fetch: Fetch, query: Query
) -> None:
    url = site.route("/big.xml", Answer(body=many_items_feed(site.base, 500)))
    subscribe(url, tags=["big"])
    settings = FetchSettings(delay=0.0, max_items=50, feeds={"big": Overrides(max_items=20)})
    report = fetch(settings=settings, full=False)
    assert report.added == 20
    assert query("SELECT count(*) FROM articles") == [(20,)]
    plain = FetchSettings(delay=0.0, max_items=30)
    assert fetch(settings=plain, full=False, every=True).added == 10  # the next ten newest


def test_gone_feeds_are_unsubscribed(
    site: Site, subscribe: Subscribe, fetch: Fetch, query: Query
) -> None:
    subscribe(site.route("/gone.xml", Answer(410)))
    report = fetch()
    assert report.feeds[0].gone
    assert "unsubscribed" in _lines(report)
    assert query("SELECT gone, last_status FROM feeds") == [(1, 410)]
    assert fetch(every=True).feeds == []
    assert len(site.requested("/gone.xml")) == 1


def test_retry_after_puts_the_feed_off_until_then(
    site: Site, subscribe: Subscribe, fetch: Fetch, query: Query
) -> None:
    subscribe(site.route("/busy.xml", Answer(429, headers={"Retry-After": "3600"})))
    first = fetch()
    assert not first.ok and "too many requests (429), asked to wait 60 minutes" in _lines(first)
    assert fetch().feeds == []  # not due
    forced = fetch(every=True)
    assert forced.feeds[0].skipped and "the server asked to wait until" in _lines(forced)
    assert len(site.requested("/busy.xml")) == 1


def test_permanent_redirect_updates_the_subscription(
    site: Site, subscribe: Subscribe, fetch: Fetch, query: Query
) -> None:
    site.feed("/new.xml", "rss091.xml")
    subscribe(site.route("/old.xml", Answer(301, headers={"Location": "/new.xml"})))
    report = fetch(full=False)
    assert report.added == 2
    assert f"moved permanently to {site.base}/new.xml" in _lines(report)
    assert query("SELECT url FROM feeds") == [(f"{site.base}/new.xml",)]


def test_exit_status_fails_only_when_every_feed_failed(
    site: Site, subscribe: Subscribe, fetch: Fetch
) -> None:
    subscribe(site.route("/broken-server.xml", Answer(500)))
    assert not fetch().ok
    subscribe(site.feed("/rss.xml", "rss091.xml"))
    assert fetch(every=True, full=False).ok
    assert fetch().ok  # nothing due: nothing new is no failure


def test_a_feed_id_or_tag_selects(site: Site, subscribe: Subscribe, fetch: Fetch) -> None:
    first = subscribe(site.feed("/a.xml", "rss091.xml"), tags=["sport"])
    subscribe(site.feed("/b.xml", "rss1.rdf"))
    assert [f.feed.id for f in fetch(selector="sport", full=False).feeds] == [first.id]
    assert [f.feed.id for f in fetch(selector=str(first.id), full=False).feeds] == [first.id]
    assert fetch(selector="nothing").notes == ["no feed has the id, tag or URL 'nothing'"]


def test_worker_processes_and_entities_give_the_same_articles(
    site: Site, subscribe: Subscribe, fetch: Fetch, query: Query
) -> None:
    subscribe(site.feed("/rss.xml", "rss2.xml"))
    site.pages(["a0", "a1", "a2"])
    report = fetch(workers=2, entities=True)
    assert report.added == 3
    people = {r[0] for r in query("SELECT canonical FROM entities WHERE kind = 'PER'")}
    assert any("بوتين" in name for name in people)


def test_ignore_rule_matches_title_and_url_together() -> None:
    feed = Feed(1, "http://x/rss", None, ("t",))
    item = Item("http://x/sport/1", "http://x/sport/1", "مباراة", "", None, None)
    both = IgnoreRule(title=re.compile("مباراة"), url=re.compile("/news/"))
    assert not both.drops(item, feed)
    assert IgnoreRule(title=re.compile("مباراة"), url=re.compile("/sport/")).drops(item, feed)
    assert FAST.ignore == ()
