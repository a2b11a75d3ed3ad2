"""Turn one clean paragraph into display clusters: a base glyph plus the marks drawn on it.

Marks (harakat and other combining marks) take no cell and must follow their base in
the stream the terminal sees, whatever the reordering does, so they ride on their base
as one cluster. Reshaping can merge two letters into one glyph (lam-alef), so each
cluster remembers the range of source offsets it covers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.arabic_reshaper import HARAKAT_RE

from reader import arabic
from reader.render.chars import JOINERS, VS16, cell_width, cluster_widths, format_re, mark_re
from reader.render.forms import FormShaper
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
_FORMS = FormShaper(_RESHAPER)
_LAM_ALEF = re.compile("[\ufef5-\ufefc]")
_LAM = "\u0644"
ZWJ = "\u200d"
_ARABIC = re.compile(f"[{arabic.JOINING_BLOCKS}]")
_WORD_CACHE_SIZE = 50_000
_shaped_words: dict[str, str] = {}


@dataclass(eq=False)
class Clusters:
    """A paragraph as display clusters; `glyphs` holds one base character per cluster.

    Source ranges (`lo`, `hi`) are only needed for styles, so they are built on demand
    from `first` (the first base of each cluster, None when one base makes one
    cluster) and `base_origin` (the source offset of each base)."""

    glyphs: str
    marks: dict[int, str]
    widths: list[int] | None
    first: list[int] | None
    base_origin: Sequence[int]
    mark_end: dict[int, int]  # cluster -> one past the last source offset of its marks

    def width(self, start: int, end: int) -> int:
        if self.widths is None:
            return end - start
        return sum(self.widths[start:end])

    def low(self, index: int) -> int:
        """`lo[index]`, without building the whole list."""
        base = index if self.first is None else self.first[index]
        return self.base_origin[base]

    def high(self, index: int) -> int:
        """`hi[index]`, without building the whole list."""
        if self.first is None:
            last = index
        else:
            last = (
                self.first[index + 1] if index + 1 < len(self.first) else len(self.base_origin)
            ) - 1
        return max(self.base_origin[last] + 1, self.mark_end.get(index, 0))

    @cached_property
    def lo(self) -> list[int]:
        if self.first is None:
            return list(self.base_origin)
        return [self.base_origin[start] for start in self.first]

    @cached_property
    def hi(self) -> list[int]:
        if self.first is None:
            ends = [source + 1 for source in self.base_origin]
        else:
            last = [*self.first[1:], len(self.base_origin)]
            ends = [self.base_origin[end - 1] + 1 for end in last]
        for index, end in self.mark_end.items():
            ends[index] = max(ends[index], end)
        return ends


@cache
def _dropped_before_shaping() -> re.Pattern[str]:
    """Format characters, and the spacing characters the reshaper counts as harakat and
    deletes (U+06E5 and U+06E6 today): taken out here, with their offsets, so that every
    base the shaper sees comes out as one glyph, or two as one lam-alef."""
    named = [ord(char) for char in HARAKAT_RE.pattern if ord(char) > 0x7F]  # its range ends
    span = "".join(map(chr, range(min(named), max(named) + 1)))
    spacing = "".join(c for c in HARAKAT_RE.findall(span) if not mark_re().match(c))
    return re.compile(f"{format_re().pattern}|[{re.escape(spacing)}]")


def clusters(clean: Clean, shape: bool, keep_harakat: bool) -> Clusters:
    text: str = clean.text
    origin: Sequence[int] = clean.origin
    dropping = _dropped_before_shaping() if shape else format_re()
    if dropping.search(text):
        keep = [i for i, c in enumerate(text) if not dropping.match(c)]
        text = "".join(text[i] for i in keep)
        origin = [origin[i] for i in keep]
    bases: list[str] = []
    base_origin: Sequence[int] = []
    marks: dict[int, list[tuple[str, int]]] = {}
    if mark_re().search(text):
        kept: list[int] = []
        for char, source in zip(text, origin, strict=True):
            if mark_re().match(char):
                if _kept_mark(char, bases, keep_harakat):
                    marks.setdefault(len(bases) - 1, []).append((char, source))
            else:
                bases.append(char)
                kept.append(source)
        base_text, base_origin = "".join(bases), kept
    else:
        base_text, base_origin = text, origin
    glyphs, first = (
        _reshape(base_text) if shape and _ARABIC.search(base_text) else (base_text, None)
    )
    return _assemble(glyphs, first, base_origin, marks)


def _reshape(base_text: str) -> tuple[str, list[int]]:
    """Reshaped text and, per output glyph, the index of its first source base."""
    glyphs = _reshape_words(base_text)
    if ZWJ in glyphs:
        glyphs = glyphs.replace(ZWJ, "")
        return glyphs, _first_sources_with_joiners(base_text, glyphs)
    # Glyph j comes from base j + (ligatures before j): each lam-alef made here ate one
    # base. A lam-alef already in the input stands for one base, and its source is no lam.
    first: list[int] = []
    done = previous = 0
    for ligature in _LAM_ALEF.finditer(glyphs):
        at = ligature.start()
        if base_text[at + done] != _LAM:
            continue
        first.extend(range(previous + done, at + done + 1))
        done += 1
        previous = at + 1
    first.extend(range(previous + done, len(glyphs) + done))
    return glyphs, first


def _reshape_words(base_text: str) -> str:
    """`_RESHAPER.reshape(base_text)`, word by word from a memo.

    A space is not a letter to the reshaper, so it ends every joining context, and the only
    ligatures enabled (lam-alef) never span one: each word shapes the same on its own as in
    its paragraph (a ZWJ included: it joins only the letters beside it). News text repeats
    its words, so only the unseen ones are shaped."""
    words = base_text.split(" ")
    memo = _shaped_words
    unseen = [word for word in dict.fromkeys(words) if word not in memo]
    if len(memo) + len(unseen) > _WORD_CACHE_SIZE:
        memo.clear()
        unseen = list(dict.fromkeys(words))
    shape = _FORMS.shape
    for word in unseen:
        memo[word] = shape(word)
    return " ".join([memo[word] for word in words])


def clear_word_cache() -> None:
    """Forget every shaped word (for measuring a cold render)."""
    _shaped_words.clear()


def _first_sources_with_joiners(base_text: str, glyphs: str) -> list[int]:
    """The general walk, over glyphs with the ZWJs taken out: skip their sources."""
    first: list[int] = []
    source = 0
    for glyph in glyphs:
        while source < len(base_text) and base_text[source] == ZWJ:
            source += 1
        first.append(source)
        source += 2 if _LAM_ALEF.match(glyph) and base_text[source] == _LAM else 1
    return first


def _assemble(
    glyphs: str,
    first: list[int] | None,
    base_origin: Sequence[int],
    marks: dict[int, list[tuple[str, int]]],
) -> Clusters:
    cluster_marks: dict[int, str] = {}
    mark_end: dict[int, int] = {}
    if marks:
        owner = _owners(first, len(base_origin))
        for base, attached in marks.items():
            index = owner[base]
            cluster_marks[index] = cluster_marks.get(index, "") + "".join(c for c, _ in attached)
            mark_end[index] = max(mark_end.get(index, 0), *(source + 1 for _, source in attached))
    if _has_joiner(glyphs):
        keep = [i for i, g in enumerate(glyphs) if g not in JOINERS]
        starts = first if first is not None else list(range(len(glyphs)))
        kept_origin = [base_origin[starts[i]] for i in keep]
        ends = [*starts[1:], len(base_origin)]
        # Rebuild as one base per cluster: joiners vanish, their neighbours keep their sources.
        kept_marks = {n: cluster_marks[i] for n, i in enumerate(keep) if i in cluster_marks}
        return Clusters(
            "".join(glyphs[i] for i in keep),
            kept_marks,
            cluster_widths("".join(glyphs[i] for i in keep), kept_marks),
            None,
            kept_origin,
            {n: max(mark_end.get(i, 0), base_origin[ends[i] - 1] + 1) for n, i in enumerate(keep)},
        )
    widths = cluster_widths(glyphs, cluster_marks)
    return Clusters(glyphs, cluster_marks, widths, first, base_origin, mark_end)


def _kept_mark(mark: str, bases: list[str], keep_harakat: bool) -> bool:
    """A mark needs a base; harakat go when the setting says so. A VS16 on a base of no
    width (a joiner, a skin tone) goes too: Rich would apply it to an earlier character,
    in a cell the reordering may have moved."""
    if not bases:
        return False
    if mark == VS16:
        return cell_width(bases[-1]) > 0
    return keep_harakat or not HARAKAT_RE.match(mark)


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
