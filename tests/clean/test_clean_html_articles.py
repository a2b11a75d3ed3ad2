"""A page with two full articles gives two; related-story cards stay out.

Before: trafilatura's single main text kept the first `<article>` and the second was
dropped without a word.
"""

from __future__ import annotations

from reader.clean import clean_html

FIRST = (
    "قال الرئيس الروسي فلاديمير بوتين إن المحادثات مع الزعيم الكوري الشمالي كانت مفيدة"
    " للطرفين وإن التعاون بين البلدين سيستمر في المرحلة المقبلة.",
    "وأضاف في مؤتمر صحفي عقده في مدينة فلاديفوستوك أن بلاده مستعدة لدعم أي اتفاق يضمن"
    " الأمن والاستقرار في شبه الجزيرة الكورية ويخدم مصالح جميع الأطراف.",
    "وكانت بيونغ يانغ قد أعلنت في وقت سابق أن الزيارة تهدف إلى تعزيز العلاقات الثنائية"
    " وبحث القضايا الإقليمية والدولية ذات الاهتمام المشترك بين الجانبين.",
)
SECOND = (
    "أعلنت وزارة الزراعة في المغرب أن محصول القمح هذا الموسم سيتجاوز التوقعات بفضل"
    " الأمطار الغزيرة التي شهدتها البلاد خلال فصل الشتاء الماضي.",
    "وأوضح المتحدث باسم الوزارة أن المساحات المزروعة ارتفعت بنسبة كبيرة مقارنة بالعام"
    " الماضي وأن الفلاحين استفادوا من برامج الدعم الحكومية الجديدة.",
    "ومن المنتظر أن تنخفض واردات الحبوب في الأشهر المقبلة مما سيخفف الضغط على الميزان"
    " التجاري ويحد من ارتفاع الأسعار في الأسواق المحلية.",
)
TITLE_1 = "بوتين يستقبل وفدا كوريا شماليا في موسكو"
TITLE_2 = "المغرب يتوقع محصولا قياسيا من القمح"


def _article(title: str, paragraphs: tuple[str, ...], heading: str = "h1") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<article><{heading}>{title}</{heading}>{body}</article>"


def _page(*articles: str, extra: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'>"
        f"<title>{TITLE_1} - الموقع</title></head><body><main>{''.join(articles)}</main>"
        f"{extra}</body></html>"
    )


def _bodies(html: str) -> list[tuple[str, str]]:
    article = clean_html(html)
    return [(a.title, a.body) for a in (article, *article.appended)]


def test_a_second_article_is_its_own_article() -> None:
    found = _bodies(_page(_article(TITLE_1, FIRST), _article(TITLE_2, SECOND, "h2")))
    assert [title for title, _ in found] == [TITLE_1, TITLE_2]
    assert found[0][1] == "\n".join(FIRST)
    assert found[1][1] == "\n".join(SECOND)


def test_whichever_article_trafilatura_takes_each_is_kept_once() -> None:
    longer = (*SECOND, *SECOND[::-1])
    found = _bodies(_page(_article(TITLE_1, FIRST), _article(TITLE_2, longer, "h2")))
    bodies = [body for _, body in found]
    assert len(found) == 2
    assert sum(FIRST[0] in body for body in bodies) == 1
    assert sum(SECOND[0] in body for body in bodies) == 1


def test_related_cards_are_not_articles() -> None:
    cards = "".join(
        f"<article class='card'><h3><a href='/{n}'>خبر ذو صلة رقم {n}</a></h3>"
        f"<p>سطر قصير يلخص الخبر رقم {n}.</p></article>"
        for n in range(4)
    )
    found = _bodies(_page(_article(TITLE_1, FIRST), extra=f"<aside>{cards}</aside>"))
    assert len(found) == 1 and found[0][1] == "\n".join(FIRST)
