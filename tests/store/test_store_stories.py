"""Stories across sources (issue 14, item 3): rewrites grouped, nothing else, incrementally.

The corpus (story_corpus.py) goes through the real ingest: cleaner, signatures
in the worker processes, grouping in the single writer. Entities are off: they
play no part in grouping and would only cost time.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from pathlib import Path

import pytest
from story_corpus import make_story_corpus, write_story_corpus

from reader.ingest.pipeline import ingest_paths
from reader.nlp.normalize import fold_for_search
from reader.store.schema import open_db
from reader.store.stories import SAME_BODY, SAME_PARAGRAPHS, SAME_TITLED_PARAGRAPHS, same_story
from reader.store.story_sign import bands, shingles, signature, similarity


def _groups(db_path: Path) -> tuple[dict[str, int | None], dict[str, str]]:
    """File name → story id (None: alone), and file name → its title."""
    db = open_db(db_path, readonly=True)
    rows = db.conn.execute(
        "SELECT a.source_path, m.story_id, a.title FROM articles a "
        "LEFT JOIN story_members m ON m.article_id = a.id WHERE a.appended_to IS NULL"
    ).fetchall()
    db.conn.close()
    return {Path(p).name: s for p, s, _ in rows}, {Path(p).name: t for p, _, t in rows}


def _pairs(labels: dict[str, int | None]) -> set[frozenset[str]]:
    members: dict[int, list[str]] = defaultdict(list)
    for name, label in labels.items():
        if label is not None:
            members[label].append(name)
    return {frozenset(p) for group in members.values() for p in itertools.combinations(group, 2)}


def _score(found: dict[str, int | None], truth: dict[str, int | None]) -> tuple[float, float]:
    got, want = _pairs(found), _pairs(truth)
    precision = len(got & want) / len(got) if got else 1.0
    recall = len(got & want) / len(want)
    return precision, recall


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict[str, int | None]]:
    articles = make_story_corpus()
    paths = write_story_corpus(tmp_path_factory.mktemp("stories"), articles)
    return paths, {a.name: a.story for a in articles}


def test_rewrites_are_one_story_and_nothing_else_is(
    corpus: tuple[list[Path], dict[str, int | None]], tmp_path: Path
) -> None:
    paths, truth = corpus
    assert sum(s is not None for s in truth.values()) >= 30
    assert sum(s is None for s in truth.values()) == 200
    db = tmp_path / "k.db"
    report = ingest_paths(db, paths, entities=False, workers=2)
    assert report.added == len(paths) and not report.failed
    found, _ = _groups(db)
    precision, recall = _score(found, truth)
    stories = {s for s in found.values() if s is not None}
    print(f"\nstories: precision {precision:.2f}, recall {recall:.2f}, {len(stories)} stories")
    assert precision == 1.0
    assert recall >= 0.95
    assert all(found[name] is None for name, story in truth.items() if story is None)


def test_a_new_article_joins_an_existing_story(
    corpus: tuple[list[Path], dict[str, int | None]], tmp_path: Path
) -> None:
    """Grouping is incremental: a second ingest adds rewrites to the stories of the first."""
    paths, truth = corpus
    first = [p for p in paths if not p.name.endswith("-1.txt")]
    later = [p for p in paths if p.name.endswith("-1.txt")]
    db = tmp_path / "k.db"
    ingest_paths(db, first, entities=False, workers=1)
    before, _ = _groups(db)
    ingest_paths(db, later, entities=False, workers=1)
    after, _ = _groups(db)
    assert _pairs(before) <= _pairs(after)  # what was one story stays one story
    joined = [p.name for p in later if after[p.name] is not None]
    assert len(joined) >= 0.9 * len(later)
    for name in joined:
        original = name.replace("-1.txt", "-0.txt")
        assert after[name] == after[original]
    precision, _ = _score(after, truth)
    assert precision == 1.0


def test_reordered_paragraphs_keep_the_signature_close() -> None:
    body = " ".join(f"كلمة{i} نص{i}" for i in range(40))
    half = len(body) // 2
    cut = body.index(" ", half)
    swapped = body[cut + 1 :] + " " + body[:cut]
    a, b = signature(body), signature(swapped)
    assert similarity(a, b) >= 0.85
    assert sum(x == y for x, y in zip(bands(a), bands(b), strict=True)) >= 10


def test_short_texts_get_no_signature() -> None:
    assert signature("خبر قصير جدا") == b""
    assert bands(b"") == []
    assert shingles(fold_for_search("في من إلى على")) == set()


@pytest.mark.parametrize(
    ("body", "paragraphs", "title", "days", "same"),
    [
        (SAME_BODY, 0.0, 0.0, None, True),
        (SAME_BODY, 0.0, 0.0, 30, False),
        (0.2, SAME_PARAGRAPHS, 0.0, None, True),
        (0.2, SAME_TITLED_PARAGRAPHS, 90.0, 2, True),
        (0.2, SAME_TITLED_PARAGRAPHS, 90.0, None, False),
        (0.2, SAME_TITLED_PARAGRAPHS, 40.0, 1, False),
        (0.2, SAME_TITLED_PARAGRAPHS - 0.01, 100.0, 0, False),
    ],
)
def test_the_rule(
    body: float, paragraphs: float, title: float, days: int | None, same: bool
) -> None:
    assert same_story(body, paragraphs, title, days) is same


def test_reclean_takes_articles_out_of_their_stories(
    corpus: tuple[list[Path], dict[str, int | None]], tmp_path: Path
) -> None:
    """`khabar reclean` deletes and re-inserts articles: their stories come back the same."""
    from reader.cli import main

    paths, _ = corpus
    db = tmp_path / "k.db"
    ingest_paths(db, paths, entities=False, workers=1)
    before, _ = _groups(db)
    assert main(["--db", str(db), "reclean", "--no-entities"]) == 0
    after, _ = _groups(db)
    assert _pairs(after) == _pairs(before)
