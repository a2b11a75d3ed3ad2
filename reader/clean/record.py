"""One JSON-lines record: its own fields are metadata already, its body a dump or a page."""

from __future__ import annotations

import re
from collections.abc import Mapping

from reader.clean.article import CleanArticle
from reader.clean.dates import parse_date
from reader.clean.html import clean_html
from reader.clean.lines import normalise
from reader.clean.text import clean_lines

_HTML = re.compile(r"<(?:html|body|article|div|p|section|main|head)\b", re.IGNORECASE)


def _text(record: Mapping[str, object], key: str) -> str | None:
    value = record.get(key)
    if isinstance(value, str) and value.strip():
        return value
    return None


def clean_record(record: Mapping[str, object]) -> CleanArticle:
    """Clean one record with a body or text field; title, url, published, author, source are
    optional and, when present, win over what the text itself suggests."""
    body = _text(record, "body") or _text(record, "text")
    if body is None:
        raise ValueError(
            "record has no usable 'body' or 'text' field (missing, empty or not a string)"
        )
    title = _text(record, "title")
    url = _text(record, "url")
    if _HTML.search(body[:2000]):
        article = clean_html(body, url=url)
        if title is not None:
            article.title = normalise(title)
    else:
        article = clean_lines(body.splitlines(), title=title, url=url)
    published = _text(record, "published")
    if published is not None:
        article.published = parse_date(published) or article.published
    for key in ("author", "source"):
        value = _text(record, key)
        if value is not None:
            setattr(article, key, normalise(value))
    if url is not None:
        article.url = url
    return article
