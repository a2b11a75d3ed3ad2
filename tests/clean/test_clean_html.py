"""HTML pages written for these tests from seed text: trafilatura plus our line rules."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.clean import clean_html


def test_news_page_with_chrome_meta_tags_and_an_ad(html_page: Callable[[str], str]) -> None:
    article = clean_html(html_page("shorouk-lavrov.html"))
    assert article.title == "زعيم كوريا الشمالية يستقبل لافروف فى بيونج يانج"
    assert article.published == "2018-05-31"
    assert article.source == "بوابة الشروق"
    assert article.url is not None and article.url.startswith("https://www.shorouknews.com/")
    assert "استقبل الزعيم الكورى الشمالى كيم جونج أون، اليوم" in article.body
    assert "ووافقت بيونج يانج على نزع الأسلحة النووية" in article.body
    for junk in [
        "الأكثر قراءة",
        "قد يعجبك أيضا",
        "شارك برأيك",
        "هل تؤيد",
        "القاهرة 24°",
        "الرئيسية",
        "Facebook",
        "جميع الحقوق محفوظة",
        "وزير المالية يعلن",
        "إعلان",
        "نشر في",
    ]:
        assert junk not in article.body, junk
    assert article.body.split("\n").count(article.title) == 0


def test_page_without_date_meta_takes_the_date_from_the_text(
    html_page: Callable[[str], str],
) -> None:
    article = clean_html(html_page("arabi21-putin-visit.html"))
    assert article.published == "2024-01-21"
    assert article.source == "عربي21"
    assert "زار بوتين كوريا الشمالية في تموز/يوليو 2000" in article.body
    assert "اتهامات لكوريا الشمالية بدعم روسيا" in article.body
    assert "روبيو" not in article.body
    assert "كلمات دلالية" not in article.body
    assert [a.title for a in article.appended] == [
        "ترامب يريد استئناف الاتصال بزعيم كوريا الشمالية"
    ]
    assert "روبيو" in article.appended[0].body


def test_undated_page_stays_undated_and_keeps_its_byline(html_page: Callable[[str], str]) -> None:
    article = clean_html(html_page("euronews-summit-undated.html"), url="https://example.org/a")
    assert article.title == "قمة بوتين وكيم: الضمانات الأمريكية لكوريا الشمالية غير كافية"
    assert article.published is None
    assert article.author == "رشيد سعيد قرني"
    assert article.source == "يورونيوز"
    assert article.url == "https://example.org/a"
    assert "وفي ثمانينات القرن الماضي" in article.body
    for junk in ["Copyright", "Loader", "اعلان", "اقرأ أيضا", "مواضيع إضافية", "Google Play"]:
        assert junk not in article.body, junk


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html><body></body></html>",
        "<html><body><nav>Home</nav></body></html>",
        "<<<>>>",
    ],
)
def test_page_without_article_raises_value_error(html: str) -> None:
    with pytest.raises(ValueError, match="no article"):
        clean_html(html)


def test_a_homepage_is_reported_as_not_an_article() -> None:
    teasers = "".join(
        f"<div><h3><a href='/a/{n}'>عنوان الخبر رقم {n} عن الأحداث</a></h3>"
        f"<p>وقال المتحدث إن الاجتماع الذي عقد اليوم في العاصمة تناول ملفات عدة {n}.</p></div>"
        for n in range(8)
    )
    page = f"<html><head><title>موقع</title></head><body><main>{teasers}</main></body></html>"
    with pytest.raises(ValueError, match="not an article"):
        clean_html(page)
