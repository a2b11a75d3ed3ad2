"""Feed bytes to items: RSS 0.9x, 1.0 (RDF), 2.0 and Atom, in whatever encoding they declare.

feedparser does the parsing (see bench/feed_parsers.py for why it and not
fastfeedparser). It is handed the bytes in a BytesIO, never a string: given a
string it would fetch URLs itself (with no timeout) or open a local file of that name.
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import feedparser
import lxml.html
from lxml.etree import LxmlError, ParserError

# A server's wrong Content-Type or a charset the XML itself overrides: the feed was read right.
_HARMLESS = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)
# Controls (an ESC would reach the terminal) and bidi overrides have no place in a title.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a feed; `key` is what makes it the same entry next time."""

    key: str  # the absolute link, else the guid
    link: str | None
    title: str
    summary: str  # plain text, paragraphs joined by newlines
    published: str | None  # YYYY-MM-DD
    author: str | None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    site_url: str | None
    items: tuple[Item, ...]
    problem: str | None = None  # the feed was broken but something could be read


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed fetched from `url`; relative links resolve against it.

    Raises ValueError when the bytes hold no feed at all.
    """
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    result: Any = feedparser.parse(io.BytesIO(data), response_headers=headers)
    problem: str | None = None
    error = result.get("bozo_exception")
    if result.get("bozo") and not isinstance(error, _HARMLESS):
        problem = f"the feed is not well-formed ({_plain(error)})"
    if not result.get("version") and not result.entries:
        raise ValueError(
            "not a feed: no RSS or Atom found"
            + (f" ({_plain(result.get('bozo_exception'))})" if problem else "")
        )
    feed = result.feed
    items: list[Item] = []
    seen: set[str] = set()
    for entry in result.entries:
        item = _item(entry, url)
        if item is not None and item.key not in seen:
            seen.add(item.key)
            items.append(item)
    site = feed.get("link")
    return ParsedFeed(
        title=_text(feed.get("title")) or None,
        site_url=urljoin(url, site) if isinstance(site, str) and site else None,
        items=tuple(items),
        problem=problem,
    )


def _item(entry: Any, base: str) -> Item | None:
    link = entry.get("link")
    link = urljoin(base, link.strip()) if isinstance(link, str) and link.strip() else None
    guid = entry.get("id")
    key = link or (guid.strip() if isinstance(guid, str) and guid.strip() else None)
    title = _text(entry.get("title"))
    summary = _summary(entry)
    if key is None or not (title or summary):
        return None
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    published = time.strftime("%Y-%m-%d", parsed) if parsed else None
    author = _text(entry.get("author")) or None
    return Item(key, link, title, summary, published, author)


def _summary(entry: Any) -> str:
    candidates = [c.get("value", "") for c in entry.get("content") or []]
    candidates.append(entry.get("summary") or "")
    best = max((_text(c) for c in candidates if isinstance(c, str)), key=len, default="")
    return best


def _text(value: object) -> str:
    """Plain text of a feed field, which may hold HTML: block elements become line breaks."""
    if not isinstance(value, str) or not value.strip():
        return ""
    if "<" not in value:
        return _squeeze(value)
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (LxmlError, ParserError, ValueError):
        return _squeeze(value)
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return _squeeze(root.text_content())


def _squeeze(text: str) -> str:
    text = _CONTROLS.sub("", text.replace("\xa0", " "))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _plain(error: object) -> str:
    text = " ".join(str(error).split()) if error is not None else ""
    return text or "unreadable"
