"""Choosing a headline: a page-title line with its outlet suffix, or the lead's first sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.clean import lexicon as lx

_SUFFIX = re.compile(r"^(?P<head>.+?)\s+[-|–—:]\s+(?P<site>[^-|–—:]{2,40})$")
_SENTENCE = re.compile(r"[.!؟?…]")
_COMMA = re.compile(r"[،,؛;]")
TITLE_LIMIT = 100


def split_site_suffix(
    line: str, known_lines: set[str], sitename: str | None = None
) -> tuple[str, str | None]:
    """ "Headline - Outlet" → (headline, outlet) when the tail names a site; else (line, None).

    A headline can contain a dash of its own ("قمة ترامب - كيم"), so the tail counts as an
    outlet only if it is the known site name, looks like one, or the bare headline appears
    again on its own line.
    """
    match = _SUFFIX.match(line)
    if match is None:
        return line, None
    head, site = match["head"].strip(), match["site"].strip()
    if len(site.split()) > 4 or len(head.split()) < 3:
        return line, None
    if (sitename and site.casefold() == sitename.casefold()) or head in known_lines:
        return head, site
    if lx.OUTLET_WORDS.search(site):
        return head, site
    return line, None


_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " « ", " » ")


def repeated_title(lines: Sequence[str]) -> tuple[int, int, str | None] | None:
    """A dump that opens with the page title ("headline - Outlet" or "Outlet | headline")
    and shows the headline again on its own line: (page-title line, headline line, outlet).
    The repeat is what makes this safe: a menu or ticker line is not repeated that way."""
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return None
    top = lines[first]
    if _SENTENCE.search(top[-2:]):
        return None  # a sentence repeated at the top is a teaser, not the page title
    later = {line: i for i, line in reversed(list(enumerate(lines))) if i > first and line}
    if len(top.split()) >= 3 and top in later:
        return first, later[top], None
    for separator in _SEPARATORS:
        if separator not in top:
            continue
        head, _, tail = top.partition(separator)
        left, _, right = top.rpartition(separator)
        for part, rest in ((left, right), (tail, head)):
            part = part.strip()
            if len(part.split()) >= 3 and part in later:
                return first, later[part], rest.strip() or None
    return None


def first_sentence(paragraph: str, limit: int = TITLE_LIMIT) -> str:
    """A title for a dump without a headline: the lead's first sentence, cut at a word boundary."""
    end = _SENTENCE.search(paragraph)
    sentence = (paragraph[: end.start()] if end else paragraph).strip()
    if len(sentence) <= limit:
        return sentence
    for comma in _COMMA.finditer(sentence):
        if comma.start() > limit:
            break
        if comma.start() >= 40:
            return sentence[: comma.start()].strip()
    cut = sentence[:limit]
    if " " in cut and not sentence[limit].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.strip() + "…"
