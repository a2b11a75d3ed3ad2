"""The shipped character classes are exactly what a scan of this Python's Unicode data gives."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from reader.render import char_tables, chars


def test_shipped_tables_are_the_generated_ones() -> None:
    if unicodedata.unidata_version != char_tables.UNIDATA_VERSION:
        pytest.skip("tables built for another Unicode version; chars scans instead")
    assert Path(char_tables.__file__).read_text(encoding="utf-8") == chars.tables_source()


def test_another_unicode_version_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(char_tables, "UNIDATA_VERSION", "0.0.0")
    assert chars.char_class("format") == chars._char_class(*chars.CLASS_SPECS["format"])


@pytest.mark.parametrize("name", sorted(chars.CLASS_SPECS))
def test_each_class_matches_exactly_its_code_points(name: str) -> None:
    """A class written as the negation of the rest of the BMP (cheap to compile) matches
    the same characters as the plain list of its ranges, astral ones included."""
    categories, bidi, astral = chars.CLASS_SPECS[name]
    listed = "".join(
        re.escape(chr(start)) + "-" + re.escape(chr(end))
        for start, end in chars._code_ranges(categories, bidi)
    )
    plain = re.compile(f"[{listed}{astral}]")
    everything = "".join(map(chr, range(0x110000)))
    shipped = re.compile(chars.char_class(name))
    assert [m.start() for m in shipped.finditer(everything)] == [
        m.start() for m in plain.finditer(everything)
    ]


def test_the_latin_heavy_class_is_written_as_a_negation() -> None:
    """`not_all_rtl` holds most of the BMP: compiled as a list it cost 10 ms of first frame."""
    assert chars.char_class("not_all_rtl").startswith("(?:[^")
