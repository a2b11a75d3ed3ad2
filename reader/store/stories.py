"""Stories across sources: a new article joins the story of an earlier near-duplicate.

Runs in the single writer, inside the article's transaction, so grouping is
incremental: each article is compared only with the articles already stored
that share an LSH band with it (an indexed lookup), never with the corpus.
Two articles tell one story when their bodies are near-duplicates (estimated
Jaccard of word-pair shingles at least `SAME_BODY`) within `MAX_DAYS` of each
other, or when their bodies overlap less (`SAME_TITLED_BODY`) but their
headlines are alike (`SAME_TITLE`) within `TITLE_DAYS`. A story is named by
its first article's id; an article alone has no row.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from rapidfuzz import fuzz

from reader.nlp.normalize import fold_for_search
from reader.store.story_sign import (
    Paragraph,
    bands,
    coverage,
    paragraph_shingles,
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
    row = conn.execute("SELECT title, body FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return [], ""
    title = fold_for_search(str(row[0]))
    where = (_database(conn), article_id)
    known = _paragraphs.get(where)
    if known is None:
        known = paragraph_shingles(str(row[1]))
        _remember(where, known)
    return known, title


def _database(conn: sqlite3.Connection) -> str:
    return str(conn.execute("PRAGMA database_list").fetchone()[2])


def _remember(where: tuple[str, int], shingles: list[Paragraph]) -> None:
    if len(_paragraphs) >= _KEEP_PARAGRAPHS:
        _paragraphs.clear()
    _paragraphs[where] = shingles


def _matches(
    conn: sqlite3.Connection,
    scored: list[tuple[float, int, int | None, int]],
    day: int | None,
    indexed_title: str,
    body: str,
) -> tuple[list[tuple[int, int]], list[Paragraph] | None]:
    """(article, story) of every earlier candidate that tells the same story, and this
    article's paragraph shingles if they were needed.

    Candidates come most similar first; the paragraph comparison, which reads the
    other body, is spent on at most `PARAGRAPH_CHECKS` of them.
    """
    mine: list[Paragraph] | None = None
    checks = 0
    out: list[tuple[int, int]] = []
    for close, other, other_day, story in scored:
        if close < CLOSE_BODY:
            break
        days = None if day is None or other_day is None else abs(day - int(other_day))
        if days is not None and days > MAX_DAYS:
            continue
        if close >= SAME_BODY:
            out.append((other, story))
            continue
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
            out.append((other, story))
    return out, mine


def assign_story(
    conn: sqlite3.Connection,
    article_id: int,
    signature: bytes,
    indexed_title: str,
    published: str | None,
    body: str,
) -> int | None:
    """Store the article's signature and bands; return the story it joined, if any."""
    if not signature:
        return None
    keys = bands(signature)
    day = day_number(published)
    marks = ",".join("?" * len(keys))
    found = conn.execute(
        "SELECT s.article_id, s.signature, s.day, coalesce(m.story_id, s.article_id) "
        f"FROM (SELECT article_id, count(*) AS shared FROM story_bands WHERE key IN ({marks}) "
        "GROUP BY article_id ORDER BY shared DESC, article_id DESC LIMIT ?) c "
        "JOIN story_signatures s ON s.article_id = c.article_id "
        "LEFT JOIN story_members m ON m.article_id = c.article_id",
        [*keys, MAX_CANDIDATES],
    ).fetchall()
    scored = sorted(
        (
            (similarity(signature, sig), int(other), other_day, int(story))
            for other, sig, other_day, story in found
        ),
        reverse=True,
    )
    matches, mine = _matches(conn, scored, day, indexed_title, body)
    if mine is not None:
        # A later article that has this one as a candidate finds them made.
        _remember((_database(conn), article_id), mine)
    conn.execute(
        "INSERT INTO story_signatures (article_id, signature, day) VALUES (?, ?, ?)",
        (article_id, signature, day),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO story_bands (key, article_id) VALUES (?, ?)",
        [(key, article_id) for key in keys],
    )
    if not matches:
        return None
    # The story keeps its oldest name; when this article bridges stories that were
    # told apart (each version found only some of the others), they become one.
    story = min(story for _, story in matches)
    merged = sorted({other_story for _, other_story in matches} - {story})
    if merged:
        marks = ",".join("?" * len(merged))
        conn.execute(
            f"UPDATE story_members SET story_id = ? WHERE story_id IN ({marks})", [story, *merged]
        )
    conn.executemany(
        "INSERT OR IGNORE INTO story_members (article_id, story_id) VALUES (?, ?)",
        [(other, story) for other, _ in matches],
    )
    conn.execute(
        "INSERT INTO story_members (article_id, story_id) VALUES (?, ?)", (article_id, story)
    )
    return story


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
    if len(rest) <= 1:
        conn.execute("DELETE FROM story_members WHERE story_id = ?", (story,))
    elif story == article_id:
        conn.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?", (rest[0], story))
