"""Stories in the reader: a row per story, Enter opens it into its articles, Esc folds it
back; the story's body is its longest version with what the others add; marks, search
and the person filter work on story rows."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.ingest.pipeline import ingest_paths
from reader.nlp.normalize import fold_for_search
from reader.render.engine import BidiMode
from reader.store.body import BODY_COLUMNS, BODY_JOIN, body_text
from reader.store.read.story import ADDED
from reader.tui import ui_text
from reader.tui.reading import sources_label
from reader.tui.strips import fit_line
from reader.tui.ui_text import plain
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.body_pane import BodyPane
from reader.tui.widgets.engine_text import EngineLine
from tests.store.story_corpus import PEOPLE, make_story_corpus, write_story_corpus
from tests.tui.tui_support import press, reader_on, settle, sync

STORIES, UNRELATED = 3, 12


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str
    kind: str
    key: str


def people_extractor(text: str) -> list[Name]:
    found = []
    for person in PEOPLE:
        at = text.find(person)
        while at != -1:
            found.append(Name(at, at + len(person), person, "PER", fold_for_search(person)))
            at = text.find(person, at + len(person))
    return sorted(found, key=lambda n: n.start)


@pytest.fixture(scope="module")
def stories_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("story-corpus")
    articles = make_story_corpus(stories=STORIES, unrelated=UNRELATED, follow_ups=0, seed=3)
    paths = write_story_corpus(folder / "files", articles)
    db = folder / "khabar.db"
    ingest_paths(db, paths, workers=1, extractor=people_extractor, canonical=lambda c: max(c))
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db


@pytest.fixture
def stories_db(stories_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(stories_template, tmp_path / "khabar.db"))


def _stories(db: Path) -> dict[int, list[int]]:
    conn = sqlite3.connect(db)
    found: dict[int, list[int]] = {}
    for article, story in conn.execute("SELECT article_id, story_id FROM story_members"):
        found.setdefault(story, []).append(article)
    conn.close()
    return found


async def _cursor_to(pilot: object, articles: ArticleList, article_id: int) -> None:
    for index in range(articles.count):
        row = articles.row(index)
        if row is not None and row.id == article_id:
            articles.move_to(index)
            break
    await settle(pilot)  # type: ignore[arg-type]


@sync
async def test_one_row_per_story_enter_expands_and_escape_folds(stories_db: Path) -> None:
    stories = _stories(stories_db)
    assert len(stories) == STORIES
    async with reader_on(stories_db, size=(160, 48)) as (app, pilot):
        articles = app.query_one(ArticleList)
        assert articles.count == STORIES + UNRELATED
        rows = [articles.row(i) for i in range(articles.count)]
        story_rows = [r for r in rows if r is not None and r.story_size > 1]
        assert sorted(r.id for r in story_rows) == sorted(min(m) for m in stories.values())
        lead = story_rows[0]
        assert lead.story_size == len(stories[lead.story or 0])
        meta = articles.item_strip(rows.index(lead), 1, 60, articles.rich_style).text
        label = fit_line(sources_label(lead.story_size), 20, BidiMode.APP).text.strip()
        assert label in meta and sources_label(lead.story_size) == f"{lead.story_size} sources"
        await _cursor_to(pilot, articles, lead.id)
        await press(pilot, "enter")
        assert articles.count == lead.story_size
        header = app.query_one("#articles-header", EngineLine).text
        assert plain(header).startswith(f"Articles {lead.story_size} · story: ")
        assert app.reader.query_one(BodyPane).current.members == ()  # type: ignore[union-attr]
        await press(pilot, "escape")
        assert articles.count == STORIES + UNRELATED
        row = articles.row(articles.cursor)
        assert row is not None and row.id == lead.id
        assert app.reader.query_one(BodyPane).current.members  # type: ignore[union-attr]


@sync
async def test_a_story_body_is_the_longest_version_and_what_the_others_add(
    stories_db: Path,
) -> None:
    stories = _stories(stories_db)
    conn = sqlite3.connect(stories_db)
    bodies = {
        i: body_text(body, raw)
        for i, body, raw in conn.execute(f"SELECT a.id, {BODY_COLUMNS} FROM {BODY_JOIN}")
    }
    sources = dict(conn.execute("SELECT id, source FROM articles").fetchall())
    conn.close()
    async with reader_on(stories_db, size=(160, 48)) as (app, pilot):
        articles = app.query_one(ArticleList)
        additions = 0
        for members in stories.values():
            await _cursor_to(pilot, articles, min(members))
            shown = app.reader.query_one(BodyPane).current
            assert shown is not None and set(shown.members) == set(members)
            longest = bodies[max(members, key=lambda m: len(bodies[m]))]
            assert shown.body.startswith(longest)
            rest = shown.body[len(longest) :]
            if not rest:
                continue
            assert rest.startswith(f"\n{ADDED}\n")
            for line in rest.split("\n")[2:]:
                source, _, paragraph = line.partition(": ")
                owner = next(m for m in members if paragraph in bodies[m])
                assert source == f"من {sources[owner]}" and paragraph not in longest
                additions += 1
        assert additions > 0


@sync
async def test_reading_a_story_marks_its_articles(stories_db: Path) -> None:
    stories = _stories(stories_db)
    async with reader_on(stories_db, size=(160, 48)) as (app, pilot):
        articles = app.query_one(ArticleList)
        members = next(iter(stories.values()))
        await _cursor_to(pilot, articles, min(members))
        await press(pilot, "u")
    conn = sqlite3.connect(stories_db)
    read = {r[0] for r in conn.execute("SELECT article_id FROM reading_state WHERE read = 1")}
    conn.close()
    assert set(members) <= read


@sync
async def test_marking_the_whole_list_read_marks_every_article_of_its_stories(
    stories_db: Path,
) -> None:
    stories = _stories(stories_db)
    async with reader_on(stories_db, size=(160, 48)) as (app, pilot):
        await press(pilot, "A")
        await press(pilot, "y")
        await press(pilot, "U")
        assert app.query_one(ArticleList).count == 0
    conn = sqlite3.connect(stories_db)
    read = {r[0] for r in conn.execute("SELECT article_id FROM reading_state WHERE read = 1")}
    articles = {r[0] for r in conn.execute("SELECT id FROM articles")}
    conn.close()
    assert {m for members in stories.values() for m in members} <= read == articles


@sync
async def test_search_and_unread_keep_one_row_per_story(stories_db: Path) -> None:
    stories = _stories(stories_db)
    conn = sqlite3.connect(stories_db)
    titles = dict(conn.execute("SELECT id, title FROM articles").fetchall())
    conn.close()
    members = next(iter(stories.values()))
    word = titles[min(members)].split()[0]
    async with reader_on(stories_db, size=(160, 48)) as (app, pilot):
        app.reader.set_filter(app.reader.article_filter.__class__(query=word))
        await settle(pilot)
        articles = app.query_one(ArticleList)
        rows = [articles.row(i) for i in range(articles.count)]
        listed = [r for r in rows if r is not None]
        story_rows = [r.story for r in listed if r.story_size > 1]
        assert len(story_rows) == len(set(story_rows)) and story_rows
        # An article of a story is listed on its own only when its lead is not.
        ids = {r.id for r in listed}
        assert not [r for r in listed if r.story not in (None, r.id) and r.story in ids]
        await press(pilot, "U")
        assert app.reader.article_filter.unread_only
        assert "●" in app.query_one("#articles-header", EngineLine).text


def test_the_sources_label_speaks_the_interface_language() -> None:
    try:
        ui_text.use("ar")
        assert [sources_label(n) for n in (2, 3, 10, 11)] == [
            "مصدران",
            "3 مصادر",
            "10 مصادر",
            "المصادر: 11",
        ]
    finally:
        ui_text.use("en")
    assert sources_label(4) == "4 sources"
