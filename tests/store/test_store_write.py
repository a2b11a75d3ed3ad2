"""Writing documents: one transaction each, FTS folding, entity bookkeeping, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_records import make_document, mention

from reader.store.export import iter_export
from reader.store.read.text import fts_expression
from reader.store.records import ArticleRow, DocumentRow
from reader.store.schema import open_db
from reader.store.stats import collect_stats
from reader.store.write import insert_document, insert_documents

BODY = "قال الرئيس فلاديمير بوتين إن بيونغ يانغ شريك.\nوأضاف بوتين أن كيم جونغ أون مرحب به."


def _putin_doc(path: str = "a.txt", body: str = BODY) -> DocumentRow:
    mentions = (
        mention(body, "فلاديمير بوتين", "PER", "putin"),
        mention(body, "بوتين", "PER", "putin", nth=1),
        mention(body, "كيم جونغ أون", "PER", "kim"),
        mention(body, "بيونغ يانغ", "LOC", "pyongyang"),
    )
    return make_document("بوتين يستقبل كيم", body, mentions=mentions, path=path)


def test_fts_finds_the_other_spelling(tmp_path: Path) -> None:
    db = open_db(tmp_path / "k.db")
    ids = insert_document(db.conn, _putin_doc())
    assert ids == [1]
    hits = db.conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
        (fts_expression("بيونج يانج"),),
    ).fetchall()
    assert hits == [(1,)]
    folded = db.conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ('"اون"',)
    ).fetchall()
    assert folded == [(1,)], "hamza forms are folded in the index"
    title_hit = db.conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (fts_expression("يستقبل"),)
    ).fetchall()
    assert title_hit == [(1,)], "the title is indexed (the word is in no body)"


def test_same_content_twice_is_a_duplicate(tmp_path: Path) -> None:
    db = open_db(tmp_path / "k.db")
    assert insert_document(db.conn, _putin_doc()) == [1]
    assert insert_document(db.conn, _putin_doc(path="copy.txt")) is None
    assert db.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_entities_variants_counts_and_canonical(tmp_path: Path) -> None:
    db = open_db(tmp_path / "k.db")
    insert_document(db.conn, _putin_doc())
    second = "التقى بوتين الصحفيين.\nوقال بوتين إن الزيارة ناجحة."
    insert_document(
        db.conn,
        make_document(
            "تصريحات",
            second,
            mentions=(
                mention(second, "بوتين", "PER", "putin"),
                mention(second, "بوتين", "PER", "putin", nth=1),
            ),
            path="b.txt",
        ),
        canonical=lambda variants: max(variants, key=len),
    )
    conn = db.conn
    putin = conn.execute(
        "SELECT id, canonical, article_count FROM entities WHERE key = 'putin'"
    ).fetchone()
    assert putin[1:] == ("فلاديمير بوتين", 2)
    variants = dict(
        conn.execute("SELECT surface, count FROM variants WHERE entity_id = ?", (putin[0],))
    )
    assert variants == {"فلاديمير بوتين": 1, "بوتين": 3}
    per_article = conn.execute(
        "SELECT article_id, mention_count FROM article_entities WHERE entity_id = ? ORDER BY 1",
        (putin[0],),
    ).fetchall()
    assert per_article == [(1, 2), (2, 2)]
    start, end, surface = conn.execute(
        'SELECT start, "end", surface FROM mentions WHERE article_id = 2 ORDER BY start'
    ).fetchone()
    assert second[start:end] == surface == "بوتين"


def test_appended_article_points_at_its_parent(tmp_path: Path) -> None:
    db = open_db(tmp_path / "k.db")
    extra = ArticleRow(title="ترامب يريد استئناف الاتصال", body="قال ترامب إنه يريد.")
    ids = insert_document(db.conn, make_document("عنوان", "نص المقال.", appended=(extra,)))
    assert ids == [1, 2]
    exported = list(iter_export(db))
    assert [r["appended_to"] for r in exported] == [None, 1]
    assert exported[1]["title"] == "ترامب يريد استئناف الاتصال"
    dropped = json.loads(db.conn.execute("SELECT dropped FROM documents").fetchone()[0])
    assert dropped == [{"text": "اعلان", "reason": "ad"}]


def test_export_carries_entities_with_canonical_names(tmp_path: Path) -> None:
    db = open_db(tmp_path / "k.db")
    insert_document(db.conn, _putin_doc())
    (record,) = iter_export(db)
    assert set(record) >= {"id", "source_path", "title", "published", "author", "source", "url"}
    assert record["body"] == BODY
    first = record["entities"][0]
    assert first == {
        "start": BODY.index("فلاديمير"),
        "end": BODY.index("فلاديمير") + len("فلاديمير بوتين"),
        "text": "فلاديمير بوتين",
        "kind": "PER",
        "canonical": "فلاديمير بوتين",
    }
    assert [e["start"] for e in record["entities"]] == sorted(
        e["start"] for e in record["entities"]
    )


def test_failed_insert_leaves_nothing_behind(tmp_path: Path) -> None:
    db = open_db(tmp_path / "k.db")
    bad = _putin_doc()
    broken = make_document("t", "b", mentions=(bad.article.mentions[0],), path="x.txt")

    def explode(variants: object) -> str:
        raise RuntimeError("resolver failed")

    with pytest.raises(RuntimeError):
        insert_document(db.conn, broken, canonical=explode)
    for table in ("documents", "articles", "articles_fts", "entities", "variants", "mentions"):
        assert db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    assert insert_document(db.conn, _putin_doc()) == [1]


def test_stats_counts(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    db = open_db(path)
    insert_document(db.conn, _putin_doc())
    stats = collect_stats(db.conn, path)
    assert (stats.articles, stats.documents, stats.appended) == (1, 1, 0)
    assert stats.entities_by_kind == {"LOC": 1, "PER": 2}
    assert stats.top_persons[0] == ("فلاديمير بوتين", 1)
    assert stats.size_bytes > 0


_ENTITY_TABLES = {
    "entities": "SELECT id, kind, key, canonical, article_count FROM entities ORDER BY id",
    "variants": "SELECT rowid, entity_id, surface, count FROM variants ORDER BY rowid",
    "links": "SELECT * FROM article_entities ORDER BY article_id, entity_id",
    "mentions": 'SELECT article_id, entity_id, start, "end", surface FROM mentions'
    ' ORDER BY article_id, start, "end"',
}


def test_a_batch_stores_what_one_document_at_a_time_stores(tmp_path: Path) -> None:
    """Entity rows are gathered per batch and written at its end: the same ids, counts,
    names and row order as writing each document in its own transaction."""
    second = "التقى بوتين كيم جونغ أون.\nوقال بوتين إن كيم جونغ أون صديق."
    docs = [
        _putin_doc("a.txt"),
        make_document(
            "لقاء",
            second,
            mentions=(
                mention(second, "بوتين", "PER", "putin"),
                mention(second, "كيم جونغ أون", "PER", "kim"),
                mention(second, "بوتين", "PER", "putin", nth=1),
                mention(second, "كيم جونغ أون", "PER", "kim", nth=1),
            ),
            path="b.txt",
        ),
        _putin_doc("c.txt", BODY + "\nزيارة."),
    ]
    one = open_db(tmp_path / "one.db").conn
    for doc in docs:
        insert_document(one, doc)
    batch = open_db(tmp_path / "batch.db").conn
    insert_documents(batch, docs)
    for name, query in _ENTITY_TABLES.items():
        assert batch.execute(query).fetchall() == one.execute(query).fetchall(), name
    assert one.execute("SELECT article_count FROM entities WHERE key = 'putin'").fetchone() == (3,)


def test_a_copy_of_an_article_in_the_same_batch_is_stored_with_it(tmp_path: Path) -> None:
    """The copy's documents row points at an article of its own batch: the batch goes in
    whole (it used to fail the foreign key, and ingest redid the batch one by one)."""
    first = _putin_doc("a.txt")
    copy = DocumentRow(
        path="a.html",
        source_path="a.html",
        sha256="0" * 64,
        kind="html",
        encoding="utf-8",
        raw=first.raw,
        article=first.article,
    )
    db = open_db(tmp_path / "k.db")
    assert insert_documents(db.conn, [first, copy]) == [[1], []]
    rows = db.conn.execute("SELECT id, duplicate_of FROM documents ORDER BY id").fetchall()
    assert rows == [(1, None), (2, 1)]
