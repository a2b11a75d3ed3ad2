"""What the reader does before its first article is on screen: modules and SQL.

bench/startup.py times the first paint against a minimal Textual app; the ratio
is thin and moves with the machine's load, so what start-up costs is bounded
here by what it does, never by seconds. The app runs in a fresh interpreter (a
test process has imported everything already) on the seeds, and reports the
modules loaded and the statements run when the first article has opened.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support import HANG

REPORT = """
import asyncio, json, sqlite3, sys
from pathlib import Path

statements = []
plain_connect = sqlite3.connect

def traced(*args, **kwargs):
    conn = plain_connect(*args, **kwargs)
    conn.set_trace_callback(statements.append)
    return conn

sqlite3.connect = traced

from textual.css.stylesheet import Stylesheet

styled = []
plain_apply = Stylesheet.apply

def counted_apply(self, node, **kwargs):
    styled.append(type(node).__name__)
    return plain_apply(self, node, **kwargs)

Stylesheet.apply = counted_apply

import configparser

booleans = []
plain_getboolean = configparser.RawConfigParser.getboolean

def counted_getboolean(self, *args, **kwargs):
    booleans.append(args[1] if len(args) > 1 else "")
    return plain_getboolean(self, *args, **kwargs)

configparser.RawConfigParser.getboolean = counted_getboolean

from reader.tui.app import KhabarApp

async def main():
    app = KhabarApp(Path(sys.argv[1]))
    async with app.run_test(size=(120, 40)) as pilot:
        while app.reader.current is None:
            await pilot.pause(0.01)
        report = {
            "modules": sorted(sys.modules),
            "statements": list(statements),
            "styled": styled,
            "booleans": booleans,
        }
        print(json.dumps(report))

asyncio.run(main())
"""

# Each of these was once loaded before the first paint and is needed only later: the
# Latin name ranking (rapidfuzz) when the people pane is narrowed, the person page (its
# screen, Textual's Sparkline and `statistics`, its reading) when `p` opens it, the
# browser registry when `o` opens a link, sqlite-utils (and numpy) by writers; the
# pipeline never.
DEFERRED = (
    "rapidfuzz",
    "reader.nlp.latin",
    "reader.store.name_search",
    "reader.tui.screens.person",
    "textual.widgets._sparkline",
    "statistics",
    "reader.store.person_page",
    "reader.nlp.attribution",
    "webbrowser",
    "sqlite_utils",
    "numpy",
    "zipfile",
)
NEVER = ("reader.ingest", "reader.clean", "reader.fetch", "reader.commands")
# The first screen's reads (list, people pane, the article at the cursor) as they stand,
# with room for a few more; one query per row or per entity would pass it at once.
MOST_STATEMENTS = 20
# Style applications (a widget's, or one of its component classes') before the first
# article is on screen: each widget is styled when it mounts and again when the screen
# resumes, and once more for what a class change touches. The panes are composed in the
# mirrored layout an Arabic corpus then chooses (the seeds are Arabic), so nothing is
# restyled when the first titles arrive: 97 applications; composed unmirrored and then
# switched, 121; with the switched class on the screen, 138.
MOST_STYLINGS = 100


@pytest.fixture(scope="module")
def first_paint(seeds_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = Path(shutil.copy(seeds_template, tmp_path_factory.mktemp("startup") / "khabar.db"))
    out = subprocess.run(
        [sys.executable, "-c", REPORT, str(db)],
        capture_output=True,
        text=True,
        check=True,
        timeout=HANG,
    ).stdout
    report: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return report


def test_first_paint_loads_none_of_what_later_keys_need(first_paint: dict[str, Any]) -> None:
    modules = set(first_paint["modules"])
    assert "reader.tui.screens.reader" in modules  # the report is of a started reader
    assert sorted(m for m in DEFERRED if m in modules) == []
    assert sorted(m for m in modules if m.startswith(NEVER)) == []


def test_first_paint_runs_each_query_once_and_few(first_paint: dict[str, Any]) -> None:
    queries = [
        " ".join(s.split())
        for s in first_paint["statements"]
        if not s.lstrip().upper().startswith("PRAGMA")
    ]
    assert any("a.body" in q for q in queries)  # the opened article was read
    assert [q for q in set(queries) if queries.count(q) > 1] == []
    assert len(queries) <= MOST_STATEMENTS, queries


def test_first_paint_restyles_only_what_the_layout_moves(first_paint: dict[str, Any]) -> None:
    assert "BodyView" in first_paint["styled"]
    assert len(first_paint["styled"]) <= MOST_STYLINGS


def test_first_paint_reads_the_shapers_configuration_once(first_paint: dict[str, Any]) -> None:
    """reader/render/forms.py reads the reshaper's section raw, in one call; one
    `getboolean` per ligature (290 calls) was most of the display engine's import."""
    assert "configparser" in first_paint["modules"]  # the reshaper's configuration is one
    assert first_paint["booleans"] == []
