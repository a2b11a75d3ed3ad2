"""Stories across sources: a new article joins the story of an earlier near-duplicate.

Runs in the single writer, inside the article's transaction, so grouping is
incremental: each article is compared only with the articles already stored
that share an LSH band with it (an indexed lookup), never with the corpus.
Two articles tell one story when their bodies are near-duplicates (estimated
Jaccard of word-pair shingles at least `SAME_BODY`) within `MAX_DAYS` of each
other, or when their bodies overlap less (`SAME_TITLED_BODY`) but their
headlines are alike (`SAME_TITLE`) within `TITLE_DAYS`. A story is named by
its first article's id, its lead, which every later member matched; an article
alone has no row. `story_sizes` counts each story's articles, so the reader's
story rows cost one lookup each, whatever a story's size.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from rapidfuzz import fuzz

from reader.nlp.normalize import fold_for_search
from reader.store.body import BODY_COLUMNS, BODY_JOIN, body_text
from reader.store.story_sign import (
    Paragraph,
    bands,
    coverage,
    paragraph_shingles,
    similarities,
    similarity,
)

SAME_BODY = 0.45
CLOSE_BODY = 0.12  # below this estimate two bodies are never compared paragraph by paragraph
SAME_PARAGRAPHS = 0.6
SAME_TITLED_PARAGRAPHS = 0.5
SAME_TITLE = 70.0
MAX_DAYS = 7
TITLE_DAYS = 3
# Candidates verified per article, those sharing the most bands first: bounds the
# writer's work on a corpus where many articles share paragraphs.
MAX_CANDIDATES = 20
MAX_STORY = 64  # articles in one story at most
# A new article is compared with a story's first few articles only, never with any
# member: a story cannot chain from rewrite to rewrite of rewrites without end.
REPRESENTATIVES = 4
PARAGRAPH_CHECKS = 4


def day_number(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def _title(indexed_title: str) -> str:
    return indexed_title.split("\n", 1)[0]


def same_story(body: float, paragraphs: float, title: float, days: int | None) -> bool:
    """The grouping rule: estimated body similarity, the share of paragraphs that match,
    the title similarity (0–100) and the gap in days (None when a date is unknown)."""
    if days is not None and days > MAX_DAYS:
        return False
    if body >= SAME_BODY or paragraphs >= SAME_PARAGRAPHS:
        return True
    titled = days is not None and days <= TITLE_DAYS and title >= SAME_TITLE
    return titled and paragraphs >= SAME_TITLED_PARAGRAPHS


# (database file, article id) → paragraph shingles: bodies are read once per writer run.
_paragraphs: dict[tuple[str, int], list[Paragraph]] = {}
_KEEP_PARAGRAPHS = 4096


def _paragraphs_of(conn: sqlite3.Connection, article_id: int) -> tuple[list[Paragraph], str]:
    """A stored article's paragraph shingles (kept for the writer's run) and folded title."""
    row = conn.execute(
        f"SELECT a.title, {BODY_COLUMNS} FROM {BODY_JOIN} WHERE a.id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return [], ""
    title = fold_for_search(str(row[0]))
    where = (_database(conn), article_id)
    known = _paragraphs.get(where)
    if known is None:
        known = paragraph_shingles(body_text(row[1], row[2]))
        _remember(where, known)
    return known, title


def _database(conn: sqlite3.Connection) -> str:
    return str(conn.execute("PRAGMA database_list").fetchone()[2])


def _remember(where: tuple[str, int], shingles: list[Paragraph]) -> None:
    if len(_paragraphs) >= _KEEP_PARAGRAPHS:
        _paragraphs.clear()
    _paragraphs[where] = shingles


def _match(
    conn: sqlite3.Connection,
    scored: list[tuple[float, int, int | None, int]],
    day: int | None,
    indexed_title: str,
    body: str,
) -> tuple[int | None, list[Paragraph] | None]:
    """The story of the first (most similar) candidate lead that tells the same story,
    and this article's paragraph shingles if they were needed.

    The paragraph comparison, which reads the other body, is spent on at most
    `PARAGRAPH_CHECKS` candidates.
    """
    mine: list[Paragraph] | None = None
    checks = 0
    for close, other, other_day, story in scored:
        if close < CLOSE_BODY:
            break
        days = None if day is None or other_day is None else abs(day - int(other_day))
        if days is not None and days > MAX_DAYS:
            continue
        if close >= SAME_BODY:
            return story, mine
        if checks >= PARAGRAPH_CHECKS:
            continue
        checks += 1
        mine = paragraph_shingles(body) if mine is None else mine
        theirs, their_title = _paragraphs_of(conn, other)
        paragraphs = coverage(mine, theirs)
        heading = 0.0
        if SAME_TITLED_PARAGRAPHS <= paragraphs < SAME_PARAGRAPHS:
            heading = fuzz.token_sort_ratio(_title(indexed_title), their_title)
        if same_story(close, paragraphs, heading, days):
            return story, mine
    return None, mine


def store_signature(
    conn: sqlite3.Connection, article_id: int, signature: bytes, day: int | None, keys: list[int]
) -> None:
    """The article's signature and band keys, so later articles can find it."""
    conn.execute(
        "INSERT INTO story_signatures (article_id, signature, day) VALUES (?, ?, ?)",
        (article_id, signature, day),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO story_bands (key, article_id) VALUES (?, ?)",
        [(key, article_id) for key in keys],
    )


Target = tuple[int, bytes, int | None, int]
"""(article, signature, day, story) of an article a new one may be compared with."""


def _representatives(
    conn: sqlite3.Connection, found: list[tuple[int, bytes, int | None, int | None]]
) -> list[Target]:
    """What a new article may be compared with: each candidate alone, and the first
    `REPRESENTATIVES` articles of each candidate's story (the lead first), in one query.
    A story at `MAX_STORY` articles takes no more."""
    out: dict[int, Target] = {
        int(other): (int(other), sig, day, int(other))
        for other, sig, day, story in found
        if story is None
    }
    stories = sorted({int(story) for *_, story in found if story is not None})
    if stories:
        marks = ",".join("?" * len(stories))
        for story, member, sig, day in conn.execute(
            "SELECT r.story_id, r.article_id, s.signature, s.day FROM (SELECT m.story_id,"
            " m.article_id, row_number() OVER (PARTITION BY m.story_id ORDER BY m.article_id)"
            " AS n FROM story_sizes t JOIN story_members m ON m.story_id = t.story_id"
            f" WHERE t.story_id IN ({marks}) AND t.size < ?) r"
            " JOIN story_signatures s ON s.article_id = r.article_id WHERE r.n <= ?",
            [*stories, MAX_STORY, REPRESENTATIVES],
        ):
            out[int(member)] = (int(member), sig, day, int(story))
    return list(out.values())


def assign_story(
    conn: sqlite3.Connection,
    article_id: int,
    signature: bytes,
    indexed_title: str,
    published: str | None,
    body: str,
) -> int | None:
    """Store the article's signature and bands; return the story it joined, if any.

    The article is compared with a story's representatives (its first articles), never
    with its other members: joining through any member would let a story chain from
    rewrite to rewrite of rewrites without end (a long-running topic is not one story,
    and the bench corpus became one story of 20,000 articles that way). It joins the
    most similar story that matches; stories are never merged.
    """
    if not signature:
        return None
    keys = bands(signature)
    day = day_number(published)
    marks = ",".join("?" * len(keys))
    found = conn.execute(
        "SELECT s.article_id, s.signature, s.day, m.story_id "
        f"FROM (SELECT article_id, count(*) AS shared FROM story_bands WHERE key IN ({marks}) "
        "GROUP BY article_id ORDER BY shared DESC, article_id DESC LIMIT ?) c "
        "JOIN story_signatures s ON s.article_id = c.article_id "
        "LEFT JOIN story_members m ON m.article_id = c.article_id",
        [*keys, MAX_CANDIDATES],
    ).fetchall()
    targets = _representatives(conn, found)
    close = similarities(signature, [sig for _, sig, _, _ in targets])
    scored = sorted(
        ((c, other, day, story) for c, (other, _, day, story) in zip(close, targets, strict=True)),
        reverse=True,
    )
    story, mine = _match(conn, scored, day, indexed_title, body)
    if mine is not None:
        # A later article that has this one as a candidate finds them made.
        _remember((_database(conn), article_id), mine)
    store_signature(conn, article_id, signature, day, keys)
    if story is None:
        return None
    known = conn.execute("SELECT size FROM story_sizes WHERE story_id = ?", (story,)).fetchone()
    size = 1 if known is None else int(known[0])
    lead = next((t for t in targets if t[0] == story), None)
    joining = [article_id, *_alone_with_lead(conn, lead, signature, found)]
    joining = joining[: MAX_STORY - size]
    conn.executemany(
        "INSERT OR IGNORE INTO story_members (article_id, story_id) VALUES (?, ?)",
        [(member, story) for member in (story, *joining)],
    )
    conn.execute(
        "INSERT INTO story_sizes (story_id, size) VALUES (?, ?)"
        " ON CONFLICT (story_id) DO UPDATE SET size = excluded.size",
        (story, size + len(joining)),
    )
    return story


def _alone_with_lead(
    conn: sqlite3.Connection,
    lead: Target | None,
    signature: bytes,
    found: list[tuple[int, bytes, int | None, int | None]],
) -> list[int]:
    """The later articles alone among the candidates that tell the story of its lead.

    A rewrite may share no LSH band with the lead and be stored alone; the next
    version that joins the story finds it, and it joins when it matches the lead itself.
    """
    if lead is None:
        return []
    story, lead_sig, lead_day, _ = lead
    alone = sorted(
        (
            (similarity(signature, sig), int(other), sig, day)
            for other, sig, day, their_story in found
            if their_story is None and int(other) > story
        ),
        reverse=True,
    )
    lead_paragraphs: list[Paragraph] | None = None
    lead_title = ""
    out = []
    for close, other, sig, day in alone[:PARAGRAPH_CHECKS]:
        if close < CLOSE_BODY:
            break
        days = None if day is None or lead_day is None else abs(int(day) - int(lead_day))
        estimate = similarity(sig, lead_sig)
        paragraphs, heading = 0.0, 0.0
        if estimate < SAME_BODY:
            if lead_paragraphs is None:
                lead_paragraphs, lead_title = _paragraphs_of(conn, story)
            theirs, title = _paragraphs_of(conn, other)
            paragraphs = coverage(theirs, lead_paragraphs)
            if SAME_TITLED_PARAGRAPHS <= paragraphs < SAME_PARAGRAPHS:
                heading = fuzz.token_sort_ratio(title, lead_title)
        if same_story(estimate, paragraphs, heading, days):
            out.append(other)
    return out


def forget_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Take an article out of the story index before it is deleted (`khabar reclean`).

    A story named by it is renamed after its oldest remaining member; a story
    left with one article is no story.
    """
    conn.execute("DELETE FROM story_bands WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM story_signatures WHERE article_id = ?", (article_id,))
    row = conn.execute(
        "SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)
    ).fetchone()
    conn.execute("DELETE FROM story_members WHERE article_id = ?", (article_id,))
    if row is None:
        return
    story = int(row[0])
    rest = [
        int(r[0])
        for r in conn.execute(
            "SELECT article_id FROM story_members WHERE story_id = ? ORDER BY article_id",
            (story,),
        )
    ]
    conn.execute("DELETE FROM story_sizes WHERE story_id = ?", (story,))
    if len(rest) <= 1:
        conn.execute("DELETE FROM story_members WHERE story_id = ?", (story,))
        return
    conn.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?", (rest[0], story))
    conn.execute("INSERT INTO story_sizes (story_id, size) VALUES (?, ?)", (rest[0], len(rest)))
