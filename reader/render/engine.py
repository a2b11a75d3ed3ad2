"""The Arabic display engine: logical text in, rows of exactly `width` cells out.

Per paragraph: sanitise, choose one base direction, reshape, wrap in logical order,
reorder each line on its own, mirror, align. Layouts are cached per (paragraph, width,
mode, settings); style spans are applied afterwards, so highlighting search hits or
entities never invalidates the cache.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from reader.render import reorder
from reader.render.chars import not_all_ltr_re, not_all_rtl_re
from reader.render.modes import Mode
from reader.render.sanitize import BIDI_CONTROLS, sanitize, split_paragraphs
from reader.render.shape import Clusters, clear_word_cache, clusters
from reader.render.wrap import wrap

BidiMode = Mode  # the name the TUI uses
_NOT_LETTER = re.compile(r"[\W\d_]+")
_RTL_LETTER = re.compile(
    "[\u05d0-\u05ea\u05ef-\u05f2\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef"
    "\u06fa-\u06fc\u06ff\u0710-\u074f\u0750-\u077f\u0780-\u07a5\u08a0-\u08c9\ufb1d-\ufb4f"
    "\ufb50-\ufd3d\ufd50-\ufdfb\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]+"
)
_MIRRORABLE = re.compile(r"[()<>\[\]{}«»‹›\u2000-\u2bff\u3008-\u301b\ufe59-\ufe5e\uff08-\uff60]")
_BIDI_CONTROL = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
_OVERFLOW = "…"
CACHE_SIZE = 4096


class Settings(NamedTuple):
    mode: Mode = Mode.APP
    keep_harakat: bool = True
    rtl_without_letters: bool = True  # base direction of a paragraph with no letters
    rtl: bool | None = None  # the base direction when the caller knows it (a table row)


DEFAULTS = Settings()
"""The engine's settings when a caller gives none."""


class Span(NamedTuple):
    """A style on the logical text: [start, end) offsets into what the caller passed."""

    start: int
    end: int
    style: str


class Line(NamedTuple):
    """One screen row. `text` is exactly the requested width in cells, in visual order."""

    text: str
    rtl: bool
    pad_left: int
    order: tuple[int, ...]
    source: Clusters
    offset: int = 0

    def cell_sources(self) -> list[tuple[int, int] | None]:
        """Per character of `text`: the [lo, hi) source offsets it shows (None for padding)."""
        result: list[tuple[int, int] | None] = [None] * self.pad_left
        for index in self.order:
            source = (self.offset + self.source.lo[index], self.offset + self.source.hi[index])
            result.extend([source] * (1 + len(self.source.marks.get(index, ""))))
        result.extend([None] * (len(self.text) - len(result)))
        return result

    def source_range(self) -> tuple[int, int]:
        """Source offsets only grow along the clusters (marks end before the next base
        starts), so the row's first and last clusters bound it; scanning every cell cost
        more than the whole cached re-render otherwise does."""
        if not self.order:
            return (self.offset, self.offset)
        return (
            self.offset + self.source.low(min(self.order)),
            self.offset + self.source.high(max(self.order)),
        )

    def style_ranges(self, spans: Sequence[Span]) -> tuple[tuple[int, int, str], ...]:
        """For each span, the runs of `text` characters whose source it touches."""
        sources = self.cell_sources()
        ranges: list[tuple[int, int, str]] = []
        for span in spans:
            run = -1
            for index, source in enumerate([*sources, None]):
                inside = source is not None and span.start < source[1] and source[0] < span.end
                if inside and run < 0:
                    run = index
                elif not inside and run >= 0:
                    ranges.append((run, index, span.style))
                    run = -1
        return tuple(ranges)


class VisualLine(NamedTuple):
    """A finished row: `text` in visual order, exactly the width in cells, and the named
    styles as [start, end) character ranges of `text`, later ranges above earlier ones."""

    text: str
    rtl: bool
    styles: tuple[tuple[int, int, str], ...] = ()
    logical_start: int = 0  # offset in the source text of the row's first logical character


def render_text(
    text: str,
    width: int,
    mode: Mode | str = Mode.APP,
    spans: Sequence[Span] | None = None,
    *,
    keep_harakat: bool = True,
    rtl_without_letters: bool = True,
    rtl: bool | None = None,
) -> list[VisualLine]:
    """The rows the screen shows for `text` in a pane `width` cells wide."""
    settings = Settings(Mode(mode), keep_harakat, rtl_without_letters, rtl)
    active = sorted((s for s in spans or () if s.end > s.start), key=lambda s: s.start)
    rows: list[VisualLine] = []
    for line in render(text, width, settings):
        low, high = line.source_range()
        hits = [s for s in active if s.start < high and low < s.end]
        styles = line.style_ranges(hits) if hits else ()
        rows.append(VisualLine(line.text, line.rtl, styles, low))
    return rows


def render_line(text: str, width: int, mode: Mode | str = Mode.APP) -> VisualLine:
    """One row for a short text (a title, a name): its first line, as far as it fits."""
    flat = " ".join(paragraph for _, paragraph in split_paragraphs(text))
    rows = render_text(flat, width, mode)
    return rows[0] if rows else VisualLine("", True)


def render(text: str, width: int, settings: Settings = DEFAULTS) -> list[Line]:
    """Every paragraph of `text` laid out for a pane `width` cells wide."""
    if width < 1:
        return []
    lines: list[Line] = []
    for offset, paragraph in split_paragraphs(text):
        for line in paragraph_lines(paragraph, width, settings):
            lines.append(line if offset == 0 else _shifted(line, offset))
    return lines


def render_lines(
    text: str,
    width: int,
    mode: Mode | str = Mode.APP,
    *,
    keep_harakat: bool = True,
    rtl_without_letters: bool = True,
) -> list[str]:
    """Just the rows' text, as `khabar render` prints them."""
    settings = Settings(Mode(mode), keep_harakat, rtl_without_letters)
    return [line.text for line in render(text, width, settings)]


def _shifted(line: Line, offset: int) -> Line:
    return Line(line.text, line.rtl, line.pad_left, line.order, line.source, offset)


def is_rtl(paragraph: str, rtl_without_letters: bool = True) -> bool:
    """RTL when most letters are Arabic-script (or Hebrew), so "BBC عربي: …" stays RTL."""
    only_letters = _NOT_LETTER.sub("", paragraph)
    letters = len(only_letters)
    rtl = letters - len(_RTL_LETTER.sub("", only_letters))
    if letters == 0 or rtl * 2 == letters:
        return rtl_without_letters if letters == 0 else rtl > 0 and rtl_without_letters
    return rtl * 2 > letters


@lru_cache(maxsize=CACHE_SIZE)
def paragraph_lines(paragraph: str, width: int, settings: Settings) -> tuple[Line, ...]:
    clean = sanitize(paragraph)
    rtl = is_rtl(clean.text, settings.rtl_without_letters) if settings.rtl is None else settings.rtl
    app = settings.mode is Mode.APP
    shaped = clusters(clean, shape=app, keep_harakat=settings.keep_harakat)
    result: list[Line] = []
    for start, end in wrap(shaped, width):
        if app:
            order = _visual(shaped, start, end, rtl)
        else:
            order = [i for i in range(start, end) if shaped.glyphs[i] not in BIDI_CONTROLS]
        result.append(_line(shaped, order, width, rtl, right=rtl and settings.mode is not Mode.OFF))
    return tuple(result)


def clear_caches() -> None:
    """Forget every laid-out paragraph, shaped word and resolved line, so the next render
    is a cold one."""
    paragraph_lines.cache_clear()
    clear_word_cache()
    reorder.clear_cache()


def logical_lines(paragraph: str, width: int, settings: Settings = DEFAULTS) -> list[str]:
    """The reshaped logical text of each wrapped line (what the reordering step sees)."""
    clean = sanitize(paragraph)
    shaped = clusters(clean, shape=settings.mode is Mode.APP, keep_harakat=settings.keep_harakat)
    return [
        "".join(shaped.glyphs[i] + shaped.marks.get(i, "") for i in range(start, end))
        for start, end in wrap(shaped, width)
    ]


def _visual(shaped: Clusters, start: int, end: int, rtl: bool) -> list[int]:
    glyphs = shaped.glyphs[start:end]
    if not (not_all_rtl_re() if rtl else not_all_ltr_re()).search(glyphs):
        # Every character sits at the base level (most lines of an Arabic article): the
        # order is the line reversed or as it is, without resolving levels.
        order: Iterable[int] = range(end - 1, start - 1, -1) if rtl else range(start, end)
    else:
        order = [start + k for k in reorder.visual_order(reorder.levels(glyphs, int(rtl)))]
    if _BIDI_CONTROL.search(glyphs):
        return [i for i in order if shaped.glyphs[i] not in BIDI_CONTROLS]
    return list(order)


def _line(shaped: Clusters, order: Iterable[int], width: int, rtl: bool, right: bool) -> Line:
    order = tuple(order)
    marks = shaped.marks
    glyphs = shaped.glyphs
    if marks:
        body = "".join(glyphs[i] + marks.get(i, "") for i in order)
    else:
        body = "".join(glyphs[i] for i in order)
    if _MIRRORABLE.search(body):
        body = _mirror(shaped, order, rtl)
    used = sum(shaped.widths[i] for i in order) if shaped.widths is not None else len(order)
    if used > width:
        return Line(_OVERFLOW + " " * (width - 1), rtl, 0, (), shaped)
    pad = width - used
    if right:
        return Line(" " * pad + body, rtl, pad, order, shaped)
    return Line(body + " " * pad, rtl, 0, order, shaped)


def _mirror(shaped: Clusters, order: tuple[int, ...], rtl: bool) -> str:
    """Rule L4: glyphs at odd levels show their mirror image; levels are recomputed
    for the line, which only happens on lines that hold a mirrorable character."""
    lo, hi = min(order), max(order) + 1
    glyphs = shaped.glyphs[lo:hi]
    levels = reorder.levels(glyphs, 1 if rtl else 0)
    return "".join(
        (reorder.mirror(glyphs[i - lo]) if levels[i - lo] % 2 else glyphs[i - lo])
        + shaped.marks.get(i, "")
        for i in order
    )
