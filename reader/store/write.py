"""The one place that writes ingested documents, a batch of whole documents per transaction.

A document, its article, any article cut from it, their FTS rows and entity
bookkeeping go in together or not at all, so an interrupted ingest never leaves
a half-written article behind and a re-run simply continues. Several documents
share one transaction because a commit and the per-entity display-name choice
cost more than the inserts themselves; a batch is still all or nothing.

The batch's documents, articles and index rows go in through sqlite-utils'
`insert_all` (one multi-row INSERT per few hundred rows), so their ids are given
here: the next ones SQLite itself would choose, which is safe because BEGIN
IMMEDIATE holds the only write lock. Entity rows (EntityRows) stay on
`executemany`: for mentions' many small rows `insert_all` cost three times the
CPU (its per-value JSON check), and variants are counted up by ON CONFLICT,
which `upsert_all` (it replaces values) cannot say.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime

import sqlite_utils

from reader.store.records import ArticleRow, DocumentRow, MentionRow
from reader.store.stories import assign_story
from reader.store.transaction import transaction

Canonical = Callable[[Mapping[str, int]], str]


def insert_document(
    conn: sqlite3.Connection, doc: DocumentRow, *, canonical: Canonical | None = None
) -> list[int] | None:
    """Store `doc`; return the new article ids (its own first), or None if already stored."""
    return insert_documents(conn, [doc], canonical=canonical)[0]


def insert_documents(
    conn: sqlite3.Connection, docs: Sequence[DocumentRow], *, canonical: Canonical | None = None
) -> list[list[int] | None]:
    """Store `docs` in one transaction; per document its new article ids, or None if known
    (by file hash). A document whose articles are all stored already (by content key: the
    same page in another encoding or form) is stored linked to the first of them, with no
    article of its own: its entry is an empty list.

    Entity rows go in once per batch, not once per article (EntityRows): a popular
    person named in every document of the batch costs one id look-up, one variants
    read and one update instead of one each per document.
    """
    results: list[list[int] | None] = []
    with transaction(conn):
        entities = EntityRows(conn)
        seen = _stored(conn, [doc.sha256 for doc in docs])
        rows = NewRows(conn)
        for doc in docs:
            if doc.sha256 in seen:
                results.append(None)
                continue
            seen.add(doc.sha256)
            results.append(rows.add_document(doc))
        # A copy of an article earlier in this batch goes in after that article: its
        # duplicate_of would fail the foreign key before it (and the whole batch with it).
        copies = [d for d in rows.documents if _copy_in_batch(d, rows.first_article)]
        first = [d for d in rows.documents if not _copy_in_batch(d, rows.first_article)]
        rows.db.table("documents").insert_all([DOCUMENT_COLUMNS, *first])
        write_articles(rows, entities)
        if copies:
            rows.db.table("documents").insert_all([DOCUMENT_COLUMNS, *copies])
        entities.flush(canonical or most_frequent)
    return results


DOCUMENT_COLUMNS = (
    "id",
    "path",
    "sha256",
    "kind",
    "encoding",
    "raw",
    "dropped",
    "ingested_at",
    "feed_id",
    "duplicate_of",
)
_DUPLICATE_OF = DOCUMENT_COLUMNS.index("duplicate_of")
ARTICLE_COLUMNS = (
    "id",
    "document_id",
    "appended_to",
    "title",
    "body",
    "published",
    "author",
    "source",
    "url",
    "source_path",
    "added_at",
)


class NewRows:
    """One transaction's new documents and articles as rows, numbered as SQLite would."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
        self.now = datetime.now(UTC).isoformat(timespec="seconds")
        self.document_id = _next_id(conn, "documents")
        self.article_id = _next_id(conn, "articles")
        self.first_article = self.article_id
        self.documents: list[tuple[object, ...]] = []
        self.articles: list[tuple[object, ...]] = []
        self.placed: list[tuple[int, ArticleRow]] = []  # (id, article), in id order
        # Content keys of this batch's articles, first holder kept (article id, url).
        self.contents: dict[str, tuple[int, str | None]] = {}

    def add_document(self, doc: DocumentRow) -> list[int]:
        """Number `doc` and its articles; return the article ids (none for a copy)."""
        dropped = json.dumps(
            [{"text": text, "reason": reason} for text, reason in doc.dropped],
            ensure_ascii=False,
        )
        original = self.copy_of(doc.article)
        document_id = self.document_id
        self.document_id += 1
        self.documents.append(
            (
                document_id,
                doc.path,
                doc.sha256,
                doc.kind,
                doc.encoding,
                doc.packed_raw,
                dropped,
                self.now,
                doc.feed_id,
                original,
            )
        )
        return [] if original is not None else self.add_articles(document_id, doc)

    def copy_of(self, article: ArticleRow) -> int | None:
        """The article (stored, or earlier in this batch) that `article` repeats word for
        word, if it and every article cut from its dump are known already. Two known URLs
        that differ make two articles (a story syndicated word for word is one story on
        two sites, not one page saved twice)."""
        found: list[int] = []
        for each in (article, *article.appended):
            key = each.content
            if key is None:
                return None
            row = self.conn.execute(
                "SELECT c.article_id, a.url FROM article_content c"
                " JOIN articles a ON a.id = c.article_id WHERE c.key = ?",
                (key,),
            ).fetchone()
            holder = (int(row[0]), row[1]) if row is not None else self.contents.get(key)
            if holder is None or (each.url and holder[1] and each.url != holder[1]):
                return None
            found.append(holder[0])
        return found[0]

    def add_articles(self, document_id: int, doc: DocumentRow) -> list[int]:
        """Number `doc`'s articles as the stored document `document_id`'s: its own first,
        then each cut one after its parent, depth first. Returns their ids."""
        ids: list[int] = []
        # Depth first, the order DocumentRow.packed_bodies holds the bodies in.
        self._article(document_id, doc, doc.article, None, ids, iter(doc.packed_bodies))
        return ids

    def _article(
        self,
        document_id: int,
        doc: DocumentRow,
        article: ArticleRow,
        appended_to: int | None,
        ids: list[int],
        bodies: Iterator[bytes],
    ) -> None:
        article_id = self.article_id
        self.article_id += 1
        ids.append(article_id)
        self.placed.append((article_id, article))
        key = article.content
        if key is not None:
            self.contents.setdefault(key, (article_id, article.url))
        self.articles.append(
            (
                article_id,
                document_id,
                appended_to,
                article.title,
                next(bodies),
                article.published,
                article.author,
                article.source,
                article.url,
                doc.source_path,
                self.now,
            )
        )
        for appended in article.appended:
            self._article(document_id, doc, appended, article_id, ids, bodies)


def write_articles(rows: NewRows, entities: EntityRows) -> None:
    """Insert the numbered articles, their index rows and stories; gather their entity
    rows into `entities` (written by its `flush`)."""
    conn = rows.conn
    rows.db.table("articles").insert_all([ARTICLE_COLUMNS, *rows.articles])
    index_rows = ((i, a.indexed_title, a.indexed_body) for i, a in rows.placed)
    rows.db.table("articles_fts").insert_all([("rowid", "title", "body"), *index_rows])
    conn.executemany(
        "INSERT OR IGNORE INTO article_content (key, article_id) VALUES (?, ?)",
        [(key, article_id) for key, (article_id, _) in rows.contents.items()],
    )
    for article_id, article in rows.placed:
        # In id order, so an article is compared only with those stored before it.
        signature, title = article.signature, article.indexed_title
        assign_story(conn, article_id, signature, title, article.published, article.body)
        if article.mentions:
            entities.add(article_id, article.mentions)


def _copy_in_batch(document: tuple[object, ...], first_article: int) -> bool:
    """Whether a documents row is a copy of an article numbered in this batch."""
    original = document[_DUPLICATE_OF]
    return isinstance(original, int) and original >= first_article


def _stored(conn: sqlite3.Connection, hashes: Sequence[str]) -> set[str]:
    """Which of `hashes` are already stored: one query per few hundred documents."""
    known: set[str] = set()
    for i in range(0, len(hashes), _IN_LIMIT):
        chunk = hashes[i : i + _IN_LIMIT]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT sha256 FROM documents WHERE sha256 IN ({marks})"
        known.update(str(row[0]) for row in conn.execute(sql, chunk))
    return known


_IN_LIMIT = 500  # bound parameters per statement, well under SQLite's 32766


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    (top,) = conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
    return int(top) + 1


class EntityRows:
    """The entity bookkeeping of one transaction's articles, written at its end.

    Rows go in in the order a write per article would have made them, so ids and
    counts come out the same. The batch's entities are looked up together (one query
    per few hundred keys), new ones made in the order they were first named; a
    surface's variant count is summed over the batch before its upsert, and the
    touched entities' variants are read back in one query per few hundred.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.articles: list[tuple[int, dict[tuple[str, str], list[MentionRow]]]] = []

    def add(self, article_id: int, mentions: tuple[MentionRow, ...]) -> None:
        groups: dict[tuple[str, str], list[MentionRow]] = defaultdict(list)
        for mention in mentions:
            groups[(mention.kind, mention.key)].append(mention)
        self.articles.append((article_id, groups))

    def entity_ids(self) -> dict[tuple[str, str], int]:
        """Every (kind, key) of the batch with its id, the missing made in first-named order."""
        first: dict[tuple[str, str], str] = {}
        for _, groups in self.articles:
            for pair, group in groups.items():
                first.setdefault(pair, group[0].surface)
        ids: dict[tuple[str, str], int] = {}
        by_kind: dict[str, list[str]] = defaultdict(list)
        for kind, key in first:
            by_kind[kind].append(key)
        for kind, keys in by_kind.items():
            for i in range(0, len(keys), _IN_LIMIT):
                chunk = keys[i : i + _IN_LIMIT]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT key, id FROM entities WHERE kind = ? AND key IN ({marks})"
                ids.update(((kind, k), int(n)) for k, n in self.conn.execute(sql, [kind, *chunk]))
        for (kind, key), surface in first.items():
            if (kind, key) not in ids:
                ids[kind, key] = _new_entity(self.conn, kind, key, surface)
        return {pair: ids[pair] for pair in first}

    def flush(self, canonical: Canonical) -> None:
        """Write the rows gathered (once, at the transaction's end), then add the batch's
        article counts and re-choose each touched entity's display name."""
        conn = self.conn
        ids = self.entity_ids()
        touched: Counter[int] = Counter()
        variants: Counter[tuple[int, str]] = Counter()
        links: list[tuple[int, int, int]] = []
        mentions: list[tuple[int, int, int, int, str]] = []
        for article_id, groups in self.articles:
            rows: list[tuple[int, int, int, int, str]] = []
            for pair, group in groups.items():
                entity_id = ids[pair]
                variants.update((entity_id, m.surface) for m in group)
                touched[entity_id] += 1
                links.append((article_id, entity_id, len(group)))
                rows.extend((article_id, entity_id, m.start, m.end, m.surface) for m in group)
            rows.sort(key=lambda r: r[2])
            mentions.extend(rows)
        conn.executemany(
            "INSERT INTO variants (entity_id, surface, count) VALUES (?, ?, ?)"
            " ON CONFLICT (entity_id, surface) DO UPDATE SET count = count + excluded.count",
            [(entity_id, surface, n) for (entity_id, surface), n in variants.items()],
        )
        conn.executemany(
            "INSERT INTO article_entities (article_id, entity_id, mention_count) VALUES (?, ?, ?)",
            links,
        )
        conn.executemany(
            'INSERT INTO mentions (article_id, entity_id, start, "end", surface)'
            " VALUES (?, ?, ?, ?, ?)",
            mentions,
        )
        spellings: dict[int, dict[str, int]] = defaultdict(dict)
        entity_ids = list(touched)
        for i in range(0, len(entity_ids), _IN_LIMIT):
            chunk = entity_ids[i : i + _IN_LIMIT]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT entity_id, surface, count FROM variants WHERE entity_id IN ({marks})"
            for entity_id, surface, count in conn.execute(sql, chunk):
                spellings[entity_id][surface] = count
        conn.executemany(
            "UPDATE entities SET canonical = ?, article_count = article_count + ? WHERE id = ?",
            [(canonical(spellings[e]), n, e) for e, n in touched.items()],
        )


def _new_entity(conn: sqlite3.Connection, kind: str, key: str, surface: str) -> int:
    cursor = conn.execute(
        "INSERT INTO entities (kind, key, canonical, article_count) VALUES (?, ?, ?, 0)",
        (kind, key, surface),
    )
    return _lastrowid(cursor)


def most_frequent(variants: Mapping[str, int]) -> str:
    """The display name when no resolver is given: most frequent, then longest, surface."""
    return max(variants.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0]


def _lastrowid(cursor: sqlite3.Cursor) -> int:
    rowid = cursor.lastrowid
    if rowid is None:
        raise sqlite3.DatabaseError("insert returned no row id")
    return rowid
