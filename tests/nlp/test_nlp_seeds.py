"""Acceptance 1: the five seeds through the real ingest path against the hand-made gold."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from reader.nlp.normalize import fold_for_search


def _own_article(db: sqlite_utils.Database, name: str) -> int:
    row = db.execute(
        "SELECT id FROM articles WHERE source_path LIKE ? AND appended_to IS NULL", [f"%{name}"]
    ).fetchone()
    assert row is not None, name
    return int(row[0])


def _entities(db: sqlite_utils.Database, article_id: int, kind: str) -> dict[int, set[str]]:
    """entity id → folded surfaces of that entity's mentions in the article."""
    out: dict[int, set[str]] = {}
    for entity_id, surface in db.execute(
        "SELECT m.entity_id, m.surface FROM mentions m JOIN entities e ON e.id = m.entity_id "
        "WHERE m.article_id = ? AND e.kind = ?",
        [article_id, kind],
    ):
        out.setdefault(int(entity_id), set()).add(fold_for_search(surface))
    return out


def _person_entity(db: sqlite_utils.Database, article_id: int, variants: list[str]) -> set[int]:
    """Entities carrying a full variant; a bare one (كيم) only when no full one is there,
    since a bare كيم is rightly linked to whichever Kim was last named in full."""
    entities = _entities(db, article_id, "PER")
    for group in ([v for v in variants if " " in v], variants):
        wanted = {fold_for_search(v) for v in group}
        hits = {e for e, s in entities.items() if s & wanted}
        if hits:
            return hits
    return set()


def test_every_gold_person_is_found(seed_db: sqlite_utils.Database, gold: dict[str, Any]) -> None:
    missing = []
    for name, art in gold["articles"].items():
        article = _own_article(seed_db, name)
        for person, variants in art["persons"].items():
            if not _person_entity(seed_db, article, variants):
                missing.append((name, person))
    assert missing == []


def test_boilerplate_and_appended_persons_are_not_entities(
    seed_db: sqlite_utils.Database, gold: dict[str, Any]
) -> None:
    variants_of: dict[str, list[str]] = {}
    for art in gold["articles"].values():
        for person, variants in art["persons"].items():
            variants_of.setdefault(person, []).extend(variants)
    wrong = []
    for name, art in gold["articles"].items():
        article = _own_article(seed_db, name)
        surfaces = set().union(*_entities(seed_db, article, "PER").values())
        for raw in art.get("boilerplate_only_persons", []):
            if fold_for_search(raw) in surfaces:
                wrong.append((name, raw))
        for person in art.get("appended_article_persons", []):
            known = variants_of.get(person, [])
            if _person_entity(seed_db, article, known):
                wrong.append((name, person))
    assert wrong == []


def test_cross_article_person_sets_are_exact(
    seed_db: sqlite_utils.Database, gold: dict[str, Any]
) -> None:
    for person, expected in gold["cross_article"]["persons"].items():
        ids: set[int] = set()
        for name, art in gold["articles"].items():
            if person in art["persons"]:
                ids |= _person_entity(seed_db, _own_article(seed_db, name), art["persons"][person])
        assert len(ids) == 1, (person, ids)
        rows = seed_db.execute(
            "SELECT a.source_path FROM article_entities ae JOIN articles a ON a.id = ae.article_id "
            "WHERE ae.entity_id = ? AND a.appended_to IS NULL",
            [ids.pop()],
        ).fetchall()
        found = sorted(str(r[0]).rsplit("/", 1)[-1] for r in rows)
        assert found == sorted(expected), person


def test_distinct_pairs_stay_apart(seed_db: sqlite_utils.Database, gold: dict[str, Any]) -> None:
    def ids(person: str) -> set[int]:
        out: set[int] = set()
        for name, art in gold["articles"].items():
            if person in art["persons"]:
                out |= _person_entity(seed_db, _own_article(seed_db, name), art["persons"][person])
        return out

    for a, b in gold["cross_article"]["distinct"]:
        assert ids(a) and ids(b)
        assert not ids(a) & ids(b), (a, b)


def test_pyongyang_spellings_are_one_place(
    seed_db: sqlite_utils.Database, gold: dict[str, Any]
) -> None:
    place = gold["cross_article"]["places"]["pyongyang"]
    wanted = {fold_for_search(v) for v in place["variants"]}
    ids = set()
    for name in place["articles"]:
        for entity_id, surfaces in _entities(seed_db, _own_article(seed_db, name), "LOC").items():
            if surfaces & wanted:
                ids.add(entity_id)
    assert len(ids) == 1
    (entity_id,) = ids
    stored = {
        fold_for_search(str(r[0]))
        for r in seed_db.execute("SELECT surface FROM variants WHERE entity_id = ?", [entity_id])
    }
    assert wanted <= stored


def test_most_places_and_organisations_are_found(
    seed_db: sqlite_utils.Database, gold: dict[str, Any]
) -> None:
    listed = found = 0
    for name, art in gold["articles"].items():
        article = _own_article(seed_db, name)
        for kind, key in (("LOC", "places"), ("ORG", "organizations")):
            surfaces = set().union(*_entities(seed_db, article, kind).values())
            for item in art[key]:
                listed += 1
                found += fold_for_search(item) in surfaces
    print(f"places and organisations found: {found}/{listed}")
    assert found >= 0.8 * listed
