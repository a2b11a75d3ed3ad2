"""A site's address to its feeds: `khabar feeds add https://site/` works without the feed URL.

The page is fetched with our own polite client; trafilatura's feed finder then reads
its `<link rel="alternate">` tags (and, lacking those, links that look like feeds).
Its own downloading functions are not used: they have no per-host politeness.
"""

from __future__ import annotations

from dataclasses import dataclass

from courlan import get_hostinfo
from trafilatura.feeds import FeedParameters, determine_feed

from reader.fetch.http import Client, FetchError
from reader.fetch.parse import ParsedFeed, parse_feed

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9,"
    " text/xml;q=0.9, */*;q=0.5"
)
MAX_CANDIDATES = 5


@dataclass(frozen=True, slots=True)
class Found:
    url: str
    feed: ParsedFeed


def discover_feeds(client: Client, url: str) -> list[Found]:
    """The feeds at `url`: itself if it is one, else those its page announces.

    Raises FetchError when the address cannot be fetched or offers no feed.
    """
    reply = client.get(url, accept=FEED_ACCEPT)
    where = reply.permanent_url or url
    try:
        return [Found(where, parse_feed(reply.body, reply.url, reply.headers.get("content-type")))]
    except ValueError:
        pass
    html = reply.body.decode(_charset(reply.headers.get("content-type")), errors="replace")
    domain, base = get_hostinfo(reply.url)
    candidates = determine_feed(html, FeedParameters(base, domain or "", reply.url))
    found: list[Found] = []
    for candidate in candidates[:MAX_CANDIDATES]:
        try:
            answer = client.get(candidate, accept=FEED_ACCEPT)
            parsed = parse_feed(answer.body, answer.url, answer.headers.get("content-type"))
        except (FetchError, ValueError):
            continue
        found.append(Found(answer.permanent_url or candidate, parsed))
    if not found:
        raise FetchError(f"no feed found at {url} (neither a feed nor a page announcing one)")
    return found


def _charset(content_type: str | None) -> str:
    for part in (content_type or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            try:
                "".encode(value.strip("\"'"))
            except LookupError:
                break
            return value.strip("\"'")
    return "utf-8"
