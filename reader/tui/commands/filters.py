"""The filters in the command palette: a person, place, organisation or source; a date range
(typed: `dates 2024-01..2024-03`); unread or bookmarks only; the saved views of the
config; and clearing each part of the filter, or all of it.

What the filters can be set to is read when the palette opens, off the UI thread,
through the reader screen's own store (reader/store/read/choices.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.kinds import Kind
from reader.render.engine import BidiMode
from reader.store.read.choices import FilterChoices
from reader.store.read.library import Library
from reader.store.read.rows import ArticleFilter
from reader.tui import reading
from reader.tui.strips import fit_line
from reader.views import View, typed_dates

KIND_NAMES = {Kind.PER: "Person", Kind.LOC: "Place", Kind.ORG: "Organisation"}
Command = tuple[str, str, Callable[[], object]]


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


def _articles(count: int) -> str:
    return "1 article" if count == 1 else f"{count} articles"


def _newest(newest: str | None) -> list[tuple[str, str, str]]:
    """The week and the month before the newest article: (name, since, until)."""
    if not newest:
        return []
    try:
        last = date.fromisoformat(newest[:10])
    except ValueError:
        return []
    return [
        (
            f"Dates: the newest week ({(last - timedelta(days=6)).isoformat()}..)",
            (last - timedelta(days=6)).isoformat(),
            last.isoformat(),
        ),
        (
            f"Dates: the newest month ({(last - timedelta(days=29)).isoformat()}..)",
            (last - timedelta(days=29)).isoformat(),
            last.isoformat(),
        ),
    ]


class FilterCommands(Provider):
    async def startup(self) -> None:
        library = cast(FilterScreen, self.screen).library
        self._choices = FilterChoices()
        if library is not None:
            self._choices = await asyncio.to_thread(library.choices.choices)

    def _commands(self) -> list[Command]:
        screen = cast(FilterScreen, self.screen)
        flt = screen.article_filter
        commands: list[Command] = [
            (f"View: {view.name}", view.describe(), partial(screen.apply_view, view))
            for view in screen.views
        ]
        for part, label in reading.filter_parts(flt, screen.filter_names, screen.feed_label):
            commands.append(
                (f"Clear: {label}", "keep the rest of the filter", partial(screen.clear_part, part))
            )
        if flt.active:
            commands.append(("Clear all filters", "every article (Esc)", screen.clear_filters))
        unread = "Unread only: off" if flt.unread_only else "Unread only"
        commands.append((unread, "only the articles not read yet (U)", screen.action_unread_only))
        marks = "Bookmarks only: off" if flt.bookmarks_only else "Bookmarks only"
        commands.append((marks, "only the bookmarked articles (B)", screen.action_bookmarks_only))
        for choice in self._choices.entities:
            if choice.id not in flt.entity_ids:
                commands.append(
                    (
                        f"{KIND_NAMES[choice.kind]}: {choice.name}",
                        f"only its {_articles(choice.articles)}",
                        partial(screen.filter_entity, choice.id, choice.name),
                    )
                )
        for source, count in self._choices.sources:
            if source not in flt.sources:
                commands.append(
                    (
                        f"Source: {source}",
                        f"only its {_articles(count)}",
                        partial(screen.filter_sources, frozenset({source})),
                    )
                )
        for name, since, until in _newest(self._choices.newest):
            commands.append(
                (name, "type dates FROM..TO for others", partial(screen.filter_dates, since, until))
            )
        return commands

    def _visual(self, text: str) -> str:
        """The palette draws text as it is: Arabic names go in shaped and in visual order,
        as the reader's own engine lays them out in the app's bidi mode."""
        mode = getattr(self.app, "bidi_mode", BidiMode.APP)
        head, colon, tail = text.rpartition(": ") if text.isascii() is False else ("", "", text)
        return head + colon + fit_line(tail, len(tail) + 2, mode).text.strip()

    async def discover(self) -> Hits:
        for name, help_text, command in self._commands():
            yield DiscoveryHit(self._visual(name), command, help=self._visual(help_text))

    async def search(self, query: str) -> Hits:
        screen = cast(FilterScreen, self.screen)
        dates = typed_dates(query)
        if dates is not None:
            label = f"Dates: {dates[0] or '…'}..{dates[1] or '…'}"
            yield Hit(
                1.0,
                label,
                partial(screen.filter_dates, *dates),
                help="only the articles published then (both days included)",
            )
        matcher = self.matcher(query)
        for name, help_text, command in self._commands():
            score = matcher.match(name)
            if score > 0:
                shown = matcher.highlight(name) if name.isascii() else self._visual(name)
                yield Hit(score, shown, command, help=self._visual(help_text))
