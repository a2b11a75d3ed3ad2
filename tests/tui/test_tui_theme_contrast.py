"""Entity and hit colours reach WCAG AA on the body in every theme a user can name, and
the kinds stay apart in 16 colours and under NO_COLOR by their text style."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style

from reader.tui.widgets.body_view import BodyView
from tests.tui.tui_support import reader_on, sync

KINDS = ("per", "loc", "org", "misc", "hit", "hit-current")
# These two take the terminal's own 16-colour palette, which no program can read.
TERMINAL_PALETTE = {"ansi-dark", "ansi-light"}


def _luminance(rgb: tuple[int, int, int]) -> float:
    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _ratio(first: RichColor, second: RichColor) -> float:
    a, b = (_luminance(tuple(c.get_truecolor())) for c in (first, second))  # type: ignore[arg-type]
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def _pair(body: BodyView, kind: str) -> tuple[RichColor, RichColor, Style]:
    style = body.get_component_rich_style(f"body--{kind}")
    base = body.rich_style
    assert style.color is not None and base.bgcolor is not None
    return style.color, style.bgcolor or base.bgcolor, style


@sync
async def test_every_theme_reaches_aa_for_entities_and_hits(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(100, 30)) as (app, pilot):
        body = app.query_one(BodyView)
        themes = sorted(set(app.available_themes) - TERMINAL_PALETTE)
        assert {"textual-dark", "textual-light"} <= set(themes) and len(themes) > 10
        low: list[tuple[str, str, float]] = []
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            for kind in KINDS:
                color, background, _ = _pair(body, kind)
                ratio = _ratio(color, background)
                if ratio < 4.5:
                    low.append((theme, kind, round(ratio, 2)))
        assert not low


@sync
async def test_16_colours_keep_entities_off_the_background_and_apart(seeds_db: Path) -> None:
    async with reader_on(seeds_db, size=(100, 30)) as (app, pilot):
        body = app.query_one(BodyView)
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            flags = set()
            for kind in KINDS:
                color, background, style = _pair(body, kind)
                assert color.downgrade(ColorSystem.STANDARD) != background.downgrade(
                    ColorSystem.STANDARD
                ), (theme, kind)
                if not kind.startswith("hit"):
                    flags.add(_flags(style))
            # 16 colours may fold two kinds' colours into one: each kind has its own style.
            assert len(flags) == 4 and not any(f == (False,) * 4 for f in flags), (theme, flags)


def _flags(style: Style) -> tuple[bool, ...]:
    return (bool(style.bold), bool(style.italic), bool(style.underline), bool(style.reverse))


@sync
async def test_no_color_tells_kinds_and_hits_apart_by_style(
    seeds_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with reader_on(seeds_db, size=(100, 30)) as (app, _):
        assert app.no_color
        body = app.query_one(BodyView)
        flags = {kind: _flags(body.get_component_rich_style(f"body--{kind}")) for kind in KINDS}
        assert len(set(flags.values())) == len(KINDS), flags
        assert all(any(f) for f in flags.values()), flags
