"""Issue 11, item 6: fully vocalised Arabic is text (a haraka counts with its letter), and
a run of combining marks on one letter is capped in storage and on screen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.ingest.decode import decode
from reader.ingest.pipeline import ingest_paths
from reader.marks import MAX_MARKS
from reader.render.engine import render_text
from reader.render.modes import Mode
from reader.store.body import article_body

VOCALISED = (
    "قَالَ الرَّئِيسُ إِنَّ المُحَادَثَاتِ كَانَتْ مُفِيدَةً لِلطَّرَفَيْنِ، وَإِنَّ التَّعَاوُنَ "
    "بَيْنَ البَلَدَيْنِ سَيَسْتَمِرُّ فِي المَرْحَلَةِ المُقْبِلَةِ.\n"
)
ZALGO = "ب" + "\u064e\u0651" * 50


def test_fully_vocalised_arabic_is_accepted() -> None:
    decoded = decode(("عُنْوَانُ الخَبَرِ\n\n" + VOCALISED * 5).encode("utf-8"))
    assert decoded.encoding == "utf-8"


def test_a_hundred_marks_on_one_letter_are_capped_in_storage(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "zalgo.txt"
    path.write_text("عُنْوَانُ الخَبَرِ\n\n" + VOCALISED * 3 + ZALGO + " " + VOCALISED, "utf-8")
    report = ingest_paths(db_path, [path], entities=False, workers=1)
    assert (report.added, report.failed) == (1, [])
    body = article_body(sqlite3.connect(db_path), 1) or ""
    assert "ب" + "\u064e\u0651" * (MAX_MARKS // 2) + " " in body
    assert "\u064e\u0651" * (MAX_MARKS // 2 + 1) not in body


def test_a_hundred_marks_on_one_letter_are_capped_on_screen() -> None:
    rows = render_text(ZALGO + " كلمة", 40, Mode.OFF)
    shown = "".join(row.text for row in rows)
    marks = sum(1 for c in shown if c in "\u064e\u0651")
    assert 0 < marks <= MAX_MARKS
