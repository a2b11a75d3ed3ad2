"""`s` saves the open article (Markdown for .md, plain text otherwise; never over a file
without a yes) and `|` pipes its logical text to a shell command in a worker, with the
exit status and first line of output as a notice."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from textual.widgets import Input

from reader.tui.article_text import markdown, plain_text
from reader.tui.screens.prompt import Confirm, LinePrompt
from tests.tui.tui_support import answer, notices, press, reader_on, sync


@sync
async def test_s_saves_markdown_or_plain_text_and_asks_before_overwriting(
    seeds_db: Path, tmp_path: Path
) -> None:
    async with reader_on(seeds_db, size=(120, 35)) as (app, pilot):
        article = app.reader.current
        assert article is not None
        await press(pilot, "s")
        assert isinstance(app.screen, LinePrompt)
        assert app.screen.query_one(Input).value.endswith(f"khabar-{article.id}.md")
        await answer(pilot, str(tmp_path / "saved" / "a.md"))
        assert (tmp_path / "saved" / "a.md").read_text("utf-8") == markdown(article)
        await press(pilot, "s")
        await answer(pilot, str(tmp_path / "a.txt"))
        text = (tmp_path / "a.txt").read_text("utf-8")
        assert text == plain_text(article) and article.title in text
        assert "\ufe8d" not in text  # logical letters, not the screen's shaped forms
        await press(pilot, "s")
        await answer(pilot, str(tmp_path / "a.txt"))
        assert isinstance(app.screen, Confirm)
        await press(pilot, "n")
        assert (tmp_path / "a.txt").read_text("utf-8") == plain_text(article)


@sync
async def test_pipe_sends_the_logical_text_to_a_command_and_shows_its_status(
    seeds_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "piped.txt"
    copy = f"import sys; open({str(out)!r}, 'w', encoding='utf-8').write(sys.stdin.read())"
    async with reader_on(seeds_db, size=(120, 35)) as (app, pilot):
        article = app.reader.current
        assert article is not None
        await press(pilot, "vertical_line")
        await answer(pilot, f"{shlex.quote(sys.executable)} -c {shlex.quote(copy)}")
        assert out.read_text("utf-8") == plain_text(article)
        assert ": exit 0" in notices(app)[-1]
        await press(pilot, "vertical_line")
        assert isinstance(app.screen, LinePrompt)
        assert "piped.txt" in app.screen.query_one(Input).value  # the last command again
        await answer(pilot, "wc -c")
        size = len(plain_text(article).encode("utf-8"))
        assert notices(app)[-1].endswith(f"wc -c: exit 0: {size}")
        await press(pilot, "vertical_line")
        await answer(pilot, "exit 3")
        assert notices(app)[-1] == "| exit 3: exit 3"
