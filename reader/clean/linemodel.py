"""A CRF over the lines of a page: body, title or other, from features that carry across sites.

The rules in `lines.py` know the cue words of the sites they were written for; the next site
has other words. What carries over is shape: sentence punctuation and function words in prose,
short unpunctuated lines in runs (menus, most-read lists), separators and digits (breadcrumbs,
pipe menus, prayer times), where a line sits against the densest run of prose, how long its
neighbours are, and whether it repeats in the page or across the site's pages. The rules'
verdicts enter as features too, so the lexicon informs the model without deciding for it.
The model is trained by scripts/train_clean.py on training sites only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import pycrfsuite

from reader.clean import lexicon as lx
from reader.clean.dates import find_date

MODEL_PATH = Path(__file__).resolve().parent / "data" / "lines.crfsuite"
BODY, TITLE, OTHER = "B", "T", "O"

_STOPS = frozenset(".!؟?…")
_CLOSERS = "\"'”’»)] "
_SEPARATORS = (
    ("|", "sep=pipe"),
    ("»", "sep=guil"),
    ("•", "sep=bullet"),
    (" / ", "sep=slash"),
    (" > ", "sep=gt"),
)
_DIGIT = re.compile(r"\d|[٠-٩]")
_LATIN = re.compile(r"[A-Za-z]")
_COUNT_TAIL = re.compile(r"[(\[]\s*[0-9٠-٩]+\s*[)\]]$")
_LIST_MARK = re.compile(r"^(?:[0-9٠-٩]{1,2}\s*[.)\-]|[-*•·▪►]\s)")
_LIST_FIRST = frozenset("0123456789٠١٢٣٤٥٦٧٨٩-*•·▪►")  # what a list mark starts with
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_FORM = re.compile(r"\[\s*\]|_{3,}|\.{4,}")
_LONG = 30  # words; past this a line is a paragraph and its finer features are not computed
# A verdict's feature strings (its own, the next line's, the previous line's), made once.
_RULE: dict[str | None, tuple[str, str, str]] = {}


def _rule(reason: str | None) -> tuple[str, str, str]:
    names = _RULE.get(reason)
    if names is None:
        rule = "rule=" + (reason or "body").split(":")[0]
        names = _RULE[reason] = (rule, "-1:" + rule, "1:" + rule)
    return names


def _band(part: int, whole: int) -> int:
    """0 none, 1 low, 2 mid, 3 high share."""
    if not part:
        return 0
    share = part / whole
    return 1 if share < 0.1 else 2 if share < 0.25 else 3


_BANDS = ("0", "lo", "mid", "hi")
_SIZE_NAMES = ("0", "1", "2", "3", "4-5", "6-8", "9-14", "15-25", "26+")
# Word count → size class; a line is never split into more than _LONG + 1 pieces.
_SIZE = [0, 1, 2, 3, 4, 4, 5, 5, 5] + [6] * 6 + [7] * 11 + [8] * (_LONG - 24)
_N = ["n=" + name for name in _SIZE_NAMES]
_BEFORE_N = ["-1:n=" + name for name in _SIZE_NAMES]
_AFTER_N = ["1:n=" + name for name in _SIZE_NAMES]
_BEFORE = ("-1:short", "-1:prose")
_AFTER = ("1:short", "1:prose")
_BEFORE2 = ("-2:short", "-2:prose")
_AFTER2 = ("2:short", "2:prose")
_FW = ["fw=" + band for band in _BANDS]
_DIGITS = ["digits=" + band for band in _BANDS]
_LATINS = ["latin=" + band for band in _BANDS]


def _densest_run(prose: list[int]) -> tuple[int, int]:
    """The span of prose lines (word counts in `prose`, 0 for other lines) holding the most
    words, where no gap between prose lines exceeds two lines: the article, not the comments."""
    best = (0, -1, 0)
    start = last = -10
    words = 0
    for index, count in enumerate(prose):
        if not count:
            continue
        if index - last > 3:
            start, words = index, 0
        words += count
        last = index
        if words > best[2]:
            best = (start, index, words)
    return best[0], best[1]


_POSITIONS = (
    "pos=in",
    *(f"pos=before{g}" for g in range(1, 5)),
    *(f"pos=after{g}" for g in range(1, 5)),
)


def _distance(index: int, run: tuple[int, int]) -> str:
    first, last = run
    if last < first:
        return "pos=norun"
    if first <= index <= last:
        return "pos=in"
    if index < first:
        return _POSITIONS[min(first - index, 4)]
    return _POSITIONS[4 + min(index - last, 4)]


def line_features(
    lines: Sequence[str],
    reasons: Sequence[str | None],
    site_share: Sequence[float] | None = None,
    page_title: str | None = None,
    split: Sequence[list[str]] | None = None,
    dated: Callable[[str], object] = find_date,
) -> list[list[str]]:
    """Features of each non-empty, normalised line; `reasons` are the rules' verdicts
    (None = body), `site_share` the share of the site's documents holding each line, `split`
    each line's words and `dated` a date finder when the caller has them already.
    Written for speed (it runs on every page): feature strings come from tables."""
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    sizes: list[int] = []
    prose: list[int] = []
    rules: list[tuple[str, str, str]] = []
    own: list[list[str]] = []
    # Below a short "heading (N)" line that comes after the article has begun, a page shows
    # what it counts: comments, replies, votes. Their sentences are prose-shaped, so only
    # their place tells them from the article's.
    prose_lines = 0
    below_count = False
    is_function = lx.FUNCTION_WORDS.__contains__
    for index, (line, reason) in enumerate(zip(lines, reasons, strict=True)):
        # Sizes stop at "26+", so a long paragraph is split no further than that.
        words = line.split(maxsplit=_LONG) if split is None else split[index]
        n = min(len(words), _LONG + 1)
        function_words = sum(map(is_function, words[:_LONG]))
        tail = line.rstrip(_CLOSERS)[-1:]
        stop = tail in _STOPS
        is_prose = (n >= 5 and stop) or (n >= 15 and function_words * 8 >= n)
        size = _SIZE[n]
        counted = False
        names = _rule(reason)
        rule = names[0]
        f = [
            _N[size],
            _FW[_band(function_words, min(n, _LONG))],
            "end=stop" if stop else "end=colon" if tail in ":：" else "end=none",
            rule,
        ]
        if is_prose:
            f.append("prose")
        if n < _LONG:
            digits = len(_DIGIT.findall(line))
            if digits:
                f.append(_DIGITS[_band(digits, len(line))])
                if _TIME.search(line):
                    f.append("time")
                if dated(line) is not None:
                    f.append("date")
            for mark, name in _SEPARATORS:
                if mark in line:
                    f.append(name)
            if line[-1] in ")]" and _COUNT_TAIL.search(line):
                f.append("count-tail")
                counted = n <= 5 and prose_lines >= 2
            if line[0] in _LIST_FIRST and _LIST_MARK.match(line):
                f.append("list-mark")
            if ("[" in line or "__" in line or "...." in line) and _FORM.search(line):
                f.append("form")
            if "©" in line:
                f.append("copy")
            if not line.isascii() and _LATIN.search(line):
                f.append(_LATINS[_band(len(_LATIN.findall(line)), len(line))])
            colon = line.find(":")
            if colon > 0 and not is_prose and line.count(" ", 0, colon) < 3:
                f.append("label-colon")
            if is_function(words[0]):
                f.append("w0-function")
            elif words[0][0] == "و":
                f.append("w0-wa")
        if below_count:
            f.append("below-count")
        below_count = below_count or counted
        prose_lines += is_prose
        if counts[line] > 1:
            f.append("page-repeat")
        if page_title and n >= 3 and line != page_title and line in page_title:
            f.append("in-page-title")
        if site_share is not None:
            share = site_share[len(own)]
            f.append("site=0" if share == 0 else "site=lo" if share < 0.3 else "site=hi")
        sizes.append(size)
        rules.append(names)
        prose.append(n if is_prose else 0)
        own.append(f)
    run = _densest_run(prose)
    last = len(own) - 1
    for index, f in enumerate(own):
        f.append(_distance(index, run))
        if index == 0:
            f.append("first")
        if index == last:
            f.append("last")
        if index > 0:
            other = index - 1
            f += (_BEFORE_N[sizes[other]], _BEFORE[bool(prose[other])], rules[other][1])
            if index > 1:
                f.append(_BEFORE2[bool(prose[index - 2])])
        if index < last:
            other = index + 1
            f += (_AFTER_N[sizes[other]], _AFTER[bool(prose[other])], rules[other][2])
            if index < last - 1:
                f.append(_AFTER2[bool(prose[index + 2])])
    return own


@cache
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


def label_lines(features: list[list[str]]) -> list[tuple[str, float]]:
    """The most likely label sequence (BODY, TITLE, OTHER) for one page's lines, each OTHER
    with the model's marginal probability of it (the others with 0.0)."""
    if not features:
        return []
    tagger = _tagger()
    labels: list[str] = tagger.tag(features)
    return [
        (label, tagger.marginal(OTHER, i) if label == OTHER else 0.0)
        for i, label in enumerate(labels)
    ]
