"""Plain texts (help, variants, notices, status) drawn through the display engine."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from reader.render.engine import BidiMode, VisualLine, render_text
from reader.tui import ui_text
from reader.tui.strips import text_strip, visual_strip


class EngineText(ScrollView):
    """Paragraphs (one per line of `text`) wrapped by the engine at the pane's width, in
    the interface's direction; with `data`, each in the direction of its own letters.

    With `table`, a line indented by two spaces is a table row (the help's keys): laid
    out left to right whatever its letters, so its columns line up under each other
    even where an Arabic description outweighs the Latin keys."""

    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP, init=False)

    def __init__(
        self,
        text: str = "",
        *,
        table: bool = False,
        data: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        self.table = table
        self.data = data
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
        rtl = None if self.data else ui_text.rtl()
        if width <= 0 or not self.text:
            self._rows = []
        elif self.table:
            self._rows = [
                row
                for line in self.text.split("\n")
                for row in render_text(line, width, mode, rtl=False if line[:2] == "  " else rtl)
            ]
        else:
            self._rows = render_text(self.text, width, mode, rtl=rtl)
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
    """One row of interface text (a pane header, the status line), cut by the engine where
    the eye ends, in the interface's direction; with `data`, a row of the reader's data
    (a name someone typed) in the direction of its own letters."""

    DEFAULT_CSS = "EngineLine { height: 1; }"

    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP)

    def __init__(
        self,
        text: str = "",
        *,
        data: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        self.data = data

    def update(self, text: str) -> None:
        self.text = text
        self.refresh()

    def render_line(self, y: int) -> Strip:
        mode = self.bidi_mode
        rtl = None if self.data else ui_text.rtl()
        return text_strip(self.text, self.size.width, mode, self.rich_style, rtl=rtl)


class InterfaceText(Widget):
    """A few rows of interface text (a question), as tall as the engine lays it out at the
    widget's width, in the interface's direction and the app's bidi mode."""

    DEFAULT_CSS = "InterfaceText { height: auto; }"

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = text

    def _rows(self, width: int) -> list[VisualLine]:
        mode = getattr(self.app, "bidi_mode", BidiMode.APP)
        return render_text(self.text, width, mode, rtl=ui_text.rtl())

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self._rows(width)))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        rows = self._rows(width)
        if y >= len(rows):
            return Strip.blank(width, self.rich_style)
        return visual_strip(rows[y], width, self.rich_style)
