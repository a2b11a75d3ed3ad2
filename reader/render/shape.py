"""Turn one clean paragraph into display clusters: a base glyph plus the marks drawn on it.

Marks (harakat and other combining marks) take no cell and must follow their base in
the stream the terminal sees, whatever the reordering does, so they ride on their base
as one cluster. Reshaping can merge two letters into one glyph (lam-alef), so each
cluster remembers the range of source offsets it covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.arabic_reshaper import HARAKAT_RE

from reader.render.chars import JOINERS, format_re, mark_re, widths
from reader.render.sanitize import Clean

# Lam-alef on (one cell), the Allah ligature off (terminals draw it wider than a cell),
# harakat handled by the caller, tatweel kept.
_RESHAPER = ArabicReshaper(
    configuration={
        "delete_harakat": True,
        "delete_tatweel": False,
        "support_zwj": True,
        "ARABIC LIGATURE ALLAH": False,
    }
)
_LAM_ALEF = re.compile("[\ufef5-\ufefc]")
_ARABIC = re.compile("[\u0600-\u08ff]")


@dataclass(frozen=True, slots=True)
class Clusters:
    """A paragraph as display clusters; `glyphs` holds one base character per cluster."""

    glyphs: str
    marks: dict[int, str]
    lo: list[int]
    hi: list[int]
    widths: list[int] | None

    def width(self, start: int, end: int) -> int:
        if self.widths is None:
            return end - start
        return sum(self.widths[start:end])


def clusters(clean: Clean, shape: bool, keep_harakat: bool) -> Clusters:
    text, origin = clean.text, list(clean.origin)
    dropped = format_re().search(text)
    if dropped:
        keep = [i for i, c in enumerate(text) if not format_re().match(c)]
        text = "".join(text[i] for i in keep)
        origin = [origin[i] for i in keep]
    bases: list[str] = []
    base_origin: list[int] = []
    marks: dict[int, list[tuple[str, int]]] = {}
    if mark_re().search(text):
        for char, source in zip(text, origin, strict=True):
            if mark_re().match(char):
                if bases and (keep_harakat or not HARAKAT_RE.match(char)):
                    marks.setdefault(len(bases) - 1, []).append((char, source))
            else:
                bases.append(char)
                base_origin.append(source)
        base_text = "".join(bases)
    else:
        base_text, base_origin = text, origin
    glyphs, first = (
        _reshape(base_text) if shape and _ARABIC.search(base_text) else (base_text, None)
    )
    return _assemble(glyphs, first, base_origin, marks)


def _reshape(base_text: str) -> tuple[str, list[int]]:
    """Reshaped text and, per output glyph, the index of its first source base."""
    glyphs = _RESHAPER.reshape(base_text)
    first: list[int] = []
    source = 0
    for glyph in glyphs:
        while source < len(base_text) and base_text[source] == "\u200d" and glyph != "\u200d":
            source += 1
        first.append(source)
        source += 2 if _LAM_ALEF.match(glyph) else 1
    return glyphs, first


def _assemble(
    glyphs: str,
    first: list[int] | None,
    base_origin: list[int],
    marks: dict[int, list[tuple[str, int]]],
) -> Clusters:
    starts = first if first is not None else range(len(glyphs))
    lo = [base_origin[start] for start in starts]
    if first is None:
        hi = [low + 1 for low in lo]
    else:
        hi = [base_origin[end - 1] + 1 for end in [*first[1:], len(base_origin)]]
    cluster_marks: dict[int, str] = {}
    if marks:
        owner = _owners(first, len(base_origin))
        for base, attached in marks.items():
            index = owner[base]
            cluster_marks[index] = cluster_marks.get(index, "") + "".join(c for c, _ in attached)
            hi[index] = max(hi[index], *(source + 1 for _, source in attached))
    keep = [i for i, g in enumerate(glyphs) if g not in JOINERS] if _has_joiner(glyphs) else None
    if keep is not None:
        glyphs = "".join(glyphs[i] for i in keep)
        lo = [lo[i] for i in keep]
        hi = [hi[i] for i in keep]
        cluster_marks = {n: cluster_marks[i] for n, i in enumerate(keep) if i in cluster_marks}
    return Clusters(glyphs, cluster_marks, lo, hi, widths(glyphs))


def _owners(first: list[int] | None, base_count: int) -> list[int]:
    """Cluster index of each source base."""
    if first is None:
        return list(range(base_count))
    owner: list[int] = []
    for index, (start, end) in enumerate(zip(first, [*first[1:], base_count], strict=True)):
        owner.extend([index] * (end - start))
    return [0] * first[0] + owner if first else [0] * base_count


def _has_joiner(glyphs: str) -> bool:
    return "\u200c" in glyphs or "\u200d" in glyphs
