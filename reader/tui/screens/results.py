"""What the reader screen's workers post back to it, one message per kind of answer.

Posted from a worker thread (`post_message` is thread-safe) and handled on the UI
thread; a worker cancelled by a newer one of its group posts nothing.
"""

from __future__ import annotations

from textual.message import Message

from reader.store.read.rows import ArticleFilter, ListedArticle, ListedPerson
from reader.tui.reading import Loaded
from reader.views import View


class Started(Message):
    """Everything the first screen shows, read in one worker so it is drawn in one frame."""

    def __init__(
        self,
        count: int,
        cursor: int,
        first: list[ListedArticle],
        people_count: int,
        people: list[ListedPerson],
        opened: Loaded | None,
        variants: list[tuple[str, int]],
    ) -> None:
        super().__init__()
        self.count = count
        """Articles in the (unfiltered) list."""
        self.cursor = cursor
        """Where the list opens: the article read last, else the top."""
        self.first = first
        """The block of rows holding the cursor."""
        self.people_count = people_count
        """Persons in the people pane."""
        self.people = people
        """Its first block."""
        self.opened = opened
        """The article at the cursor, when there is one."""
        self.variants = variants
        """The first person's spellings and how often each occurs."""


class RowAtCursor(Message):
    """The id of the article at a list position whose block was not held yet."""

    def __init__(self, article_id: int | None) -> None:
        super().__init__()
        self.article_id = article_id
        """None when the position is past the end of the list."""


class Filtered(Message):
    """The article list for a new filter."""

    def __init__(
        self, filter: ArticleFilter, count: int, position: int | None, first: list[ListedArticle]
    ) -> None:
        super().__init__()
        self.filter = filter
        """The filter it was read for; dropped if the filter has changed since."""
        self.count = count
        """Articles matching."""
        self.position = position
        """Where the open article sits in it, None when the filter excludes it."""
        self.first = first
        """The block of rows holding that position (or the top)."""


class FetchProgress(Message):
    """A feed of an `R` fetch is stored: how far the fetch is."""

    def __init__(self, done: int, total: int, added: int) -> None:
        super().__init__()
        self.done = done
        """Feeds fetched so far."""
        self.total = total
        """Feeds due."""
        self.added = added
        """Articles stored so far."""


class FeedsFetched(Message):
    """An `R` fetch is over."""

    def __init__(self, summary: str, added: int) -> None:
        super().__init__()
        self.summary = summary
        """One line for a notice: feeds, new articles, failures."""
        self.added = added
        """Articles stored: the list is re-read when there are any."""


class UnreadAt(Message):
    """Where the nearest unread article is, for `]` / `[`."""

    def __init__(self, position: int | None, step: int) -> None:
        super().__init__()
        self.position = position
        """Its place in the list; None when there is no unread article that way."""
        self.step = step
        """1 looked down the list, -1 up."""


class MarkedRead(Message):
    """Mark all read is written."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        """Articles of the list now read."""


class ViewFound(Message):
    """A saved view's names, looked up in the store."""

    def __init__(self, view: View, names: dict[int, str], missing: tuple[str, ...]) -> None:
        super().__init__()
        self.view = view
        """The view chosen in the palette."""
        self.names = names
        """The entities it names that were found: id -> canonical name."""
        self.missing = missing
        """The names it gives that nothing in the database is called."""
