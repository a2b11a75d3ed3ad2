"""The cleaner's fast paths answer exactly as the slow forms they replace.

Speed work (bench/clean_speed.py) put first-letter gates in front of cue regexes, a trie in
place of the month-name alternation and a per-page memo in front of the line tests; each is
checked here against the plain form on text built from the cues' own words.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.clean import dates
from reader.clean import lexicon as lx
from reader.clean.lines import is_prose, is_statement, normalise
from reader.clean.shape import Shapes

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GATED = {
    "LATIN_CHROME": lx.LATIN_CHROME,
    "SHARE_CUES": lx.SHARE_CUES,
    "PLATFORMS": lx.PLATFORMS,
    "CREDIT": lx.CREDIT,
    "RIGHTS": lx.RIGHTS,
}
_HEAD = re.compile(r"^\(\?=\[[^\]]*\]\)\(\?:")


def _ungated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    head = _HEAD.match(pattern.pattern)
    assert head is not None and pattern.pattern.endswith(")")
    return re.compile(pattern.pattern[head.end() : -1], pattern.flags)


def _words_of(pattern: re.Pattern[str]) -> list[str]:
    """Literal runs of the pattern: its cue words, which the strategy recombines."""
    text = re.sub(r"\\[a-zA-Z]", " ", _ungated(pattern).pattern)
    return [w for w in re.split(r"[^\w©]+", text) if w]


_PIECES = [
    *sorted({w for p in GATED.values() for w in _words_of(p)}),
    "(c) ",
    "©",
    ":",
    " ",
    "  ",
    "-",
    "الصورة:",
    "Share",
    "SHARE",
    "واتساب",
    "ſhare",
    "İmage:",
]
_SEED_LINES = [
    normalise(line)
    for path in sorted(SEEDS.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8), st.sampled_from(sorted(GATED)))
def test_gated_cues_match_like_the_plain_pattern(pieces: list[str], name: str) -> None:
    pattern = GATED[name]
    plain = _ungated(pattern)
    for text in (" ".join(pieces), "".join(pieces)):
        fast, slow = pattern.search(text), plain.search(text)
        assert (fast and fast.span()) == (slow and slow.span()), text
        assert pattern.findall(text) == plain.findall(text)


@settings(max_examples=200, deadline=None)
@given(st.data(), st.sampled_from(sorted(GATED)), st.sampled_from(["", "و", " ", "وقال ", "x"]))
def test_gated_cues_find_what_the_plain_pattern_finds(
    data: st.DataObject, name: str, before: str
) -> None:
    """Strings the plain pattern matches, put after a word or a letter: the gate agrees."""
    pattern = GATED[name]
    plain = _ungated(pattern)
    text = before + data.draw(st.from_regex(plain, fullmatch=True))
    fast, slow = pattern.search(text), plain.search(text)
    assert (fast and fast.span()) == (slow and slow.span()), text


def test_gated_cues_match_like_the_plain_pattern_on_the_seeds() -> None:
    for pattern in GATED.values():
        plain = _ungated(pattern)
        for line in _SEED_LINES:
            assert pattern.findall(line) == plain.findall(line)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(set("".join(dates._MONTHS)) | {" ", "/"}))))
def test_month_trie_matches_exactly_the_month_names(text: str) -> None:
    trie = re.compile(rf"(?:{dates._MONTH_RE})", re.IGNORECASE)
    assert (trie.fullmatch(text) is not None) == (text.lower() in dates._MONTHS)


def test_every_month_name_is_read() -> None:
    for name, month in dates._MONTHS.items():
        assert dates.parse_date(f"5 {name} 2021") == f"2021-{month:02d}-05", name
        assert dates.parse_date(f"{name.upper()} 5, 2021") == f"2021-{month:02d}-05", name
    assert dates.parse_date("١٢ / ٣ / ٢٠٢٠") == "2020-03-12"
    assert dates.parse_date("نشر في 12 تشرين الأول 2020") == "2020-10-12"


def test_memo_answers_as_the_line_tests() -> None:
    shapes = Shapes()
    for line in _SEED_LINES * 2:
        assert shapes.words(line) == line.split()
        assert shapes.prose(line) == is_prose(line)
        assert shapes.statement(line) == is_statement(line)
