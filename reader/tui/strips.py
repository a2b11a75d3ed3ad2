"""The adapter from the display engine's VisualLines to Textual Strips.

The engine decides every cell (order, shaping, padding); this only turns its
named style ranges into Rich styles, so colours stay in the stylesheet.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.render.engine import BidiMode, Span, VisualLine, render_text
from reader.store.read.rows import Article

ELLIPSIS = "…"


def visual_strip(
    line: VisualLine, width: int, base: Style, styles: Mapping[str, Style] | None = None
) -> Strip:
    """One engine row as a Strip of exactly `width` cells; later style ranges win overlaps.

    Cut only where a style range starts or ends (a row has a handful), not per character."""
    text = line.text
    ranges = [
        (max(0, start), min(end, len(text)), extra)
        for start, end, name in line.styles
        if (extra := (styles or {}).get(name)) is not None and start < end
    ]
    if not ranges:
        return Strip([Segment(text, base)]).adjust_cell_length(width, base)
    cuts = sorted({0, len(text), *(r[0] for r in ranges), *(r[1] for r in ranges)})
    segments: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        style = base
        for low, high, extra in ranges:
            if low <= start and end <= high:
                style = style + extra
        if segments and segments[-1].style == style:
            segments[-1] = Segment(segments[-1].text + text[start:end], style)
        else:
            segments.append(Segment(text[start:end], style))
    return Strip(segments).adjust_cell_length(width, base)


def fit_line(text: str, width: int, mode: BidiMode, rtl: bool | None = None) -> VisualLine:
    """One row for a short text; when it does not fit, cut at its logical end and put the
    ellipsis where the reader's eye ends (the left edge of an RTL row, the right of LTR).
    `rtl` is the base direction when the caller knows it (interface text)."""
    flat = " ".join(text.split())
    rows = render_text(flat, width, mode, rtl=rtl)
    if not rows:
        return VisualLine(" " * width, True)
    if len(rows) == 1 or width < 2:
        return rows[0]
    first = render_text(flat, width - 1, mode, rtl=rtl)[0]
    if first.rtl:
        shifted = tuple((s + 1, e + 1, n) for s, e, n in first.styles)
        return VisualLine(ELLIPSIS + first.text, True, shifted, first.logical_start)
    return VisualLine(first.text + ELLIPSIS, False, first.styles, first.logical_start)


def text_strip(
    text: str,
    width: int,
    mode: BidiMode,
    base: Style,
    *,
    prefix: str = "",
    prefix_style: Style | None = None,
    rtl: bool | None = None,
) -> Strip:
    """A one-row text (title, name, status) through the engine, cut where the eye ends."""
    if width <= len(prefix):
        return Strip.blank(width, base)
    inner = width - len(prefix)
    body = visual_strip(fit_line(text, inner, mode, rtl), inner, base)
    if not prefix:
        return body
    return Strip.join([Strip([Segment(prefix, prefix_style or base)]), body])


def fit_with_tail(text: str, tail: str, width: int, mode: BidiMode) -> VisualLine:
    """One row of `text` + `tail` where the tail (an entity's count, a date) survives a cut:
    the text is shortened at its logical end and the ellipsis goes before the tail."""
    flat = " ".join(text.split())
    whole = fit_line(flat + tail, width, mode)
    room = width - len(tail) - 1
    if room < 1 or len(render_text(flat + tail, width, mode)) == 1:
        return whole
    rows = render_text(flat, room, mode)
    cut = rows[1].logical_start if len(rows) > 1 else len(flat)
    return fit_line(flat[:cut].rstrip() + ELLIPSIS + tail, width, mode)


def counted(name: str, count: int, width: int, mode: BidiMode, mirrored: bool) -> VisualLine:
    """A name and its count in one row. The count stands at the start of the row: after the
    name (kept when the name is cut) where the layout reads left to right, before it in the
    mirrored layout, so it reads first at the right of the right-to-left row."""
    if mirrored:
        return fit_line(f"({count}) {' '.join(name.split())}", width, mode)
    return fit_with_tail(name, f" ({count})", width, mode)


def with_marks(marks: str, style: Style, body: Strip, mirrored: bool) -> Strip:
    """A row with its marks (★ ●, ✓) at the start of the line: the left edge, or the right
    edge with the marks in mirrored order in the mirrored layout."""
    if mirrored:
        return Strip.join([body, Strip([Segment(marks[::-1], style)])])
    return Strip.join([Strip([Segment(marks, style)]), body])


def first_rows(text: str, width: int, mode: BidiMode, count: int) -> list[VisualLine]:
    """At most `count` rows of a short text (a title), the last one cut where the eye ends."""
    flat = " ".join(text.split())
    rows = render_text(flat, width, mode)
    if len(rows) <= count:
        return rows
    rest = flat[rows[count - 1].logical_start :]
    return [*rows[: count - 1], fit_line(rest, width, mode)]


def aligned_like(line: VisualLine, rtl: bool, width: int) -> VisualLine:
    """A row that has no right-to-left letters (a source such as "RT") aligned to the right
    like the Arabic rows around it; its parts were already put in right-to-left order."""
    if line.rtl or not rtl:
        return line
    content = line.text.rstrip()
    shift = max(0, width - len(content))
    styles = tuple((s + shift, e + shift, n) for s, e, n in line.styles)
    return VisualLine(" " * shift + content[:width], False, styles, line.logical_start)


def parts_line(parts: list[str], width: int, mode: BidiMode, rtl: bool) -> VisualLine:
    """Metadata parts ("source · date") as one row in the direction of the row above it:
    under a right-to-left title the first part stands at the right, even when none of the
    parts has an Arabic letter. The last part (the date) is kept whole when the row is cut."""
    if not parts:
        return fit_line("—", width, mode)
    line = _parts_fit(parts, width, mode)
    if line.rtl or not rtl or mode == BidiMode.OFF:
        return line
    return aligned_like(_parts_fit(parts[::-1], width, mode), rtl, width)


def _parts_fit(parts: list[str], width: int, mode: BidiMode) -> VisualLine:
    if len(parts) == 1:
        return fit_line(parts[0], width, mode)
    return fit_with_tail(" · ".join(parts[:-1]), " · " + parts[-1], width, mode)


def article_head(
    article: Article, width: int, mode: BidiMode, title_hits: list[tuple[int, int]]
) -> list[tuple[VisualLine, str]]:
    """Title (with the search's hits in it), the metadata line, the link and a blank row:
    laid out whole, they are short."""
    titles = render_text(article.title, width, mode, [Span(s, e, "hit") for s, e in title_hits])
    rows = [(line, "title") for line in titles]
    meta = [p for p in (article.source, article.published, article.author) if p]
    rtl = titles[0].rtl if titles else True
    if meta:
        rows.append((parts_line(meta, width, mode, rtl), "meta"))
    if article.url:
        rows.append((aligned_like(fit_line(article.url, width, mode), rtl, width), "url"))
    rows.append((VisualLine(" " * width, True), ""))
    return rows
