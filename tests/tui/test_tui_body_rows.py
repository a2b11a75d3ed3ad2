"""BodyRows, the body laid out a piece at a time: whatever order pieces are laid out in,
the rows end up those of the whole body, and the row at the top stays put meanwhile."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.render.engine import Settings, paragraph_lines
from reader.render.sanitize import split_paragraphs
from reader.tui import body_rows
from reader.tui.body_rows import BodyRows, lay_out, pieces

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
words = st.text(alphabet=ARABIC + "abcxyz0123 .،", min_size=1, max_size=12)
paragraphs = st.lists(words, min_size=0, max_size=30).map(" ".join)
bodies = st.lists(paragraphs, min_size=1, max_size=12).map("\n".join)


def _whole(body: str, width: int) -> list[tuple[str, int]]:
    """The rows of the body laid out whole: one blank row between paragraphs that show."""
    rows: list[tuple[str, int]] = []
    for offset, paragraph in split_paragraphs(body):
        lines = [line for line in paragraph_lines(paragraph, width, Settings()) if line.order]
        if lines and rows:
            rows.append((" " * width, offset))
        rows += [(line.text, offset + line.source_range()[0]) for line in lines]
    return rows


def _shown(rows: BodyRows) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for row in range(rows.rows):
        line = rows.row(row)
        assert line is not None
        out.append((line.text, rows.offset_at(row)))
    return out


@settings(max_examples=150, deadline=None)
@given(body=bodies, width=st.integers(min_value=3, max_value=50), order=st.randoms())
def test_any_order_of_laying_out_gives_the_whole_bodys_rows(
    body: str, width: int, order: random.Random
) -> None:
    rows = BodyRows(pieces(body), width, Settings())
    indexes = list(range(len(rows.pieces)))
    order.shuffle(indexes)
    for done, index in enumerate(indexes):
        top = rows.rows // 2
        anchor = rows.locate(top)
        exact = rows.is_laid_out(anchor[0]) and rows.row(top) is not None
        before = rows.offset_at(top) if exact else None
        rows.land(index, lay_out(rows.pieces[index], width, Settings()), index)
        if before is not None:  # a laid-out top row keeps showing the same text
            assert rows.offset_at(rows.row_at(anchor)) == before
        left = {i for i in indexes[done + 1 :] if rows.pieces[i].text.strip()}
        assert set(rows.missing(0, rows.rows)) == left
    assert rows.missing(0, rows.rows) == []
    assert _shown(rows) == _whole(body, width)
    for row, (text, offset) in enumerate(_shown(rows)):
        if text.strip():
            assert rows.row_of(offset) == row


def test_long_paragraphs_are_cut_at_spaces_into_pieces() -> None:
    paragraph = " ".join(["كلمة"] * 3_000)
    cut = pieces("عنوان\n" + paragraph, longest=1_000)
    assert [p.opens for p in cut[:3]] == [True, True, False]
    assert all(len(p.text) <= 1_000 for p in cut)
    assert "".join(p.text for p in cut[1:]) == paragraph
    assert all(p.text.endswith(" ") for p in cut[1:-1])


def test_far_pieces_are_dropped_but_their_rows_stay_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(body_rows, "KEEP", 2_000)
    body = "\n".join(f"{n} " + "كلمة " * 60 for n in range(40))
    rows = BodyRows(pieces(body), 30, Settings())
    for index in range(len(rows.pieces)):
        rows.land(index, lay_out(rows.pieces[index], 30, Settings()), near=len(rows.pieces) - 1)
    assert rows.rows == len(_whole(body, 30))
    assert rows.row(0) is None and rows.row(rows.rows - 1) is not None
    assert rows.missing(0, 5) == [0]
