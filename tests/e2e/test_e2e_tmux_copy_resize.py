"""The installed `khabar` in tmux: a live resize picks the new size's layout, `Y` sends
the article's logical text through OSC 52 (captured with tmux pipe-pane), and
`--layout rtl` mirrors the screen (the article list in the rightmost pane)."""

from __future__ import annotations

import base64
import os
import re
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.ingest.pipeline import ingest_paths
from reader.paths import seeds_dir
from reader.store.read.library import Library
from reader.tui.article_text import plain_text
from tests.support import require_tool

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
OSC52 = re.compile(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\\\)")


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def _wait(test: Callable[[], object], what: str, session: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if test():
            return
        time.sleep(0.3)
    screen = _tmux("capture-pane", "-p", "-t", session)
    raise AssertionError(f"timed out waiting for {what}:\n{screen}")


def _panes_on_top_row(session: str) -> int:
    return _tmux("capture-pane", "-p", "-t", session).splitlines()[0].count("╭")


def test_resize_and_copy_key(tmp_path: Path) -> None:
    require_tool("tmux")
    khabar = require_tool("khabar")
    db = tmp_path / "seeds.db"
    ingest_paths(db, [seeds_dir()], workers=1, entities=False)
    raw = tmp_path / "pane-output"
    session = f"khabar-e2e-copy-{os.getpid()}-{tmp_path.name}"
    # Without COLUMNS/LINES from the test runner's environment: with them the app would
    # keep that size whatever the window does.
    command = f"env -u COLUMNS -u LINES {khabar} --db {db}"
    _tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", command)
    try:
        _tmux("set-option", "-t", session, "window-size", "manual")
        _tmux("pipe-pane", "-O", "-t", session, f"cat >> {raw}")
        _wait(lambda: "bidi:" in _tmux("capture-pane", "-p", "-t", session), "the reader", session)
        assert _panes_on_top_row(session) == 2  # narrow: articles | body
        _tmux("resize-window", "-t", session, "-x", "200", "-y", "50")
        _wait(lambda: _panes_on_top_row(session) == 3, "three panes at 200x50", session)
        _tmux("resize-window", "-t", session, "-x", "80", "-y", "24")
        _wait(lambda: _panes_on_top_row(session) == 2, "two panes again at 80x24", session)
        store = Library(db, readonly=True)
        try:
            last = store.state.get_app_state("last_article")
            assert last is not None
            article = store.articles.article(int(last))
        finally:
            store.close()
        assert article is not None
        _tmux("send-keys", "-t", session, "Y")
        _wait(
            lambda: raw.exists() and OSC52.search(raw.read_bytes()), "an OSC 52 sequence", session
        )
        match = OSC52.search(raw.read_bytes())
        assert match is not None
        assert base64.b64decode(match.group(1)).decode("utf-8") == plain_text(article)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)


def _pane_holding(session: str, text: str) -> int | None:
    """Which pane of the top row (0 = leftmost) shows `text` on the screen's second row."""
    row = _tmux("capture-pane", "-p", "-t", session).splitlines()[1]
    for index, cell in enumerate(row.split("││")):
        if text in cell:
            return index
    return None


@pytest.mark.parametrize("layout", ["rtl", "ltr"])
def test_mirrored_layout(tmp_path: Path, layout: str) -> None:
    require_tool("tmux")
    khabar = require_tool("khabar")
    db = tmp_path / "seeds.db"
    ingest_paths(db, [seeds_dir()], workers=1, entities=False)
    session = f"khabar-e2e-layout-{layout}-{tmp_path.name}"
    config = tmp_path / "config" / "khabar"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('ui_language = "ar"\n', encoding="utf-8")
    home = f"XDG_CONFIG_HOME={config.parent}"
    command = f"env -u COLUMNS -u LINES {home} {khabar} --db {db} --layout {layout}"
    _tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "40", command)
    # The articles header of the Arabic interface, as app mode draws it: shaped, in
    # visual order.
    header = "ﺕﻻﺎﻘﻤﻟﺍ"
    try:
        _wait(lambda: _pane_holding(session, header) is not None, "the article list", session)
        assert _panes_on_top_row(session) == 3
        assert _pane_holding(session, header) == (2 if layout == "rtl" else 0)
        _tmux("send-keys", "-t", session, "3")
        entities = "ﻝﺎﻘﻤﻟﺍ ﺕﺎﻧﺎﻴﻛ"
        _wait(lambda: _pane_holding(session, entities) is not None, "the entities", session)
        assert _pane_holding(session, entities) == (0 if layout == "rtl" else 2)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
