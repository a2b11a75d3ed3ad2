"""An article body's rows, laid out a piece at a time: the model behind BodyView.

A scraped page can be megabytes, and laying all of it out took the UI thread 9 to 14 s.
So the body is cut into pieces (its paragraphs, any long one cut at a space); a piece's
row count is estimated from its length until it is laid out, and only the pieces on
screen and around it are ever laid out. Row numbers therefore move as estimates become
exact: an `Anchor` (a piece and a row inside it) is what the view holds still meanwhile.

No Textual here: `lay_out` is a pure function a worker thread can run, and `land` (on
the UI thread) takes its result.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from typing import NamedTuple

from reader.render.engine import Line, Settings, VisualLine, paragraph_lines
from reader.render.modes import Mode
from reader.render.sanitize import split_paragraphs

PIECE = 4_000
"""Longest piece in characters (about 10 ms of layout): no single layout call is long."""
KEEP = 200_000
"""Characters of laid-out pieces kept; beyond that the farthest from the reader go."""
FILL = 0.9
"""Characters per cell of width a wrapped row holds, for estimates (0.90-0.91 measured
on Arabic news text at 78 and 118 cells)."""
WARM = 12_000
"""Characters of a neighbouring article laid out ahead: more than its first screen."""

Anchor = tuple[int, int]
"""A piece's index and a row inside it."""


class Piece(NamedTuple):
    offset: int
    """Where it starts in the body."""
    text: str
    opens: bool
    """It starts a paragraph (rather than continuing a long one)."""


def pieces(body: str, longest: int = PIECE) -> list[Piece]:
    """The body's paragraphs, any longer than `longest` cut at a space."""
    out: list[Piece] = []
    for offset, paragraph in split_paragraphs(body):
        start = 0
        while len(paragraph) - start > longest:
            cut = paragraph.rfind(" ", start + longest // 2, start + longest)
            cut = cut + 1 if cut > 0 else start + longest
            out.append(Piece(offset + start, paragraph[start:cut], start == 0))
            start = cut
        out.append(Piece(offset + start, paragraph[start:], start == 0))
    return out


def lay_out(piece: Piece, width: int, settings: Settings) -> tuple[Line, ...]:
    """A piece's rows as engine Lines carrying body offsets; a blank paragraph has none."""
    lines = paragraph_lines(piece.text, width, settings)
    if piece.offset == 0:
        return tuple(line for line in lines if line.order)
    return tuple(line._replace(offset=piece.offset) for line in lines if line.order)


def warm(body: str, width: int, mode: Mode) -> None:
    """Lay out a body's first screens into the engine's cache (for a read-ahead worker)."""
    total = 0
    for piece in pieces(body) if width > 0 else ():
        if total >= WARM:
            return
        lay_out(piece, width, Settings(mode))
        total += len(piece.text)


class BodyRows:
    """Rows of one body at one width and mode; only laid-out pieces hold real rows."""

    def __init__(self, cut: list[Piece], width: int, settings: Settings) -> None:
        self.width, self.settings = width, settings
        self.pieces = cut
        self.chars = sum(len(p.text) for p in cut)
        self._offsets = [p.offset for p in self.pieces]
        texts = [i for i, p in enumerate(self.pieces) if p.text.strip()]
        self._first = texts[0] if texts else len(self.pieces)
        self._lines: dict[int, tuple[Line, ...]] = {}
        self._kept = 0
        self._counts = [self._rows_for(i, self._estimate(p)) for i, p in enumerate(self.pieces)]
        self._starts = [0, *itertools.accumulate(self._counts)]

    def _estimate(self, piece: Piece) -> int:
        if not piece.text.strip():
            return 0
        return -(-len(piece.text) // max(1, int(self.width * FILL)))

    def _gap(self, index: int) -> bool:
        return self.pieces[index].opens and index > self._first

    def _rows_for(self, index: int, lines: int) -> int:
        """A paragraph's first piece has a blank row above it, unless it is the first."""
        return lines + (1 if lines and self._gap(index) else 0)

    @property
    def rows(self) -> int:
        return self._starts[-1]

    def locate(self, row: int) -> Anchor:
        """Which piece shows body row `row`, and which of its rows it is."""
        index = max(0, min(bisect_right(self._starts, row) - 1, len(self.pieces) - 1))
        return index, row - self._starts[index]

    def row_at(self, anchor: Anchor) -> int:
        index, local = anchor
        if index >= len(self.pieces):
            return self.rows
        return self._starts[index] + max(0, min(local, self._counts[index] - 1))

    def row(self, row: int) -> Line | VisualLine | None:
        """The row as laid out, or None where its piece is not laid out (yet)."""
        index, local = self.locate(row)
        lines = self._lines.get(index)
        if lines is None or row >= self.rows:
            return None
        if self._gap(index):
            if local == 0:
                return VisualLine(" " * self.width, True, (), self.pieces[index].offset)
            local -= 1
        return lines[local] if local < len(lines) else None

    def missing(self, low: int, high: int) -> list[int]:
        """The pieces showing rows [low, high) that are not laid out."""
        if high <= low or not self.pieces:
            return []
        index, _ = self.locate(max(0, low))
        found: list[int] = []
        while index < len(self.pieces) and self._starts[index] < high:
            if index not in self._lines and self._counts[index]:
                found.append(index)
            index += 1
        return found

    def is_laid_out(self, index: int) -> bool:
        return index in self._lines

    def land(self, index: int, lines: tuple[Line, ...], near: int) -> None:
        """A piece laid out; keep at most KEEP characters, dropping those farthest from
        piece `near` (their row counts stay: they are exact now)."""
        if index in self._lines:
            return
        self._lines[index] = lines
        self._kept += len(self.pieces[index].text)
        count = self._rows_for(index, len(lines))
        if count != self._counts[index]:
            self._counts[index] = count
            self._starts = [0, *itertools.accumulate(self._counts)]
        if self._kept > KEEP:
            for far in sorted(self._lines, key=lambda i: -abs(i - near)):
                if self._kept <= KEEP * 3 // 4:
                    break
                del self._lines[far]
                self._kept -= len(self.pieces[far].text)

    def piece_at(self, offset: int) -> int:
        return max(0, bisect_right(self._offsets, offset) - 1)

    def row_of(self, offset: int) -> int:
        """The row showing body offset `offset` (its piece must be laid out to be exact)."""
        if not self.pieces:
            return 0
        index = self.piece_at(offset)
        lines = self._lines.get(index, ())
        gap = 1 if self._counts[index] and self._gap(index) else 0
        starts = [line.source_range()[0] for line in lines]
        return self._starts[index] + gap + max(0, bisect_right(starts, offset) - 1)

    def offset_at(self, row: int) -> int:
        """The body offset a row starts at (by proportion inside a piece not laid out)."""
        if not self.pieces:
            return 0
        line = self.row(row)
        if isinstance(line, Line):
            return line.source_range()[0]
        if isinstance(line, VisualLine):
            return line.logical_start
        index, local = self.locate(row)
        piece, count = self.pieces[index], max(1, self._counts[index])
        return piece.offset + len(piece.text) * min(local, count) // count
