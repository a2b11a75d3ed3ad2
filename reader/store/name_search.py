"""Finding a person by name, typed in Latin letters or in Arabic.

Latin text goes through the consonant-skeleton ranking of reader.nlp.latin,
with the shipped Latin spellings of prominent people as aliases; Arabic text
keeps the people pane's rule (a folded substring of any spelling), so Arabic
typing finds exactly what it always did.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from reader.nlp.latin import Candidate, NameIndex, aliases_by_key, is_latin_query
from reader.store.read.text import loose_fold


@dataclass(frozen=True, slots=True)
class Found:
    id: int
    canonical: str
    article_count: int
    score: float  # 0–100 for a Latin match; 100 for an Arabic substring match


def person_candidates(conn: sqlite3.Connection) -> tuple[list[Candidate], dict[int, str]]:
    """Every person with their spellings and any shipped Latin aliases; and their names."""
    spellings: dict[int, list[str]] = defaultdict(list)
    for entity_id, surface in conn.execute(
        "SELECT v.entity_id, v.surface FROM variants v JOIN entities e ON e.id = v.entity_id "
        "WHERE e.kind = 'PER' AND e.article_count > 0"
    ):
        spellings[int(entity_id)].append(str(surface))
    aliases = aliases_by_key()
    candidates: list[Candidate] = []
    names: dict[int, str] = {}
    for entity_id, key, canonical, count in conn.execute(
        "SELECT id, key, canonical, article_count FROM entities "
        "WHERE kind = 'PER' AND article_count > 0 ORDER BY article_count DESC, id"
    ):
        names[int(entity_id)] = str(canonical)
        forms = tuple(dict.fromkeys([str(canonical), *spellings.get(int(entity_id), [])]))
        candidates.append(Candidate(int(entity_id), int(count), forms, aliases.get(str(key), ())))
    return candidates, names


class PersonFinder:
    """The candidates and their skeleton index, built once per database state."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.candidates, self.names = person_candidates(conn)
        self.index = NameIndex(self.candidates)
        self._weights = {c.id: c.weight for c in self.candidates}

    def find(self, query: str, limit: int = 20) -> list[Found]:
        if is_latin_query(query):
            return [
                Found(m.id, self.names[m.id], self._weights[m.id], m.score)
                for m in self.index.rank(query, limit)
            ]
        needle = loose_fold(query)
        if not needle:
            return []
        out = [
            Found(c.id, self.names[c.id], c.weight, 100.0)
            for c in self.candidates
            if any(needle in loose_fold(s) for s in c.spellings)
        ]
        return out[:limit]


def find_people(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[Found]:
    """People matching `query`, best first (Latin: by skeleton fit, Arabic: most named)."""
    return PersonFinder(conn).find(query, limit)
