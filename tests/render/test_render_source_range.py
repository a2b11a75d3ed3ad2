"""A row's source range is read off its first and last clusters; that holds only while
source offsets grow along the clusters, so check it against every cluster of the row."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.render.engine import Settings, paragraph_lines
from reader.render.modes import Mode

_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
    "ـیکگپ"
    "\u064e\u064f\u0650\u0651\u0652\u064b"  # harakat
    "abcXYZ0123456789٠١٢"
    ".,:()«»-/\t\u200c\u200d\u200f\u202b\u202c\x1b"
)

words = st.text(alphabet=_ALPHABET, min_size=1, max_size=12)
paragraphs = st.lists(words, min_size=1, max_size=20).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    paragraph=paragraphs,
    width=st.integers(min_value=3, max_value=40),
    mode=st.sampled_from(list(Mode)),
    keep_harakat=st.booleans(),
)
def test_source_range_bounds_every_cluster(
    paragraph: str, width: int, mode: Mode, keep_harakat: bool
) -> None:
    for line in paragraph_lines(paragraph, width, Settings(mode, keep_harakat)):
        if not line.order:
            continue
        low = min(line.source.lo[i] for i in line.order)
        high = max(line.source.hi[i] for i in line.order)
        assert line.source_range() == (low, high)
