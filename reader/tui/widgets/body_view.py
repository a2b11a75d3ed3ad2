"""The article body: title, a metadata line, then the paragraphs through the engine.

Rows are laid out once per (article, width, mode, hits) and kept; `render_line`
only slices them. Each body row knows the logical range it shows, which is how
a mention or a search hit offset becomes a row to scroll to, and how the scroll
position is saved as a width-independent offset.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.kinds import Kind
from reader.render.engine import BidiMode, Line, Settings, Span, VisualLine, render, render_text
from reader.store.read.rows import Article, Mention
from reader.tui.strips import parts_line, visual_strip

HIT_STYLES = ("hit", "hit-current")


class BodyView(ScrollView, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Scroll down", id="body.down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", id="body.up", show=False),
        Binding("g,home", "scroll_home", "Top", id="body.top", show=False),
        Binding("G,end", "scroll_end", "Bottom", id="body.bottom", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "body--title",
        "body--meta",
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
        self._layout_key = key
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
            if meta:
                rtl = titles[0].rtl if titles else True
                rows.append((parts_line(meta, width, mode, rtl), "meta"))
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
            rows += _with_paragraph_gaps(render(article.body, width, Settings(mode)), width)
        self._rows = rows
        self._strips = {}
        self._starts = [
            row.source_range()[0] if isinstance(row, Line) else row.logical_start
            for row, _ in rows[self._body_top :]
        ]
        self.virtual_size = Size(width, len(rows))
        self.refresh()
        if keep:
            self.call_after_refresh(self.scroll_to_offset, keep, margin=0)

    def on_resize(self) -> None:
        self._layout()

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
        line = _visual(row, self._spans) if isinstance(row, Line) else row
        return visual_strip(line, width, base, self._styles)

    def _span_styles(self) -> dict[str, Style]:
        return {
            **{kind: self.get_component_rich_style(f"body--{kind.style}") for kind in Kind},
            **{name: self.get_component_rich_style(f"body--{name}") for name in HIT_STYLES},
        }


def _visual(line: Line, spans: list[Span]) -> VisualLine:
    """A body row as `render_text` would give it, its styles worked out only now."""
    low, high = line.source_range()
    hits = [s for s in spans if s.start < high and low < s.end]
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
