"""Site templates: 30 pages of one site whose recurring chrome the line model alone misses."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from reader.clean import clean_text
from reader.cli import main
from reader.ingest.pipeline import ingest_paths
from reader.store.body import BODY_COLUMNS, BODY_JOIN, body_text

PAGES = sorted(
    (Path(__file__).resolve().parent.parent / "data" / "clean-eval" / "template").glob("*.txt")
)
# On every page of the site; not a cue any rule knows, and a sentence, so the model keeps it.
CHROME = "يستخدم هذا الموقع الكوكيز. بمتابعتك التصفح فإنك توافق على ذلك."


def _bodies(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            f"SELECT d.path, {BODY_COLUMNS} FROM {BODY_JOIN} WHERE a.appended_to IS NULL"
        ).fetchall()
    finally:
        conn.close()
    return {Path(path).name: body_text(body, raw) for path, body, raw in rows}


def test_template_removes_recurring_chrome_and_reclean_mends_the_first_page(
    tmp_path: Path,
) -> None:
    assert len(PAGES) == 30
    holding = [p.name for p in PAGES if CHROME in p.read_text("utf-8")]
    assert len(holding) >= 15
    first, *others = PAGES[1:2] + PAGES[:1] + PAGES[2:]
    assert first.name in holding
    assert CHROME in clean_text(first.read_text("utf-8")).body  # the model alone misses it
    site = tmp_path / "site"
    site.mkdir()
    for page in PAGES:
        shutil.copy(page, site / page.name)
    db = tmp_path / "k.db"

    alone = ingest_paths(db, [site / first.name], entities=False, workers=1)
    assert alone.added == 1
    assert CHROME in _bodies(db)[first.name]  # one page of a site: no template yet

    rest = ingest_paths(db, [site / p.name for p in others], entities=False, workers=1)
    assert rest.added == 29
    bodies = _bodies(db)
    assert all(CHROME not in bodies[name] for name in holding if name != first.name)
    assert CHROME in bodies[first.name]

    assert main(["--db", str(db), "reclean", "--no-entities"]) == 0
    bodies = _bodies(db)
    assert all(CHROME not in body for body in bodies.values())
    assert len(bodies) == 30
    conn = sqlite3.connect(db)
    try:
        stored = conn.execute("SELECT documents FROM site_templates").fetchall()
    finally:
        conn.close()
    assert stored == [(30,)]
