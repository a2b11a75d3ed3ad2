"""The schema's migrations, each a function of a `sqlite_utils.Database` that moves
it one version up (reader/store/schema.py runs them, in order, each in its own
transaction).

Tables, columns and indexes are declared through sqlite-utils (`create`,
`create_index`). Three things are plain SQL because sqlite-utils cannot say them:
WITHOUT ROWID (appended to the statement sqlite-utils writes; note that its
`transform` would drop it), a column added with a foreign key (its
`add_column(fk=…)` rebuilds the whole table, where SQLite's ADD COLUMN …
REFERENCES changes it in place), and the full-text index, which is contentless
and filled by the writer with folded text (`enable_fts` only makes an index
that copies the source table's own columns).

Versions 1–6 were SQL scripts before that; what a database an older khabar wrote
holds is frozen in tests/store/old_schemas.py, and tests/store/test_store_migrations.py
requires every version of it to migrate to exactly the schema a new database gets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

Migration = Callable[["sqlite_utils.Database"], None]


def create_table(
    db: sqlite_utils.Database,
    name: str,
    columns: Mapping[str, Any],
    *,
    pk: str | tuple[str, ...] | None,
    nullable: Iterable[str] = (),
    defaults: Mapping[str, Any] | None = None,
    foreign_keys: Iterable[tuple[str, str, str]] = (),
    without_rowid: bool = False,
) -> None:
    """Create a table whose columns are NOT NULL unless named in `nullable` or the
    table's one-column primary key (as the schema has always declared them)."""
    optional = {*nullable, pk} if isinstance(pk, str) else set(nullable)
    options: dict[str, Any] = {
        "pk": pk,
        "not_null": [c for c in columns if c not in optional],
        "defaults": dict(defaults or {}),
        "foreign_keys": list(foreign_keys),
    }
    if not without_rowid:
        db.table(name).create(dict(columns), **options)
        return
    sql = db.create_table_sql(name, dict(columns), **options)
    db.execute(sql.strip().removesuffix(";") + " WITHOUT ROWID")


def first_schema(db: sqlite_utils.Database) -> None:
    from sqlite_utils.db import DescIndex

    create_table(
        db,
        "documents",
        {
            "id": int,
            "path": str,
            "sha256": str,  # of the raw bytes (jsonl: of the record's line)
            "kind": str,  # txt | html | jsonl
            "encoding": str,
            "raw": str,  # the decoded input, before cleaning (zlib bytes since version 4)
            "dropped": str,  # JSON list of {"text", "reason"} the cleaner removed
            "ingested_at": str,
        },
        pk="id",
        defaults={"dropped": "[]"},
    )
    db.table("documents").create_index(["sha256"], "documents_sha256", unique=True)
    create_table(
        db,
        "articles",
        {
            "id": int,
            "document_id": int,
            "appended_to": int,  # set on a second article cut from a dump
            "title": str,
            "body": str,  # paragraphs joined by one newline
            "published": str,  # ISO 8601 date (YYYY-MM-DD) or NULL when unknown
            "author": str,
            "source": str,
            "url": str,
            "source_path": str,
            "added_at": str,
        },
        pk="id",
        nullable=("appended_to", "published", "author", "source", "url"),
        foreign_keys=[("document_id", "documents", "id"), ("appended_to", "articles", "id")],
    )
    articles = db.table("articles")
    articles.create_index(["document_id"], "articles_document")
    articles.create_index([DescIndex("published"), DescIndex("id")], "articles_order")
    create_table(
        db,
        "entities",
        {
            "id": int,
            "kind": str,  # PER | LOC | ORG | MISC
            "key": str,  # matching key: spelling variants share it
            "canonical": str,  # most frequent full form, for display
            "article_count": int,
        },
        pk="id",
        defaults={"article_count": 0},
    )
    entities = db.table("entities")
    entities.create_index(["kind", "key"], "entities_kind_key", unique=True)
    entities.create_index(["kind", DescIndex("article_count"), "id"], "entities_kind_count")
    create_table(
        db,
        "variants",
        {"entity_id": int, "surface": str, "count": int},
        pk=("entity_id", "surface"),
        defaults={"count": 0},
        foreign_keys=[("entity_id", "entities", "id")],
    )
    create_table(
        db,
        "mentions",
        {
            "article_id": int,
            "entity_id": int,
            "start": int,  # code-point offsets into articles.body
            "end": int,
            "surface": str,
        },
        pk=None,
        foreign_keys=[("article_id", "articles", "id"), ("entity_id", "entities", "id")],
    )
    db.table("mentions").create_index(["article_id", "start"], "mentions_article")
    create_table(
        db,
        "article_entities",
        {"article_id": int, "entity_id": int, "mention_count": int},
        pk=("entity_id", "article_id"),
        foreign_keys=[("article_id", "articles", "id"), ("entity_id", "entities", "id")],
        without_rowid=True,
    )
    db.table("article_entities").create_index(["article_id"], "article_entities_article")
    create_table(
        db,
        "reading_state",
        {"article_id": int, "read": int, "bookmarked": int, "scroll": int, "updated_at": str},
        pk="article_id",
        defaults={"read": 0, "bookmarked": 0, "scroll": 0},
        foreign_keys=[("article_id", "articles", "id")],
    )
    create_table(db, "app_state", {"key": str, "value": str}, pk="key")
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )


def feeds(db: sqlite_utils.Database) -> None:
    """Feed subscriptions (reader/fetch); a fetched document remembers its feed."""
    create_table(
        db,
        "feeds",
        {
            "id": int,
            "url": str,  # after permanent redirects
            "title": str,  # the user's name for it, else the feed's own
            "tags": str,  # JSON list of strings
            "site_url": str,
            "etag": str,
            "last_modified": str,
            "last_status": int,  # HTTP status of the last fetch, NULL if none answered
            "last_error": str,  # in plain words, NULL after a good fetch
            "error_count": int,  # failed fetches in a row
            "last_fetched": str,
            "next_due": str,  # ISO 8601 UTC; NULL: due now
            "retry_at": str,  # a Retry-After's time: not asked before it, even forced
            "gone": int,  # 1 after a 410: never fetched again
            "added_at": str,
        },
        pk="id",
        nullable=(
            "title",
            "site_url",
            "etag",
            "last_modified",
            "last_status",
            "last_error",
            "last_fetched",
            "next_due",
            "retry_at",
        ),
        defaults={"tags": "[]", "error_count": 0, "gone": 0},
    )
    db.table("feeds").create_index(["url"], "feeds_url", unique=True)
    db.execute("ALTER TABLE documents ADD COLUMN feed_id INTEGER REFERENCES feeds(id)")
    documents = db.table("documents")
    documents.create_index(["feed_id"], "documents_feed")
    documents.create_index(["path"], "documents_path")
    create_table(
        db,
        "feed_items",  # every item handled, stored or not (a duplicate)
        {"key": str, "feed_id": int, "seen_at": str},  # key: the item's link, else its guid
        pk="key",
        nullable=("feed_id",),
        foreign_keys=[("feed_id", "feeds", "id")],
        without_rowid=True,
    )


def site_templates(db: sqlite_utils.Database) -> None:
    """Per-site line counts, the cleaner's site templates (reader/store/templates.py)."""
    create_table(
        db,
        "site_templates",
        # site: reader.clean.template.site_key; documents: of the site counted so far
        {"site": str, "documents": int},
        pk="site",
        without_rowid=True,
    )
    create_table(
        db,
        "site_lines",
        # line_hash: reader.clean.template.line_hash of a short line;
        # documents: how many of the site's documents hold it
        {"site": str, "line_hash": int, "documents": int},
        pk=("site", "line_hash"),
        without_rowid=True,
    )


def contentless_index(db: sqlite_utils.Database) -> None:
    """A smaller database: the full-text index keeps no copy of the folded text
    (contentless: MATCH gives row ids, which is all the reader asks of it), and
    documents.raw is written zlib-compressed from now on (reader/store/raw.py)."""
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts_index USING fts5("
        "title, body, content = '', tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.execute(
        "INSERT INTO articles_fts_index (rowid, title, body)"
        " SELECT rowid, title, body FROM articles_fts"
    )
    db.execute("DROP TABLE articles_fts")
    db.execute("ALTER TABLE articles_fts_index RENAME TO articles_fts")


def stories(db: sqlite_utils.Database) -> None:
    """Stories across sources (reader/store/stories.py): each article's MinHash
    signature and LSH band keys, and which story an article belongs to."""
    create_table(
        db,
        "story_signatures",
        {
            "article_id": int,
            "signature": bytes,  # 64 little-endian uint32 MinHash minima
            "day": int,  # proleptic ordinal of published, NULL when unknown
        },
        pk="article_id",
        nullable=("day",),
        foreign_keys=[("article_id", "articles", "id")],
    )
    create_table(
        db,
        "story_bands",
        # key: one LSH band of a signature, hashed with its number
        {"key": int, "article_id": int},
        pk=("key", "article_id"),
        foreign_keys=[("article_id", "articles", "id")],
        without_rowid=True,
    )
    create_table(
        db,
        "story_members",
        # story_id: the story's first article
        {"article_id": int, "story_id": int},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id"), ("story_id", "articles", "id")],
    )
    db.table("story_members").create_index(["story_id"], "story_members_story")


def content_keys(db: sqlite_utils.Database) -> None:
    """One story saved twice in two byte forms (issue 9): each article's content key
    (reader/store/content.py), and a document that repeats a stored article linked to
    it instead of holding an article of its own. Articles stored before have no key."""
    create_table(
        db,
        "article_content",
        # key: content_key of the article's folded body
        {"key": str, "article_id": int},
        pk="key",
        foreign_keys=[("article_id", "articles", "id")],
        without_rowid=True,
    )
    db.table("article_content").create_index(["article_id"], "article_content_article")
    db.execute("ALTER TABLE documents ADD COLUMN duplicate_of INTEGER REFERENCES articles(id)")


def mentions_by_article(db: sqlite_utils.Database) -> None:
    """Mentions kept in article and start order. Every read asks for one article's
    mentions by start, so the rows themselves are stored in that order (WITHOUT ROWID)
    instead of a rowid table plus an index on (article_id, start) holding it again:
    0.5 KiB less per real-length article, and one b-tree less for the writer."""
    create_table(
        db,
        "mentions_by_article",
        {
            "article_id": int,
            "entity_id": int,
            "start": int,  # code-point offsets into articles.body
            "end": int,
            "surface": str,
        },
        pk=("article_id", "start", "end", "entity_id", "surface"),
        foreign_keys=[("article_id", "articles", "id"), ("entity_id", "entities", "id")],
        without_rowid=True,
    )
    db.execute(
        'INSERT OR IGNORE INTO mentions_by_article (article_id, entity_id, start, "end", surface)'
        ' SELECT article_id, entity_id, start, "end", surface FROM mentions'
    )
    db.execute("DROP TABLE mentions")
    db.execute("ALTER TABLE mentions_by_article RENAME TO mentions")


def story_rows(db: sqlite_utils.Database) -> None:
    """What the reader's story rows and filters look up per row: each story's size
    (reader/store/stories.py keeps it), and an index for the filter by source
    (reader/store/read/conditions.py)."""
    db.table("articles").create_index(["source"], "articles_source")
    create_table(
        db,
        "story_sizes",
        # story_id: the story's lead (its first article); size: its articles
        {"story_id": int, "size": int},
        pk="story_id",
        foreign_keys=[("story_id", "articles", "id")],
        without_rowid=True,
    )
    db.execute(
        "INSERT INTO story_sizes (story_id, size)"
        " SELECT story_id, count(*) FROM story_members GROUP BY story_id"
    )


def packed_text(db: sqlite_utils.Database) -> None:
    """A smaller database (issue 16): each body compressed against its raw document, which
    holds nearly all of its text (5 KiB → 0.1 KiB per real-length article), every raw
    document compressed, and the full-text index without positions (2.5 → 0.6 KiB), which
    the reader never asked of it (reader/store/repack.py does the work)."""
    from reader.store.repack import repack

    repack(db.conn)


def stories_within_bound(db: sqlite_utils.Database) -> None:
    """Grouping before this version let an article join a story through any member, so a
    story could chain without end (the scale bench's archive became one story of 104,437
    articles) and hide most of an archive behind one row, which made every page of a
    search walk past it. Cut each story to the first 64 articles it had (its lead first),
    the bound reader/store/stories.py keeps since (MAX_STORY; a literal here, because a
    migration is history); the rest are listed on their own and nothing else changes."""
    db.execute(
        "CREATE TEMP TABLE beyond_bound AS SELECT article_id FROM ("
        " SELECT article_id, row_number() OVER (PARTITION BY story_id"
        "  ORDER BY article_id <> story_id, article_id) AS n FROM story_members"
        ") WHERE n > 64"
    )
    db.execute(
        "DELETE FROM story_members WHERE article_id IN (SELECT article_id FROM beyond_bound)"
    )
    db.execute("UPDATE story_sizes SET size = 64 WHERE size > 64")
    db.execute("DROP TABLE temp.beyond_bound")
