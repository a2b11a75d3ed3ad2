"""The feeds in the command palette (Ctrl+P): fetch now, or read one feed or one tag; and
the fetch itself, as `R` runs it in a worker.

The subscriptions are read when the palette opens, off the UI thread, through the
reader screen's own store.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Protocol, cast

from textual.message import Message

from reader.store.read.library import Library
from reader.store.read.rows import FeedName
from reader.tui.commands.listed import Command, ListedCommands
from reader.tui.screens.results import FeedsFetched, FetchProgress
from reader.tui.ui_text import ui


class FeedScreen(Protocol):
    """What the provider needs of the screen it serves (the reader screen)."""

    library: Library | None

    def action_fetch_feeds(self) -> None: ...

    def filter_feeds(self, feed_ids: frozenset[int], label: str) -> None: ...


class FeedCommands(ListedCommands):
    async def startup(self) -> None:
        library = cast(FeedScreen, self.screen).library
        self._feeds: list[FeedName] = []
        if library is not None:
            self._feeds = await asyncio.to_thread(library.feeds.feeds)

    def commands(self) -> list[Command]:
        screen = cast(FeedScreen, self.screen)
        commands: list[Command] = [
            (ui("palette.fetch"), ui("palette.fetch.help"), screen.action_fetch_feeds)
        ]
        tags: dict[str, list[int]] = {}
        for feed in self._feeds:
            show = partial(screen.filter_feeds, frozenset({feed.id}), feed.name)
            commands.append(
                (ui("palette.feed", name=feed.name), _only(feed.articles, "feed"), show)
            )
            for tag in feed.tags:
                tags.setdefault(tag, []).append(feed.id)
        for tag, ids in sorted(tags.items()):
            show = partial(screen.filter_feeds, frozenset(ids), ui("palette.tag.label", tag=tag))
            commands.append((ui("palette.tag", tag=tag), _only(len(ids), "tag"), show))
        return commands


def _only(count: int, what: str) -> str:
    """ "only its 3 articles" (a feed's), "only the articles of its 2 feeds" (a tag's)."""
    return ui(f"palette.{what}.one") if count == 1 else ui(f"palette.{what}.many", count=count)


def fetch_due_feeds(db_path: Path, post: Callable[[Message], object]) -> None:
    """`R`'s work, run in a worker thread: fetch the due feeds, posting `FetchProgress` as each
    feed is stored and `FeedsFetched` at the end. A failed fetch is a summary, never an error
    that takes the reader down."""
    from reader.fetch.outcome import FeedOutcome
    from reader.fetch.run import fetch_feeds

    total, done, added, failed = 0, 0, 0, 0

    def started(count: int) -> None:
        nonlocal total
        total = count
        post(FetchProgress(0, total, 0))

    def stored(outcome: FeedOutcome) -> None:
        nonlocal done, added, failed
        done, added = done + 1, added + outcome.added
        failed += outcome.error is not None
        post(FetchProgress(done, total, added))

    try:
        report = fetch_feeds(db_path, workers=0, on_start=started, on_feed=stored)
    except Exception as error:  # a fetch must never take the reader down
        post(FeedsFetched(ui("feeds.failed", error=error), added))
        return
    if not report.feeds:
        summary = ui("feeds.note", note=report.notes[0]) if report.notes else ui("feeds.none_due")
    else:
        feeds = "1 feed" if done == 1 else f"{done} feeds"
        articles = "article" if added == 1 else "articles"
        summary = ui("feeds.fetched", feeds=feeds, done=done, added=added, articles=articles)
        summary += ui("feeds.some_failed", failed=failed) if failed else ""
    post(FeedsFetched(summary, added))
