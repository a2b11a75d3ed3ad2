"""Search finds a word behind a proclitic (لبيونغ يانغ, وكيم) without losing exact words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_records import make_document

from reader.nlp.normalize import fold_for_search
from reader.store.read.text import fts_expression
from reader.store.schema import open_db
from reader.store.search_text import bare_forms, index_text
from reader.store.write import insert_document


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("لبيونغ", ["بيونغ"]),
        ("وبالكرملين", ["بالكرملين", "الكرملين"]),
        ("للرئيس", ["لرئيس", "الرئيس"]),
        ("فلكيم", ["لكيم", "كيم"]),
        ("وكيم", ["كيم"]),
        ("كيم", []),
        ("بكين", ["كين"]),
        ("ولد", []),
        ("بوتين", ["وتين"]),
        ("moscow", []),
    ],
)
def test_bare_forms(word: str, forms: list[str]) -> None:
    assert bare_forms(word) == forms


def test_index_text_keeps_the_folded_text_first() -> None:
    text = "السلاح الذري لبيونغ يانغ"
    indexed = index_text(text)
    assert indexed.startswith("السلاح الذري لبيونغ يانغ\n")
    assert indexed.split("\n")[1].split() == ["بيونغ"]
    assert index_text("كيم جونغ أون") == "كيم جونغ اون"


def _matches(db_path: Path, query: str) -> list[int]:
    db = open_db(db_path)
    rows = db.conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid",
        (fts_expression(query),),
    ).fetchall()
    return [r[0] for r in rows]


def test_search_reaches_words_behind_proclitics(tmp_path: Path) -> None:
    db = open_db(tmp_path / "k.db")
    bodies = [
        "نزع السلاح الذري لبيونغ يانغ.",
        "والتقى بوتين وكيم في فلاديفوستوك.",
        "زار الوفد بكين أمس.",
    ]
    for i, body in enumerate(bodies):
        insert_document(db.conn, make_document(f"عنوان {i}", body, path=f"{i}.txt"))
    db.conn.close()
    path = tmp_path / "k.db"
    assert _matches(path, "بيونج يانج") == [1]
    assert _matches(path, "كيم") == [2]
    assert _matches(path, "بكين") == [3]
    assert _matches(path, "فلاديفوستوك") == [2]


@given(st.text("وفبلكالريمنت ،.\n", max_size=60))
def test_index_text_is_the_folded_text_then_each_bare_form_once(text: str) -> None:
    folded = fold_for_search(text)
    extra = dict.fromkeys(f for word in re.findall(r"\w+", folded) for f in bare_forms(word))
    assert index_text(text) == (folded + "\n" + " ".join(extra) if extra else folded)
