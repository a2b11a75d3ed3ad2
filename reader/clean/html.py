"""HTML pages: trafilatura finds the main text and the page metadata, our line rules do the rest.

Trafilatura drops navigation, footers and comments well but keeps in-article boilerplate
(read-also lines, ad labels, captions, source lines); those go through the same pass as dumps.
Metadata from the page wins; what it lacks comes from the text, as for a dump.
A page with several full `<article>`s gives one article each (`reader.clean.pages`).
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import trafilatura
from lxml.etree import LxmlError

from reader.clean import lexicon as lx
from reader.clean.article import CleanArticle, Dropped
from reader.clean.dates import parse_date
from reader.clean.frontpage import teaser_count
from reader.clean.lines import author_name, classify, normalise
from reader.clean.pages import article_parts
from reader.clean.reasons import Reason
from reader.clean.template import SiteTemplate
from reader.clean.text import clean_lines

_DATE_PARAMS = {"original_date": True, "extensive_search": True}


def _field(document: Any, name: str) -> str | None:
    value = getattr(document, name, None)
    if not isinstance(value, str):
        return None
    value = normalise(value)
    return value or None


def extract(html: str, url: str | None = None) -> Any:
    """Trafilatura's main text and metadata, for precision: what it keeps, the line model
    then sorts; raises ValueError when the page holds no main text."""
    if not html.strip():
        raise ValueError("no article: the HTML page is empty")
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            favor_precision=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, AttributeError, LxmlError) as error:
        raise ValueError(f"no article: the HTML could not be parsed ({error})") from error
    text = _field(document, "text") if document is not None else None
    if document is None or not text:
        raise ValueError("no article: trafilatura found no main text in the HTML page")
    return document


def clean_html(
    html: str, url: str | None = None, template: SiteTemplate | None = None
) -> CleanArticle:
    """Clean one HTML page; raises ValueError when it holds no article text, or is a
    homepage or section front (many linked headlines, none of its own)."""
    teasers = teaser_count(html)
    if teasers is not None:
        raise ValueError(f"not an article: a homepage or section page ({teasers} linked headlines)")
    document = extract(html, url)
    raw_text = getattr(document, "text", "") or ""
    title = _field(document, "title")
    sitename = _field(document, "sitename")
    if sitename and (len(sitename.split()) > 5 or sitename == title):
        # Without og:site_name trafilatura may fall back to the page title; that is no outlet.
        sitename = None
    article = clean_lines(
        raw_text.splitlines(),
        title=title,
        sitename=sitename,
        url=url or _field(document, "url"),
        template=template,
    )
    page_date = _written_date(_field(document, "date"), html)
    if page_date is not None:
        article.published = page_date
    elif article.published is None:
        article.published = _cued_date(html)
    author = _field(document, "author")
    if author and article.author is None:
        article.author = author_name(author)
    _add_further_articles(html, url, article)
    return article


def _add_further_articles(html: str, url: str | None, article: CleanArticle) -> None:
    """Each `<article>` of the page besides the one trafilatura took, cleaned alone and
    appended, so none is dropped without a word; one that yields no article is named among
    the dropped lines. When trafilatura ran several together, the first stands for the page
    (keeping the page's date, author and source) and the others are appended."""
    parts = article_parts(html)
    body = " ".join(article.body.split())
    held = [part for part in parts if part.probe in body]
    cleaned: list[CleanArticle] = []
    for part in parts:
        if len(held) == 1 and part is held[0]:
            continue  # the article trafilatura took as the page's main text
        try:
            cleaned.append(clean_html(part.html, url=url))
        except ValueError as error:
            text = f"{part.probe} … ({error})"
            article.dropped.append(Dropped(text, Reason.ARTICLE_NOT_CLEANED))
    if len(held) > 1 and cleaned:
        first = cleaned.pop(0)
        article.title, article.body, article.dropped = first.title, first.body, first.dropped
    for extra in cleaned:
        if not any(len(p.split()) >= 8 and p in article.body for p in extra.body.split("\n")):
            article.appended.append(extra)


_TAG = re.compile(r"<[^>]*>")


def _cued_date(html: str) -> str | None:
    """A "نشر في …" line anywhere in the page, when the main text kept none (a by-line box
    outside the article body, which favor_precision leaves out)."""
    for chunk in _TAG.split(html):
        if any(word in chunk for word in lx.DATE_CUE_WORDS):
            verdict = classify(normalise(unescape(chunk)))
            if verdict.reason == "metadata:published":
                return verdict.value
    return None


def _written_date(date: str | None, html: str) -> str | None:
    """Trafilatura's date, but only if the page spells it out (a meta tag, a <time>): when
    nothing better is found it can answer January 1st of a copyright year, which would be an
    invented day."""
    iso = parse_date(date) if date else None
    if iso is None:
        return None
    year, month, day = iso.split("-")
    if iso in html or f"{year}/{month}/{day}" in html:
        return iso
    return None
