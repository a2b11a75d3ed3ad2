"""Entity and search-hit colours worked out from each theme, readable on its surface.

A theme's own $secondary or $warning can sit at 1.5:1 on its $surface (dark blue on
dark grey, yellow on white). Each colour here starts from the theme's and is moved
toward white or black until it reaches WCAG AA contrast (4.5:1) against the body's
background, so every theme a user can name stays readable. Hits get the theme's
warning/error as a background under black or white text, whichever reads better.
Kinds also differ by text style (stylesheet), so 16 colours and NO_COLOR tell them
apart without colour.
"""

from __future__ import annotations

from textual.color import Color

TARGET = 4.6  # a little above AA's 4.5, so rounding to hex never lands under it
STEP = 0.04
ENTITY_SOURCES = {
    "khabar-per": "warning",
    "khabar-loc": "success",
    "khabar-org": "secondary",
    "khabar-misc": "foreground",
}
HIT_SOURCES = {"khabar-hit": "warning", "khabar-hit-current": "error"}
WHITE = Color(255, 255, 255)
BLACK = Color(0, 0, 0)


def luminance(color: Color) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(first: Color, second: Color) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_on(color: Color, background: Color) -> Color:
    """`color`, blended toward white on a dark background (black on a light one) until
    it reaches TARGET contrast; the hue is kept as far as the contrast allows."""
    away = WHITE if luminance(background) < 0.18 else BLACK
    factor = 0.0
    found = color
    while contrast(found, background) < TARGET and factor < 1:
        factor = min(1.0, factor + STEP)
        found = color.blend(away, factor)
    if contrast(found, background) < TARGET:
        found = away if contrast(away, background) >= TARGET else _best_text(background)
    return found


def _best_text(background: Color) -> Color:
    return WHITE if contrast(WHITE, background) >= contrast(BLACK, background) else BLACK


def _opaque(text: str | None, under: Color) -> Color | None:
    if not text:
        return None
    try:
        color = Color.parse(text)
    except Exception:  # a variable that is not a colour ("auto 87%")
        return None
    return under.blend(color.with_alpha(1.0), color.a) if color.a < 1 else color


def khabar_colours(variables: dict[str, str]) -> dict[str, str]:
    """The `$khabar-*` stylesheet variables for a theme's resolved variables."""
    base = _opaque(variables.get("background"), BLACK) or BLACK
    surface = _opaque(variables.get("surface"), base) or base
    found: dict[str, str] = {}
    for name, source in ENTITY_SOURCES.items():
        color = _opaque(variables.get(source), surface) or _best_text(surface)
        found[name] = readable_on(color, surface).hex
    for name, source in HIT_SOURCES.items():
        back = _opaque(variables.get(source), surface) or _best_text(surface)
        found[f"{name}-background"] = back.hex
        found[f"{name}-text"] = _best_text(back).hex
    return found
