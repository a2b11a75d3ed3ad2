"""The filters in the command palette: a person, place, organisation or source; a date range
(typed: `dates 2024-01..2024-03`); unread or bookmarks only; the saved views of the
config; and clearing each part of the filter, or all of it.

What the filters can be set to is read when the palette opens, off the UI thread,
through the reader screen's own store (reader/store/read/choices.py).
"""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from functools import partial
from typing import Protocol, cast

from textual.command import Hit, Hits

from reader.store.read.choices import FilterChoices
from reader.store.read.library import Library
from reader.store.read.rows import ArticleFilter
from reader.tui import reading
from reader.tui.commands.listed import Command, ListedCommands, shown
from reader.tui.ui_text import ui
from reader.views import View, typed_dates


class FilterScreen(Protocol):
    """What the provider needs of the screen it serves (reader/tui/screens/list_screen.py)."""

    library: Library | None
    article_filter: ArticleFilter
    filter_names: dict[int, str]
    feed_label: str
    views: tuple[View, ...]

    def filter_entity(self, entity_id: int, name: str) -> None: ...
    def filter_sources(self, names: frozenset[str]) -> None: ...
    def filter_dates(self, since: str | None, until: str | None) -> None: ...
    def action_unread_only(self) -> None: ...
    def action_bookmarks_only(self) -> None: ...
    def clear_part(self, part: str) -> None: ...
    def clear_filters(self) -> None: ...
    def apply_view(self, view: View) -> None: ...


def _only(count: int) -> str:
    return ui("palette.only.one") if count == 1 else ui("palette.only.many", count=count)


def _describe(view: View) -> str:
    """What a saved view keeps, as its palette entry's help."""
    parts = [name for _, name in view.entities] + sorted(view.sources)
    if view.since or view.until:
        parts.append(f"{view.since or '…'}–{view.until or '…'}")
    parts += [ui("palette.view.unread")] * view.unread
    parts += [ui("palette.view.bookmarks")] * view.bookmarks
    if view.search:
        parts.append(f"/{view.search}")
    return " + ".join(parts) or ui("palette.view.everything")


def _newest(newest: str | None) -> list[tuple[str, str, str]]:
    """The week and the month before the newest article: (name, since, until)."""
    if not newest:
        return []
    try:
        last = date.fromisoformat(newest[:10])
    except ValueError:
        return []
    week, month = (last - timedelta(days=6)).isoformat(), (last - timedelta(days=29)).isoformat()
    return [
        (ui("palette.dates.week", since=week), week, last.isoformat()),
        (ui("palette.dates.month", since=month), month, last.isoformat()),
    ]


class FilterCommands(ListedCommands):
    async def startup(self) -> None:
        library = cast(FilterScreen, self.screen).library
        self._choices = FilterChoices()
        if library is not None:
            self._choices = await asyncio.to_thread(library.choices.choices)

    def commands(self) -> list[Command]:
        screen = cast(FilterScreen, self.screen)
        flt = screen.article_filter
        commands: list[Command] = [
            (ui("palette.view", name=view.name), _describe(view), partial(screen.apply_view, view))
            for view in screen.views
        ]
        for part, label in reading.filter_parts(flt, screen.filter_names, screen.feed_label):
            clear = partial(screen.clear_part, part)
            commands.append((ui("palette.clear", label=label), ui("palette.clear.help"), clear))
        if flt.active:
            commands.append(
                (ui("palette.clear_all"), ui("palette.clear_all.help"), screen.clear_filters)
            )
        unread = ui("palette.unread_off" if flt.unread_only else "palette.unread")
        commands.append((unread, ui("palette.unread.help"), screen.action_unread_only))
        marks = ui("palette.bookmarks_off" if flt.bookmarks_only else "palette.bookmarks")
        commands.append((marks, ui("palette.bookmarks.help"), screen.action_bookmarks_only))
        for choice in self._choices.entities:
            if choice.id not in flt.entity_ids:
                commands.append(
                    (
                        ui(f"palette.kind.{choice.kind.value}", name=choice.name),
                        _only(choice.articles),
                        partial(screen.filter_entity, choice.id, choice.name),
                    )
                )
        for source, count in self._choices.sources:
            if source not in flt.sources:
                commands.append(
                    (
                        ui("palette.source", name=source),
                        _only(count),
                        partial(screen.filter_sources, frozenset({source})),
                    )
                )
        for name, since, until in _newest(self._choices.newest):
            dates = partial(screen.filter_dates, since, until)
            commands.append((name, ui("palette.dates.help"), dates))
        return commands

    async def search(self, query: str) -> Hits:
        """A typed date range first ("dates 2024-01..2024-03"), then the listed commands."""
        dates = typed_dates(query)
        if dates is not None:
            screen = cast(FilterScreen, self.screen)
            label = ui("palette.dates", since=dates[0] or "…", until=dates[1] or "…")
            yield Hit(
                1.0,
                shown(label, self._mode),
                partial(screen.filter_dates, *dates),
                text=label,
                help=self._help(ui("palette.dates.typed.help")),
            )
        async for hit in super().search(query):
            yield hit
