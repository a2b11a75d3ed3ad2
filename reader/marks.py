"""Combining marks: they belong to the letter before them, and a few per letter is plenty.

Shared by ingest (what is stored) and the display engine (what is drawn): a hundred
harakat stacked on one letter is a rendering attack, not Arabic, and a fully
vocalised text is prose whose marks must count with their letters.
"""

from __future__ import annotations

import re

# Real Arabic stacks at most shadda, a vowel and a Quranic sign; other scripts fewer.
MAX_MARKS = 4

# Combining marks (Mn/Me) of the scripts a news corpus meets: Latin, Greek, Cyrillic,
# Hebrew, Arabic (harakat, Quranic signs, extended), and the generic combining blocks.
MARK_CLASS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u08d3-\u08e1\u08e3-\u08ff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
MARK = re.compile(f"[{MARK_CLASS}]")
_LONG_RUN = re.compile(f"[{MARK_CLASS}]{{{MAX_MARKS + 1},}}")


def has_long_run(text: str) -> bool:
    return _LONG_RUN.search(text) is not None


def cap_marks(text: str) -> str:
    """`text` with every run of combining marks cut to its first MAX_MARKS."""
    if not has_long_run(text):
        return text
    return _LONG_RUN.sub(lambda m: m.group()[:MAX_MARKS], text)


def long_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the marks past the first MAX_MARKS in each run, to drop."""
    return [(m.start() + MAX_MARKS, m.end()) for m in _LONG_RUN.finditer(text)]
