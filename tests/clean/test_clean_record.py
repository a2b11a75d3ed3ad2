"""JSON-lines records: the record's fields are metadata, its body a dump or an HTML page."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.clean import clean_record

BODY = (
    "بحث وزير الخارجية اليوم مع نظيره التركي في أنقرة عددا من الملفات الإقليمية والثنائية.\n"
    "اعلان\n"
    "وقال الوزير في مؤتمر صحفي إن المحادثات كانت صريحة وبناءة وتناولت الوضع في المنطقة.\n"
    "المصدر: الأناضول"
)


def test_record_fields_win_and_body_is_cleaned() -> None:
    article = clean_record(
        {
            "title": "وزير الخارجية في أنقرة",
            "body": BODY,
            "url": "https://example.org/x",
            "published": "١٠/٠٣/٢٠٢٣",
        }
    )
    assert article.title == "وزير الخارجية في أنقرة"
    assert article.published == "2023-03-10"
    assert article.url == "https://example.org/x"
    assert article.source == "الأناضول"
    assert article.body.count("\n") == 1
    assert "اعلان" not in article.body


def test_text_field_and_first_sentence_title() -> None:
    article = clean_record({"text": BODY})
    assert article.title.startswith("بحث وزير الخارجية اليوم")
    assert article.published is None


def test_unparsable_published_is_not_invented() -> None:
    assert clean_record({"body": BODY, "published": "yesterday"}).published is None


def test_record_body_in_html(html_page: Callable[[str], str]) -> None:
    article = clean_record({"body": html_page("shorouk-lavrov.html"), "title": "عنوان السجل"})
    assert article.title == "عنوان السجل"
    assert article.published == "2018-05-31"


@pytest.mark.parametrize(
    "record",
    [{}, {"title": "عنوان"}, {"body": ""}, {"body": 42}, {"text": None}, {"body": "   "}],
)
def test_record_without_usable_body_raises(record: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="body"):
        clean_record(record)
