"""Plain texts (help, variants, notices, status) drawn through the display engine."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from reader.render.engine import BidiMode, VisualLine, render_text
from reader.tui.strips import text_strip, visual_strip


class EngineText(ScrollView):
    """Paragraphs (one per line of `text`) wrapped by the engine at the pane's width.

    With `table`, a line indented by two spaces is a table row (the help's keys): laid
    out left to right whatever its letters, so its columns line up under each other
    even where an Arabic description outweighs the Latin keys."""

    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP, init=False)

    def __init__(
        self,
        text: str = "",
        *,
        table: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        self.table = table
        self._rows: list[VisualLine] = []
        self._key: tuple[object, ...] = ()

    def update(self, text: str) -> None:
        self.text = text
        self._layout(force=True)

    def _layout(self, *, force: bool = False) -> None:
        width = self.scrollable_content_region.width
        mode = self.bidi_mode
        key = (self.text, width, mode)
        if key == self._key and not force:
            return
        self._key = key
        if width <= 0 or not self.text:
            self._rows = []
        elif self.table:
            self._rows = [
                row
                for line in self.text.split("\n")
                for row in render_text(line, width, mode, rtl=False if line[:2] == "  " else None)
            ]
        else:
            self._rows = render_text(self.text, width, mode)
        self.virtual_size = Size(width, len(self._rows))
        self.refresh()

    def on_resize(self) -> None:
        self._layout()

    def watch_bidi_mode(self) -> None:
        self._layout(force=True)

    def render_line(self, y: int) -> Strip:
        self._layout()
        width = self.scrollable_content_region.width
        index = int(self.scroll_offset.y) + y
        if index >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        return visual_strip(self._rows[index], width, self.rich_style)


class EngineLine(Widget):
    """One row of text (a pane header, the status line), cut by the engine where the eye ends."""

    DEFAULT_CSS = "EngineLine { height: 1; }"

    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP)

    def __init__(
        self, text: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text

    def update(self, text: str) -> None:
        self.text = text
        self.refresh()

    def render_line(self, y: int) -> Strip:
        mode = self.bidi_mode
        return text_strip(self.text, self.size.width, mode, self.rich_style)
