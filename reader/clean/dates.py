"""Arabic and Latin publication dates to ISO 8601, across the regional month-name families.

Newsrooms write the same month as مايو (Egypt, Gulf), أيار (Levant, Iraq), ماي (Maghreb) or
in English; digits may be Arabic-Indic. Only a real calendar date is returned: a match that
is not a valid day yields nothing rather than a guess.
"""

from __future__ import annotations

import datetime as _dt
import re

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_MONTHS: dict[str, int] = {}


def _add(month: int, *names: str) -> None:
    for name in names:
        _MONTHS[name.lower()] = month


_add(1, "يناير", "كانون الثاني", "جانفي", "january", "jan")
_add(2, "فبراير", "شباط", "فيفري", "february", "feb")
_add(3, "مارس", "آذار", "اذار", "أذار", "march", "mar")
_add(4, "أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل", "april", "apr")
_add(5, "مايو", "أيار", "ايار", "ماي", "may")
_add(6, "يونيو", "يونية", "حزيران", "جوان", "june", "jun")
_add(7, "يوليو", "يولية", "تموز", "جويلية", "يوليوز", "july", "jul")
_add(8, "أغسطس", "اغسطس", "آب", "اب", "أوت", "اوت", "غشت", "august", "aug")
_add(9, "سبتمبر", "أيلول", "ايلول", "شتنبر", "september", "sep", "sept")
_add(10, "أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "october", "oct")
_add(11, "نوفمبر", "تشرين الثاني", "نونبر", "november", "nov")
_add(12, "ديسمبر", "كانون الأول", "كانون الاول", "دجنبر", "december", "dec")


_Node = dict[str, "_Node"]


def _trie(words: list[str]) -> str:
    """A regex matching exactly `words`, longest first where one is a prefix of another (so
    "تشرين الأول" wins over "تشرين" and "september" over "sep"): the same language as their
    alternation, tried one letter at a time instead of one name at a time."""
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Node) -> str:
        branches = [re.escape(char) + emit(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


_MONTH_RE = _trie(sorted(_MONTHS))
_B = r"(?<![\w])"  # word start that also works next to Arabic letters
_E = r"(?![\w])"
# An optional second name after a slash: "تشرين الأول/أكتوبر", "فبراير/ شباط".
_MONTH = rf"(?P<{{g}}>{_MONTH_RE}){_E}(?:\s*/\s*(?:{_MONTH_RE}){_E})?"

_DAY_MONTH_YEAR = re.compile(
    rf"{_B}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?:من\s+)?{_MONTH.format(g='m')},?\s+(?P<y>\d{{4}}){_E}",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"{_B}{_MONTH.format(g='m')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_E}",
    re.IGNORECASE,
)
_YEAR = re.compile(r"[0-9٠-٩۰-۹]{4}")
# Separators may be spaced ("١ / ١٢ / ٢٠٢٠"), as some sites and most editors type them.
_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})\s?[-/.]\s?(?P<m>\d{1,2})\s?[-/.]\s?(?P<d>\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s?[-/.]\s?(?P<m>\d{1,2})\s?[-/.]\s?(?P<y>\d{4})(?!\d)")
# What both numeric forms contain: a cheap test before trying either.
_NUMERIC = re.compile(r"\d\s?[-/.]\s?\d{1,2}\s?[-/.]\s?\d")
_EASTERN = re.compile("[٠-٩۰-۹]")


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII, so one set of patterns reads all three."""
    return text.translate(_DIGITS) if _EASTERN.search(text) else text


def _valid(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric(match: re.Match[str]) -> str | None:
    year, first, second = int(match["y"]), int(match["d"]), int(match["m"])
    found = _valid(year, second, first)
    if found is None and match.re is _DMY:
        # dd/mm is the Arabic convention; mm/dd only when dd/mm cannot be a date.
        found = _valid(year, first, second)
    return found


def find_date(text: str) -> tuple[str, int, int] | None:
    """The earliest valid date in text with its character span, or None."""
    if _YEAR.search(text) is None:
        return None
    plain = to_ascii_digits(text)
    best: tuple[str, int, int] | None = None
    patterns = (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO, _DMY)
    for pattern in patterns if _NUMERIC.search(plain) else patterns[:2]:
        for match in pattern.finditer(plain):
            if best is not None and match.start() >= best[1]:
                break
            if pattern in (_ISO, _DMY):
                iso = _numeric(match)
            else:
                iso = _valid(int(match["y"]), _MONTHS[match["m"].lower()], int(match["d"]))
            if iso is not None:
                best = (iso, match.start(), match.end())
                break
    return best


def parse_date(text: str) -> str | None:
    """The first valid date in text as YYYY-MM-DD, or None when there is none."""
    found = find_date(text)
    return found[0] if found else None
