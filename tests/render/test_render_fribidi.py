"""Differential test: every row the engine draws for the seeds equals GNU FriBidi's visual
order of the same logical (reshaped) line, cell for cell."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reader.render.engine import Settings, is_rtl, logical_lines, paragraph_lines
from reader.render.sanitize import split_paragraphs
from tests.support import require_tool


@pytest.mark.parametrize("width", [20, 37, 60, 100])
def test_seed_rows_match_fribidi(seed_paths: list[Path], width: int) -> None:
    fribidi = require_tool("fribidi")
    checked = 0
    for path in seed_paths:
        for _, paragraph in split_paragraphs(path.read_text("utf-8")):
            rows = paragraph_lines(paragraph, width, Settings())
            logical = logical_lines(paragraph, width)
            assert len(rows) == len(logical)
            direction = "--rtl" if is_rtl(paragraph) else "--ltr"
            result = subprocess.run(
                [fribidi, "--nobreak", "--nopad", "--reordernsm", direction],
                input="".join(line + "\n" for line in logical),
                capture_output=True,
                text=True,
                check=True,
            )
            expected = result.stdout.split("\n")[: len(logical)]
            for row, reference in zip(rows, expected, strict=True):
                assert row.text.strip(" ") == reference.strip(" "), (path.name, reference)
                checked += 1
    assert checked > 100
