"""The article body: title, a metadata line, then the paragraphs through the engine.

The Line API way: Textual asks `render_line` for the rows on screen only, so only the
pieces of the body those rows show are laid out, here and now (a screenful takes a few
milliseconds); a thread worker lays out the pieces around them (read-ahead), and the
rest of a huge body is never laid out at all until the reader gets there (`BodyRows`
estimates its rows meanwhile). Laying out all of a 2.5 MB article took the UI thread 9
to 14 s, and a worker doing all of it still held the UI thread up for seconds.

Each body row knows the logical range it shows, which is how a mention or a search hit
offset becomes a row to scroll to, and how the scroll position is saved as a
width-independent offset. Mentions and hits are styled as rows are painted, so new
hits never need a new layout.
"""

from __future__ import annotations

import time
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.kinds import Kind
from reader.render.engine import BidiMode, Line, Settings, VisualLine, render_text
from reader.store.read.rows import Article, Mention
from reader.tui import body_rows
from reader.tui.body_marks import MARK_STYLES, BodyMarks, hit_after
from reader.tui.body_rows import Anchor, BodyRows, Piece, pieces
from reader.tui.strips import article_head, visual_strip

WHOLE = 40_000
"""A body up to this many characters is laid out whole by the worker; a longer one
only AHEAD screens below the one shown and BEHIND above it, asked for in strides (once
less than a screen is ready beyond the one shown): each handover changes the rows'
count, and so costs a layout of the whole screen."""
AHEAD, BEHIND = 4, 1
BATCH = 16_000  # characters the worker lays out before handing them over
PAUSE = 0.002  # seconds the worker sleeps after each piece, so the UI thread gets the GIL


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
        *(f"body--{name}" for name in MARK_STYLES),
    }

    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP, init=False)
    max_width: reactive[int] = reactive(0, init=False)
    """The longest row in cells (0: the pane's width); a narrower column is centred, so
    lines stay short enough to read on a wide terminal."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.mentions: list[Mention] = []
        self.hits: list[tuple[int, int]] = []
        self.current_hit = -1
        self.title_hits: list[tuple[int, int]] = []
        self.marked: tuple[int, int] | None = None  # the mention Enter went to last
        self.message: str | None = None
        self._head: list[tuple[VisualLine, str]] = []  # title, metadata, link, blank
        self._body: BodyRows | None = None
        self._pieces: tuple[int, list[Piece]] = (0, [])  # the open article's, by its id()
        self._layout_key: tuple[object, ...] = ()
        self._keep: int | None = 0  # body offset to put at the top once laid out
        self._generation = 0
        self._asked: list[int] = []  # pieces the read-ahead worker was given
        self._filling = False
        self._marks = BodyMarks([], [], -1, None)
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
        title_hits: list[tuple[int, int]] | None = None,
    ) -> None:
        self.article, self.mentions, self.hits = article, mentions, hits
        self.title_hits, self.marked = title_hits or [], None
        self.current_hit = -1
        self.message = None
        self._keep = offset
        self._marks = BodyMarks(self.mentions, self.hits, self.current_hit, None)
        self._layout(force=True)

    def show_message(self, text: str) -> None:
        self.article, self.mentions, self.hits = None, [], []
        self.message = text
        self._keep = 0
        self._marks = BodyMarks(self.mentions, self.hits, self.current_hit, None)
        self._layout(force=True)

    def set_hits(self, hits: list[tuple[int, int]], title_hits: list[tuple[int, int]]) -> None:
        self.hits, self.title_hits = hits, title_hits
        self.current_hit = -1
        if self.article is not None and self._head:  # the title shows its hits too
            self._head = article_head(self.article, self.text_width, self.bidi_mode, title_hits)
        self._restyle()

    def mark(self, start: int, end: int) -> None:
        """Mark one mention (the one the entities pane's Enter went to) and bring it up."""
        self.marked = (start, end)
        self._restyle()
        self.scroll_to_offset(start)

    # layout -----------------------------------------------------------------

    @property
    def _body_top(self) -> int:
        return len(self._head)

    @property
    def text_width(self) -> int:
        """The width rows are laid out at: the pane's, capped at `max_width`."""
        width = self.scrollable_content_region.width
        return min(width, self.max_width) if self.max_width > 0 else width

    def _layout(self, *, force: bool = False) -> None:
        width = self.text_width
        mode = self.bidi_mode
        key = (id(self.article), self.message, width, mode)
        if not force and key == self._layout_key:
            return
        if self._keep is None and self._layout_key[:2] == key[:2]:
            self._keep = self.top_offset()  # a new width or mode: stay where the reader is
        self._layout_key = key
        self._generation += 1
        self._asked = []
        self._head, self._body = [], None
        if width > 0 and self.message is not None:
            self._head = [(line, "") for line in render_text(self.message, width, mode)]
        elif width > 0 and self.article is not None:
            self._head = article_head(self.article, width, mode, self.title_hits)
            if self._pieces[0] != id(self.article):  # cut once, whatever the width or mode
                self._pieces = (id(self.article), pieces(self.article.body))
            self._body = BodyRows(self._pieces[1], width, Settings(mode))
        self._strips = {}
        self.virtual_size = Size(width, self._body_top + self._body_rows())
        self.refresh()
        if width <= 0:
            return
        keep, self._keep = self._keep, None
        if keep:
            self.scroll_to_offset(keep, margin=0)
        else:
            self.scroll_to(y=0, animate=False, immediate=True, force=True)
        self._fill()

    def _body_rows(self) -> int:
        return self._body.rows if self._body is not None else 0

    def _fill(self) -> None:
        """Lay out the pieces on screen now, and hand those around them to the worker."""
        body = self._body
        if body is None or self._filling:
            return
        self._filling = True
        try:
            height = max(1, self.scrollable_content_region.height)
            for _ in range(8):  # a landing can change what is on screen; it settles fast
                top = int(self.scroll_offset.y) - self._body_top
                wanted = body.missing(max(0, top), top + height)
                if not wanted:
                    break
                self._land_now(wanted)
        finally:
            self._filling = False
        self._read_ahead()

    def _land_now(self, indexes: list[int]) -> None:
        """Lay out pieces on the UI thread: only ever those a screen is about to show."""
        body = self._body
        assert body is not None
        width, settings = body.width, body.settings
        self._land([(i, body_rows.lay_out(body.pieces[i], width, settings)) for i in indexes])

    def _land(self, laid: list[tuple[int, tuple[Line, ...]]]) -> None:
        """Take laid-out pieces, keeping the row at the top of the pane (or the end) still."""
        body = self._body
        assert body is not None
        top = int(self.scroll_offset.y) - self._body_top
        at_end = self.scroll_offset.y > 0 and self.scroll_offset.y >= self.max_scroll_y
        anchor: Anchor | None = body.locate(top) if top >= 0 else None
        near = anchor[0] if anchor is not None else 0
        for index, lines in laid:
            body.land(index, lines, near)
        self._strips = {}
        self.virtual_size = Size(self.virtual_size.width, self._body_top + body.rows)
        if at_end:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True, force=True)
        elif anchor is not None:
            self.scroll_to(
                y=self._body_top + body.row_at(anchor), animate=False, immediate=True, force=True
            )
        self.refresh()

    def _read_ahead(self) -> None:
        body = self._body
        if body is None:
            return
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_offset.y) - self._body_top
        if body.chars <= WHOLE:
            low, high = 0, body.rows
        elif body.missing(max(0, top - height // 2), top + 2 * height):
            low, high = top - BEHIND * height, top + (1 + AHEAD) * height
        else:
            return
        here = body.locate(max(0, top))[0]
        wanted = sorted(body.missing(max(0, low), high), key=lambda i: (abs(i - here), i < here))
        if not wanted or set(wanted) <= set(self._asked):
            return  # the worker has these already
        self._asked = wanted
        generation, app = self._generation, self.app
        jobs = [(i, body.pieces[i]) for i in wanted]
        width, settings = body.width, body.settings

        def work() -> None:
            from textual.worker import get_current_worker

            worker = get_current_worker()
            batch: list[tuple[int, tuple[Line, ...]]] = []
            chars = 0
            for number, (index, piece) in enumerate(jobs):
                if worker.is_cancelled or generation != self._generation:
                    return
                batch.append((index, body_rows.lay_out(piece, width, settings)))
                chars += len(piece.text)
                time.sleep(PAUSE)
                if chars >= BATCH or number == len(jobs) - 1:
                    app.call_from_thread(self._landed, generation, batch)
                    batch, chars = [], 0

        self.run_worker(work, thread=True, group="body-layout", exclusive=True)

    def _landed(self, generation: int, laid: list[tuple[int, tuple[Line, ...]]]) -> None:
        if generation != self._generation or self._body is None:
            return
        fresh = [(i, lines) for i, lines in laid if not self._body.is_laid_out(i)]
        if fresh:
            self._land(fresh)
        if self._asked and all(self._body.is_laid_out(i) for i in self._asked):
            self._asked = []
        self._fill()

    def _restyle(self) -> None:
        self._marks = BodyMarks(self.mentions, self.hits, self.current_hit, self.marked)
        self._strips = {}
        self.refresh()

    # scrolling --------------------------------------------------------------

    def on_resize(self) -> None:
        self._layout()

    def watch_bidi_mode(self) -> None:
        self._layout(force=True)

    def watch_max_width(self) -> None:
        self._layout(force=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._fill()

    # Not animated: a scroll through rows that are estimates would lay out every frame.
    def action_scroll_home(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True, force=True)

    def action_scroll_end(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True, force=True)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_half_page(self, step: int) -> None:
        rows = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(
            y=self.scroll_offset.y + step * rows, animate=False, immediate=True, force=True
        )

    def row_of(self, offset: int) -> int:
        """The row showing body offset `offset` (its piece is laid out if it was not)."""
        body = self._body
        if body is None:
            return 0
        index = body.piece_at(offset)
        if not body.is_laid_out(index):
            self._land_now([index])
        return self._body_top + body.row_of(offset)

    def top_offset(self) -> int:
        """The body offset at the top of the pane: the scroll position worth saving."""
        index = int(self.scroll_offset.y) - self._body_top
        if index < 0 or self._body is None:
            return 0
        return self._body.offset_at(min(index, max(0, self._body.rows - 1)))

    def scroll_to_offset(self, offset: int, *, margin: int = 2) -> None:
        """Bring the row showing `offset` near the top, `margin` rows of context above it."""
        if self._body is None:
            self._keep = offset  # not laid out yet (no width): done when it is
            return
        row = self.row_of(offset)
        above = self._body.missing(max(0, row - self._body_top - margin), row - self._body_top)
        if above:
            self._land_now(above)  # the context rows, so their counts are exact too
            row = self.row_of(offset)
        self.scroll_to(y=max(0, row - margin), animate=False, immediate=True, force=True)

    def step_hit(self, step: int) -> bool:
        """To the next (previous) hit; False past the last (first): the next article's turn."""
        target = hit_after(self.current_hit, step, len(self.hits))
        if target is None:
            return False
        self.current_hit = target
        self._restyle()
        self.scroll_to_offset(self.hits[self.current_hit][0])
        return True

    # painting ---------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._layout()  # the scrollbar can take a column without a resize event
        self._fill()
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
        base, width = self._strips_base, self.text_width
        pane = self.scrollable_content_region.width
        if index < self._body_top:
            line, role = self._head[index]
            if role:
                base = base + self.get_component_rich_style(f"body--{role}")
        else:
            row = self._body.row(index - self._body_top) if self._body is not None else None
            if row is None:
                return Strip.blank(pane, base)
            line = self._visual(row) if isinstance(row, Line) else row
        strip = visual_strip(line, width, base, self._styles)
        if pane <= width:
            return strip
        left = (pane - width) // 2
        return Strip.join([Strip.blank(left, base), strip, Strip.blank(pane - width - left, base)])

    def _visual(self, line: Line) -> VisualLine:
        """A body row as `render_text` would give it, its styles worked out only now."""
        low, high = line.source_range()
        hits = self._marks.within(low, high)
        return VisualLine(line.text, line.rtl, line.style_ranges(hits) if hits else (), low)

    def _span_styles(self) -> dict[str, Style]:
        return {
            **{kind: self.get_component_rich_style(f"body--{kind.style}") for kind in Kind},
            **{name: self.get_component_rich_style(f"body--{name}") for name in MARK_STYLES},
        }
