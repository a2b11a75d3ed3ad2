"""Properties of every layout over random mixes of Arabic, Latin, digits and punctuation."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.render.engine import Settings, paragraph_lines
from reader.render.modes import Mode
from tests.render.conftest import shaped

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩"
PUNCTUATION = ".,:;!?()[]«»-/%،؟“”\"'"
FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")

words = st.text(alphabet=ARABIC + LATIN + DIGITS + PUNCTUATION, min_size=1, max_size=14)
paragraphs = st.lists(words, min_size=1, max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(paragraph=paragraphs, width=st.integers(min_value=2, max_value=70))
def test_rows_are_exact_clean_and_keep_every_word(paragraph: str, width: int) -> None:
    for mode in (Mode.APP, Mode.TERMINAL, Mode.OFF):
        rows = paragraph_lines(paragraph, width, Settings(mode))
        for row in rows:
            assert cell_len(row.text) == width
            assert not FORBIDDEN.search(row.text)
        # read back in logical order through each cell's source offset
        cells = [
            (source, char)
            for row in rows
            for char, source in zip(row.text, row.cell_sources(), strict=True)
            if source is not None
        ]
        expected = shaped(paragraph) if mode is Mode.APP else paragraph
        read_back = "".join(char for _, char in sorted(cells, key=lambda cell: cell[0]))
        assert _words(read_back) == _words(expected)
        first_row_sources = [s for s in rows[0].cell_sources() if s is not None]
        assert min(lo for lo, _ in first_row_sources) == 0


def _words(text: str) -> list[str]:
    """Characters in order, spaces and mirroring aside: the split of an over-long word
    shows as two words, and a bracket at an odd level shows as its mirror image."""
    return list("".join(text.split()).translate(_CANONICAL))


_CANONICAL = str.maketrans({")": "(", "]": "[", "»": "«"})
