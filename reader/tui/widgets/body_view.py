"""The article body: title, a metadata line, then the paragraphs through the engine.

Rows are laid out once per (article, width, mode, hits) and kept; `render_line`
only slices them. Each body row knows the logical range it shows, which is how
a mention or a search hit offset becomes a row to scroll to, and how the scroll
position is saved as a width-independent offset.

A huge body (a scraped page can be megabytes) is not laid out on the UI thread: its
first screens are, and a thread worker lays out the rest a slice at a time, each
slice appended as it lands, so opening and scrolling never wait for the whole
article (laying out 2.5 MB took the UI thread 9 to 14 s).
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.kinds import Kind
from reader.render.engine import (
    BidiMode,
    Line,
    Settings,
    Span,
    VisualLine,
    paragraph_lines,
    render,
    render_text,
)
from reader.render.sanitize import split_paragraphs
from reader.store.read.rows import Article, Mention
from reader.tui.strips import aligned_like, fit_line, parts_line, visual_strip

HIT_STYLES = ("hit", "hit-current")
# A body longer than HUGE characters is laid out in a worker after its first FIRST
# characters; the worker hands over SLICE characters at a time, and a paragraph longer
# than PIECE is cut at a space so no single layout call can be long.
HUGE = 100_000
FIRST = 12_000
SLICE = 40_000
PIECE = 8_000
PAUSE = 0.002  # seconds the layout worker sleeps after each piece


class BodyView(ScrollView, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Scroll down", id="body.down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", id="body.up", show=False),
        Binding("g,home", "scroll_home", "Top", id="body.top", show=False),
        Binding("G,end", "scroll_end", "Bottom", id="body.bottom", show=False),
        Binding("ctrl+d", "half_page(1)", "Half a page down", id="body.half_down", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half a page up", id="body.half_up", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "body--title",
        "body--meta",
        "body--url",
        *(f"body--{kind.style}" for kind in Kind),
        *(f"body--{name}" for name in HIT_STYLES),
    }

    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.mentions: list[Mention] = []
        self.hits: list[tuple[int, int]] = []
        self.current_hit = -1
        self.message: str | None = None
        # Body rows stay engine Lines until painted: working out which cells each mention
        # and hit covers is most of a layout, and only the visible rows need it at once.
        self._rows: list[tuple[VisualLine | Line, str]] = []
        self._spans: list[Span] = []
        self._body_top = 0
        self._starts: list[int] = []
        self._layout_key: tuple[object, ...] = ()
        self._generation = 0
        self._complete = True  # False while a worker still lays out the rest of the body
        self._pending: tuple[int, int] | None = None  # (offset, margin) to scroll to
        self._by_start: list[Span] = []
        self._starts_of_spans: list[int] = []
        self._longest_span = 0
        # Strips of the rows painted so far for this layout and base style.
        self._strips: dict[int, Strip] = {}
        self._strips_base = Style()
        self._styles: dict[str, Style] = {}

    def show(
        self,
        article: Article | None,
        mentions: list[Mention],
        hits: list[tuple[int, int]],
        *,
        offset: int = 0,
    ) -> None:
        self.article, self.mentions, self.hits = article, mentions, hits
        self.current_hit = -1
        self.message = None
        self._layout(force=True)
        self.scroll_to(y=0, animate=False, immediate=True)
        if offset:
            # The new virtual size only counts once the layout settles.
            self.call_after_refresh(self.scroll_to_offset, offset, margin=0)

    def show_message(self, text: str) -> None:
        self.article, self.mentions, self.hits = None, [], []
        self.message = text
        self._layout(force=True)
        self.scroll_to(y=0, animate=False, immediate=True)

    def set_hits(self, hits: list[tuple[int, int]]) -> None:
        self.hits = hits
        self.current_hit = -1
        self._layout(force=True)

    # layout -----------------------------------------------------------------

    def _layout(self, *, force: bool = False) -> None:
        width = self.scrollable_content_region.width
        mode = self.bidi_mode
        key = (id(self.article), self.message, width, mode, len(self.hits), self.current_hit)
        if not force and key == self._layout_key:
            return
        keep = self.top_offset() if not force and self._layout_key else 0
        if force and self._layout_key[:1] == key[:1] and self.article is not None:
            # The same huge article again (bidi mode, hits): its new layout starts short, so
            # the row index alone would drop the reader back to the first screens.
            keep = self.top_offset() if len(self.article.body) > HUGE else 0
        self._layout_key = key
        self._generation += 1
        self._complete, self._pending = True, None
        rest: list[tuple[int, str]] = []
        rows: list[tuple[VisualLine | Line, str]] = []
        self._body_top = 0
        self._spans = []
        if width > 0 and self.message is not None:
            rows = [(line, "") for line in render_text(self.message, width, mode)]
        elif width > 0 and self.article is not None:
            article = self.article
            titles = render_text(article.title, width, mode)
            rows += [(line, "title") for line in titles]
            meta = [p for p in (article.source, article.published, article.author) if p]
            rtl = titles[0].rtl if titles else True
            if meta:
                rows.append((parts_line(meta, width, mode, rtl), "meta"))
            if article.url:
                link = aligned_like(fit_line(article.url, width, mode), rtl, width)
                rows.append((link, "url"))
            rows.append((_blank(width, 0), ""))
            self._body_top = len(rows)
            spans = [Span(m.start, m.end, m.kind) for m in self.mentions]
            spans += [
                Span(s, e, "hit-current" if i == self.current_hit else "hit")
                for i, (s, e) in enumerate(self.hits)
            ]
            # Hits after entities: a hit's text colour is chosen for its own background,
            # so an entity's colour must never be drawn over it.
            self._spans = sorted(
                (s for s in spans if s.end > s.start),
                key=lambda s: (s.style.startswith("hit"), s.start),
            )
            self._index_spans()
            if len(article.body) <= HUGE:
                rows += _with_paragraph_gaps(render(article.body, width, Settings(mode)), width)
            else:
                head, rest = _head(_pieces(article.body), FIRST)
                rows += _with_paragraph_gaps(_lay_out(head, width, Settings(mode)), width)
        self._rows = rows
        self._strips = {}
        self._starts = [
            row.source_range()[0] if isinstance(row, Line) else row.logical_start
            for row, _ in rows[self._body_top :]
        ]
        self.virtual_size = Size(width, len(rows))
        self.refresh()
        if rest:
            self._complete = False
            self._lay_out_rest(rest, width, Settings(mode), self._generation)
        if keep:
            self.call_after_refresh(self.scroll_to_offset, keep, margin=0)

    def _lay_out_rest(
        self, rest: list[tuple[int, str]], width: int, settings: Settings, generation: int
    ) -> None:
        """The rest of a huge body, laid out in a thread a slice at a time."""
        from textual.worker import get_current_worker

        app = self.app

        def work() -> None:
            worker = get_current_worker()
            slices = list(_slices(rest, SLICE))
            for number, part in enumerate(slices):
                if worker.is_cancelled or generation != self._generation:
                    return
                lines = _lay_out(part, width, settings, pause=True)
                rows = _with_paragraph_gaps(lines, width)
                if rows:
                    rows.insert(0, (_blank(width, lines[0].source_range()[0]), ""))
                last = number == len(slices) - 1
                app.call_from_thread(self._append, generation, rows, last)

        self.run_worker(work, thread=True, group="body-layout", exclusive=True)

    def _append(
        self, generation: int, rows: list[tuple[VisualLine | Line, str]], last: bool
    ) -> None:
        if generation != self._generation:
            return
        self._rows.extend(rows)
        self._starts.extend(
            row.source_range()[0] if isinstance(row, Line) else row.logical_start for row, _ in rows
        )
        self._complete = last
        self.virtual_size = Size(self.virtual_size.width, len(self._rows))
        self.refresh()
        if self._pending is not None and (last or self._starts[-1] >= self._pending[0]):
            offset, margin = self._pending
            self._pending = None
            self.scroll_to_offset(offset, margin=margin)

    @property
    def laid_out(self) -> bool:
        """Whether the whole body is laid out (a worker may still be on a huge one)."""
        return self._complete

    def _index_spans(self) -> None:
        """Spans by start, so a painted row finds its own without a scan of them all."""
        self._by_start = sorted(self._spans, key=lambda s: s.start)
        self._starts_of_spans = [s.start for s in self._by_start]
        self._longest_span = max((s.end - s.start for s in self._by_start), default=0)

    def _spans_in(self, low: int, high: int) -> list[Span]:
        first = bisect_left(self._starts_of_spans, low - self._longest_span)
        last = bisect_left(self._starts_of_spans, high)
        found = [s for s in self._by_start[first:last] if s.end > low]
        return sorted(found, key=lambda s: (s.style.startswith("hit"), s.start))

    def on_resize(self) -> None:
        self._layout()

    def action_half_page(self, step: int) -> None:
        rows = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(y=self.scroll_offset.y + step * rows, animate=False, immediate=True)

    def watch_bidi_mode(self) -> None:
        self._layout(force=True)

    def row_of(self, offset: int) -> int:
        """The row showing body offset `offset`."""
        if not self._starts:
            return 0
        return self._body_top + max(0, bisect_right(self._starts, offset) - 1)

    def top_offset(self) -> int:
        """The body offset at the top of the pane: the scroll position worth saving."""
        index = int(self.scroll_offset.y) - self._body_top
        if index < 0 or not self._starts:
            return 0
        return self._starts[min(index, len(self._starts) - 1)]

    def scroll_to_offset(self, offset: int, *, margin: int = 2) -> None:
        """Bring the row showing `offset` near the top, `margin` rows of context above it."""
        if not self._complete and (not self._starts or offset > self._starts[-1]):
            self._pending = (offset, margin)  # that part of a huge body is still being laid out
            return
        self.scroll_to(y=max(0, self.row_of(offset) - margin), animate=False, immediate=True)

    def step_hit(self, step: int) -> bool:
        if not self.hits:
            return False
        self.current_hit = (self.current_hit + step) % len(self.hits)
        self._layout(force=True)
        self.scroll_to_offset(self.hits[self.current_hit][0])
        return True

    def render_lines(self, crop: Region) -> list[Strip]:
        self._layout()  # the scrollbar can take a column without a resize event
        base = self.rich_style  # walks every ancestor: once per paint, not once per row
        if base != self._strips_base:
            self._strips_base, self._strips = base, {}
            self._styles = self._span_styles()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_offset.y) + y
        strip = self._strips.get(index)
        if strip is None:
            strip = self._strips[index] = self._row_strip(index)
        return strip

    def _row_strip(self, index: int) -> Strip:
        base, width = self._strips_base, self.scrollable_content_region.width
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row, role = self._rows[index]
        if role:
            base = base + self.get_component_rich_style(f"body--{role}")
        line = _visual(row, self) if isinstance(row, Line) else row
        return visual_strip(line, width, base, self._styles)

    def _span_styles(self) -> dict[str, Style]:
        return {
            **{kind: self.get_component_rich_style(f"body--{kind.style}") for kind in Kind},
            **{name: self.get_component_rich_style(f"body--{name}") for name in HIT_STYLES},
        }


def _visual(line: Line, view: BodyView) -> VisualLine:
    """A body row as `render_text` would give it, its styles worked out only now."""
    low, high = line.source_range()
    hits = view._spans_in(low, high)
    return VisualLine(line.text, line.rtl, line.style_ranges(hits) if hits else (), low)


def _blank(width: int, offset: int) -> VisualLine:
    return VisualLine(" " * width, True, (), offset)


def _with_paragraph_gaps(lines: list[Line], width: int) -> list[tuple[VisualLine | Line, str]]:
    """One blank row between paragraphs, so they do not run together; a blank paragraph
    (an empty line in the source) adds no second gap. A gap row stands for the start of
    the paragraph after it, so offsets still find the paragraph's first row."""
    rows: list[tuple[VisualLine | Line, str]] = []
    paragraph = -1
    for line in lines:
        if not line.order:
            continue
        if line.offset != paragraph:
            if rows:
                rows.append((_blank(width, line.source_range()[0]), ""))
            paragraph = line.offset
        rows.append((line, ""))
    return rows


def _pieces(body: str) -> list[tuple[int, str]]:
    """The body's paragraphs with their offsets, any longer than PIECE cut at a space."""
    out: list[tuple[int, str]] = []
    for offset, paragraph in split_paragraphs(body):
        start = 0
        while len(paragraph) - start > PIECE:
            cut = paragraph.rfind(" ", start + PIECE // 2, start + PIECE)
            cut = cut + 1 if cut > 0 else start + PIECE
            out.append((offset + start, paragraph[start:cut]))
            start = cut
        out.append((offset + start, paragraph[start:]))
    return out


def _head(
    pieces: list[tuple[int, str]], chars: int
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The first pieces holding about `chars` characters, and the rest."""
    total = 0
    for index, (_, text) in enumerate(pieces):
        total += len(text)
        if total >= chars:
            return pieces[: index + 1], pieces[index + 1 :]
    return pieces, []


def _slices(pieces: list[tuple[int, str]], chars: int) -> Iterator[list[tuple[int, str]]]:
    while pieces:
        part, pieces = _head(pieces, chars)
        yield part


def _lay_out(
    pieces: list[tuple[int, str]], width: int, settings: Settings, *, pause: bool = False
) -> list[Line]:
    """What `render` gives for the body, for these pieces of it only. With `pause` (in the
    worker) it sleeps a moment after each piece: a thread that only computes would make
    the UI thread wait its turn for the GIL at every step of a frame."""
    lines: list[Line] = []
    for offset, text in pieces:
        lines.extend(_at(line, offset) for line in paragraph_lines(text, width, settings))
        if pause:
            time.sleep(PAUSE)
    return lines


def _at(line: Line, offset: int) -> Line:
    return line if offset == 0 else replace(line, offset=offset)
