"""Greedy line breaking in logical order, measured in cells after reshaping.

Breaking before reordering is what keeps a paragraph's first words on its first row;
breaking after it is the classic bug that puts the paragraph's end there instead.
"""

from __future__ import annotations

import re

from reader.render.shape import Clusters

_WORD = re.compile("[^ \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]+")


def wrap(clusters: Clusters, width: int) -> list[tuple[int, int]]:
    """Cluster ranges, one per line: break at the last space that fits, split only
    a word wider than the line. Spaces at a break are dropped; a paragraph's
    leading indentation stays with its first word."""
    lines: list[tuple[int, int]] = []
    start = end = -1
    used = 0
    for number, match in enumerate(_WORD.finditer(clusters.glyphs)):
        word_start = 0 if number == 0 else match.start()
        word_end = match.end()
        word_width = clusters.width(word_start, word_end)
        if start >= 0:
            gap = clusters.width(end, word_start)
            if used + gap + word_width <= width:
                end = word_end
                used += gap + word_width
                continue
            lines.append((start, end))
        if word_width <= width:
            start, end, used = word_start, word_end, word_width
            continue
        chunks = _split(clusters, word_start, word_end, width)
        lines.extend(chunks[:-1])
        start, end = chunks[-1]
        used = clusters.width(start, end)
    if start >= 0:
        lines.append((start, end))
    return lines or [(0, 0)]


def _split(clusters: Clusters, start: int, end: int, width: int) -> list[tuple[int, int]]:
    if clusters.widths is None:
        return [(i, min(i + width, end)) for i in range(start, end, width)]
    chunks: list[tuple[int, int]] = []
    chunk_start, used = start, 0
    for index in range(start, end):
        cell = clusters.widths[index]
        if used + cell > width and index > chunk_start:
            chunks.append((chunk_start, index))
            chunk_start, used = index, 0
        used += cell
    chunks.append((chunk_start, end))
    return chunks
