"""OPML and newsboat subscription lists: read, write, and back again unchanged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.fetch.lists import (
    Entry,
    read_list,
    read_newsboat,
    read_opml,
    write_newsboat,
    write_opml,
)

NEWSBOAT = """\
# my feeds
https://www.aljazeera.net/aljazeerarss/a7c186be-1baa news "~الجزيرة نت"
https://feeds.bbci.co.uk/arabic/rss.xml news world "~BBC عربي"
https://example.org/feed.xml   "tag with space" !hidden
"query:Unread:unread = \\"yes\\""
exec:~/bin/make-feed
http://plain.example/rss
"""

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>export</title></head><body>
  <outline text="Arabic">
    <outline text="Al Jazeera" title="Al Jazeera" type="rss" xmlUrl="https://aj.example/rss" htmlUrl="https://aj.example/"/>
    <outline text="Sport">
      <outline text="Kooora" xmlUrl="https://kooora.example/rss" category="/football,live"/>
    </outline>
  </outline>
  <outline text="No address"/>
  <outline text="Untitled" type="rss" xmlUrl="https://untitled.example/feed"/>
</body></opml>
"""


def test_newsboat_urls_keep_tags_and_tilde_titles() -> None:
    imported = read_newsboat(NEWSBOAT)
    assert [e.title for e in imported.entries] == ["الجزيرة نت", "BBC عربي", None, None]
    assert imported.entries[1].tags == ("news", "world")
    assert imported.entries[2].tags == ("tag with space", "hidden")
    assert len(imported.skipped) == 2  # query: and exec: are newsboat's own
    assert all("newsboat" in reason for reason in imported.skipped)


def test_opml_folders_and_categories_become_tags() -> None:
    imported = read_opml(OPML)
    by_url = {e.url: e for e in imported.entries}
    assert by_url["https://aj.example/rss"] == Entry(
        "https://aj.example/rss", "Al Jazeera", ("Arabic",), "https://aj.example/"
    )
    assert by_url["https://kooora.example/rss"].tags == ("Arabic", "Sport", "football", "live")
    assert by_url["https://untitled.example/feed"].tags == ()
    assert imported.skipped == ("No address: no xmlUrl",)


def test_read_list_tells_the_formats_apart() -> None:
    assert len(read_list(OPML).entries) == 3
    assert len(read_list(NEWSBOAT.encode()).entries) == 4


def test_newsboat_to_opml_and_back_round_trips() -> None:
    entries = read_newsboat(NEWSBOAT).entries
    assert read_opml(write_opml(entries)).entries == entries
    assert read_newsboat(write_newsboat(entries)).entries == entries


_words = (
    st.text(
        alphabet=st.characters(
            categories=["L", "N", "Zs", "P"], exclude_characters="\x85\u2028\u2029,"
        ),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(lambda t: bool(t) and not t.startswith(("~", "!", "#", "/")))
)


@given(
    st.lists(
        st.builds(
            Entry,
            url=st.integers(0, 10**6).map(lambda n: f"https://site{n}.example/rss?x={n}&y=1"),
            title=st.none() | _words,
            tags=st.lists(_words.filter(lambda t: t == t.strip("/")), max_size=3, unique=True).map(
                tuple
            ),
        ),
        max_size=5,
        unique_by=lambda e: e.url,
    )
)
def test_any_list_survives_both_formats(entries: list[Entry]) -> None:
    assert list(read_opml(write_opml(entries)).entries) == entries
    assert list(read_newsboat(write_newsboat(entries)).entries) == entries
