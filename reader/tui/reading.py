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


def remember_opened(store: Library, article_id: int) -> None:
    """The article to reopen at the next start. Written after the article is on screen:
    nothing the reader sees waits for it. (Opening does not mark it read: see BodyPane.)"""
    store.state.set_app_state(LAST_ARTICLE, str(article_id))


def list_page(
    store: Library, flt: ArticleFilter, keep: int | None
) -> tuple[int, int | None, list[Any]]:
    """The filtered list's size, where `keep` sits in it, and the block holding it."""
    count = store.listing.count_articles(flt)
    position = store.listing.position_of(flt, keep) if keep is not None else None
    first = store.listing.articles_at(flt, (position or 0) // BLOCK * BLOCK, BLOCK)
    return count, position, first


def read_ahead(
    store: Library, wanted: list[int], width: int, names_width: int, mode: BidiMode
) -> list[Loaded]:
    """Articles near the cursor, their first screens warmed in the engine's cache as well."""
    found: list[Loaded] = []
    for article_id in wanted:
        loaded = load_article(store, article_id)
        if loaded is not None:
            render_text(loaded[0].title, width, mode)
            warm(loaded[0].body, width, mode)
            for entity in loaded[2] if names_width > 0 else ():
                fit_line(f"{entity.canonical} ({entity.mentions})", names_width, mode)
            found.append(loaded)
    return found


def filter_label(flt: ArticleFilter, names: dict[int, str], feeds: str = "") -> str:
    """The filter as the header and status line spell it: feed, persons, /search, ★."""
    parts = [feeds] if flt.feed_ids and feeds else []
    parts += [names.get(i, str(i)) for i in sorted(flt.entity_ids)]
    if flt.query.strip():
        parts.append(f"/{flt.query.strip()}")
    if flt.bookmarks_only:
        parts.append("★")
    return " + ".join(parts)


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
    position = store.listing.position_of(flt, int(last)) if last and last.isdigit() else None
    cursor = position or 0
    first = store.listing.articles_at(flt, cursor // BLOCK * BLOCK, BLOCK)
    people = store.people.people(narrow, 0, 100)
    at = cursor % BLOCK
    opened = load_article(store, first[at].id) if at < len(first) else None
    variants = store.people.variants(people[0].id) if people else []
    return count, cursor, first, store.people.count_people(narrow), people, opened, variants
