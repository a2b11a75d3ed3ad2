"""A keyboard list drawn with the Line API: only visible rows are ever rendered.

Subclasses say how many items there are and draw one item row at a time; they
may fetch items lazily. No widget per item, so a 100,000-row list costs what a
screenful costs (the toolong approach).
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.render.engine import BidiMode


class LineList(ScrollView, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next", id="list.next"),
        Binding("k,up", "cursor_up", "Previous", id="list.previous"),
        Binding("g,home", "first", "First", id="list.first"),
        Binding("G,end", "last", "Last", id="list.last"),
        Binding("enter", "choose", "Open / apply", id="list.choose"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"line-list--cursor", "line-list--dim"}
    ROW_HEIGHT: ClassVar[int] = 1

    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP)
    mirrored: reactive[bool] = reactive(False)
    """The mirrored (right-to-left) layout: marks and counts stand at the right."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.count = 0
        self.cursor = 0
        self._paint = (Style(), 0)

    # what subclasses provide ------------------------------------------------

    def item_strip(self, index: int, row: int, width: int, base: Style) -> Strip:
        raise AssertionError("LineList subclasses draw their items")

    def selectable(self, index: int) -> bool:
        return True

    @property
    def row_height(self) -> int:
        """Screen rows per item; a subclass may make it depend on the pane's width."""
        return self.ROW_HEIGHT

    def highlighted(self, index: int) -> None:
        """The cursor came to rest on `index`: subclasses post what that means."""

    def chosen(self, index: int) -> None:
        """Enter on `index`: subclasses post what that means."""

    # drawing ----------------------------------------------------------------

    def set_count(self, count: int, *, cursor: int | None = None) -> None:
        self.count = count
        self.virtual_size = Size(self.scrollable_content_region.width, count * self.row_height)
        target = self.cursor if cursor is None else cursor
        self.cursor = max(0, min(target, count - 1)) if count else 0
        self.refresh()
        self._reveal()

    def render_lines(self, crop: Region) -> list[Strip]:
        # rich_style walks every ancestor's styles: once per paint, not once per row.
        self._paint = (self.rich_style, self.scrollable_content_region.width)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        base, width = self._paint
        line = int(self.scroll_offset.y) + y
        index, row = divmod(line, self.row_height)
        if index >= self.count:
            return Strip.blank(width, base)
        if index == self.cursor and self.has_focus:
            base = base + self.get_component_rich_style("line-list--cursor")
        elif index == self.cursor:
            base = base + self.get_component_rich_style("line-list--dim")
        return self.item_strip(index, row, width, base)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.count * self.row_height)
        self._reveal()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # moving -----------------------------------------------------------------

    def _reveal(self) -> None:
        # A folded-away pane has no height: scrolling it then would hide the rows above the
        # cursor (a group title) once it is shown; on_resize reveals it instead.
        if self.count and self.size.height:
            region = Region(0, self.cursor * self.row_height, 1, self.row_height)
            self.scroll_to_region(region, animate=False, immediate=True, force=True)

    def move_to(self, index: int, *, step: int = 1) -> None:
        if not self.count:
            return
        index = max(0, min(index, self.count - 1))
        while not self.selectable(index) and 0 <= index + step < self.count:
            index += step
        if not self.selectable(index) or index == self.cursor:
            self._reveal()
            return
        left, self.cursor = self.cursor, index
        offset = self.scroll_offset
        self._reveal()
        if self.scroll_offset == offset:
            # Only the rows the cursor left and reached look different, so only they are
            # drawn again; a step that scrolls draws the screenful, as it must.
            for item in (left, index):
                self.refresh_lines(item * self.row_height, self.row_height)
        else:
            self.refresh()
        self.highlighted(index)

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1, step=1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1, step=-1)

    def action_first(self) -> None:
        self.move_to(0, step=1)

    def action_last(self) -> None:
        self.move_to(self.count - 1, step=-1)

    def action_choose(self) -> None:
        if self.count and self.selectable(self.cursor):
            self.chosen(self.cursor)
