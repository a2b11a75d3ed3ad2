"""What a fetch run did, feed by feed: what `khabar fetch` and the reader report."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.store.feeds import Feed


@dataclass
class FeedOutcome:
    """What one feed's fetch did, for its summary line."""

    feed: Feed
    title: str | None = None  # the feed's own title when the user gave none
    added: int = 0  # articles stored
    summaries: int = 0  # of them, the feed's summary because the page could not be had
    duplicates: int = 0  # new items whose content was already stored
    known: int = 0  # items handled in an earlier fetch
    ignored: int = 0  # dropped by the killfile
    failed: list[tuple[str, str]] = field(default_factory=list)  # item, why
    notes: list[str] = field(default_factory=list)
    error: str | None = None  # the feed itself could not be read
    not_modified: bool = False
    skipped: bool = False  # not asked at all (the server asked to wait)
    gone: bool = False
    moved_to: str | None = None
    next_due: str | None = None


@dataclass
class FetchReport:
    feeds: list[FeedOutcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        """Exit 0 unless every feed asked failed: nothing new is not a failure."""
        return not self.feeds or any(f.error is None for f in self.feeds)

    @property
    def added(self) -> int:
        return sum(f.added for f in self.feeds)
