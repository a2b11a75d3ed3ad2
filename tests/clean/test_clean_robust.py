"""Odd input never crashes the cleaner: it returns an article or raises ValueError, nothing else."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.clean import CleanArticle, clean_html, clean_record, clean_text, parse_date

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
PIECES = st.sampled_from(
    [
        "اعلان",
        "إعلان",
        "اقرأ أيضا:",
        "إقرأ أيضاً على موقع",
        "الأكثر قراءة",
        "كلمات دلالية:",
        "شارك برأيك",
        "المصدر: ",
        "بقلم: ",
        "نشر في: ",
        "٢١ أيار ٢٠٢٤",
        "31/12/1999",
        "[x a=”b″]",
        "Copyright ",
        "©",
        "هل ",
        "؟",
        ".",
        "\u202b",
        "\x00",
        "\r\n",
        "\n",
        " - ",
        " | ",
        "Loader",
    ]
)
TEXT = st.lists(
    st.one_of(
        st.text(alphabet=ARABIC, max_size=40),
        st.text(max_size=40),
        PIECES,
        st.just(" "),
    ),
    max_size=60,
).map("".join)


def check(article: CleanArticle) -> None:
    assert isinstance(article.title, str)
    assert article.body
    for paragraph in article.body.split("\n"):
        assert paragraph and paragraph == paragraph.strip()
    if article.published is not None:
        assert parse_date(article.published) == article.published
    for appended in article.appended:
        check(appended)


def outcome(run: Callable[[], CleanArticle]) -> None:
    try:
        article = run()
    except ValueError as error:
        assert str(error)
        return
    check(article)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_random_text(text: str) -> None:
    outcome(lambda: clean_text(text))


@settings(max_examples=60, deadline=None)
@given(TEXT)
def test_random_html(text: str) -> None:
    outcome(lambda: clean_html(f"<html><body><article><p>{text}</p></article></body></html>"))


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(["body", "text", "title", "published", "url"]), TEXT))
def test_random_record(record: dict[str, object]) -> None:
    outcome(lambda: clean_record(record))


@given(st.text(max_size=80))
def test_random_dates(text: str) -> None:
    found = parse_date(text)
    assert found is None or len(found) == 10


@pytest.mark.timeout(120)  # a hang guard on a loaded machine, not a speed bound
def test_huge_line_is_cleaned() -> None:
    line = ("قال الوزير إن المحادثات في العاصمة كانت مثمرة " * 40_000).strip() + "."
    article = clean_text("عنوان الخبر الكبير هنا\n" + line + "\n" + "x" * 1_000_000)
    assert article.body.startswith("قال الوزير")


def test_only_blank_lines_and_controls() -> None:
    for text in ["\n" * 10_000, "\x00\x01\x02\n\u200f\n\ufeff", "\u2028\u2029\x85"]:
        outcome(lambda text=text: clean_text(text))
