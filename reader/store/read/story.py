"""A story's body: its longest version, then what the other versions add, each with its source.

Rewrites of one wire story repeat most of it; a reader wants it once, and the
facts only some sources carry. A paragraph of another version is new when few
of its word pairs (the grouping's own shingles) are in the longest version or
in a paragraph already added (a paraphrase keeps most of them); short lines
(datelines, share lines) are left out. The mentions of the added paragraphs
move with them, so entity colours and jumps work on the whole story.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reader.kinds import kind_order
from reader.nlp.normalize import fold_for_search
from reader.store.read.articles import Articles
from reader.store.read.rows import Article, EntityCount, Mention
from reader.store.read.session import Session
from reader.store.story_sign import shingles

ADDED = "ما تضيفه المصادر الأخرى"
NEW_SHARE = 0.3  # a paragraph is new when fewer than this share of its word pairs are known
MIN_PAIRS = 2
MAX_MEMBERS = 12  # versions read for one body, the oldest first: a row's body stays quick to open


@dataclass(frozen=True, slots=True)
class Addition:
    """A paragraph of another version that the longest one does not tell."""

    article_id: int
    source: str
    start: int  # where the paragraph starts in its own article's body
    text: str


def _paragraphs(body: str) -> list[tuple[int, str]]:
    out, at = [], 0
    for line in body.split("\n"):
        if line.strip():
            out.append((at, line))
        at += len(line) + 1
    return out


def _pairs(text: str) -> set[bytes]:
    return shingles(fold_for_search(text))


def additions(longest: Article, others: list[Article]) -> list[Addition]:
    """The paragraphs of `others` (in their order) that `longest` and earlier additions lack."""
    known: set[bytes] = _pairs(longest.body)
    found: list[Addition] = []
    for other in others:
        for start, text in _paragraphs(other.body):
            pairs = _pairs(text)
            if len(pairs) < MIN_PAIRS or len(pairs & known) >= NEW_SHARE * len(pairs):
                continue
            known |= pairs
            found.append(Addition(other.id, other.source or "", start, text))
    return found


def compose(
    row: Article, versions: list[Article], mentions: dict[int, list[Mention]]
) -> tuple[Article, list[Mention]]:
    """The story's body for the list row `row` (whose marks it keeps) from its `versions`."""
    longest = max(versions, key=lambda a: (len(a.body), -a.id))
    others = [v for v in versions if v.id != longest.id]
    added = additions(longest, others)
    body = longest.body
    shown = list(mentions.get(longest.id, []))
    if added:
        body += f"\n{ADDED}"
        for paragraph in added:
            prefix = f"\nمن {paragraph.source}: " if paragraph.source else "\n"
            shift = len(body) + len(prefix) - paragraph.start
            end = paragraph.start + len(paragraph.text)
            shown += [
                replace(m, start=m.start + shift, end=m.end + shift)
                for m in mentions.get(paragraph.article_id, [])
                if paragraph.start <= m.start and m.end <= end
            ]
            body += prefix + paragraph.text
    names = list(dict.fromkeys(v.source for v in [longest, *others] if v.source))
    story = replace(
        row,
        title=longest.title,
        body=body,
        published=longest.published,
        author=longest.author,
        source="، ".join(names) or None,
        url=longest.url,
        members=tuple(sorted(v.id for v in versions)),
    )
    return story, shown


class Stories:
    """The reader's room for stories: a story's body, and its articles' entities."""

    def __init__(self, session: Session, articles: Articles) -> None:
        self._session = session
        self._articles = articles

    def members(self, article_id: int) -> list[int]:
        """The articles of the article's story, oldest first ([] when it is in none)."""
        with self._session.locked() as conn:
            return [
                int(r[0])
                for r in conn.execute(
                    "SELECT o.article_id FROM story_members m JOIN story_members o "
                    "ON o.story_id = m.story_id WHERE m.article_id = ? "
                    "ORDER BY o.article_id LIMIT ?",
                    (article_id, MAX_MEMBERS),
                )
            ]

    def story(self, article_id: int) -> tuple[Article, list[Mention], list[EntityCount]] | None:
        """The body of the story listed under `article_id`, as the body pane shows one."""
        row = self._articles.article(article_id)
        if row is None:
            return None
        versions = [row]
        for member in self.members(article_id):
            if member != article_id and (found := self._articles.article(member)) is not None:
                versions.append(found)
        mentions = {v.id: self._articles.mentions(v.id) for v in versions}
        story, shown = compose(row, versions, mentions)
        counts: dict[int, int] = {}
        for mention in shown:
            counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
        known = {e.id: e for v in versions for e in self._articles.article_entities(v.id)}
        entities = [replace(known[i], mentions=n) for i, n in counts.items() if i in known]
        entities.sort(key=lambda e: (kind_order(e.kind), -e.mentions, e.canonical))
        return story, sorted(shown, key=lambda m: m.start), entities
