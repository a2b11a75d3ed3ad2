"""The person page's texts: its title, timeline, facts, list headers and key line."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "person.title": ("{name} · {count} articles", "{name} · المقالات: {count}"),
    "person.title_one": ("{name} · 1 article", "{name} · مقال واحد"),
    "person.no_dates": (
        "Mentions over time: no dates ({undated} undated)",
        "إشارات عبر الزمن: لا تواريخ (بلا تاريخ: {undated})",
    ),
    "person.weekly": ("weekly", "أسبوعيًا"),
    "person.monthly": ("monthly", "شهريًا"),
    "person.undated": (" · {undated} undated", " · بلا تاريخ: {undated}"),
    "person.timeline": (
        "Mentions over time ({unit}): {span}{undated}",
        "إشارات عبر الزمن ({unit}): {span}{undated}",
    ),
    "person.spellings": ("Spellings: {spellings}", "الكتابات: {spellings}"),
    "person.roles": ("Titles: {roles}", "الألقاب: {roles}"),
    "person.list_comma": (", ", "، "),
    "person.people": ("People in the same articles", "أشخاص في المقالات نفسها"),
    "person.quotes": ("Quotes", "أقوال"),
    "person.articles": ("Articles ({count})", "المقالات ({count})"),
    "person.articles_with": ("Articles with {name} ({count})", "المقالات مع {name} ({count})"),
    "person.keys": (
        "Esc back  Enter open  b articles with both  Tab next list",
        "Esc رجوع  Enter فتح  b المقالات مع الاثنين  Tab القائمة التالية",
    ),
}
