"""Pages that hold more than one article: each `<article>` with a body of its own.

Trafilatura returns one main text per page, so a page carrying two full articles (a live
page, an article with its follow-up, a print view of a series) lost the others without a
word. A top-level `<article>` counts as an article of its own when its paragraphs hold at
least MIN_WORDS words: a related-stories card (a headline and a line of teaser) does not.
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
from lxml.etree import LxmlError, ParserError, tostring

MIN_WORDS = 60
_PROBE_WORDS = 8


@dataclass(frozen=True, slots=True)
class Part:
    """One article of a page: an HTML document of its own, and the opening words of its
    first paragraph, by which a cleaned body is known to hold it already."""

    html: str
    probe: str


def article_parts(html: str) -> list[Part]:
    """Every article of a page that holds two or more; empty for a page of one."""
    try:
        root = lxml.html.fromstring(html)
    except (LxmlError, ParserError, ValueError):
        return []
    parts: list[Part] = []
    for element in root.iter("article"):
        if any(parent.tag == "article" for parent in element.iterancestors()):
            continue
        paragraphs = [" ".join(p.text_content().split()) for p in element.iter("p")]
        if sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
            continue
        opening = next((p for p in paragraphs if len(p.split()) >= _PROBE_WORDS), paragraphs[0])
        parts.append(
            Part(
                "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
                + tostring(element, encoding="unicode")
                + "</body></html>",
                " ".join(opening.split()[:_PROBE_WORDS]),
            )
        )
    return parts if len(parts) > 1 else []
