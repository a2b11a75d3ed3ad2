"""Article text the real cleaner accepts, in any number of distinct copies.

A plain module, not conftest, so its name cannot collide with other rooms' conftest helpers.
"""

from __future__ import annotations

from pathlib import Path

PARAGRAPHS = (
    "قال الرئيس الروسي فلاديمير بوتين إن المحادثات مع الزعيم الكوري الشمالي كانت مفيدة"
    " للطرفين وإن التعاون بين البلدين سيستمر في المرحلة المقبلة.",
    "وأضاف في مؤتمر صحفي عقده في مدينة فلاديفوستوك أن بلاده مستعدة لدعم أي اتفاق يضمن"
    " الأمن والاستقرار في شبه الجزيرة الكورية ويخدم مصالح جميع الأطراف.",
    "وكانت بيونغ يانغ قد أعلنت في وقت سابق أن الزيارة تهدف إلى تعزيز العلاقات الثنائية"
    " وبحث القضايا الإقليمية والدولية ذات الاهتمام المشترك بين الجانبين.",
)


def article_text(number: int) -> str:
    """A headline and three body paragraphs; `number` makes each copy's content unique."""
    title = f"بوتين يستقبل وفدا كوريا شماليا في اللقاء رقم {number}"
    body = "\n\n".join(PARAGRAPHS)
    return f"{title}\n\n{body}\n\nوذكرت التقارير أن الاجتماع هو الرقم {number} هذا العام.\n"


def write_articles(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"{number:05d}.txt"
        path.write_text(article_text(number), encoding="utf-8")
        paths.append(path)
    return paths
