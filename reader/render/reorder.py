"""Visual order of one line: the Unicode Bidirectional Algorithm (UAX #9), with an index map.

A string-returning bidi function is not enough: the engine needs to know which logical
character lands in which cell (style spans, harakat, mirroring), so it resolves levels
itself, with the project's own UBA in `reader.render.uba` (all of X1-X10, W1-W7, N0-N2,
I1-I2 and L1), and orders them here (L2). A line whose characters all sit at the base
level skips the algorithm; the others are resolved once and remembered, because the
mirroring step asks again for the same line.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from reader.render.chars import not_all_ltr_re, not_all_rtl_re
from reader.render.uba import classes, explicit
from reader.render.uba.paragraph import resolve_levels

CACHE_SIZE = 4096
_MAX_LEVEL = explicit.MAX_DEPTH + 1

bidi_class = classes.bidi_class
mirror = classes.mirror


def levels(line: str, base: int) -> list[int]:
    """Resolved embedding level of each character of `line` (rule L1 included)."""
    if not (not_all_rtl_re() if base else not_all_ltr_re()).search(line):
        return [base] * len(line)
    return list(_resolved(line, base))


@lru_cache(maxsize=CACHE_SIZE)
def _resolved(line: str, base: int) -> tuple[int, ...]:
    return tuple(resolve_levels(line, base))


def paragraph_level(text: str) -> int:
    """Rules P2-P3: 1 when the first strong character outside isolates is right-to-left.
    The engine picks its base direction by majority instead (see `engine.is_rtl`), so that
    "BBC عربي: ..." stays right-to-left; this is the standard's choice, for comparison."""
    return explicit.paragraph_level([bidi_class(char) for char in text])


def clear_cache() -> None:
    """Forget resolved lines, so that the next render pays for the algorithm again."""
    _resolved.cache_clear()


def visual_order(line_levels: list[int]) -> list[int]:
    """Logical indices in visual order (rule L2): from the highest level down to the lowest
    odd one, reverse every run of characters at that level or above.

    Reversing a run never changes which positions hold a level at or above any lower
    one, so every pass finds its runs in the logical levels, written as a string for a
    regular expression to scan."""
    order = list(range(len(line_levels)))
    if not line_levels:
        return order
    highest = max(line_levels)
    if highest == min(line_levels):
        return order[::-1] if highest % 2 else order
    odd = [level for level in line_levels if level % 2]
    if not odd:
        return order
    written = "".join(map(chr, line_levels))
    for level in range(highest, min(odd) - 1, -1):
        for run in _at_least(level).finditer(written):
            start, end = run.span()
            order[start:end] = order[start:end][::-1]
    return order


@cache
def _at_least(level: int) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(chr(level))}-{re.escape(chr(_MAX_LEVEL))}]+")
