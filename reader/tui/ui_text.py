"""Every text the reader's interface says, in English and Arabic: one catalog.

The language is the setting `ui_language` when given, else the locale (LC_ALL, then
LC_MESSAGES, then LANG: Arabic when it starts with "ar"). The app picks it once at
start (`use`); widgets ask for texts when they draw them (`ui`), so nothing holds an
English string made at import. The command line stays English.

The texts themselves live in reader/tui/texts/, one module per part of the reader,
merged into the one TEXTS mapping here.

Interface texts are drawn like article text, through the display engine, but with the
interface's base direction (right to left in Arabic, left to right in English) rather
than the majority of their letters: "filter: <three Arabic names> | bidi: app" stays an
English sentence. A field from outside the catalog (a name, a path, a command) that
holds letters of the other direction is isolated (FSI ... PDI), so its neutrals
(a path's leading "/", a command's "|") stay inside it. Notices, which Textual's
toasts draw raw, go through `notice_text`. Counts are written "label: n" in Arabic,
which needs no plural agreement.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reader.render.engine import BidiMode, render_text
from reader.render.sanitize import BIDI_CONTROLS
from reader.tui.texts import KEY_TEXTS as KEY_TEXTS
from reader.tui.texts import TEXTS as TEXTS

LANGUAGES = ("en", "ar")
FSI, PDI = "\u2068", "\u2069"
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LTR_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
_CONTROL = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


_language = "en"


def language_for(setting: str | None, environ: Mapping[str, str]) -> str:
    """The interface language: the setting if given, else the first locale variable set."""
    if setting in LANGUAGES:
        return setting
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "ar" if value.lower().startswith("ar") else "en"
    return "en"


def use(language: str) -> None:
    """The language every text is given in from now on (the app calls it at start)."""
    global _language  # one interface, one language: set once per app
    _language = language if language in LANGUAGES else "en"


def language() -> str:
    return _language


def rtl() -> bool:
    """The interface's base direction: right to left in Arabic."""
    return _language == "ar"


def ui(key: str, **fields: object) -> str:
    english, arabic = TEXTS[key]
    foreign = _LTR_LETTER if _language == "ar" else _RTL_LETTER
    isolated = {
        name: f"{FSI}{value}{PDI}" if foreign.search(str(value)) else value
        for name, value in fields.items()
    }
    return (arabic if _language == "ar" else english).format(**isolated)


def has_rtl(text: str) -> bool:
    """Whether `text` has right-to-left letters, which a raw drawing would leave unshaped."""
    return _RTL_LETTER.search(text) is not None


def plain(text: str) -> str:
    """The text without its isolates, for a place that draws raw text."""
    return _CONTROL.sub("", text)


def key_text(binding_id: str | None, description: str) -> str:
    """What a binding does, for the help."""
    if _language == "ar" and binding_id in KEY_TEXTS:
        return KEY_TEXTS[binding_id]
    return description


def notice_width(screen_width: int) -> int:
    """The cells a row of Textual's toast holds: 60, at most half its rack (the screen
    less the rack's scrollbar), less padding and border, and one spare."""
    return min(60, (screen_width - 2) // 2) - 4


def notice_text(text: str, width: int, mode: BidiMode) -> str:
    """A notice as the toast should draw it: with the app's own bidi, a notice with
    right-to-left letters (Arabic, or an Arabic name in English) is shaped and ordered
    by the engine in the interface's direction (the toast would show raw logical
    text); in the other modes it is the logical text, without isolates. A line with
    no Arabic in the Arabic interface is not the catalog's (a config file's own words,
    quoted), and keeps its left-to-right order."""
    if not _RTL_LETTER.search(text) or mode is not BidiMode.APP or width < 1:
        return plain(text)
    rows = [
        row
        for line in text.split("\n")
        for row in render_text(line, width, mode, rtl=rtl() if _RTL_LETTER.search(line) else None)
    ]
    return "\n".join(row.text if row.rtl else row.text.rstrip() for row in rows)
