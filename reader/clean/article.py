"""The cleaner's output: what other rooms store, index and display."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.clean.reasons import Reason


@dataclass
class Dropped:
    """One removed line or block, kept so a reader can see why the cleaner removed it."""

    text: str
    reason: Reason


@dataclass
class CleanArticle:
    """An article in logical order; body paragraphs joined by a single newline, never shaped."""

    title: str
    body: str
    published: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    dropped: list[Dropped] = field(default_factory=list)
    appended: list[CleanArticle] = field(default_factory=list)
