"""Choosing a headline: a page-title line with its outlet suffix, or the lead's first sentence."""

from __future__ import annotations

import re

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
