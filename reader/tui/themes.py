"""Theme names a user may give (`--theme`, `theme =` in config.toml) and what they mean."""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES

ALIASES = {"dark": "textual-dark", "light": "textual-light"}


def theme_name(name: str) -> str | None:
    """The Textual theme for a user's name, or None when there is no such theme."""
    resolved = ALIASES.get(name, name)
    return resolved if resolved in BUILTIN_THEMES else None


def known_themes() -> list[str]:
    return [*ALIASES, *sorted(BUILTIN_THEMES)]


def unknown_theme(name: str) -> str:
    return f"unknown theme {name!r}; choose one of: {', '.join(known_themes())}"
