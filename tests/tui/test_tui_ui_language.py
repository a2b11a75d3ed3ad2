"""Issue 13, the Arabic interface: status line, help, body messages and notices in Arabic
when the locale or `ui_language` asks for it, English otherwise; one catalog for both,
and Arabic drawn through the display engine like article text."""

from __future__ import annotations

import argparse
import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.notifications import Notification

from reader.commands.read import build_app
from reader.kinds import Kind
from reader.render.engine import BidiMode, render_text
from reader.tui import ui_text
from reader.tui.app import KhabarApp
from reader.tui.keymap import binding_groups
from reader.tui.screens.person import PERSON_BINDINGS
from reader.tui.texts import PARTS
from reader.tui.ui_text import KEY_TEXTS, TEXTS, language_for, notice_width, plain, ui
from reader.tui.widgets.body_view import BodyView
from reader.tui.widgets.engine_text import EngineLine, EngineText
from tests.tui.tui_support import press, reader_on, sync, write_config

SOURCES = Path(__file__).resolve().parents[2] / "reader" / "tui"
LOGICAL_ARABIC = re.compile("[\u0621-\u064a]")  # letters as stored, before shaping
ARABIC = re.compile("[\u060c-\u06ff]")  # letters, digits and punctuation
WORDS = re.compile("[A-Za-z]{2,}|[\u0621-\u064a]")
SHAPED_ARABIC = re.compile("[\ufe70-\ufefc]")  # presentation forms: the engine's output


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    ui_text.use("en")


@pytest.mark.parametrize(
    ("setting", "environ", "expected"),
    [
        (None, {}, "en"),
        (None, {"LANG": "ar_EG.UTF-8"}, "ar"),
        (None, {"LANG": "en_US.UTF-8", "LC_ALL": "ar_SA.UTF-8"}, "ar"),
        (None, {"LANG": "ar_EG.UTF-8", "LC_ALL": "C.UTF-8"}, "en"),
        (None, {"LANG": "ar_EG.UTF-8", "LC_MESSAGES": "fr_FR"}, "en"),
        ("en", {"LC_ALL": "ar_EG.UTF-8"}, "en"),
        ("ar", {"LANG": "C"}, "ar"),
    ],
)
def test_the_language_comes_from_the_setting_then_the_locale(
    setting: str | None, environ: dict[str, str], expected: str
) -> None:
    assert language_for(setting, environ) == expected


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_text_has_both_languages_and_every_key_used_is_in_the_catalog() -> None:
    owners: dict[str, int] = {}
    for index, part in enumerate(PARTS):
        for key in part:
            assert owners.setdefault(key, index) == index, f"{key} is in two modules"
    for key, (english, arabic) in TEXTS.items():
        assert english.strip() and ARABIC.search(arabic), key
        fields = {name: 1 for name in _fields(english) | _fields(arabic)}
        english.format(**fields), arabic.format(**fields)
    used = {
        key
        for path in SOURCES.rglob("*.py")
        for key in re.findall(r"\bui\(\s*\"([a-z_.]+)\"", path.read_text(encoding="utf-8"))
    }
    assert used and used <= set(TEXTS), used - set(TEXTS)
    # Keys made from a value: one per value.
    made = [f"group.{kind.value}" for kind in Kind]
    made += [
        f"{prefix}.{mode.value}" for prefix in ("status.mode", "palette.bidi") for mode in BidiMode
    ]
    assert set(made) <= set(TEXTS), set(made) - set(TEXTS)
    ids = {b.id for _, found in binding_groups() for b in found}
    ids |= {b.id for b in PERSON_BINDINGS if hasattr(b, "id")}
    assert ids <= set(KEY_TEXTS), ids - set(KEY_TEXTS)
    assert all(ARABIC.search(text) for text in KEY_TEXTS.values())


SHOWN = {
    "notify",
    "Confirm",
    "LinePrompt",
    "Written",
    "FeedsFetched",
    "EngineLine",
    "EngineText",
    "InterfaceText",
    "show_message",
    "Hit",
    "DiscoveryHit",
    "SystemCommand",
}
"""What puts a text on the screen: a literal with words passed to one bypasses the catalog."""


def _literal(node: ast.expr) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_literal(part) for part in node.values)
    if isinstance(node, ast.BinOp):
        return _literal(node.left) + _literal(node.right)
    return ""


def _docstrings(tree: ast.Module) -> set[int]:
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }


def test_no_interface_text_is_written_outside_the_catalog() -> None:
    """Every text the reader shows comes from the catalog: no Arabic literal outside
    reader/tui/texts/, and no literal words handed to what shows a text."""
    found: list[str] = []
    for path in sorted(SOURCES.rglob("*.py")):
        if "texts" in path.relative_to(SOURCES).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            where = f"{path.relative_to(SOURCES)}:{getattr(node, 'lineno', 0)}"
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and id(node) not in docs and LOGICAL_ARABIC.search(text):
                found.append(f"{where} {text!r}")
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in SHOWN:
                    args = [*node.args, *(k.value for k in node.keywords if k.arg == "help")]
                    found += [f"{where} {name}" for a in args if WORDS.search(_literal(a))]
    assert not found, found


def _last_notice(app: KhabarApp) -> Notification:
    return list(app._notifications)[-1]


def _status(app: KhabarApp) -> EngineLine:
    return app.screen.query_one("#status", EngineLine)


@sync
async def test_arabic_interface_through_the_engine(seeds_db: Path) -> None:
    async with reader_on(seeds_db, language="ar", size=(120, 30)) as (app, pilot):
        status = _status(app)
        assert plain(status.text).startswith("التصفية: لا شيء | الاتجاه: التطبيق | ? مساعدة")
        drawn = status.render_line(0).text
        assert SHAPED_ARABIC.search(drawn) and not LOGICAL_ARABIC.search(drawn)
        # A notice: shaped and ordered by the engine, at the toast's width.
        await pilot.press("n")
        await pilot.pause()
        notice = _last_notice(app)
        expected = render_text(ui("notice.no_hits"), notice_width(120), BidiMode.APP)
        assert notice.message == "\n".join(row.text for row in expected)
        assert SHAPED_ARABIC.search(notice.message) and not LOGICAL_ARABIC.search(notice.message)
        # The help: Arabic notes and what each key does, through the engine too.
        await press(pilot, "question_mark")
        help_text = app.screen.query_one("#help-text", EngineText)
        assert "في كل مكان" in help_text.text and "  app.quit" in help_text.text
        assert "خروج" in help_text.text and "Quit" not in help_text.text
        rows = [help_text.render_line(y).text for y in range(5)]
        assert any(SHAPED_ARABIC.search(row) for row in rows), rows
        # Table rows left to right even where the Arabic outweighs the keys' letters.
        assert [row[:12] for row in rows if "app.quit" in row or "app.help" in row] == [
            "  q, Ctrl+Q ",
            "  ?, F1     ",
        ]
        await pilot.press("escape")
        # In terminal mode the terminal does the bidi: a notice is the logical text.
        app.bidi_mode = BidiMode.TERMINAL
        await pilot.press("n")
        await pilot.pause()
        assert _last_notice(app).message == ui("notice.no_hits")


@sync
async def test_arabic_body_message_and_english_by_default(seeds_db: Path) -> None:
    async with reader_on(seeds_db, language="ar", size=(120, 30)) as (app, pilot):
        await press(pilot, "slash", *"zzzqqq", "enter")
        body = app.screen.query_one(BodyView)
        assert body.message == "لا يطابق أيُّ مقال التصفية. Esc يلغيها."
    async with reader_on(seeds_db, size=(120, 30)) as (english, pilot):
        assert plain(_status(english).text).startswith("filter: none | bidi: app | ? help")
        await pilot.press("n")
        await pilot.pause()
        assert _last_notice(english).message == "No search hits in this article"
        await press(pilot, "question_mark")
        help_text = english.screen.query_one("#help-text", EngineText).text
        assert "Everywhere" in help_text and "Quit" in help_text


@pytest.mark.parametrize(
    ("config", "lang", "expected"),
    [("", "ar_EG.UTF-8", "ar"), ('ui_language = "en"\n', "ar_EG.UTF-8", "en"), ("", "C", "en")],
)
def test_build_app_takes_the_setting_or_the_locale(
    seeds_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: str,
    lang: str,
    expected: str,
) -> None:
    write_config(config)
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    build_app(argparse.Namespace(db=seeds_db))
    assert ui_text.language() == expected
