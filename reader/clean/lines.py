"""Rules that judge one line on its own: prose or not, and which kind of boilerplate.

Context (blocks after a cue, the headline, what comes after the article's end) lives in
`text.py`; everything here looks at a single normalised line, so it stays cheap and testable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

from reader import arabic
from reader.clean import lexicon as lx
from reader.clean.dates import find_date, to_ascii_digits
from reader.clean.reasons import Reason

_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\ufffe]"
)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000]+")
_CLOSERS = "\"'”’»)] "
_SENTENCE_STOPS = frozenset(".!؟?…:؛")
_STATEMENT_STOPS = frozenset(".!…")
_SHORTCODE_LINE = re.compile(r"^(?:\[/?[A-Za-z][\w-]*(?:\s[^\[\]]*)?\]\s*)+$")
_SHORTCODE_INLINE = re.compile(r"\[/?[A-Za-z][\w-]*(?:\s+[\w-]+\s*=\s*[^\[\]]*)?\]")
_ARABIC = re.compile(f"[{arabic.BLOCKS}]")
_LATIN = re.compile(r"[A-Za-z]")
_ASCII_LETTER = re.compile(rb"[A-Za-z]")
_SCRIPT_GLUE = re.compile(r"[A-Za-z][\u0621-\u064a]|[\u0621-\u064a][A-Za-z]")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_DATE_NOISE = re.compile(
    r"\b(?:gmt|utc|am|pm)\b|[+-]\d{2}:?\d{2}\b|(?<!\w)[صم](?!\w)|[|\-–—/,،:•·()]",
    re.IGNORECASE,
)
_SAMPLE = 1500
_WEATHER = re.compile(r"°|درجة\s+مئوية|℃")
_GLUED_OPENER = re.compile(
    r"^(?P<head>[\u0621-\u064a]{2,}?)(?P<opener>"
    + "|".join(sorted(lx.GLUED_OPENERS, key=len, reverse=True))
    + r")$"
)


def normalise(line: str) -> str:
    """One line with controls and bidi marks removed and runs of spaces collapsed."""
    if line.isprintable() and "  " not in line:
        return line.strip()
    line = _CONTROLS.sub("", line)
    return _SPACES.sub(" ", line).strip()


def _ends_with(line: str, stops: frozenset[str]) -> bool:
    """Whether the line ends with one of `stops`, closing quotes and brackets aside; checked
    from the end so a long paragraph costs no scan."""
    tail = line.rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in stops


def ends_sentence(line: str) -> bool:
    return _ends_with(line, _SENTENCE_STOPS)


def strip_inline_shortcodes(line: str) -> str:
    return _SPACES.sub(" ", _SHORTCODE_INLINE.sub("", line)).strip() if "[" in line else line


def function_density(words: list[str]) -> float:
    """Share of particles and pronouns: high in running prose, low in menus and headline lists."""
    if not words:
        return 0.0
    return sum(1 for w in words if w in lx.FUNCTION_WORDS) / len(words)


def is_prose(line: str, words: list[str] | None = None) -> bool:
    """A body sentence: it ends like a sentence, or is long and dense with function words."""
    words = line.split() if words is None else words
    if len(words) >= 5 and ends_sentence(line):
        return True
    return len(words) >= 15 and function_density(words) >= 0.12


def is_statement(line: str, words: list[str] | None = None) -> bool:
    """Prose that ends with a full stop: what ends a block of links (whose titles may ask ?)."""
    words = line.split() if words is None else words
    if len(words) >= 5 and _ends_with(line, _STATEMENT_STOPS):
        return True
    return len(words) >= 15 and function_density(words) >= 0.12


def is_arabic_text(text: str) -> bool:
    """Arabic letters at least as many as Latin ones; counting stops once that is settled.
    Latin letters are ASCII, so they are counted in the text's ASCII part alone."""
    latin = len(_ASCII_LETTER.findall(text.encode("ascii", "ignore")))
    if latin == 0:
        return True
    return next(islice(_ARABIC.finditer(text), latin - 1, None), None) is not None


def is_arabic_sample(text: str) -> bool:
    """The document's script from its start: Arabic when Arabic letters outnumber Latin ones."""
    return is_arabic_text(text[:_SAMPLE])


def mostly_latin(line: str) -> bool:
    return not is_arabic_text(line)


def has_weather(line: str) -> bool:
    return _WEATHER.search(line) is not None


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a single line is; `reason` None means body text (prose or heading)."""

    reason: Reason | None
    value: str | None = None


BODY = Verdict(None)


def _clean_value(value: str) -> str | None:
    value = re.split(r"\s+[|•·–—-]\s+|[|•،,]", value, maxsplit=1)[0]
    value = value.strip(" :：.-–—•")
    return value or None


def author_name(text: str) -> str | None:
    """A by-line reduced to the name: "بقلم: رشيد سعيد قرني" → "رشيد سعيد قرني"."""
    text = normalise(text)
    match = lx.AUTHOR.match(text)
    return _clean_value(match["value"] if match else text)


_Dated = Callable[[str], tuple[str, int, int] | None]


def _metadata(line: str, words: list[str], dated: _Dated) -> Verdict | None:
    if len(words) > 24:
        return None
    match = lx.SOURCE.match(line)
    if match:
        value = _clean_value(match["value"])
        if value and len(value.split()) <= 6:
            return Verdict(Reason.SOURCE, value)
    if lx.SOURCES_EXTRA.match(line):
        return Verdict(Reason.SOURCES)
    match = lx.AUTHOR.match(line)
    if match and len(words) <= 9 and not _ends_with(line, _STATEMENT_STOPS):
        value = _clean_value(match["value"])
        if value and len(value.split()) <= 6 and not re.search(r"\d", value):
            return Verdict(Reason.AUTHOR, value)
    head = line[:40]
    if lx.DATE_CUE_WORD.search(head) is None:
        return None
    cue = lx.PUBLISHED_CUE.search(head)
    if cue:
        found = find_date(line[cue.end() :])
        if found:
            return Verdict(Reason.PUBLISHED, found[0])
    if lx.UPDATED_CUE.search(head) and dated(line):
        return Verdict(Reason.METADATA)
    return None


def _date_line(line: str, dated: _Dated) -> Verdict | None:
    """A line that is a date and little else; residual words (a city) mark header chrome."""
    if len(line) > 90:
        return None
    found = dated(line)
    if found is None:
        return None
    plain = to_ascii_digits(line)
    rest = plain[: found[1]] + " " + plain[found[2] :]
    rest = _DATE_NOISE.sub(" ", _TIME.sub(" ", lx.WEEKDAYS.sub(" ", rest)))
    residue = rest.split()
    if len(residue) > 4:
        return None
    chrome = bool(residue) or has_weather(line)
    return Verdict(Reason.CHROME_DATE if chrome else Reason.DATE_LINE, found[0])


def _credit(line: str) -> Verdict | None:
    if lx.RIGHTS.search(line):
        return Verdict(Reason.COPYRIGHT)
    if lx.CAPTION_START.match(line) or (line.endswith(")") and lx.CAPTION_AGENCY.search(line)):
        return Verdict(Reason.CAPTION)
    match = lx.CREDIT.search(line)
    if match is None:
        return None
    caption = line[: match.start()].strip()
    return Verdict(Reason.CAPTION, caption) if caption else Verdict(Reason.COPYRIGHT)


def _dateline(line: str, words: list[str]) -> Verdict | None:
    """A city and an outlet under the headline; `text.py` decides by position whether it is one."""
    if len(words) > 6:
        return None
    match = lx.DATELINE.match(line)
    return Verdict(Reason.DATELINE, match["outlet"].strip()) if match else None


def _chrome(line: str, words: list[str], arabic_doc: bool) -> Verdict | None:
    if len(words) <= 4 and line.strip(" :.") in lx.UI_LINES:
        return Verdict(Reason.SOCIAL)
    if len(words) <= 12 and lx.SHARE_CUES.search(line):
        return Verdict(Reason.SOCIAL)
    platforms = lx.PLATFORMS.findall(line) if len(words) <= 12 else []
    if platforms and (len(words) <= 3 or len(platforms) * 2 >= len(words)):
        return Verdict(Reason.SOCIAL)
    if mostly_latin(line) and len(words) <= 12:
        if lx.LATIN_CHROME.search(line):
            return Verdict(Reason.SOCIAL)
        if arabic_doc:
            return Verdict(Reason.NAVIGATION)
    if len(words) <= 12 and lx.LATIN_CHROME.search(line) and _SCRIPT_GLUE.search(line):
        return Verdict(Reason.SOCIAL)
    if len(words) <= 3 and _SCRIPT_GLUE.search(line):
        return Verdict(Reason.NAVIGATION)
    if 3 <= len(words) <= 12:
        sections = sum(1 for w in words if w in lx.SECTION_WORDS)
        if sections and sections * 5 >= len(words) * 3:
            return Verdict(Reason.NAVIGATION)
    return None


def classify(
    line: str,
    arabic_doc: bool = True,
    words: list[str] | None = None,
    dated: _Dated = find_date,
) -> Verdict:
    """The kind of a normalised, non-empty line, judged without its neighbours; `words` is
    its split and `dated` its date finder (a page's memo of `find_date`) when the caller has
    them."""
    if _SHORTCODE_LINE.match(line):
        return Verdict(Reason.SHORTCODE)
    stripped = line.strip(" .:：-–—|•")
    if lx.AD.match(stripped):
        return Verdict(Reason.AD)
    if lx.TAGS.match(line):
        return Verdict(Reason.TAGS)
    match = lx.READ_ALSO.match(line)
    if match:
        site = (match["site"] or "").strip()
        if site and len(site.split()) <= 4:
            return Verdict(Reason.READ_ALSO, site)
        return Verdict(Reason.READ_ALSO_ITEM if match["rest"] else Reason.READ_ALSO)
    words = line.split() if words is None else words
    if len(words) <= 6:
        for pattern, reason in lx.BLOCK_CUES:
            if pattern.match(line):
                return Verdict(Reason.BLOCK, reason)
        if lx.POLL_CUE.match(line):
            return Verdict(Reason.BLOCK, Reason.POLL)
    meta = _metadata(line, words, dated)
    if meta is not None:
        return meta
    if not (len(words) >= 5 and ends_sentence(line)):
        found = (
            _date_line(line, dated)
            or _credit(line)
            or _chrome(line, words, arabic_doc)
            or _dateline(line, words)
        )
        if found is not None:
            return found
    elif len(words) <= 20 and lx.RIGHTS.search(line):
        return Verdict(Reason.COPYRIGHT)
    return BODY


def split_glued(line: str, prose: Callable[[str], bool] = is_prose) -> tuple[str | None, list[str]]:
    """Undo two scraping accidents: an ad label run into a sentence ("إعلانوالأسبوع"), and a
    sub-heading run into the next sentence ("إطراء متبادلوكان"). Returns the removed ad label
    (if any) and the line as one or two paragraphs."""
    label: str | None = None
    match = lx.AD_GLUED.match(line) if line[:1] in "اإAa" else None
    if match and prose(line):
        label = match["label"]
        line = line[match.end() :].lstrip()
    if not prose(line):
        return label, [line]
    words = line.split(" ", 7)
    for index, word in enumerate(words[:6]):
        glued = _GLUED_OPENER.match(word) if "و" in word[2:] else None
        if glued is None:
            continue
        heading = " ".join([*words[:index], glued["head"]])
        rest = " ".join([glued["opener"], *words[index + 1 :]])
        if unicodedata.category(heading[-1]).startswith("L"):
            return label, [heading, rest]
    return label, [line]
