"""A story's body: the longest version, then only what the others add, with its source."""

from __future__ import annotations

from reader.kinds import Kind
from reader.store.read.rows import Article, Mention
from reader.store.read.story import ADDED, compose

LEDE = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية المتضررة من الجفاف"
MIDDLE = "وقال وزير الزراعة إن الخطة تشمل قروضا ميسرة وبذورا محسنة وشبكات ري حديثة للقرى"
PARAPHRASE = "وقال وزير الزراعة إن الخطة تتضمن قروضا ميسرة وبذورا محسنة وشبكات ري حديثة للقرى"
NEW = "وأضاف المتحدث أن البرلمان سيناقش الميزانية الإضافية الأسبوع المقبل بحضور الخبراء"


def _article(article_id: int, body: str, source: str) -> Article:
    return Article(
        article_id, f"عنوان {article_id}", body, "2024-01-02", None, source, None, False, False, 0
    )


def test_the_longest_version_then_only_new_paragraphs_with_their_source() -> None:
    longest = _article(1, f"{LEDE}\n{MIDDLE}\nسطر", "وكالة")
    rewrite = _article(2, f"{LEDE}\n{PARAPHRASE}", "صحيفة")
    adds = _article(3, f"{PARAPHRASE}\n{NEW}", "إذاعة")
    at = adds.body.index("البرلمان")
    mentions = {3: [Mention(at, at + len("البرلمان"), Kind.ORG, 7)]}
    story, shown = compose(rewrite, [rewrite, longest, adds], mentions)
    assert story.id == 2 and story.members == (1, 2, 3)
    assert story.body == f"{longest.body}\n{ADDED}\nمن إذاعة: {NEW}"
    assert story.source == "وكالة، صحيفة، إذاعة"
    assert [story.body[m.start : m.end] for m in shown] == ["البرلمان"]


def test_a_story_whose_versions_add_nothing_is_its_longest_version() -> None:
    longest = _article(1, f"{LEDE}\n{MIDDLE}", "وكالة")
    story, _ = compose(longest, [longest, _article(2, PARAPHRASE, "صحيفة")], {})
    assert story.body == longest.body and ADDED not in story.body
