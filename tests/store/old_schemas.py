"""The schema scripts khabar ran up to version 6, as it ran them: the SQL text of
reader/store/schema.py before its migrations became sqlite-utils functions.

A database at version N written by an older khabar is these scripts' first N
entries; the migration tests build such files and open them with today's code.
Frozen: never edit an entry (it is what users' databases hold).
"""

from __future__ import annotations

SCRIPTS: tuple[str, ...] = (
    # 1: the first schema.
    r"""
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,      -- of the raw bytes (jsonl: of the record's line)
        kind TEXT NOT NULL,               -- txt | html | jsonl
        encoding TEXT NOT NULL,
        raw TEXT NOT NULL,                -- the decoded input, before cleaning
        dropped TEXT NOT NULL DEFAULT '[]', -- JSON list of {"text", "reason"} the cleaner removed
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        appended_to INTEGER REFERENCES articles(id), -- set on a second article cut from a dump
        title TEXT NOT NULL,
        body TEXT NOT NULL,               -- paragraphs joined by one newline
        published TEXT,                   -- ISO 8601 date (YYYY-MM-DD) or NULL when unknown
        author TEXT,
        source TEXT,
        url TEXT,
        source_path TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE INDEX articles_document ON articles(document_id);
    CREATE INDEX articles_order ON articles(published DESC, id DESC);
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,               -- PER | LOC | ORG | MISC
        key TEXT NOT NULL,                -- matching key: spelling variants share it
        canonical TEXT NOT NULL,          -- most frequent full form, for display
        article_count INTEGER NOT NULL DEFAULT 0,
        UNIQUE(kind, key)
    );
    CREATE INDEX entities_kind_count ON entities(kind, article_count DESC, id);
    CREATE TABLE variants (
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        surface TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (entity_id, surface)
    );
    CREATE TABLE mentions (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL,           -- code-point offsets into articles.body
        "end" INTEGER NOT NULL,
        surface TEXT NOT NULL
    );
    CREATE INDEX mentions_article ON mentions(article_id, start);
    CREATE TABLE article_entities (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        mention_count INTEGER NOT NULL,
        PRIMARY KEY (entity_id, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_entities_article ON article_entities(article_id);
    CREATE TABLE reading_state (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        read INTEGER NOT NULL DEFAULT 0,
        bookmarked INTEGER NOT NULL DEFAULT 0,
        scroll INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE app_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, tokenize = 'unicode61 remove_diacritics 2'
    );
    """,
    # 2: feed subscriptions (reader/fetch); a fetched document remembers its feed.
    r"""
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,         -- after permanent redirects
        title TEXT,                       -- the user's name for it, else the feed's own
        tags TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings
        site_url TEXT,
        etag TEXT,
        last_modified TEXT,
        last_status INTEGER,              -- HTTP status of the last fetch, NULL if none answered
        last_error TEXT,                  -- in plain words, NULL after a good fetch
        error_count INTEGER NOT NULL DEFAULT 0, -- failed fetches in a row
        last_fetched TEXT,
        next_due TEXT,                    -- ISO 8601 UTC; NULL: due now
        retry_at TEXT,                    -- a Retry-After's time: not asked before it, even forced
        gone INTEGER NOT NULL DEFAULT 0,  -- 1 after a 410: never fetched again
        added_at TEXT NOT NULL
    );
    ALTER TABLE documents ADD COLUMN feed_id INTEGER REFERENCES feeds(id);
    CREATE INDEX documents_feed ON documents(feed_id);
    CREATE INDEX documents_path ON documents(path);
    CREATE TABLE feed_items (             -- every item handled, stored or not (a duplicate)
        key TEXT PRIMARY KEY,             -- the item's link, else its guid
        feed_id INTEGER REFERENCES feeds(id),
        seen_at TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 3: per-site line counts, the cleaner's site templates (reader/store/templates.py).
    r"""
    CREATE TABLE site_templates (
        site TEXT PRIMARY KEY,            -- reader.clean.template.site_key
        documents INTEGER NOT NULL        -- documents of the site counted so far
    ) WITHOUT ROWID;
    CREATE TABLE site_lines (
        site TEXT NOT NULL,
        line_hash INTEGER NOT NULL,       -- reader.clean.template.line_hash of a short line
        documents INTEGER NOT NULL,       -- how many of the site's documents hold it
        PRIMARY KEY (site, line_hash)
    ) WITHOUT ROWID;
    """,
    # 4: a smaller database. The full-text index keeps no copy of the folded text
    # (contentless: MATCH gives row ids, which is all the reader asks of it), and
    # documents.raw is written zlib-compressed from now on (reader/store/raw.py).
    r"""
    CREATE VIRTUAL TABLE articles_fts_index USING fts5(
        title, body, content = '', tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts_index (rowid, title, body)
        SELECT rowid, title, body FROM articles_fts;
    DROP TABLE articles_fts;
    ALTER TABLE articles_fts_index RENAME TO articles_fts;
    """,
    # 5: stories across sources (reader/store/stories.py): each article's MinHash
    # signature and LSH band keys, and which story an article belongs to.
    r"""
    CREATE TABLE story_signatures (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        signature BLOB NOT NULL,          -- 64 little-endian uint32 MinHash minima
        day INTEGER                       -- proleptic ordinal of published, NULL when unknown
    );
    CREATE TABLE story_bands (
        key INTEGER NOT NULL,             -- one LSH band of a signature, hashed with its number
        article_id INTEGER NOT NULL REFERENCES articles(id),
        PRIMARY KEY (key, article_id)
    ) WITHOUT ROWID;
    CREATE TABLE story_members (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        story_id INTEGER NOT NULL REFERENCES articles(id) -- the story's first article
    );
    CREATE INDEX story_members_story ON story_members(story_id);
    """,
    # 6: one story saved twice in two byte forms (issue 9): each article's content key
    # (reader/store/content.py), and a document that repeats a stored article linked to it
    # instead of holding an article of its own. Articles stored before have no key.
    r"""
    CREATE TABLE article_content (
        key TEXT PRIMARY KEY,             -- content_key of the article's folded body
        article_id INTEGER NOT NULL REFERENCES articles(id)
    ) WITHOUT ROWID;
    CREATE INDEX article_content_article ON article_content(article_id);
    ALTER TABLE documents ADD COLUMN duplicate_of INTEGER REFERENCES articles(id);
    """,
)
