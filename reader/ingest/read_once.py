"""Text dumps read and decoded once per ingest, not twice.

The first pass (reader/ingest/templates.py) reads and decodes every text dump to count
its site's lines before any worker starts; a worker then read and decoded each file
again, the same bytes to the same text. What the first pass decoded is kept here, by
path, and the workers (forked after it, so they inherit it) take a file's text from
here instead of from the disk. A bounded amount: past `LIMIT` characters the rest are
read again, as before. Each run starts afresh and ends with `forget`.
"""

from __future__ import annotations

from pathlib import Path

from reader.ingest.decode import Decoded

LIMIT = 16 * 1024 * 1024  # characters kept at most (about 7,000 real-length articles)

_kept: dict[str, tuple[str, Decoded]] = {}
_size = 0


def keep(path: Path, sha: str, decoded: Decoded) -> None:
    """Remember `path`'s hash and decoded text, while there is room."""
    global _size
    if _size + len(decoded.text) <= LIMIT:
        _kept[str(path)] = (sha, decoded)
        _size += len(decoded.text)


def take(path: Path) -> tuple[str, Decoded] | None:
    """`path`'s hash and decoded text if the first pass kept them (once: they are dropped)."""
    return _kept.pop(str(path), None)


def forget() -> None:
    """Drop everything kept: a run's texts do not outlive it."""
    global _size
    _kept.clear()
    _size = 0
