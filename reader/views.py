"""Saved views: named filters in the config's `[views]` (newsboat's query feeds).

```toml
[views.korea]
place = "بيونغ يانغ"          # or a list; also person, org, source (a list or one)
since = "2024-01"             # YYYY, YYYY-MM or YYYY-MM-DD; until likewise (inclusive)
unread = true                 # also bookmarks = true, search = "نووي"
```
A view names people, places and organisations as the reader shows them; the
reader finds them in the database when the view is chosen. A bad view is left
out with one line saying what is wrong with it; the others still work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TYPED_DATES = re.compile(r"^\s*(?:dates?\s+)?(\d[\d-]*)?\s*(?:\.\.|–|—)\s*(\d[\d-]*)?\s*$")
NAMES = {"person": "PER", "place": "LOC", "org": "ORG"}
FLAGS = ("unread", "bookmarks")
KEYS = (*NAMES, "source", "since", "until", *FLAGS, "search")


@dataclass(frozen=True, slots=True)
class View:
    name: str
    entities: tuple[tuple[str, str], ...] = ()  # (kind, name as the reader shows it)
    sources: frozenset[str] = frozenset()
    since: str | None = None
    until: str | None = None
    unread: bool = False
    bookmarks: bool = False
    search: str = ""

    def describe(self) -> str:
        parts = [name for _, name in self.entities] + sorted(self.sources)
        if self.since or self.until:
            parts.append(f"{self.since or '…'}–{self.until or '…'}")
        parts += ["unread"] * self.unread + ["bookmarks"] * self.bookmarks
        if self.search:
            parts.append(f"/{self.search}")
        return " + ".join(parts) or "everything"


def is_day(text: str) -> bool:
    """A date as views and the palette take it: YYYY, YYYY-MM or YYYY-MM-DD, a real one."""
    if not _DAY.match(text):
        return False
    try:
        date.fromisoformat((text + "-01-01")[:10] if len(text) < 10 else text)
    except ValueError:
        return False
    return True


def in_order(since: str | None, until: str | None) -> bool:
    """Whether the range is not empty; "2024-03".."2024" is, as until means its whole end."""
    return not (since and until and since > until + "~")


def typed_dates(text: str) -> tuple[str | None, str | None] | None:
    """ "2024-01..2024-03", "dates 2024..", "..2023-06-30": the range typed in the palette."""
    found = _TYPED_DATES.match(text)
    if found is None or not (found.group(1) or found.group(2)):
        return None
    since, until = found.group(1), found.group(2)
    if any(day is not None and not is_day(day) for day in (since, until)):
        return None
    if not in_order(since, until):
        return None
    return since, until


def _strings(value: object) -> list[str] | None:
    """One string or a list of strings (non-empty), else None."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        return None
    if not all(isinstance(i, str) and i.strip() for i in items):
        return None
    return [str(i).strip() for i in items]


def _view(name: str, table: dict[str, object]) -> View | str:
    """The view, or what is wrong with it (one phrase)."""
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        return f"unknown key {unknown[0]!r} (a view takes {', '.join(KEYS)})"
    if not table:
        return "is empty (a view takes " + ", ".join(KEYS) + ")"
    entities: list[tuple[str, str]] = []
    for key, kind in NAMES.items():
        if key in table:
            names = _strings(table[key])
            if names is None:
                return f"{key} must be a name or a list of names"
            entities += [(kind, n) for n in names]
    sources: frozenset[str] = frozenset()
    if "source" in table:
        found = _strings(table["source"])
        if found is None:
            return "source must be a name or a list of names"
        sources = frozenset(found)
    days: dict[str, str | None] = {}
    for key in ("since", "until"):
        value = table.get(key)
        if value is not None and not (isinstance(value, str) and is_day(value)):
            return f"{key} must be a date written YYYY, YYYY-MM or YYYY-MM-DD"
        days[key] = value
    if not in_order(days["since"], days["until"]):
        return "since is after until"
    for key in FLAGS:
        if key in table and not isinstance(table[key], bool):
            return f"{key} must be true or false"
    search = table.get("search", "")
    if not isinstance(search, str):
        return "search must be a string"
    return View(
        name,
        tuple(entities),
        sources,
        days["since"],
        days["until"],
        bool(table.get("unread", False)),
        bool(table.get("bookmarks", False)),
        search.strip(),
    )


def parse_views(raw: object, path: Path) -> tuple[tuple[View, ...], list[str]]:
    """The `[views]` table's views, and one problem line for each bad one."""
    if not isinstance(raw, dict):
        return (), [f"{path}: [views] must be a table of views ([views.NAME])"]
    views: list[View] = []
    problems: list[str] = []
    for name, table in raw.items():
        if not isinstance(table, dict):
            problems.append(f"{path}: views.{name} must be a table ([views.{name}])")
            continue
        found = _view(str(name), table)
        if isinstance(found, str):
            problems.append(f"{path}: views.{name}: {found}; the view is left out")
        else:
            views.append(found)
    return tuple(views), problems
