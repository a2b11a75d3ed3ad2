"""Homepages and section fronts: many linked teasers and no headline of their own.

Trafilatura returns text for such a page (the teasers' leads), and stored as an article it
would be a menu of other stories. A page is a front when it has no `<h1>` outside a link and
at least FRONT_TEASERS headings that are links, unless it declares itself an article.
"""

from __future__ import annotations

import lxml.html
from lxml.etree import LxmlError, ParserError

FRONT_TEASERS = 6


def teaser_count(html: str) -> int | None:
    """How many linked teaser headings a front page shows; None for an article page."""
    try:
        root = lxml.html.fromstring(html)
    except (LxmlError, ParserError, ValueError):
        return None
    if root.xpath("//meta[@property='og:type' and @content='article']"):
        return None
    if root.xpath("//h1[not(ancestor::a) and not(.//a)]"):
        return None
    teasers = len(root.xpath("//*[self::h2 or self::h3 or self::h4][.//a or ancestor::a]"))
    return teasers if teasers >= FRONT_TEASERS else None
