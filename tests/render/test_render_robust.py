"""Untrusted text (articles, the search box, `khabar render` on stdin) must never crash the
engine or reach the terminal as anything but printable cells. The strings here are hostile
on purpose: joiners around lam-alef pairs, harakat and marks with no base, bidi and terminal
controls, wide and astral characters, tabs and words longer than any row.

`KHABAR_HYPOTHESIS_EXAMPLES` raises the example count for a long local run; the default
keeps the suite fast."""

from __future__ import annotations

import os
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size

from reader.render import chars
from reader.render.engine import render_line, render_text
from reader.render.modes import Mode

_EXAMPLES = int(os.environ.get("KHABAR_HYPOTHESIS_EXAMPLES", "150"))
_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")

_PIECES = [
    *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةىیکگپ",
    "لا",
    "لأ",
    "لإ",
    "لآ",
    "ل\u200dا",
    "\u200dلا",
    "لا\u200d",
    "الله",
    *"\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u06e5\u06e6\u08e2",
    "\u200c",
    "\u200d",
    "\u200d\u200d",
    "ـ",
    *"\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    "\x1b[31m",
    "\x1b]0;title\x07",
    "\x1b",
    "\x9b2J",
    *"\x00\x07\x08\x0b\x0c\x7f\x85\x90\x9c\x9d",
    "\t",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\u2029",
    "\u0301",
    "\u20dd",
    "\U0001d400",
    "\U00010900",
    "\U0001e900",
    "中",
    "文字",
    "\uff21",
    "❤\ufe0f",
    "☺\ufe0e",
    "👍🏽",
    "👨\u200d👩\u200d👧",
    "\U0001f1f8\U0001f1e6",
    "\u00ad",
    "\ufeff",
    "\ufefb",
    "\ufdf2",
    *"abcXYZ0123456789٠١٢٣.,:;!?()[]«»-/%،؟",
]

_hostile = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40).map(
    "".join
)
_long_words = st.builds(
    lambda word, count, tail: word * count + tail,
    st.sampled_from(["لا", "ب\u200d", "مُ", "中", "a", "\u200dل"]),
    st.integers(min_value=50, max_value=200),
    _hostile,
)
_texts = st.one_of(_hostile, _long_words)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(
    text=_texts,
    width=st.integers(min_value=1, max_value=120),
    mode=st.sampled_from(list(Mode)),
    keep_harakat=st.booleans(),
    rtl_without_letters=st.booleans(),
)
def test_render_text_never_raises_and_rows_are_clean(
    text: str, width: int, mode: Mode, keep_harakat: bool, rtl_without_letters: bool
) -> None:
    rows = render_text(
        text, width, mode, keep_harakat=keep_harakat, rtl_without_letters=rtl_without_letters
    )
    assert rows
    for row in rows:
        assert cell_len(row.text) == width, (row.text, width)
        assert not _FORBIDDEN.search(row.text)
        for start, end, _ in row.styles:
            assert 0 <= start < end <= len(row.text)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(text=_texts, width=st.integers(min_value=1, max_value=120), mode=st.sampled_from(list(Mode)))
def test_render_line_never_raises_and_row_is_clean(text: str, width: int, mode: Mode) -> None:
    row = render_line(text, width, mode)
    assert cell_len(row.text) == width, (row.text, width)
    assert not _FORBIDDEN.search(row.text)


def test_widths_fast_path_agrees_with_rich() -> None:
    """`widths` trusts every character in its ranges to take one cell unless listed."""
    for start, end in chars._MOSTLY_ONE_CELL:
        for code in range(start, end + 1):
            char = chr(code)
            listed = re.fullmatch(f"[{chars.NOT_ONE_CELL_INSIDE}]", char) is not None
            assert listed == (get_character_cell_size(char) != 1), hex(code)
