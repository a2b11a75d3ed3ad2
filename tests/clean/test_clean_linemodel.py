"""The line model's features, one family at a time, and the model's place in cleaning."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.clean import clean_text
from reader.clean.linemodel import line_features
from reader.clean.template import SiteTemplate

PROSE = "وقال الوزير في مؤتمر صحفي إن المحادثات كانت صريحة وبناءة وتناولت الوضع في المنطقة."
PROSE2 = "وأضاف أن البلدين اتفقا على مواصلة التشاور خلال الأسابيع المقبلة على مستوى الخبراء."


def features(*lines: str) -> list[set[str]]:
    return [set(f) for f in line_features(list(lines), [None] * len(lines))]


def test_prose_shape() -> None:
    (f,) = features(PROSE)
    assert {"prose", "end=stop", "n=9-14"} <= f
    assert "fw=hi" in f or "fw=mid" in f
    (menu,) = features("أسواق")
    assert {"n=1", "end=none", "fw=0"} <= menu and "prose" not in menu


def test_separators_digits_and_markers() -> None:
    pipe, crumb, prayer, numbered, count = features(
        "البداية | أسواق | ملاعب",
        "البداية » أسواق",
        "الفجر 4:32",
        "1. خبر من الأخبار المتداولة اليوم",
        "آراء الزوار (4)",
    )
    assert "sep=pipe" in pipe
    assert "sep=guil" in crumb
    assert {"time", "digits=hi"} <= prayer
    assert "list-mark" in numbered
    assert "count-tail" in count


def test_dates_latin_and_labels() -> None:
    date, latin, label = features("تم نشره ١٧ / ١١ / ٢٠١٩", "Follow us على", "للمزيد: خبر آخر هنا")
    assert "date" in date
    assert any(x.startswith("latin=") for x in latin)
    assert "label-colon" in label


def test_position_against_the_densest_prose_run() -> None:
    rows = features("أسواق", PROSE, PROSE2, "ملاعب")
    assert "pos=before1" in rows[0]
    assert "pos=in" in rows[1] and "pos=in" in rows[2]
    assert "pos=after1" in rows[3]
    assert {"1:prose", "2:prose"} <= rows[0]


def test_repeats_in_page_and_in_site() -> None:
    lines = ["أسواق", PROSE, "أسواق"]
    plain = line_features(lines, [None] * 3)
    assert "page-repeat" in plain[0] and "page-repeat" not in plain[1]
    assert not any(f.startswith("site=") for f in plain[0])
    site = line_features(lines, [None] * 3, [0.9, 0.0, 0.9])
    assert "site=hi" in site[0] and "site=0" in site[1]


def test_rule_verdicts_enter_as_features() -> None:
    (f,) = [set(x) for x in line_features(["الأكثر قراءة"], ["block"])]
    assert "rule=block" in f


def test_template_share_counts_other_documents_only() -> None:
    docs = [["أسواق", f"سطر خاص بالصفحة رقم {n}"] for n in range(6)]
    template = SiteTemplate.from_documents(docs)
    assert template.documents == 6
    shares = template.shares(["أسواق", "سطر خاص بالصفحة رقم 0", "جديد"])
    assert shares == [1.0, 0.0, 0.0]
    assert SiteTemplate.from_documents(docs[:2]).shares(["أسواق"]) is None


def test_an_unseen_menu_and_most_read_list_are_dropped() -> None:
    text = "\n".join(
        [
            "البداية",
            "مدونات",
            "بودكاست",
            "جاليات",
            "عنوان الخبر الرئيسي عن المحادثات اليوم",
            PROSE,
            PROSE2,
            "يتصدر اليوم",
            "خبر أول عن موضوع آخر تماما",
            "خبر ثان عن موضوع مختلف",
            "خبر ثالث عن حدث بعيد",
        ]
    )
    article = clean_text(text)
    assert article.body.split("\n") == [PROSE, PROSE2]
    assert article.title == "عنوان الخبر الرئيسي عن المحادثات اليوم"


CHROME = st.sampled_from(["البداية", "أسواق | ملاعب", "الفجر 4:32", "آراء الزوار (3)", "رد", ""])
LINE = st.one_of(CHROME, st.text(max_size=40), st.sampled_from([PROSE, PROSE2]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, max_size=25), st.sampled_from([PROSE, PROSE2]), st.integers(0, 25))
def test_never_raises_and_keeps_a_prose_paragraph(
    lines: list[str], paragraph: str, where: int
) -> None:
    lines.insert(min(where, len(lines)), paragraph)
    article = clean_text("\n".join(lines))
    assert article.body.strip()
