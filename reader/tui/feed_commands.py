"""The feeds in the command palette (Ctrl+P): fetch now, or read one feed or one tag.

The subscriptions are read when the palette opens, off the UI thread, through the
reader screen's own store.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.store.read.library import Library
from reader.store.read.rows import FeedName


class FeedScreen(Protocol):
    """What the provider needs of the screen it serves (the reader screen)."""

    library: Library | None

    def action_fetch_feeds(self) -> None: ...

    def filter_feeds(self, feed_ids: frozenset[int], label: str) -> None: ...


Command = tuple[str, str, Callable[[], object]]


class FeedCommands(Provider):
    async def startup(self) -> None:
        library = cast(FeedScreen, self.screen).library
        self._feeds: list[FeedName] = []
        if library is not None:
            self._feeds = await asyncio.to_thread(library.feeds.feeds)

    def _commands(self) -> list[Command]:
        screen = cast(FeedScreen, self.screen)
        commands: list[Command] = [
            ("Fetch due feeds", "fetch new articles now (R)", screen.action_fetch_feeds)
        ]
        tags: dict[str, list[int]] = {}
        for feed in self._feeds:
            show = partial(screen.filter_feeds, frozenset({feed.id}), feed.name)
            count = _count(feed.articles, "article")
            commands.append((f"Feed: {feed.name}", f"only its {count}", show))
            for tag in feed.tags:
                tags.setdefault(tag, []).append(feed.id)
        for tag, ids in sorted(tags.items()):
            show = partial(screen.filter_feeds, frozenset(ids), f"tag {tag}")
            commands.append(
                (f"Tag: {tag}", f"only the articles of its {_count(len(ids), 'feed')}", show)
            )
        return commands

    async def discover(self) -> Hits:
        for name, help_text, command in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, help=help_text)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
