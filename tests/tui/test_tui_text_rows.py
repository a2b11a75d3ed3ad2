"""What the panes' rows say: paragraph gaps, metadata alignment, counts and dates kept."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from reader.tui.widgets.article_list import MARK_WIDTH, ArticleList
from reader.tui.widgets.body_view import BodyView
from reader.tui.widgets.entities_pane import EntitiesList
from tests.tui.tui_support import reader_on, sync


def _body_rows(body: BodyView) -> list[str]:
    return [body._row_strip(i).text for i in range(body.virtual_size.height)]


@sync
async def test_paragraphs_are_separated_by_one_blank_row(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(100, 30)) as (app, _):
        body = app.query_one(BodyView)
        assert body.article is not None
        paragraphs = [p for p in body.article.body.split("\n") if p.strip()]
        assert len(paragraphs) > 2
        rows = _body_rows(body)[body._body_top :]
        blank = [i for i, row in enumerate(rows) if not row.strip()]
        assert len(blank) == len(paragraphs) - 1
        assert all(b - a > 1 for a, b in itertools.pairwise(blank))
        starts, offset = [], 0
        for paragraph in body.article.body.split("\n"):
            if paragraph.strip():
                starts.append(offset)
            offset += len(paragraph) + 1
        for start in starts[1:]:
            row = body.row_of(start) - body._body_top
            assert rows[row].strip() and not rows[row - 1].strip()


def _article_rows(articles: ArticleList, index: int) -> list[str]:
    width = articles.scrollable_content_region.width
    base = articles.rich_style
    return [articles.item_strip(index, r, width, base).text for r in range(articles.row_height)]


@sync
async def test_list_at_80_columns_gives_titles_two_rows_and_keeps_the_date(
    seeds_db: Path,
) -> None:
    async with reader_on(seeds_db, size=(80, 24)) as (app, _):
        articles = app.query_one(ArticleList)
        assert articles.row_height == 3
        dated = 0
        for index in range(articles.count):
            row = articles.row(index)
            assert row is not None
            *title_rows, meta = _article_rows(articles, index)
            shown = "".join(title_rows)
            if len(row.title) > 2 * len(title_rows[0]):
                assert all(r.strip() for r in title_rows), title_rows
            if row.published:
                dated += 1
                assert all(part in meta for part in row.published.split("-")), (meta, row)
            assert shown.strip()
        assert dated >= 2


@sync
async def test_latin_only_source_is_right_aligned_under_an_arabic_title(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(160, 40)) as (app, _):
        articles = app.query_one(ArticleList)
        latin = [
            i
            for i in range(articles.count)
            if (row := articles.row(i)) is not None and row.source == "RT"
        ]
        assert latin
        # Without the column of row marks, at the left or (mirrored layout) the right.
        rows = [
            row[:-MARK_WIDTH] if articles.mirrored else row[MARK_WIDTH:]
            for row in _article_rows(articles, latin[0])
        ]
        meta = rows[-1]
        assert meta.rstrip() == meta and meta.endswith("RT"), repr(meta)
        title = rows[0]
        assert title.rstrip() == title  # the Arabic title above it is right-aligned too


@sync
async def test_a_cut_entity_row_keeps_its_count(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(120, 30)) as (app, _):
        entities = app.query_one(EntitiesList)
        first = next(item for item in entities.items if not isinstance(item, str))
        long_name = replace(
            first, canonical="عبد الرحمن بن محمد بن عبد الله آل الشيخ الكبير", mentions=12
        )
        entities.set_entities([long_name])
        width = entities.scrollable_content_region.width
        assert width < len(long_name.canonical)
        text = entities.item_strip(1, 0, width, entities.rich_style).text
        assert "(12)" in text and "…" in text, repr(text)
