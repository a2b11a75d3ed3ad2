"""The shipped character classes are exactly what a scan of this Python's Unicode data gives."""

from __future__ import annotations

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
