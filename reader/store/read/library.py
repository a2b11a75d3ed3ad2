"""The reader's store: one shared connection and the rooms that read from it."""

from __future__ import annotations

from pathlib import Path

from reader.store.read.articles import Articles
from reader.store.read.choices import Choices
from reader.store.read.feeds import Feeds
from reader.store.read.listing import Listing
from reader.store.read.people import People
from reader.store.read.search import SearchHits
from reader.store.read.session import Session
from reader.store.read.state import ReadingState
from reader.store.read.story import Stories


class Library:
    """Opened once per reader; its rooms are safe to call from any worker thread."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.session = Session(path, readonly=readonly)
        self.listing = Listing(self.session, SearchHits(self.session))
        self.articles = Articles(self.session)
        self.people = People(self.session)
        self.stories = Stories(self.session, self.articles)
        self.state = ReadingState(self.session, self.listing.forget_marked)
        self.feeds = Feeds(self.session)
        self.choices = Choices(self.session)

    def close(self) -> None:
        self.session.close()
