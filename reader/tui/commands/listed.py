"""A palette provider over a short list of commands worked out when the palette opens.

Each provider says which commands it has (name, help, what to run); discovery lists
them all, a search keeps those whose name the fuzzy matcher scores.

Names and help come from the catalog, so in the Arabic interface they are Arabic. The
palette draws a hit's text raw, so an entry with Arabic in it is handed over as the
engine lays it out (shaped, in visual order, in the interface's direction), with the
letters the query matched found on the logical name and highlighted where the engine
put them: a query typed in Arabic matches Arabic names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape
from textual.style import Style

from reader.render.engine import BidiMode, Span, render_text
from reader.tui import ui_text

Command = tuple[str, str, Callable[[], object]]
"""A palette entry: its name, a line of help, and what choosing it runs."""

MATCHED = "matched"


def shown(
    text: str, mode: BidiMode, offsets: Sequence[int] = (), style: Style | None = None
) -> Content:
    """`text` as the palette should draw it, the characters at `offsets` in `style`."""
    if mode is not BidiMode.APP or not ui_text.has_rtl(text):
        content = Content(ui_text.plain(text))
        ranges = [(offset, offset + 1) for offset in offsets]
    else:
        spans = [Span(offset, offset + 1, MATCHED) for offset in offsets]
        row = render_text(text, len(text) + 2, mode, spans, rtl=ui_text.rtl())[0]
        lead = len(row.text) - len(row.text.lstrip(" "))
        content = Content(row.text.strip(" "))
        ranges = [(start - lead, end - lead) for start, end, _ in row.styles]
    if style is None:
        return content
    for start, end in ranges:
        content = content.stylize(style, start, end)
    return content


class ListedCommands(Provider):
    def commands(self) -> list[Command]:
        raise AssertionError("a listed provider says which commands it has")

    @property
    def _mode(self) -> BidiMode:
        mode = getattr(self.app, "bidi_mode", BidiMode.APP)
        return mode if isinstance(mode, BidiMode) else BidiMode.APP

    def _help(self, help_text: str) -> str:
        return escape(shown(help_text, self._mode).plain)

    async def discover(self) -> Hits:
        for name, help_text, command in self.commands():
            yield DiscoveryHit(
                shown(name, self._mode), command, text=name, help=self._help(help_text)
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self.commands():
            score, offsets = matcher.fuzzy_search.match(query, name)
            if score > 0:
                display = shown(name, self._mode, offsets, matcher.match_style)
                yield Hit(score, display, command, text=name, help=self._help(help_text))
