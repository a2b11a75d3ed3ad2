"""What the reader's queries return: plain frozen records, safe to hand between threads."""

from __future__ import annotations

from dataclasses import dataclass

from reader.kinds import Kind


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    entity_ids: frozenset[int] = frozenset()
    bookmarks_only: bool = False
    query: str = ""
    feed_ids: frozenset[int] = frozenset()  # articles fetched from any of these feeds
    sources: frozenset[str] = frozenset()  # articles whose source is one of these
    since: str | None = None  # published on or after this day (YYYY-MM-DD)
    until: str | None = None  # published on or before this day
    unread_only: bool = False
    story: int | None = None  # one story's articles, each a row; None: a row per story

    @property
    def active(self) -> bool:
        return bool(
            self.entity_ids
            or self.bookmarks_only
            or self.query.strip()
            or self.feed_ids
            or self.sources
            or self.since
            or self.until
            or self.unread_only
            or self.story is not None
        )


EVERYTHING = ArticleFilter()
"""The unfiltered list."""

ListKey = tuple[str | None, int]
"""Where a row sits in list order: (published, id)."""


@dataclass(frozen=True, slots=True)
class ListedArticle:
    """An article as a row of the list: what its two rows show, not its body."""

    id: int
    title: str
    source: str | None
    published: str | None
    read: bool
    bookmarked: bool
    story: int | None = None  # the story it belongs to
    story_size: int = 1  # how many articles tell that story

    @property
    def key(self) -> ListKey:
        return (self.published, self.id)


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    title: str
    body: str
    published: str | None
    author: str | None
    source: str | None
    url: str | None
    read: bool
    bookmarked: bool
    scroll: int
    members: tuple[int, ...] = ()  # a story's body: the articles whose marks follow this one


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: Kind
    entity_id: int


@dataclass(frozen=True, slots=True)
class EntityCount:
    id: int
    kind: Kind
    canonical: str
    mentions: int


@dataclass(frozen=True, slots=True)
class ListedPerson:
    """A person as a row of the people pane."""

    id: int
    canonical: str
    article_count: int


@dataclass(frozen=True, slots=True)
class FeedName:
    """A subscription as the palette lists it."""

    id: int
    name: str
    tags: tuple[str, ...]
    articles: int
