"""The user's settings file: `config.toml` in the XDG config directory.

```toml
theme = "light"            # or "dark", or any Textual theme name
bidi = "terminal"          # app | terminal | off
max_width = 90             # longest body row in cells (0: the whole pane)
ui_language = "ar"         # en | ar; unset: from the locale (LANG, LC_ALL)
layout = "rtl"             # rtl: the panes mirrored, the list on the right; ltr; unset: by corpus
[keys]
next = "j,down"            # binding id = comma-separated keys
[views.korea]              # a saved filter (reader/views.py)
place = "بيونغ يانغ"
```
A broken file must not keep the reader from opening: problems are collected
and shown in the app, and the defaults are used.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from reader.paths import config_dir
from reader.views import View, parse_views

BIDI_MODES = ("app", "terminal", "off")
UI_LANGUAGES = ("en", "ar")
MAX_WIDTH = 90
"""Cells in a body row by default: a comfortable line (about 12 words of Arabic)."""
NARROWEST = 20
LAYOUTS = ("ltr", "rtl")


@dataclass(frozen=True, slots=True)
class Config:
    theme: str | None = None
    bidi: str | None = None
    max_width: int = MAX_WIDTH
    ui_language: str | None = None
    layout: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    views: tuple[View, ...] = ()
    problems: tuple[str, ...] = ()


def config_path() -> Path:
    return config_dir() / "config.toml"


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    if not path.exists():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(problems=(f"{path}: {error}",))
    problems: list[str] = []
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append(f"{path}: theme must be a string")
        theme = None
    bidi = data.get("bidi")
    if bidi is not None and bidi not in BIDI_MODES:
        problems.append(f"{path}: bidi must be one of {', '.join(BIDI_MODES)}")
        bidi = None
    max_width = data.get("max_width", MAX_WIDTH)
    if isinstance(max_width, bool) or not isinstance(max_width, int) or 0 < max_width < NARROWEST:
        problems.append(f"{path}: max_width must be 0 (no cap) or a number of cells >= {NARROWEST}")
        max_width = MAX_WIDTH
    max_width = max(0, max_width)
    ui_language = data.get("ui_language")
    if ui_language is not None and ui_language not in UI_LANGUAGES:
        problems.append(f"{path}: ui_language must be one of {', '.join(UI_LANGUAGES)}")
        ui_language = None
    layout = data.get("layout")
    if layout is not None and layout not in LAYOUTS:
        problems.append(f"{path}: layout must be one of {', '.join(LAYOUTS)}")
        layout = None
    keys: dict[str, str] = {}
    raw_keys = data.get("keys", {})
    if isinstance(raw_keys, dict):
        for binding_id, value in raw_keys.items():
            if isinstance(value, str) and value.strip():
                keys[str(binding_id)] = value
            else:
                problems.append(f"{path}: keys.{binding_id} must be a non-empty string")
    else:
        problems.append(f"{path}: [keys] must be a table")
    views, bad_views = parse_views(data.get("views", {}), path)
    problems += bad_views
    return Config(
        theme=theme,
        bidi=bidi,
        max_width=max_width,
        ui_language=ui_language,
        layout=layout,
        keys=keys,
        views=views,
        problems=tuple(problems),
    )
