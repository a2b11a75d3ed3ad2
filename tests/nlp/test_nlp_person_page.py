"""The person page's data on the seeds through the real recogniser (issue 14, item 1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from reader.cli import main
from reader.store.body import article_body
from reader.store.name_search import find_people
from reader.store.person_page import articles_with_both, person_page, timeline


def _path(db: sqlite_utils.Database) -> str:
    return str(db.conn.execute("PRAGMA database_list").fetchone()[2])


def _own_articles(db: sqlite_utils.Database, files: list[str]) -> set[int]:
    return {
        int(i)
        for i, p in db.conn.execute(
            "SELECT id, source_path FROM articles WHERE appended_to IS NULL"
        )
        if Path(p).name in files
    }


def test_putins_page(seed_db: sqlite_utils.Database, gold: dict[str, Any]) -> None:
    putin = find_people(db := seed_db.conn, "putin")[0]
    page = person_page(db, putin.id)
    assert page is not None
    surfaces = dict(page.spellings)
    assert {"بوتين", "فلاديمير بوتين"} <= surfaces.keys()
    mentioned = db.execute(
        "SELECT surface, count(*) FROM mentions WHERE entity_id = ? GROUP BY surface", (putin.id,)
    ).fetchall()
    assert surfaces == dict(mentioned)
    assert [n for _, n in page.spellings] == sorted(surfaces.values(), reverse=True)

    cross = gold["cross_article"]["persons"]
    both = _own_articles(seed_db, sorted(set(cross["putin"]) & set(cross["kim_jong_un"])))
    kim = next(p for p in page.people if "جونغ أون" in p.canonical or "جونج أون" in p.canonical)
    assert kim.articles == len(both) == 5
    assert both <= {a.id for a in articles_with_both(db, putin.id, kim.id)}

    assert any(r.startswith("الرئيس الروسي") for r, _ in page.roles)
    assert page.quotes
    for quote in page.quotes:
        body = article_body(db, quote.article_id) or ""
        assert body[quote.start : quote.end].strip() == quote.text.removesuffix(" …")
    assert any("ضمانات بشأن أمنهم" in q.text for q in page.quotes)

    dates = sorted(a.published for a in page.articles if a.published)
    assert (page.timeline.first, page.timeline.last) == (dates[0], dates[-1])
    assert sum(n for _, n in page.timeline.periods) == len(dates)
    keys = [(a.published or "", a.id) for a in page.articles if a.published]
    assert keys == sorted(keys, reverse=True)


def test_kim_jong_il_is_another_page(seed_db: sqlite_utils.Database) -> None:
    un = person_page(seed_db.conn, find_people(seed_db.conn, "kim jong un")[0].id)
    il = person_page(seed_db.conn, find_people(seed_db.conn, "kim jong il")[0].id)
    assert un is not None and il is not None
    assert un.id != il.id
    assert not {s for s, _ in il.spellings} & {s for s, _ in un.spellings if s != "كيم"}
    assert any(p.id == un.id for p in il.people)


def test_timeline_fills_gaps_by_week_or_month() -> None:
    weeks = timeline(["2024-01-01", "2024-01-02", "2024-01-22", None])
    assert weeks.unit == "week"
    assert weeks.periods == (
        ("2024-01-01", 2),
        ("2024-01-08", 0),
        ("2024-01-15", 0),
        ("2024-01-22", 1),
    )
    assert weeks.undated == 1
    months = timeline(["2023-01-31", "2023-12-01"])
    assert months.unit == "month"
    assert len(months.periods) == 12 and months.periods[0] == ("2023-01-01", 1)
    assert timeline([None]).periods == ()


def test_person_command(seed_db: sqlite_utils.Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["person", "--db", _path(seed_db), "putin", "--json"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["canonical"].endswith("بوتين")
    assert page["quotes"] and page["people"] and page["timeline"]["periods"]
    assert main(["person", "--db", _path(seed_db), "بوتين"]) == 0
    assert "بوتين" in capsys.readouterr().out.splitlines()[0]
    assert main(["person", "--db", _path(seed_db), "zzqqxx"]) == 1
