"""Differential test: every row the engine draws for the seeds equals GNU FriBidi's visual
order of the same logical (reshaped) line, cell for cell."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reader.render.engine import Settings, is_rtl, logical_lines, paragraph_lines
from reader.render.reorder import levels
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


MARKED = [
    "بً 1%",  # issue 12: the mark took the letter's rewritten R, so 1 stayed EN, % joined it
    "بٌ 2$ و",
    "سلامٌ 10% of",
    "abć 1",
    "كَتَبَ 3٫5 ms",
    "مٍ (1)",
]


@pytest.mark.parametrize("base", [0, 1])
def test_a_mark_takes_the_class_its_letter_had_before_w2_w3(base: int) -> None:
    """W1 gives a combining mark the class of the character before it as that character
    was, AL for an Arabic letter, so a number after it is still Arabic (W2)."""
    fribidi = require_tool("fribidi")
    result = subprocess.run(
        [fribidi, "--levels", "--novisual", "--nopad", "--rtl" if base else "--ltr"],
        input="".join(line + "\n" for line in MARKED),
        capture_output=True,
        text=True,
        check=True,
    )
    expected = [[int(x) for x in row.split()] for row in result.stdout.splitlines()]
    assert [levels(line, base) for line in MARKED] == expected
