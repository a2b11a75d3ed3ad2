"""The cleaner on pages of sites it never saw: body tokens, leaked chrome, titles, dates.

    python bench/clean_eval.py [--split heldout|train|all]

Reads tests/data/clean-eval/ (made by scripts/make_clean_eval.py; split by site). For text
dumps and HTML pages separately it prints body token precision / recall / F1, whole chrome
lines leaked into the body per 100 pages, titles exact, dates exact and authors exact, for
khabar, for "keep everything", and on HTML for trafilatura alone (default and
favor_precision), all in one run. Homepages in the set must be reported as not an article.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
import trafilatura

from reader.clean import CleanArticle, clean_html, clean_text
from reader.clean.dates import parse_date

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "clean-eval"
_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass
class Guess:
    """What one extractor made of a page: body lines and metadata, or None for no article."""

    body: list[str]
    title: str | None = None
    published: str | None = None
    author: str | None = None


@dataclass
class Score:
    """Running totals over pages of one kind for one extractor."""

    pages: int = 0
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    leaked: int = 0
    titles: int = 0
    dates: int = 0
    authors: int = 0
    authored: int = 0
    homepages: int = 0
    homepages_rejected: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, page: dict[str, Any], guess: Guess | None) -> None:
        if page.get("not_article"):
            self.homepages += 1
            self.homepages_rejected += guess is None
            return
        self.pages += 1
        gold_tokens = Counter(_tokens(page["body"]))
        self.gold += sum(gold_tokens.values())
        if guess is None:
            self.failures.append(page["file"])
            return
        got = Counter(_tokens(guess.body))
        self.predicted += sum(got.values())
        self.tp += sum((got & gold_tokens).values())
        gold_set = set(gold_tokens)
        for line in guess.body:
            words = _TOKEN.findall(line)
            if words and sum(w in gold_set for w in words) * 2 < len(words):
                self.leaked += 1
        self.titles += _same(guess.title, page["title"])
        self.dates += guess.published == page["published"]
        if page["author"] is not None:
            self.authored += 1
            self.authors += _same(guess.author, page["author"])

    def row(self, name: str) -> str:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        n = max(self.pages, 1)
        home = f"{self.homepages_rejected}/{self.homepages}" if self.homepages else "-"
        return (
            f"{name:<28} {self.pages:>5} {p:6.3f} {r:6.3f} {f:6.3f} "
            f"{100 * self.leaked / n:8.1f} {100 * self.titles / n:7.1f}% "
            f"{100 * self.dates / n:6.1f}% {100 * self.authors / max(self.authored, 1):6.1f}% "
            f"{home:>6}"
        )


def _tokens(lines: Iterable[str]) -> list[str]:
    return [t for line in lines for t in _TOKEN.findall(line)]


def _same(a: str | None, b: str) -> bool:
    return a is not None and _SPACE.sub(" ", a).strip() == _SPACE.sub(" ", b).strip()


def _from_article(article: CleanArticle) -> Guess:
    return Guess(article.body.split("\n"), article.title, article.published, article.author)


def khabar_text(raw: str) -> Guess | None:
    try:
        return _from_article(clean_text(raw))
    except ValueError:
        return None


def khabar_html(raw: str) -> Guess | None:
    try:
        return _from_article(clean_html(raw))
    except ValueError:
        return None


def keep_text(raw: str) -> Guess | None:
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    return Guess(lines, lines[0] if lines else None)


def keep_html(raw: str) -> Guess | None:
    root = lxml.html.fromstring(raw)
    body = root.find("body")
    lines: list[str] = []
    for element in (body if body is not None else root).iter():
        for text in (element.text, element.tail):
            if text and text.strip():
                lines.append(text.strip())
    return Guess(lines, lines[0] if lines else None)


def trafilatura_alone(favor_precision: bool) -> Callable[[str], Guess | None]:
    def run(raw: str) -> Guess | None:
        document = trafilatura.bare_extraction(
            raw, include_comments=False, with_metadata=True, favor_precision=favor_precision
        )
        text = getattr(document, "text", None) if document is not None else None
        if not text:
            return None
        date = getattr(document, "date", None)
        return Guess(
            [line for line in text.splitlines() if line.strip()],
            getattr(document, "title", None),
            parse_date(date) if isinstance(date, str) else None,
            getattr(document, "author", None),
        )

    return run


HEADER = (
    f"{'extractor':<28} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'leak/100':>8} "
    f"{'titles':>8} {'dates':>7} {'author':>7} {'home':>6}"
)


def evaluate(pages: list[dict[str, Any]], kind: str) -> list[tuple[str, Score]]:
    runners: list[tuple[str, Callable[[str], Guess | None]]]
    if kind == "text":
        runners = [("khabar", khabar_text), ("keep everything", keep_text)]
    else:
        runners = [
            ("khabar", khabar_html),
            ("keep everything", keep_html),
            ("trafilatura default", trafilatura_alone(False)),
            ("trafilatura favor_precision", trafilatura_alone(True)),
        ]
    results = []
    for name, run in runners:
        score = Score()
        for page in pages:
            raw = (DATA / page["file"]).read_text(encoding="utf-8")
            score.add(page, run(raw))
        results.append((name, score))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["heldout", "train", "all"], default="heldout")
    args = parser.parse_args()
    gold: list[dict[str, Any]] = json.loads((DATA / "gold.json").read_text("utf-8"))["pages"]
    splits = ["heldout", "train"] if args.split == "all" else [args.split]
    for split in splits:
        for kind in ("text", "html"):
            pages = [p for p in gold if p["split"] == split and p["kind"] == kind]
            sites = len({p["site"] for p in pages})
            print(f"\n{split} {kind}: {len(pages)} pages from {sites} sites")
            print(HEADER)
            for name, score in evaluate(pages, kind):
                print(score.row(name))
                if score.failures and name == "khabar":
                    print(f"  no article on {len(score.failures)}: {score.failures[:5]}")


if __name__ == "__main__":
    main()
