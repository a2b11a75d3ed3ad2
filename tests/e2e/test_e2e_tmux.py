"""The installed `khabar` in a real terminal (tmux, 100×30) on a fresh database."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import arabic_reshaper
import pytest

from reader.store.read.library import Library
from reader.store.read.rows import ArticleFilter
from tests.support import require_tool

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
PRESENTATION_FORMS = re.compile("[\ufe70-\ufeff]")


def _capture(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _body_rows(screen: str) -> list[str]:
    """The text area of the body on each row: the wider of the two panes of the 100-column
    layout (the body is the second one, or the first in the mirrored layout), inside its
    borders, without the scrollbar column."""
    rows: list[str] = []
    for line in screen.splitlines()[1:]:
        cells = [i for i, ch in enumerate(line) if ch == "│"]
        if len(cells) >= 4:
            first, second = (cells[0], cells[1]), (cells[2], cells[3])
            left, right = max(first, second, key=lambda pane: pane[1] - pane[0])
            rows.append(line[left + 1 : right - 1])
    return rows


def test_first_paragraph_starts_at_the_right_edge_shaped(tmp_path: Path) -> None:
    require_tool("tmux")
    khabar = require_tool("khabar")
    db = tmp_path / "fresh.db"
    session = f"khabar-e2e-{os.getpid()}-{tmp_path.name}"
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "100",
            "-y",
            "30",
            f"{khabar} --db {db}",
        ],
        check=True,
    )
    try:
        screen = ""
        deadline = time.monotonic() + 120
        first_word = ""
        while time.monotonic() < deadline:
            time.sleep(0.5)
            screen = _capture(session)
            if not first_word and db.exists():
                try:
                    browser = Library(db, readonly=True)
                    rows = browser.listing.articles_after(ArticleFilter(), None, 1)
                    article = browser.articles.article(rows[0].id) if rows else None
                    browser.close()
                except Exception:  # the ingest may still hold the database
                    continue
                if article is not None:
                    first_word = article.body.split("\n")[0].split()[0]
            if first_word and PRESENTATION_FORMS.search(screen) and "bidi:" in screen:
                break
        assert first_word, screen
        expected = arabic_reshaper.reshape(first_word)[::-1]
        body = _body_rows(screen)
        assert body, screen
        starts = [row for row in body if row.rstrip().endswith(expected)]
        assert starts, f"no body row ends with {expected!r}:\n{screen}"
        assert starts[0][-1] != " ", f"paragraph start not on the right edge:\n{screen}"
        assert PRESENTATION_FORMS.search(screen)
        assert not CONTROLS.search(screen.replace("\n", ""))
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
