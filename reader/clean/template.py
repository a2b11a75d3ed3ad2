"""A site's template: which lines recur across its pages, as an input to the cleaner.

Menus, footers and most-read boxes repeat on every page of a site while article text does
not, so the share of a site's documents that hold a line is strong evidence of chrome. The
cleaner stays a pure function of (page, template): the ingest counts lines per site in a first
pass (plus what the store already holds) and hands each page its site's template.

A template is small: one 64-bit hash per distinct short line with the number of the site's
documents holding it, and the number of documents counted. Hashes, not text, so a stored
template never keeps article text and two processes agree on it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urlsplit

from reader.clean.lines import normalise

MIN_DOCUMENTS = 5  # below this a share says little: a template of fewer pages is not used
MAX_WORDS = 40  # longer lines are article text; they are not counted


def line_hash(line: str) -> int:
    """A stable signed 64-bit hash of a normalised line (fits an SQLite integer)."""
    digest = hashlib.blake2b(line.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def document_hashes(lines: Iterable[str]) -> set[int]:
    """The distinct countable lines of one document, hashed."""
    hashes = set()
    for raw in lines:
        line = normalise(raw)
        if line and line.count(" ") < MAX_WORDS:
            hashes.add(line_hash(line))
    return hashes


@dataclass(frozen=True)
class SiteTemplate:
    """Per-line document counts of one site; `documents` is how many pages were counted."""

    documents: int
    counts: Mapping[int, int] = field(default_factory=dict)

    @classmethod
    def from_documents(cls, documents: Iterable[Iterable[str]]) -> SiteTemplate:
        counts: Counter[int] = Counter()
        total = 0
        for lines in documents:
            counts.update(document_hashes(lines))
            total += 1
        return cls(total, dict(counts))

    def merged(self, other: SiteTemplate) -> SiteTemplate:
        counts = Counter(self.counts)
        counts.update(other.counts)
        return SiteTemplate(self.documents + other.documents, dict(counts))

    def shares(self, lines: Sequence[str]) -> list[float] | None:
        """For each normalised line, the share of the site's other documents that hold it;
        None when too few documents were counted for a share to mean anything."""
        if self.documents < MIN_DOCUMENTS:
            return None
        # The page itself is usually among the counted documents; leave it out.
        others = self.documents - 1
        out = []
        for line in lines:
            count = self.counts.get(line_hash(line), 0) if line.count(" ") < MAX_WORDS else 0
            out.append(max(count - 1, 0) / others)
        return out


_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ")


def site_key(path: str | None, text: str, url: str | None = None) -> str:
    """Which site a document belongs to, for its template: the URL's host when known, else
    the site part of the page title on the first line ("headline - Outlet"), else the folder
    it was saved in. Stable across runs, so stored counts and a later ingest agree."""
    if url:
        host = urlsplit(url).hostname
        if host:
            return "host:" + host.removeprefix("www.")
    top = next((line for line in (normalise(raw) for raw in text.split("\n", 40)[:40]) if line), "")
    for separator in _TITLE_SEPARATORS:
        if separator in top:
            head, _, tail = top.rpartition(separator)
            start, _, rest = top.partition(separator)
            for site, other in ((tail, head), (start, rest)):
                if 1 <= len(site.split()) <= 4 and len(other.split()) >= 3:
                    return "title:" + site.strip()
    return "folder:" + (str(PurePath(path).parent) if path else "")
