"""Bodies stored packed against their raw document read back exactly, and small; the
query builder never hands the position-less index a phrase, and finds any text's own
document."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.store.body import WINDOW, article_body, body_text, pack_body
from reader.store.raw import pack_raw
from reader.store.read.text import fts_expression
from reader.store.schema import open_db
from reader.store.search_text import TOKENIZE, index_text
from reader.store.write import insert_document
from tests.store.store_records import make_document

PARAGRAPH = "وقال الرئيس فلاديمير بوتين إن اللقاء مع الوفد الكوري كان مثمرا وبناء."
BOILERPLATE = "الرئيسية أخبار سياسة اقتصاد\nتابعونا على فيسبوك\n"


@given(body=st.text(), raw=st.text())
@settings(max_examples=200, deadline=None)
def test_any_body_reads_back_whatever_its_raw_text(body: str, raw: str) -> None:
    assert body_text(pack_body(body, raw), pack_raw(raw)) == body


@given(before=st.integers(0, 3 * WINDOW), after=st.integers(0, 3 * WINDOW))
@settings(max_examples=20, deadline=None)
def test_a_body_anywhere_in_a_long_page_costs_a_few_bytes(before: int, after: int) -> None:
    body = "\n".join(f"{PARAGRAPH} {n}" for n in range(40))  # about 5 KiB of UTF-8
    raw = "x" * before + BOILERPLATE + body + "<p>" * (after // 3)
    packed = pack_body(body, raw)
    assert body_text(packed, pack_raw(raw)) == body
    assert len(packed) < 200 < len(body.encode()) // 25


def test_the_writer_stores_bodies_packed_and_every_room_reads_them(tmp_path: Path) -> None:
    db = open_db(tmp_path / "k.db")
    body = "\n".join([PARAGRAPH] * 30)
    (article_id,) = insert_document(db.conn, make_document("عنوان", body)) or []
    (stored,) = db.conn.execute("SELECT body FROM articles").fetchone()
    assert isinstance(stored, bytes) and len(stored) < 100
    assert article_body(db.conn, article_id) == body
    assert article_body(db.conn, article_id + 1) is None


def _index(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE VIRTUAL TABLE f USING fts5(title, body, content = '', detail = none,"
        f" tokenize = '{TOKENIZE}')"
    )


@given(text=st.text(min_size=1, max_size=40))
@settings(max_examples=300, deadline=None)
def test_any_text_is_a_query_that_finds_its_own_document(text: str) -> None:
    """An underscore, a combining mark or a letter SQLite's tables do not know: wherever
    Python's regex and unicode61 disagree, the query stays single tokens."""
    conn = sqlite3.connect(":memory:")
    _index(conn)
    conn.execute("INSERT INTO f (rowid, title, body) VALUES (1, '', ?)", (index_text(text),))
    expression = fts_expression(text)
    if expression is not None:  # None: no token at all
        assert conn.execute("SELECT rowid FROM f WHERE f MATCH ?", (expression,)).fetchall() == [
            (1,)
        ]


def test_a_token_the_tokenizer_cuts_in_two_is_no_phrase() -> None:
    conn = sqlite3.connect(":memory:")
    _index(conn)
    conn.execute("INSERT INTO f (rowid, title, body) VALUES (1, '', ?)", ("foo bar xy كتاب",))
    for text in ("foo_bar", "x\u0301y", "كتاب"):
        expression = fts_expression(text)
        assert conn.execute("SELECT rowid FROM f WHERE f MATCH ?", (expression,)).fetchall() == [
            (1,)
        ], text


def test_the_index_uses_the_tokenizer_the_queries_are_cut_with(tmp_path: Path) -> None:
    db = open_db(tmp_path / "k.db")
    (sql,) = db.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
    assert f"'{TOKENIZE}'" in sql and "detail = none" in sql
