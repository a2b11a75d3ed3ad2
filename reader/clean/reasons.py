"""Why the cleaner set a line aside: one name per reason, kept with every dropped line.

A StrEnum, so the values stay the strings stored in documents.dropped and shown by the
reader, and a reason compares equal to its string. The line model's `rule=` features are
made from the part before a colon (metadata:author → rule=metadata).
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    # A line judged alone (reader/clean/lines.py).
    SHORTCODE = "shortcode"
    AD = "ad"
    TAGS = "tags"
    READ_ALSO = "read-also"
    READ_ALSO_ITEM = "read-also-item"
    BLOCK = "block"  # a heading that opens a block of links; the block's kind is its value
    METADATA = "metadata"
    SOURCE = "metadata:source"
    SOURCES = "metadata:sources"
    AUTHOR = "metadata:author"
    PUBLISHED = "metadata:published"
    CHROME_DATE = "chrome-date"
    DATE_LINE = "date-line"
    COPYRIGHT = "copyright"
    CAPTION = "caption"
    DATELINE = "dateline"
    SOCIAL = "social"
    NAVIGATION = "navigation"
    # Blocks of links and what context decides (text.py, headline.py, html.py).
    RELATED = "related"
    MOST_READ = "most-read"
    POLL = "poll"
    MODEL = "model"
    PAGE_TITLE = "page-title"
    TITLE_REPEAT = "title-repeat"
    DUPLICATE = "duplicate"
    APPENDED_ARTICLE = "appended-article"
    ARTICLE_NOT_CLEANED = "article-not-cleaned"
