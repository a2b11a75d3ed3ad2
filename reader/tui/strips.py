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

from reader.render.engine import BidiMode, VisualLine, render_text

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


def fit_line(text: str, width: int, mode: BidiMode) -> VisualLine:
    """One row for a short text; when it does not fit, cut at its logical end and put the
    ellipsis where the reader's eye ends (the left edge of an RTL row, the right of LTR)."""
    flat = " ".join(text.split())
    rows = render_text(flat, width, mode)
    if not rows:
        return VisualLine(" " * width, True)
    if len(rows) == 1 or width < 2:
        return rows[0]
    first = render_text(flat, width - 1, mode)[0]
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
) -> Strip:
    """A one-row text (title, name, status) through the engine, cut where the eye ends."""
    if width <= len(prefix):
        return Strip.blank(width, base)
    inner = width - len(prefix)
    body = visual_strip(fit_line(text, inner, mode), inner, base)
    if not prefix:
        return body
    return Strip.join([Strip([Segment(prefix, prefix_style or base)]), body])


def visual_text(text: str, width: int, mode: BidiMode) -> str:
    """The engine's visual form of a short text, unpadded, for places that take plain text."""
    return fit_line(text, max(1, width), mode).text.strip()
