"""What the reader's workers do with the store, away from Textual's UI thread.

Plain functions of a `Library`, so each worker is one call and one result message;
and the filter's label, which needs no Textual either.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from reader.render.engine import BidiMode, render_text
from reader.store.read.library import Library
from reader.store.read.rows import (
    Article,
    ArticleFilter,
    EntityCount,
    ListedArticle,
    ListedPerson,
    Mention,
)
from reader.store.schema import SchemaTooNew
from reader.tui.body_rows import warm
from reader.tui.strips import fit_line
from reader.tui.ui_text import ui
from reader.tui.widgets.block_cache import BLOCK

Loaded = tuple[Article, list[Mention], list[EntityCount]]
"""An article, its mentions and its entity counts: what showing it takes."""
LAST_ARTICLE = "last_article"
DATABASE_ERRORS = (sqlite3.Error, OSError, SchemaTooNew)


def describe_db_error(error: BaseException, path: Path) -> str:
    text = str(error)
    if isinstance(error, sqlite3.OperationalError) and "locked" in text:
        return ui("db.locked", path=path)
    if isinstance(error, SchemaTooNew):
        return text
    return ui("db.unreadable", path=path, error=text)


def load_article(store: Library, article_id: int) -> Loaded | None:
    article = store.articles.article(article_id)
    if article is None:
        return None
    return (
        article,
        store.articles.mentions(article_id),
        store.articles.article_entities(article_id),
    )


def load_body(store: Library, key: int) -> Loaded | None:
    """What the body pane shows for `body_key`'s key: an article, or a story's body."""
    return store.stories.story(-key) if key < 0 else load_article(store, key)


def body_key(row: ListedArticle, flt: ArticleFilter) -> int:
    """The body pane's key for a list row: its id, or minus it for a story's row (a row
    that stands for several articles), whose body is the story's."""
    return -row.id if row.story_size > 1 and flt.story is None else row.id


def remember_opened(store: Library, article_id: int) -> None:
    """The article to reopen at the next start. Written after the article is on screen:
    nothing the reader sees waits for it. (Opening does not mark it read: see BodyPane.)"""
    store.state.set_app_state(LAST_ARTICLE, str(article_id))


def list_page(
    store: Library, flt: ArticleFilter, keep: int | None
) -> tuple[int, int | None, list[Any]]:
    """The filtered list's size, where `keep` sits in it, and the block holding it."""
    count = store.listing.count_articles(flt)
    position, first = store.listing.block_at(flt, keep, BLOCK)
    return count, position, first


def read_ahead(
    store: Library, wanted: list[int], width: int, names_width: int, mode: BidiMode
) -> list[Loaded]:
    """Articles near the cursor, their first screens warmed in the engine's cache as well."""
    found: list[Loaded] = []
    for article_id in wanted:
        loaded = load_body(store, article_id)
        if loaded is not None:
            render_text(loaded[0].title, width, mode)
            warm(loaded[0].body, width, mode)
            for entity in loaded[2] if names_width > 0 else ():
                fit_line(f"{entity.canonical} ({entity.mentions})", names_width, mode)
            found.append(loaded)
    return found


def sources_label(count: int) -> str:
    """ "3 sources" on a story's row, in the interface's language: Arabic gives the dual and
    the plural of 3–10 their own forms (the list is Arabic text), else "label: n"."""
    if count == 2:
        return ui("list.sources_two")
    if 3 <= count <= 10:
        return ui("list.sources_few", count=count)
    return ui("list.sources", count=count)


def day_label(day: str) -> str:
    """A day as the header writes it: slashes, which bidi keeps in order inside Arabic."""
    return day.replace("-", "/")


def dates_label(since: str | None, until: str | None) -> str:
    return f"{day_label(since) if since else '…'}–{day_label(until) if until else '…'}"


# What clearing each part of the filter sets (entities and feeds are cleared by the screen).
CLEARED: dict[str, dict[str, Any]] = {
    "sources": {"sources": frozenset()},
    "dates": {"since": None, "until": None},
    "search": {"query": ""},
    "bookmarks": {"bookmarks_only": False},
    "unread": {"unread_only": False},
}


def filter_parts(
    flt: ArticleFilter, names: dict[int, str], feeds: str = ""
) -> list[tuple[str, str]]:
    """Each part of the filter as (its name for `ListScreen.clear_part`, its label), in the
    order the header spells them: feed, entities, sources, dates, /search, ★, ● unread."""
    parts = [("feed", feeds)] if flt.feed_ids and feeds else []
    parts += [(f"entity:{i}", names.get(i, str(i))) for i in sorted(flt.entity_ids)]
    if flt.sources:
        parts.append(("sources", " | ".join(sorted(flt.sources))))
    if flt.since or flt.until:
        parts.append(("dates", dates_label(flt.since, flt.until)))
    if flt.query.strip():
        parts.append(("search", f"/{flt.query.strip()}"))
    if flt.bookmarks_only:
        parts.append(("bookmarks", "★"))
    if flt.unread_only:
        parts.append(("unread", "●"))
    return parts


def filter_label(flt: ArticleFilter, names: dict[int, str], feeds: str = "") -> str:
    """The filter as the header and status line spell it."""
    return " + ".join(label for _, label in filter_parts(flt, names, feeds))


def read_start(
    store: Library, flt: ArticleFilter, narrow: str
) -> tuple[
    int, int, list[ListedArticle], int, list[ListedPerson], Loaded | None, list[tuple[str, int]]
]:
    """Everything the first screen shows, in `Started`'s order: the list (opened where the
    reader left off), the people pane, and the article at the cursor, read here too so it
    is drawn in one frame rather than one more worker round trip and layout each."""
    count = store.listing.count_articles(flt)
    last = store.state.get_app_state(LAST_ARTICLE)
    position, first = store.listing.block_at(
        flt, int(last) if last and last.isdigit() else None, BLOCK
    )
    cursor = position or 0
    people = store.people.people(narrow, 0, 100)
    at = cursor % BLOCK
    opened = load_body(store, body_key(first[at], flt)) if at < len(first) else None
    variants = store.people.variants(people[0].id) if people else []
    return count, cursor, first, store.people.count_people(narrow), people, opened, variants
