"""Plain, picklable records that travel from the worker processes to the single writer.

The ingest workers build these; the store writer only inserts them. Keeping them free
of cleaner or NLP types means the store never imports those rooms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import InitVar, dataclass, field
from typing import NamedTuple

from reader.kinds import Kind
from reader.store.body import pack_body
from reader.store.content import content_key
from reader.store.raw import pack_raw
from reader.store.search_text import index_text
from reader.store.story_sign import signature


class MentionRow(NamedTuple):
    """A tuple, not a dataclass: an article brings dozens, and a tuple crosses from a
    worker to the writer (pickle) at a fraction of a frozen dataclass's cost."""

    start: int
    end: int
    surface: str
    kind: Kind
    key: str

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object, ...]]:
        # Rebuilt by tuple.__new__ itself, in C: no Python call per mention in the writer.
        return (tuple.__new__, (MentionRow, tuple(self)))


@dataclass(frozen=True, slots=True)
class ArticleRow:
    title: str
    body: str
    published: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    mentions: tuple[MentionRow, ...] = ()
    appended: tuple[ArticleRow, ...] = ()  # articles cut from this one's dump
    # What the full-text index holds, folded where the row is built (an ingest worker),
    # so the single writer only inserts it; a row read back from `khabar process`
    # output brings its folded (title, body) along.
    indexed: InitVar[tuple[str, str] | None] = None
    signed: InitVar[bytes | None] = None  # its story signature, likewise
    indexed_title: str = field(init=False)
    indexed_body: str = field(init=False)
    # The near-duplicate signature for grouping stories, from the folded body above.
    signature: bytes = field(init=False)
    # Its content key (reader/store/content.py), made here too: the writer only looks it up.
    content: str | None = field(init=False)

    def __post_init__(self, indexed: tuple[str, str] | None, signed: bytes | None) -> None:
        title, body = indexed or (index_text(self.title), index_text(self.body))
        object.__setattr__(self, "indexed_title", title)
        object.__setattr__(self, "indexed_body", body)
        sig = signature(body.split("\n", 1)[0]) if signed is None else signed
        object.__setattr__(self, "signature", sig)
        object.__setattr__(self, "content", content_key(title, body))


@dataclass(frozen=True, slots=True)
class DocumentRow:
    path: str
    source_path: str
    sha256: str
    kind: str
    encoding: str
    raw: str
    article: ArticleRow
    dropped: tuple[tuple[str, str], ...] = field(default=())  # (text, reason)
    notes: tuple[str, ...] = ()  # what the summary should say about this document
    feed_id: int | None = None  # the subscription a fetched page or item came from
    # `raw` as documents.raw stores it and each article's body as articles.body does,
    # its own first then each cut one after its parent (depth first), compressed where
    # the row is built (a worker).
    packed_raw: bytes = field(init=False)
    packed_bodies: tuple[bytes, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "packed_raw", pack_raw(self.raw))
        bodies = tuple(pack_body(a.body, self.raw) for a in articles_in_order(self.article))
        object.__setattr__(self, "packed_bodies", bodies)


def articles_in_order(article: ArticleRow) -> list[ArticleRow]:
    """`article` and the articles cut from it, depth first: the order they are stored in."""
    return [article, *(a for cut in article.appended for a in articles_in_order(cut))]


@dataclass(frozen=True, slots=True)
class Failure:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Duplicate:
    path: str


Outcome = DocumentRow | Failure | Duplicate
