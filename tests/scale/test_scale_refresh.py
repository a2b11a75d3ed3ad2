"""What the browser materialises (search hits, folded names) follows another writer's commits."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader.store.browse import ArticleFilter, Browser
from reader.store.records import ArticleRow, DocumentRow, MentionRow
from reader.store.schema import open_db
from reader.store.write import insert_document


def _document(title: str, body: str, person: str) -> DocumentRow:
    start = body.index(person)
    return DocumentRow(
        path=title,
        source_path=title,
        sha256=hashlib.sha256(title.encode()).hexdigest(),
        kind="txt",
        encoding="utf-8",
        raw=body,
        article=ArticleRow(
            title=title,
            body=body,
            mentions=(MentionRow(start, start + len(person), person, "PER", person),),
        ),
    )


def test_a_commit_elsewhere_shows_in_search_and_people(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    writer = open_db(path).conn
    insert_document(writer, _document("أ", "زار كيم جونغ أون بيونغ يانغ.", "كيم جونغ أون"))
    browser = Browser(path)
    search = ArticleFilter(query="بيونج يانج")
    assert browser.count_articles(search) == 1
    assert [p.canonical for p in browser.people("جون", 0, 10)] == ["كيم جونغ أون"]

    insert_document(writer, _document("ب", "قال سيرجي لافروف في بيونغ يانغ.", "سيرجي لافروف"))
    assert browser.count_articles(search) == 2
    assert [r.title for r in browser.articles_after(search, None, 10)] == ["ب", "أ"]
    assert [p.canonical for p in browser.people("سيرجى", 0, 10)] == ["سيرجي لافروف"]
    browser.close()
    writer.close()
