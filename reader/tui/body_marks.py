"""The marks drawn over an article body: its entity mentions and the search's hits.

Indexed by start, so a painted row finds its own marks without a scan of them all (an
article can carry 20,000 mentions).
"""

from __future__ import annotations

from bisect import bisect_left

from reader.render.engine import Span
from reader.store.read.rows import Mention


class BodyMarks:
    def __init__(
        self, mentions: list[Mention], hits: list[tuple[int, int]], current_hit: int
    ) -> None:
        spans = [Span(m.start, m.end, m.kind) for m in mentions]
        spans += [
            Span(s, e, "hit-current" if i == current_hit else "hit")
            for i, (s, e) in enumerate(hits)
        ]
        self._by_start = sorted((s for s in spans if s.end > s.start), key=lambda s: s.start)
        self._starts = [s.start for s in self._by_start]
        self._longest = max((s.end - s.start for s in self._by_start), default=0)

    def within(self, low: int, high: int) -> list[Span]:
        """The marks over [low, high), hits last: a hit's text colour is chosen for its own
        background, so an entity's colour must never be drawn over it."""
        first = bisect_left(self._starts, low - self._longest)
        last = bisect_left(self._starts, high)
        found = [s for s in self._by_start[first:last] if s.end > low]
        return sorted(found, key=lambda s: (s.style.startswith("hit"), s.start))
