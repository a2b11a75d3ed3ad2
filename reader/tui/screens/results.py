"""What the reader screen's workers post back to it, one message per kind of answer.

Posted from a worker thread (`post_message` is thread-safe) and handled on the UI
thread; a worker cancelled by a newer one of its group posts nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.store.read.rows import ArticleFilter, ListedArticle, ListedPerson
from reader.tui.reading import Loaded
from reader.views import View


@dataclass(eq=False, repr=False)
class Started(Message):
    """Everything the first screen shows, read in one worker so it is drawn in one frame."""

    count: int
    """Articles in the (unfiltered) list."""
    cursor: int
    """Where the list opens: the article read last, else the top."""
    first: list[ListedArticle]
    """The block of rows holding the cursor."""
    people_count: int
    """Persons in the people pane."""
    people: list[ListedPerson]
    """Its first block."""
    opened: Loaded | None
    """The article at the cursor, when there is one."""
    variants: list[tuple[str, int]]
    """The first person's spellings and how often each occurs."""


@dataclass(eq=False, repr=False)
class RowAtCursor(Message):
    """The id of the article at a list position whose block was not held yet."""

    article_id: int | None
    """None when the position is past the end of the list."""


@dataclass(eq=False, repr=False)
class Filtered(Message):
    """The article list for a new filter."""

    filter: ArticleFilter
    """The filter it was read for; dropped if the filter has changed since."""
    count: int
    """Articles matching."""
    position: int | None
    """Where the open article sits in it, None when the filter excludes it."""
    first: list[ListedArticle]
    """The block of rows holding that position (or the top)."""


@dataclass(eq=False, repr=False)
class FetchProgress(Message):
    """A feed of an `R` fetch is stored: how far the fetch is."""

    done: int
    """Feeds fetched so far."""
    total: int
    """Feeds due."""
    added: int
    """Articles stored so far."""


@dataclass(eq=False, repr=False)
class FeedsFetched(Message):
    """An `R` fetch is over."""

    summary: str
    """One line for a notice: feeds, new articles, failures."""
    added: int
    """Articles stored: the list is re-read when there are any."""


@dataclass(eq=False, repr=False)
class UnreadAt(Message):
    """Where the nearest unread article is, for `]` / `[`."""

    position: int | None
    """Its place in the list; None when there is no unread article that way."""
    step: int
    """1 looked down the list, -1 up."""


@dataclass(eq=False, repr=False)
class MarkedRead(Message):
    """Mark all read is written."""

    count: int
    """Articles of the list now read."""


@dataclass(eq=False, repr=False)
class ViewFound(Message):
    """A saved view's names, looked up in the store."""

    view: View
    """The view chosen in the palette."""
    names: dict[int, str]
    """The entities it names that were found: id -> canonical name."""
    missing: tuple[str, ...]
    """The names it gives that nothing in the database is called."""
