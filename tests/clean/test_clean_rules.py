"""One rule at a time, on small dumps written for the rule rather than copied from a seed."""

from __future__ import annotations

import pytest

from reader.clean import clean_text

HEADLINE = "وزير الخارجية يبحث مع نظيره التركي ملفات المنطقة"
P1 = "بحث وزير الخارجية اليوم مع نظيره التركي في أنقرة عددا من الملفات الإقليمية والثنائية."
P2 = "وقال الوزير في مؤتمر صحفي إن المحادثات كانت صريحة وبناءة وتناولت الوضع في المنطقة."
P3 = "وأضاف أن البلدين اتفقا على مواصلة التشاور خلال الأسابيع المقبلة على مستوى الخبراء."


def dump(*lines: str) -> str:
    return "\n".join(lines)


def reasons(text: str) -> dict[str, str]:
    return {d.text: d.reason for d in clean_text(text).dropped}


def test_plain_article_keeps_every_paragraph_in_order() -> None:
    article = clean_text(dump(HEADLINE, "", P1, "", P2, P3))
    assert article.title == HEADLINE
    assert article.body == "\n".join([P1, P2, P3])
    assert article.dropped == []


@pytest.mark.parametrize(
    "code",
    [
        '[gallery ids="1,2,3" size="large"]',
        "[covid19-card region=”SA” region-name=”السعودية” bg-color=”#0c3278″]",
        "[/caption]",
        "[ad_slot id='top']",
    ],
)
def test_shortcode_lines_are_dropped(code: str) -> None:
    article = clean_text(dump(HEADLINE, P1, code, P2))
    assert code not in article.body
    assert reasons(dump(HEADLINE, P1, code, P2))[code] == "shortcode"


def test_inline_shortcode_is_cut_from_a_paragraph() -> None:
    article = clean_text(dump(HEADLINE, '[caption id="attachment_9"]' + P1, P2))
    assert article.body.split("\n")[0] == P1


def test_an_ad_label_glued_to_a_sentence_is_cut_and_the_sentence_kept() -> None:
    article = clean_text(dump(HEADLINE, P1, "إعلان" + P2, "اعلان", P3))
    assert article.body.split("\n") == [P1, P2, P3]
    assert [d.reason for d in article.dropped] == ["ad", "ad"]


def test_words_that_start_like_the_ad_label_are_not_cut() -> None:
    line = "إعلانه عن الخطة الجديدة جاء بعد أسابيع من المشاورات مع الأطراف المعنية."
    assert clean_text(dump(HEADLINE, P1, line)).body.split("\n")[1] == line


def test_caption_repeated_with_a_credit_is_dropped_with_the_credit() -> None:
    caption = "الوزيران خلال المؤتمر الصحفي في أنقرة"
    text = dump(HEADLINE, caption, caption + " © AFP/Adem Altan", "Copyright AFP", P1, P2)
    article = clean_text(text)
    assert article.body == "\n".join([P1, P2])
    found = reasons(text)
    assert found[caption] == "caption"
    assert found["Copyright AFP"] == "copyright"


def test_first_sentence_is_the_title_when_there_is_no_headline() -> None:
    lead = (
        "أعلنت الحكومة المغربية اليوم عن خطة جديدة لدعم الفلاحين المتضررين من الجفاف، "
        "تشمل قروضا ميسرة وإعفاءات ضريبية لمدة عامين على الأقل في المناطق الأكثر تضررا."
    )
    article = clean_text(dump(lead, P2))
    assert (
        article.title
        == "أعلنت الحكومة المغربية اليوم عن خطة جديدة لدعم الفلاحين المتضررين من الجفاف"
    )
    assert article.body.split("\n")[0] == lead


def test_long_first_sentence_is_cut_at_a_word_boundary() -> None:
    lead = " ".join(["كلمة"] * 60) + "."
    title = clean_text(lead).title
    assert title.endswith("…")
    assert len(title) <= 101
    assert all(word == "كلمة" for word in title.rstrip("…").split())


def test_header_today_date_is_not_the_publication_date() -> None:
    text = dump("الأحد 12 مارس 2023 10:15 ص الرياض 31°", HEADLINE, P1, P2)
    article = clean_text(text)
    assert article.published is None
    assert reasons(text)["الأحد 12 مارس 2023 10:15 ص الرياض 31°"] == "chrome-date"


def test_bare_date_under_the_headline_is_the_publication_date() -> None:
    article = clean_text(dump(HEADLINE, "الأحد ١٢ آذار ٢٠٢٣", P1, P2))
    assert article.published == "2023-03-12"
    assert "آذار" not in article.body


def test_cued_date_beats_a_bare_one_and_update_dates() -> None:
    text = dump(HEADLINE, "آخر تحديث: 14/03/2023", "نُشر في 13 آذار 2023", P1)
    assert clean_text(text).published == "2023-03-13"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("بقلم: سارة أحمد", "سارة أحمد"),
        ("بقلم سارة أحمد", "سارة أحمد"),
        ("كتب: محمد علي", "محمد علي"),
        ("كتبت - هبة حسن | القاهرة", "هبة حسن"),
    ],
)
def test_author_lines(line: str, author: str) -> None:
    article = clean_text(dump(HEADLINE, line, P1, P2))
    assert article.author == author
    assert line not in article.body


def test_prose_starting_with_a_byline_word_is_not_an_author() -> None:
    line = "كتب الرئيس على حسابه في تويتر أن المحادثات كانت مثمرة وأن القمة ستعقد قريبا."
    article = clean_text(dump(HEADLINE, P1, line))
    assert article.author is None
    assert line in article.body


def test_page_title_suffix_gives_the_source() -> None:
    article = clean_text(dump(HEADLINE + " | صحيفة الوطن", P1, P2))
    assert (article.title, article.source) == (HEADLINE, "صحيفة الوطن")


def test_a_dash_inside_a_headline_is_not_a_site_suffix() -> None:
    headline = "لقاء بين الزعيمين في هانوي - كيم وترامب"
    article = clean_text(dump(headline, P1))
    assert (article.title, article.source) == (headline, None)


def test_source_line_wins_and_is_dropped() -> None:
    article = clean_text(dump(HEADLINE + " - موقع الخبر", P1, P2, "المصدر: وكالة الأناضول"))
    assert article.source == "وكالة الأناضول"
    assert "المصدر" not in article.body


def test_navigation_and_share_lines_are_dropped() -> None:
    chrome = [
        "Home",
        "Menu Search",
        "Sportsالرياضة",
        "تابعونا على فيسبوك",
        "شارك على واتساب",
        "Copy to clipboard",
        "الرئيسية أخبار سياسة اقتصاد",
    ]
    text = dump(*chrome, HEADLINE, P1, P2)
    article = clean_text(text)
    assert article.title == HEADLINE
    assert article.body == "\n".join([P1, P2])
    assert set(reasons(text)) == set(chrome)


def test_link_block_at_the_end_is_dropped() -> None:
    text = dump(
        HEADLINE,
        P1,
        P2,
        "الأكثر قراءة",
        "ارتفاع أسعار الذهب في الأسواق المحلية",
        "منتخب السعودية يتأهل إلى نهائي البطولة",
        "هل تنجح الوساطة في إنهاء الأزمة؟",
    )
    article = clean_text(text)
    assert article.body == "\n".join([P1, P2])
    assert set(reasons(text).values()) == {"most-read"}


def test_link_block_at_the_top_ends_where_the_article_starts() -> None:
    text = dump(
        HEADLINE,
        "قد يعجبك أيضا",
        "ارتفاع أسعار الذهب في الأسواق المحلية",
        "شارك برأيك",
        "هل تؤيد تمديد ساعات العمل في رمضان؟",
        "نعم",
        "لا",
        HEADLINE,
        "نشر في: السبت 4 فبراير 2023 - 1:00 م",
        P1,
        P2,
    )
    article = clean_text(text)
    assert article.body == "\n".join([P1, P2])
    assert article.published == "2023-02-04"
    found = reasons(text)
    assert found["هل تؤيد تمديد ساعات العمل في رمضان؟"] == "poll"
    assert found["نعم"] == "poll"


def test_section_heading_between_paragraphs_is_kept() -> None:
    article = clean_text(dump(HEADLINE, P1, "ملفات عالقة", P2, P3))
    assert article.body.split("\n") == [P1, "ملفات عالقة", P2, P3]


def test_read_also_inside_an_article_drops_its_links_and_keeps_the_rest() -> None:
    text = dump(HEADLINE, P1, "اقرأ أيضاً:", "ارتفاع أسعار الذهب في الأسواق المحلية", P2, P3)
    article = clean_text(text)
    assert article.body == "\n".join([P1, P2, P3])
    assert article.appended == []


def test_inline_read_also_headline_is_dropped() -> None:
    text = dump(HEADLINE, P1, "اقرأ ايضا: ارتفاع أسعار الذهب في الأسواق المحلية", P2)
    assert clean_text(text).body == "\n".join([P1, P2])


def test_read_also_after_the_end_starts_an_appended_article() -> None:
    second = "الذهب يرتفع إلى أعلى مستوى في شهرين"
    text = dump(
        HEADLINE,
        P1,
        P2,
        "كلمات دلالية: تركيا الخارجية أنقرة",
        "إقرأ أيضا",
        second,
        "ارتفعت أسعار الذهب اليوم إلى أعلى مستوى لها منذ شهرين مع تراجع الدولار.",
        "وقال محللون إن الطلب على الملاذات الآمنة زاد بسبب التوترات في المنطقة.",
    )
    article = clean_text(text)
    assert article.body == "\n".join([P1, P2])
    assert [a.title for a in article.appended] == [second]
    assert "الذهب" not in article.body
    assert "تركيا الخارجية" not in article.body


def test_site_cue_names_the_source() -> None:
    article = clean_text(dump(HEADLINE, P1, "اقرأ أيضا على سكاي نيوز عربية:", P2))
    assert article.source == "سكاي نيوز عربية"
    assert article.body == "\n".join([P1, P2])


@pytest.mark.parametrize(
    "text",
    ["", "\n\n  \n\t", "Loader\nFind Us\nاعلان\n[gallery ids='1']", "شارك هذا المقال"],
)
def test_no_article_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="no article"):
        clean_text(text)


def test_controls_and_bidi_marks_are_removed_from_the_body() -> None:
    article = clean_text(dump(HEADLINE, "\u202b" + P1 + "\x07\u200f", P2))
    assert article.body.split("\n")[0] == P1


def test_crlf_and_odd_spaces_are_normalised() -> None:
    article = clean_text(HEADLINE + "\r\n\r\n" + P1.replace(" ", "\u00a0 ", 2) + "\r\n" + P2)
    assert article.body == "\n".join([P1, P2])


def test_update_line_after_the_lead_does_not_end_the_article() -> None:
    text = dump(HEADLINE, P1, "آخر تحديث: 14/03/2023", P2, "ملفات عالقة", P3)
    article = clean_text(text)
    assert article.body.split("\n") == [P1, P2, "ملفات عالقة", P3]


def test_a_chain_of_appended_articles_is_bounded() -> None:
    unit = dump("المصدر: وكالة", "اقرأ أيضا", HEADLINE, P1)
    article = clean_text(dump(HEADLINE, P2, *[unit] * 12))
    depth, current = 0, article
    while current.appended:
        depth, current = depth + 1, current.appended[0]
    assert 1 <= depth <= 6
    assert any(d.reason == "appended-article" for d in current.dropped)


@pytest.mark.parametrize(
    "heading",
    [
        "شاركوا في الانتخابات بكثافة",
        "ترامب يهاجم منتقديه على تويتر",
        "صحة المرأة",
        "عاجل: زلزال يضرب تركيا",
    ],
)
def test_headings_that_mention_share_words_or_sections_are_kept(heading: str) -> None:
    assert heading in clean_text(dump(HEADLINE, P1, heading, P2)).body.split("\n")


def test_breaking_headline_is_a_title() -> None:
    assert clean_text(dump("عاجل: زلزال يضرب تركيا", P1)).title == "عاجل: زلزال يضرب تركيا"


@pytest.mark.parametrize(
    "bar", ["فيسبوك تويتر واتساب", "طباعة", "مشاركة", "واتساب | تيليجرام | تويتر"]
)
def test_share_bars_are_dropped(bar: str) -> None:
    assert reasons(dump(HEADLINE, P1, bar, P2))[bar] == "social"


def test_dateline_under_the_headline_names_the_outlet() -> None:
    text = dump(HEADLINE, "الدوحة - الجزيرة نت", "21/8/2025", "حجم الخط", "شارك", P1, P2)
    article = clean_text(text)
    assert (article.source, article.published) == ("الجزيرة نت", "2025-08-21")
    assert article.body == "\n".join([P1, P2])


def test_a_dash_heading_inside_the_body_is_not_a_dateline() -> None:
    article = clean_text(dump(HEADLINE, P1, "قمة ترامب - كيم", P2))
    assert article.body.split("\n") == [P1, "قمة ترامب - كيم", P2]
    assert article.source is None


@pytest.mark.parametrize(
    "caption",
    [
        "صورة أرشيفية للوزيرين خلال لقاء سابق",
        "الوزيران خلال لقاء سابق في أنقرة (أ ف ب)",
        "من اليمين: وزير الخارجية ونظيره التركي",
        "الوزيران في أنقرة (Getty Images)",
    ],
)
def test_captions_without_a_credit_line(caption: str) -> None:
    assert reasons(dump(HEADLINE, P1, caption, P2))[caption] == "caption"


def test_a_heading_ending_in_parentheses_is_kept() -> None:
    heading = "قمة هانوي (2019)"
    assert heading in clean_text(dump(HEADLINE, P1, heading, P2)).body.split("\n")


def test_a_repeated_paragraph_is_kept_once_but_short_repeats_stay() -> None:
    # Each short repeat sits between paragraphs: a short line after the last paragraph is
    # the line model's to judge (most often a related link), not a sub-heading.
    last = "وختم الوزير بالقول إن الزيارة المقبلة ستكون في العاصمة التركية مطلع العام."
    text = dump(HEADLINE, P1, P2, P1, "ملفات عالقة", P3, "ملفات عالقة", last)
    article = clean_text(text)
    assert article.body.split("\n") == [P1, P2, "ملفات عالقة", P3, "ملفات عالقة", last]
    assert reasons(text)[P1] == "duplicate"
