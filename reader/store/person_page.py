"""Everything the corpus knows about one person: the data of the person page.

Spellings, mentions over time, the people named in the same articles, the
titles the corpus gives them and what they said, and their articles newest
first. Counts and the timeline come from indexed tables over every article;
roles and quotes need the bodies, so they are read from the most recent
`TEXT_ARTICLES` articles only, which keeps a page of a person named in tens of
thousands of articles as cheap as any other.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from reader.nlp.attribution import quotes, role_before
from reader.nlp.normalize import fold
from reader.store.body import article_body

TEXT_ARTICLES = 200
MAX_ARTICLES = 500
MAX_PEOPLE = 30
MAX_QUOTES = 100
WEEKS_UP_TO = 26  # a span of up to this many weeks is drawn by week, a longer one by month


@dataclass(frozen=True, slots=True)
class ArticleRef:
    id: int
    title: str
    published: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class CoPerson:
    id: int
    canonical: str
    articles: int  # articles naming both


@dataclass(frozen=True, slots=True)
class Said:
    article_id: int
    title: str
    published: str | None
    text: str
    start: int  # offsets into the article's body
    end: int


@dataclass(frozen=True, slots=True)
class Timeline:
    unit: str  # "week" | "month"
    periods: tuple[tuple[str, int], ...]  # (first day of the period, articles), gaps as 0
    first: str | None
    last: str | None
    undated: int


@dataclass(frozen=True, slots=True)
class PersonPage:
    id: int
    canonical: str
    article_count: int
    spellings: tuple[tuple[str, int], ...]
    timeline: Timeline
    people: tuple[CoPerson, ...]
    roles: tuple[tuple[str, int], ...]
    quotes: tuple[Said, ...]
    articles: tuple[ArticleRef, ...]


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def timeline(published: list[str | None]) -> Timeline:
    """Articles per week or month from the first to the last date, empty periods included."""
    days = sorted(d for p in published if p and (d := _day(p)) is not None)
    undated = len(published) - len(days)
    if not days:
        return Timeline("month", (), None, None, undated)
    first, last = days[0], days[-1]
    counts: Counter[date] = Counter()
    if (last - first).days <= WEEKS_UP_TO * 7:
        unit = "week"
        for d in days:
            counts[d - timedelta(days=d.weekday())] += 1
        start = first - timedelta(days=first.weekday())
        periods = []
        while start <= last:
            periods.append((start.isoformat(), counts[start]))
            start += timedelta(days=7)
    else:
        unit = "month"
        for d in days:
            counts[_month_start(d)] += 1
        start = _month_start(first)
        periods = []
        while start <= last:
            periods.append((start.isoformat(), counts[start]))
            start = _next_month(start)
    return Timeline(unit, tuple(periods), first.isoformat(), last.isoformat(), undated)


def person_page(conn: sqlite3.Connection, entity_id: int) -> PersonPage | None:
    row = conn.execute(
        "SELECT id, canonical, article_count FROM entities WHERE id = ? AND kind = 'PER'",
        (entity_id,),
    ).fetchone()
    if row is None:
        return None
    spellings = tuple(
        (str(s), int(c))
        for s, c in conn.execute(
            "SELECT surface, count FROM variants WHERE entity_id = ? ORDER BY count DESC, surface",
            (entity_id,),
        )
    )
    dated = conn.execute(
        "SELECT a.id, a.title, a.published, a.source FROM article_entities ae "
        "JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ? "
        "ORDER BY a.published IS NULL, a.published DESC, a.id DESC",
        (entity_id,),
    ).fetchall()
    articles = tuple(ArticleRef(int(i), str(t), p, s) for i, t, p, s in dated)
    roles, said = _roles_and_quotes(conn, entity_id, articles[:TEXT_ARTICLES])
    return PersonPage(
        id=int(row[0]),
        canonical=str(row[1]),
        article_count=len(articles),
        spellings=spellings,
        timeline=timeline([a.published for a in articles]),
        people=co_people(conn, entity_id),
        roles=roles,
        quotes=said,
        articles=articles[:MAX_ARTICLES],
    )


def co_people(conn: sqlite3.Connection, entity_id: int) -> tuple[CoPerson, ...]:
    """The people most often named in the same articles, with the number of those articles."""
    return tuple(
        CoPerson(int(i), str(c), int(n))
        for i, c, n in conn.execute(
            "SELECT e.id, e.canonical, count(*) AS n FROM article_entities mine "
            "JOIN article_entities other ON other.article_id = mine.article_id "
            "AND other.entity_id != mine.entity_id "
            "JOIN entities e ON e.id = other.entity_id AND e.kind = 'PER' "
            "WHERE mine.entity_id = ? GROUP BY e.id ORDER BY n DESC, e.article_count DESC, e.id "
            "LIMIT ?",
            (entity_id, MAX_PEOPLE),
        )
    )


def articles_with_both(conn: sqlite3.Connection, first: int, second: int) -> list[ArticleRef]:
    """The articles naming both people, newest first."""
    return [
        ArticleRef(int(i), str(t), p, s)
        for i, t, p, s in conn.execute(
            "SELECT a.id, a.title, a.published, a.source FROM article_entities x "
            "JOIN article_entities y ON y.article_id = x.article_id AND y.entity_id = ? "
            "JOIN articles a ON a.id = x.article_id WHERE x.entity_id = ? "
            "ORDER BY a.published IS NULL, a.published DESC, a.id DESC",
            (second, first),
        )
    ]


def _roles_and_quotes(
    conn: sqlite3.Connection, entity_id: int, articles: tuple[ArticleRef, ...]
) -> tuple[tuple[tuple[str, int], ...], tuple[Said, ...]]:
    roles: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    said: list[Said] = []
    for ref in articles:
        body = article_body(conn, ref.id)
        if body is None:
            continue
        own: list[tuple[int, int]] = []
        others: list[tuple[int, int]] = []
        for start, end, who in conn.execute(
            'SELECT m.start, m."end", m.entity_id FROM mentions m JOIN entities e '
            "ON e.id = m.entity_id WHERE m.article_id = ? AND e.kind = 'PER' ORDER BY m.start",
            (ref.id,),
        ):
            (own if who == entity_id else others).append((int(start), int(end)))
        for start, _ in own:
            role = role_before(body, start)
            if role:
                folded = fold(role)
                roles[folded] += 1
                shown[folded][role] += 1
        if len(said) < MAX_QUOTES:
            for quote in quotes(body, own, others):
                said.append(
                    Said(ref.id, ref.title, ref.published, quote.text, quote.start, quote.end)
                )
    ranked = tuple(
        (shown[folded].most_common(1)[0][0], count) for folded, count in roles.most_common()
    )
    return ranked, tuple(said[:MAX_QUOTES])
