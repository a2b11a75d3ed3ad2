"""What the filters can be set to, for the command palette and saved views: the busiest
people, places and organisations, the sources, the newest date; and a name found.

Each is an indexed read (entities by kind and count, articles by source, the list
index's top), so the palette opens as fast on 100,000 articles as on five.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.kinds import Kind
from reader.store.read.session import Session
from reader.store.read.text import loose_fold

PER_KIND = 40
SOURCES = 100


@dataclass(frozen=True, slots=True)
class Choice:
    id: int
    kind: Kind
    name: str
    articles: int


@dataclass(frozen=True, slots=True)
class FilterChoices:
    entities: tuple[Choice, ...] = ()  # persons, places, organisations, the busiest first
    sources: tuple[tuple[str, int], ...] = ()  # (source, articles)
    newest: str | None = None  # the newest article's date


class Choices:
    def __init__(self, session: Session) -> None:
        self._session = session

    def choices(self) -> FilterChoices:
        with self._session.locked() as conn:
            entities = [
                Choice(int(r[0]), Kind(kind), str(r[1]), int(r[2]))
                for kind in (Kind.PER, Kind.LOC, Kind.ORG)
                for r in conn.execute(
                    "SELECT id, canonical, article_count FROM entities WHERE kind = ? "
                    "AND article_count > 0 ORDER BY article_count DESC, id LIMIT ?",
                    (kind.value, PER_KIND),
                )
            ]
            sources = conn.execute(
                "SELECT source, count(*) FROM articles INDEXED BY articles_source "
                "WHERE source IS NOT NULL GROUP BY source ORDER BY 2 DESC, 1 LIMIT ?",
                (SOURCES,),
            ).fetchall()
            newest = conn.execute("SELECT max(published) FROM articles").fetchone()[0]
        return FilterChoices(tuple(entities), tuple((str(s), int(n)) for s, n in sources), newest)

    def find_entity(self, kind: str, name: str) -> tuple[int, str] | None:
        """The entity of `kind` a view names (its canonical name or a spelling, folded as the
        people pane folds), the one in most articles if several; None when there is none."""
        wanted = loose_fold(name)
        with self._session.locked() as conn:
            row = conn.execute(
                "SELECT e.id, e.canonical FROM entities e WHERE e.kind = ? AND"
                " (khabar_loose(e.canonical) = ? OR EXISTS (SELECT 1 FROM variants v"
                " WHERE v.entity_id = e.id AND khabar_loose(v.surface) = ?))"
                " ORDER BY e.article_count DESC, e.id LIMIT 1",
                (kind, wanted, wanted),
            ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]))
