"""The marks drawn over an article body: its entity mentions, the mention the entities
pane went to, and the search's hits; and how n/N step through the hits.

Indexed by start, so a painted row finds its own marks without a scan of them all (an
article can carry 20,000 mentions).
"""

from __future__ import annotations

from bisect import bisect_left

from reader.render.engine import Span
from reader.store.read.rows import Mention

MARK_STYLES = ("hit", "hit-current", "mention-current")
# Later layers are drawn over earlier ones: a hit's text colour is chosen for its own
# background, so an entity's colour must never be drawn over it; the marked mention
# (reversed) sits between them.
LAYERS = {"mention-current": 1, "hit": 2, "hit-current": 2}


class BodyMarks:
    def __init__(
        self,
        mentions: list[Mention],
        hits: list[tuple[int, int]],
        current_hit: int,
        marked: tuple[int, int] | None,
    ) -> None:
        spans = [Span(m.start, m.end, m.kind) for m in mentions]
        spans += [
            Span(s, e, "hit-current" if i == current_hit else "hit")
            for i, (s, e) in enumerate(hits)
        ]
        if marked is not None:
            spans.append(Span(*marked, "mention-current"))
        self._by_start = sorted((s for s in spans if s.end > s.start), key=lambda s: s.start)
        self._starts = [s.start for s in self._by_start]
        self._longest = max((s.end - s.start for s in self._by_start), default=0)

    def within(self, low: int, high: int) -> list[Span]:
        """The marks over [low, high), in LAYERS order."""
        first = bisect_left(self._starts, low - self._longest)
        last = bisect_left(self._starts, high)
        found = [s for s in self._by_start[first:last] if s.end > low]
        return sorted(found, key=lambda s: (LAYERS.get(s.style, 0), s.start))


def hit_after(current: int, step: int, count: int) -> int | None:
    """The hit n (step 1) or N (-1) goes to; None past the last or first one, where the
    search goes on in the next or previous article. With none chosen yet, n takes the
    first and N the last."""
    target = current + step if current >= 0 else (0 if step > 0 else count - 1)
    return target if 0 <= target < count else None
