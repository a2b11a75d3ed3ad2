"""Orthographic folding for matching and search, never for display.

The same folding feeds the FTS index and the entity keys, so a search for
بيونغ يانغ and a person filter on كيم جونج أون see the spellings alike.
"""

from __future__ import annotations

HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
TATWEEL = "\u0640"

_LETTER_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ی": "ي",
        "ې": "ي",
        "ک": "ك",
        "گ": "ك",
        "پ": "ب",
        "چ": "ج",
        "ڤ": "ف",
        "ڨ": "ق",
        "ۀ": "ه",
        "ە": "ه",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
        "۰": "0",
        "۱": "1",
        "۲": "2",
        "۳": "3",
        "۴": "4",
        "۵": "5",
        "۶": "6",
        "۷": "7",
        "۸": "8",
        "۹": "9",
    }
)
_DROP = str.maketrans("", "", HARAKAT + TATWEEL)
_SEEN_BELOW = 0x3000


class _FoldTable(dict[int, int | str | None]):
    """Both tables in one, so a text is walked once (the letters folded are never marks).

    A character the table does not hold maps to itself: str.translate raises and
    swallows a LookupError for each such character of a plain dict, which cost more
    than the look-ups, so they are answered here and (below U+3000) kept.
    """

    def __missing__(self, code: int) -> int:
        if code < _SEEN_BELOW:
            self[code] = code
        return code


_FOLD = _FoldTable({**_DROP, **_LETTER_FOLD})


def fold(text: str) -> str:
    """Fold letters that spelling varies on; drop harakat and tatweel; lower-case Latin."""
    return text.translate(_FOLD).lower()


def fold_for_search(text: str) -> str:
    """`fold` plus collapsed white space: the form stored in and queried against FTS.

    str.split() cuts at exactly the characters the regex class \\s matches."""
    return " ".join(fold(text).split())
