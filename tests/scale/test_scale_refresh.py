"""What the browser materialises (search hits, folded names) follows another writer's commits."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from reader.store.read.library import Library
from reader.store.read.rows import ArticleFilter
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
    browser = Library(path)
    search = ArticleFilter(query="بيونج يانج")
    assert browser.listing.count_articles(search) == 1
    assert [p.canonical for p in browser.people.people("جون", 0, 10)] == ["كيم جونغ أون"]

    insert_document(writer, _document("ب", "قال سيرجي لافروف في بيونغ يانغ.", "سيرجي لافروف"))
    assert browser.listing.count_articles(search) == 2
    assert [r.title for r in browser.listing.articles_after(search, None, 10)] == ["ب", "أ"]
    assert [p.canonical for p in browser.people.people("سيرجى", 0, 10)] == ["سيرجي لافروف"]
    browser.close()
    writer.close()


def test_an_ingest_committing_during_searches_breaks_none_of_them(tmp_path: Path) -> None:
    """Two workers search on the shared connection while a writer commits: each commit makes
    the next lock holder drop the materialised hits, which must never be a table another
    worker's plan is still reading."""
    path = tmp_path / "k.db"
    writer = open_db(path).conn
    insert_document(writer, _document("أ", "زار كيم جونغ أون بيونغ يانغ.", "كيم جونغ أون"))
    library = Library(path)
    errors: list[BaseException] = []
    searches = ["بيونج يانج", "كيم", "يانغ", "زار", "لافروف"]

    def search(offset: int) -> None:
        try:
            for i in range(60):
                flt = ArticleFilter(query=searches[(i + offset) % len(searches)])
                library.listing.count_articles(flt)
                rows = library.listing.articles_after(flt, None, 5)
                if rows:
                    library.listing.position_of(flt, rows[-1].id)
        except BaseException as error:  # the assertion below reports it
            errors.append(error)

    workers = [threading.Thread(target=search, args=(n,)) for n in range(2)]
    for worker in workers:
        worker.start()
    for n in range(30):
        body = f"قال سيرجي لافروف في بيونغ يانغ {n}."
        insert_document(writer, _document(f"ب{n}", body, "سيرجي لافروف"))
    for worker in workers:
        worker.join()
    assert not errors, errors
    assert library.listing.count_articles(ArticleFilter(query="بيونج يانج")) == 31
    library.close()
    writer.close()
