"""feedparser against fastfeedparser on the fetch test fixtures: what each reads, and how fast.

    pip install -e '.[bench]' && python bench/feed_parsers.py [--runs 5]

For every fixture feed (RSS 0.91, 1.0, 2.0, Atom, Windows-1256, broken, relative
links) it prints how many items each parser returns, how many have a link and a
title, and where they differ from the expected titles; then the time to parse a
500-item feed. khabar uses feedparser (reader/fetch/parse.py): see the figures.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import fastfeedparser  # noqa: E402
import feedparser  # noqa: E402

from tests.fetch.site import DATA, many_items_feed  # noqa: E402

BASE = "http://news.test"
FIXTURES = {
    "rss091.xml": ["وزير الخارجية يزور القاهرة", "افتتاح معرض الكتاب"],
    "rss1.rdf": ["مجلس الأمن يعقد جلسة طارئة", "ارتفاع أسعار النفط"],
    "rss2.xml": [
        "بوتين: زيارة كيم تساعد في تسوية الأزمة الكورية",
        "قمة فلاديفوستوك بين الزعيمين",
        "إعلان: عروض الصيف",
    ],
    "atom.xml": ["الأمم المتحدة تدعو إلى الحوار", "انطلاق بطولة كرة القدم"],
    "rss_cp1256.xml": [
        "بوتين: زيارة كيم تساعد في تسوية الأزمة الكورية",
        "قمة فلاديفوستوك بين الزعيمين",
        "إعلان: عروض الصيف",
    ],
    "broken.xml": ["خبر سليم في خلاصة معطوبة", "خبر ثان بلا إغلاق"],
    "relative.xml": ["خبر برابط نسبي", "خبر برابط نسبي آخر"],
}


def _feedparser(data: bytes) -> list[tuple[str, str]]:
    result: Any = feedparser.parse(io.BytesIO(data))
    return [(str(e.get("title", "")), str(e.get("link", ""))) for e in result.entries]


def _fastfeedparser(data: bytes) -> list[tuple[str, str]]:
    try:
        result: Any = fastfeedparser.parse(data)
    except Exception as error:
        print(f"    fastfeedparser raised {type(error).__name__}: {error}")
        return []
    return [(str(e.get("title") or ""), str(e.get("link") or "")) for e in result.entries]


PARSERS: dict[str, Callable[[bytes], list[tuple[str, str]]]] = {
    "feedparser": _feedparser,
    "fastfeedparser": _fastfeedparser,
}


def _plain(title: str) -> str:
    import re

    return " ".join(re.sub(r"<[^>]+>", "", title).split())


def correctness() -> None:
    totals = dict.fromkeys(PARSERS, 0)
    wanted = 0
    for name, titles in FIXTURES.items():
        data = (DATA / name).read_bytes().replace(b"{base}", BASE.encode())
        wanted += len(titles)
        print(f"{name}: {len(titles)} items expected")
        for label, parse in PARSERS.items():
            items = parse(data)
            right = sum(
                1
                for (title, link), expected in zip(items, titles, strict=False)
                if _plain(title) == expected and link
            )
            totals[label] += right
            wrong = [(t, lnk) for (t, lnk), e in zip(items, titles, strict=False) if _plain(t) != e]
            missing_links = sum(1 for _, link in items if not link)
            print(
                f"  {label:15} {len(items)} items, {right} with the right title and a link"
                + (f", {missing_links} without a link" if missing_links else "")
                + (f", titles read as {wrong}" if wrong else "")
            )
    for label, right in totals.items():
        print(f"total {label}: {right}/{wanted} items right")


def speed(runs: int) -> None:
    data = many_items_feed(BASE, 500)
    print(f"500-item RSS 2.0 feed, {len(data) / 1024:.0f} KiB, best of {runs}:")
    for label, parse in PARSERS.items():
        parse(data)
        best = float("inf")
        for _ in range(runs):
            start = time.perf_counter()
            parse(data)
            best = min(best, time.perf_counter() - start)
        print(f"  {label:15} {best * 1000:7.1f} ms ({best * 1e6 / 500:.0f} µs per item)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    correctness()
    speed(args.runs)


if __name__ == "__main__":
    main()
