"""A stray byte or double-encoded UTF-8 is repaired and said in the summary, not refused.

Before: one invalid byte in a UTF-8 file made the whole file undecodable (or, worse, read as
Windows-1256 mojibake), and double-encoded UTF-8 was stored as the garbage it shows.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ingest_articles import article_text

from reader.ingest.decode import MAX_STRAY, DecodeError, decode
from reader.ingest.pipeline import ingest_paths
from reader.ingest.summary import summary_lines

TEXT = article_text(7)


def test_a_stray_byte_is_replaced_where_it_was() -> None:
    data = TEXT.encode("utf-8")
    cut = data.index(b" ", 300)
    decoded = decode(data[:cut] + b"\x9c" + data[cut:])
    assert decoded.encoding == "utf-8"
    assert decoded.text == decode(data[:cut]).text + "\ufffd" + decode(data[cut:]).text
    assert decoded.notes == (f"a stray byte (not UTF-8, at byte {cut}) replaced with U+FFFD",)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(4, len(TEXT.encode()) - 1), min_size=1, max_size=MAX_STRAY // 3))
def test_a_few_stray_bytes_anywhere_keep_the_rest_of_the_text(places: list[int]) -> None:
    """A byte put inside a letter's two bytes breaks three sequences, hence MAX_STRAY // 3;
    none in the first bytes, where \\xff\\xd8\\xff reads as a JPEG signature."""
    data = bytearray(TEXT.encode("utf-8"))
    for place in sorted(set(places), reverse=True):
        data[place:place] = b"\xff"
    decoded = decode(bytes(data))
    assert decoded.encoding == "utf-8"
    assert "stray" in decoded.notes[0]
    # Every word not touched by a stray byte is still there.
    kept = set(decoded.text.split())
    assert len(kept & set(TEXT.split())) >= len(set(TEXT.split())) - 2 * len(set(places))


def test_windows_1256_is_not_taken_for_utf8_with_stray_bytes() -> None:
    decoded = decode(TEXT.encode("cp1256"))
    assert decoded.encoding == "cp1256"
    assert decoded.text == TEXT
    assert decoded.notes == ()


def test_many_bad_bytes_are_still_refused() -> None:
    data = bytearray(TEXT.encode("utf-8"))
    for place in range(100, 100 + 40 * (MAX_STRAY + 1), 40):
        data[place] = 0xFF
    with pytest.raises(DecodeError, match="not UTF-8"):
        decode(bytes(data))


def _sloppy_1252(data: bytes) -> str:
    """Bytes read as Windows-1252 the way lenient tools do: its five holes kept as Latin-1."""
    out = []
    for byte in data:
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


@pytest.mark.parametrize("codec", ["cp1256", "latin-1", "cp1252"])
def test_double_encoded_utf8_is_repaired(codec: str) -> None:
    data = TEXT.encode("utf-8")
    mangled = _sloppy_1252(data) if codec == "cp1252" else data.decode(codec)
    assert mangled != TEXT
    decoded = decode(mangled.encode("utf-8"))
    assert decoded.text == TEXT
    assert len(decoded.notes) == 1 and decoded.notes[0].startswith("double-encoded UTF-8")


def test_mojibake_that_cannot_be_undone_is_reported() -> None:
    mangled = TEXT.encode("utf-8").decode("latin-1")
    broken = "".join(c for i, c in enumerate(mangled) if i % 37)  # bytes lost in a copy
    with pytest.raises(DecodeError, match="mojibake"):
        decode(broken.encode("utf-8"))


def test_ordinary_text_is_left_alone() -> None:
    for text in (TEXT, "Le café est très bon, déjà vu à Paris. " * 5, "plain ascii text " * 9):
        decoded = decode(text.encode("utf-8"))
        assert decoded.text == text and decoded.notes == ()


def test_the_ingest_summary_says_what_was_repaired(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    data = article_text(11).encode("utf-8")
    cut = data.index(b" ", 200)
    (folder / "stray.txt").write_bytes(data[:cut] + b"\xfe" + data[cut:])
    (folder / "mojibake.txt").write_bytes(
        article_text(12).encode("utf-8").decode("cp1256").encode("utf-8")
    )

    report = ingest_paths(db_path, [folder], entities=False, workers=1)

    assert report.added == 2 and not report.failed
    lines = list(summary_lines(report))
    assert any("stray.txt: a stray byte" in line for line in lines), lines
    assert any("mojibake.txt: double-encoded UTF-8" in line for line in lines), lines
    conn = sqlite3.connect(db_path)
    titles = {row[0] for row in conn.execute("SELECT title FROM articles")}
    assert "بوتين يستقبل وفدا كوريا شماليا في اللقاء رقم 12" in titles
