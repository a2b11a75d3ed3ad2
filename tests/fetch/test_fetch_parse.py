"""Feed parsing on the fixtures: every RSS flavour, Atom, Windows-1256, broken, relative, many."""

from __future__ import annotations

import pytest

from reader.fetch.parse import parse_feed
from tests.fetch.site import DATA, many_items_feed

BASE = "http://news.test"


def _parse(name: str, url: str = f"{BASE}/feed.xml"):  # type: ignore[no-untyped-def]
    data = (DATA / name).read_bytes().replace(b"{base}", BASE.encode())
    return parse_feed(data, url)


@pytest.mark.parametrize(
    ("name", "title", "count"),
    [
        ("rss2.xml", "أخبار الاختبار", 3),
        ("rss091.xml", "نشرة قديمة", 2),
        ("rss1.rdf", "خلاصة RDF", 2),
        ("atom.xml", "خلاصة أتوم", 2),
        ("rss_cp1256.xml", "أخبار بترميز ويندوز", 3),
    ],
)
def test_each_format_gives_its_items_with_absolute_links(name: str, title: str, count: int) -> None:
    feed = _parse(name)
    assert feed.title == title
    assert feed.problem is None
    assert len(feed.items) == count
    for item in feed.items:
        assert item.link is not None and item.link.startswith(f"{BASE}/pages/")
        assert item.key == item.link
        assert item.title and item.summary
        assert "<" not in item.summary


def test_windows_1256_feed_decodes_to_the_same_arabic_as_utf8() -> None:
    utf8 = _parse("rss2.xml")
    cp1256 = _parse("rss_cp1256.xml")
    assert [i.title for i in cp1256.items] == [i.title for i in utf8.items]
    assert [i.summary for i in cp1256.items] == [i.summary for i in utf8.items]


def test_dates_authors_and_html_summaries() -> None:
    rss = _parse("rss2.xml").items[0]
    assert rss.published == "2019-04-25"
    assert rss.author == "مراسل الاختبار"
    assert rss.summary.startswith("قال الرئيس الروسي")
    atom = _parse("atom.xml").items
    assert atom[0].published == "2019-04-29"
    assert atom[1].published == "2019-04-30"  # no <published>: <updated> stands in
    assert atom[1].summary == "انطلقت البطولة بمشاركة ستة عشر فريقا."
    assert _parse("rss1.rdf").items[1].published == "2019-04-28"


def test_broken_feed_reads_what_it_can_and_says_so() -> None:
    feed = _parse("broken.xml")
    assert feed.problem is not None and "not well-formed" in feed.problem
    assert [i.link for i in feed.items] == [f"{BASE}/pages/a11.html", f"{BASE}/pages/a12.html"]
    assert feed.items[1].title == "خبر ثان بلا إغلاق"


def test_relative_links_resolve_against_the_feed_address() -> None:
    feed = _parse("relative.xml", "http://news.test/ar/rss/feed.xml")
    assert [i.link for i in feed.items] == [
        "http://news.test/pages/a9.html",
        "http://news.test/ar/rss/pages/a10.html",
    ]
    assert feed.site_url == "http://news.test/"


def test_five_hundred_items_all_parsed_in_order() -> None:
    feed = parse_feed(many_items_feed(BASE, 500), f"{BASE}/big.xml")
    assert len(feed.items) == 500
    assert feed.items[0].key == f"{BASE}/pages/m0.html"
    assert feed.items[-1].key == f"{BASE}/pages/m499.html"


@pytest.mark.parametrize(
    "data",
    [b"", b"<html><body><p>not a feed</p></body></html>", b"\x89PNG\r\n", b"/etc/passwd"],
)
def test_what_is_no_feed_is_refused(data: bytes) -> None:
    with pytest.raises(ValueError, match="not a feed"):
        parse_feed(data, f"{BASE}/x")
