"""The `[fetch]` part of config.toml: how often, how much, how politely, and what to ignore.

```toml
[fetch]
reload = 60            # minutes before a feed is due again
max_items = 50         # newest items taken from a feed per fetch
full = true            # fetch each new item's page (false: keep the feed's summary)
delay = 1.0            # seconds between two requests to one host
connections = 4        # requests in flight, all hosts together
timeout = 20           # seconds without data before giving up on a server
max_mb = 8             # largest feed or page taken
[fetch.feed."https://example.com/rss.xml"]   # a feed URL or a tag
reload = 15
full = false
[[fetch.ignore]]       # the killfile: an item matching every pattern given is dropped
title = "^إعلان"       # regular expressions, case-insensitive
url = "/sport/"
feed = "sport"         # only for feeds with this tag or URL (optional)
```
Read again at every run (the reader reads it at every `R`). A broken value is
reported and its default used, so a typo never stops a cron job.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reader.config import config_path
from reader.fetch.http import Limits
from reader.fetch.parse import Item
from reader.store.feeds import Feed


@dataclass(frozen=True, slots=True)
class Overrides:
    reload: float | None = None
    max_items: int | None = None
    full: bool | None = None


@dataclass(frozen=True, slots=True)
class IgnoreRule:
    title: re.Pattern[str] | None = None
    url: re.Pattern[str] | None = None
    feed: str | None = None

    def drops(self, item: Item, feed: Feed) -> bool:
        if self.feed is not None and self.feed != feed.url and self.feed not in feed.tags:
            return False
        if self.title is not None and not self.title.search(item.title):
            return False
        return self.url is None or bool(self.url.search(item.link or item.key))


@dataclass(frozen=True, slots=True)
class FeedPlan:
    """The settings that apply to one feed, overrides included."""

    reload: float
    max_items: int
    full: bool


@dataclass(frozen=True, slots=True)
class FetchSettings:
    reload: float = 60.0
    max_items: int = 50
    full: bool = True
    delay: float = 1.0
    connections: int = 4
    timeout: float = 20.0
    max_mb: float = 8.0
    ignore: tuple[IgnoreRule, ...] = ()
    feeds: Mapping[str, Overrides] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    def plan(self, feed: Feed) -> FeedPlan:
        found = [self.feeds[k] for k in (feed.url, *feed.tags) if k in self.feeds]
        return FeedPlan(
            reload=next((o.reload for o in found if o.reload is not None), self.reload),
            max_items=next((o.max_items for o in found if o.max_items is not None), self.max_items),
            full=next((o.full for o in found if o.full is not None), self.full),
        )

    def limits(self) -> Limits:
        return Limits(
            connect_timeout=min(10.0, self.timeout),
            read_timeout=self.timeout,
            total_timeout=self.timeout * 3,
            max_bytes=int(self.max_mb * 1024 * 1024),
            delay=self.delay,
            connections=max(1, self.connections),
        )

    def ignored(self, item: Item, feed: Feed) -> bool:
        return any(rule.drops(item, feed) for rule in self.ignore)


def load_fetch_settings(path: Path | None = None) -> FetchSettings:
    path = path or config_path()
    if not path.exists():
        return FetchSettings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return FetchSettings(problems=(f"{path}: {error}",))
    table = data.get("fetch", {})
    problems: list[str] = []
    if not isinstance(table, dict):
        return FetchSettings(problems=(f"{path}: [fetch] must be a table",))
    where = f"{path}: fetch"
    defaults = FetchSettings()
    return FetchSettings(
        reload=_number(table, "reload", defaults.reload, where, problems),
        max_items=int(_number(table, "max_items", defaults.max_items, where, problems)),
        full=_flag(table, "full", defaults.full, where, problems),
        delay=_number(table, "delay", defaults.delay, where, problems, least=0.0),
        connections=int(_number(table, "connections", defaults.connections, where, problems)),
        timeout=_number(table, "timeout", defaults.timeout, where, problems),
        max_mb=_number(table, "max_mb", defaults.max_mb, where, problems),
        ignore=tuple(_rules(table.get("ignore", []), where, problems)),
        feeds=_overrides(table.get("feed", {}), where, problems),
        problems=tuple(problems),
    )


def _number(
    table: Mapping[str, object],
    key: str,
    default: float,
    where: str,
    problems: list[str],
    *,
    least: float = 1e-9,
) -> float:
    value = table.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or value < least:
        problems.append(f"{where}.{key} must be a positive number; ignored")
        return default
    return float(value)


def _flag(
    table: Mapping[str, object], key: str, default: bool, where: str, problems: list[str]
) -> bool:
    value = table.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        problems.append(f"{where}.{key} must be true or false; using {str(default).lower()}")
        return default
    return value


def _rules(raw: object, where: str, problems: list[str]) -> list[IgnoreRule]:
    if not isinstance(raw, list):
        problems.append(f"{where}.ignore must be a list of tables ([[fetch.ignore]])")
        return []
    rules: list[IgnoreRule] = []
    for number, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            problems.append(f"{where}.ignore #{number} must be a table")
            continue
        patterns: dict[str, re.Pattern[str] | None] = {}
        for key in ("title", "url"):
            value = entry.get(key)
            patterns[key] = None
            if value is None:
                continue
            try:
                patterns[key] = re.compile(str(value), re.IGNORECASE)
            except re.error as error:
                problems.append(f"{where}.ignore #{number}: {key} is not a valid pattern ({error})")
                patterns = {}
                break
        if not patterns or (patterns["title"] is None and patterns["url"] is None):
            if patterns:
                problems.append(f"{where}.ignore #{number} needs a title or url pattern")
            continue
        scope = entry.get("feed")
        feed = None if scope is None else str(scope)
        rules.append(IgnoreRule(patterns["title"], patterns["url"], feed))
    return rules


def _overrides(raw: object, where: str, problems: list[str]) -> dict[str, Overrides]:
    if not isinstance(raw, dict):
        problems.append(f"{where}.feed must be a table of feed URLs or tags")
        return {}
    result: dict[str, Overrides] = {}
    for key, value in raw.items():
        if not isinstance(value, dict):
            problems.append(f"{where}.feed.{key} must be a table")
            continue
        here = f"{where}.feed.{key}"
        reload = _number(value, "reload", -1.0, here, problems)
        items = _number(value, "max_items", -1.0, here, problems)
        full = value.get("full")
        if full is not None and not isinstance(full, bool):
            problems.append(f"{here}.full must be true or false")
            full = None
        result[str(key)] = Overrides(
            reload=None if reload < 0 else reload,
            max_items=None if items < 0 else int(items),
            full=full,
        )
    return result
