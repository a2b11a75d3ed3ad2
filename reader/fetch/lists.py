"""Subscription lists in and out: OPML (what every reader exports) and newsboat's `urls` file.

OPML folders become tags, as do `category` attributes; newsboat's tags stay tags and
its `~Name` token becomes the title. Entries khabar cannot fetch (newsboat's
query:, exec: and filter: feeds) are skipped and said so, never silently dropped.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

# What XML 1.0 cannot hold at all; a title carrying it (a scraper's junk) loses those characters.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Entry:
    url: str
    title: str | None = None
    tags: tuple[str, ...] = ()
    site_url: str | None = None


@dataclass(frozen=True, slots=True)
class Imported:
    entries: tuple[Entry, ...]
    skipped: tuple[str, ...]  # one line per entry left out, with why


def read_list(data: bytes) -> Imported:
    """OPML when it looks like XML, else a newsboat `urls` file."""
    head = data.lstrip()[:200].lower()
    if head.startswith((b"<?xml", b"<opml", b"\xef\xbb\xbf<")):
        return read_opml(data)
    return read_newsboat(data.decode("utf-8", errors="replace"))


def read_opml(data: bytes) -> Imported:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ValueError(f"not readable OPML ({error})") from None
    if root is None or root.find("body") is None:
        raise ValueError("not OPML: no <body>")
    entries: list[Entry] = []
    skipped: list[str] = []
    _walk(root.find("body"), (), entries, skipped)
    return Imported(tuple(entries), tuple(skipped))


def _walk(
    node: etree._Element, folders: tuple[str, ...], entries: list[Entry], skipped: list[str]
) -> None:
    for outline in node.iterfind("outline"):
        name = (outline.get("title") or outline.get("text") or "").strip() or None
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url:
            if len(outline):
                _walk(outline, (*folders, name) if name else folders, entries, skipped)
            elif name:
                skipped.append(f"{name}: no xmlUrl")
            continue
        categories = [
            part.strip().strip("/")
            for part in (outline.get("category") or "").split(",")
            if part.strip().strip("/")
        ]
        tags = tuple(dict.fromkeys([*folders, *categories]))
        site = (outline.get("htmlUrl") or "").strip() or None
        if name == url:  # OPML wants a text; an untitled feed is written with its address
            name = None
        if not url.startswith(("http://", "https://")):
            skipped.append(f"{url}: not an http(s) address")
            continue
        entries.append(Entry(url, name, tags, site))


def read_newsboat(text: str) -> Imported:
    entries: list[Entry] = []
    skipped: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            tokens = shlex.split(line, comments=True)
        except ValueError as error:
            skipped.append(f"line {number}: {error}")
            continue
        if not tokens:
            continue
        url, rest = tokens[0], tokens[1:]
        if url.startswith(("query:", "exec:", "filter:")):
            skipped.append(f"line {number}: {url.split(':', 1)[0]}: feeds are newsboat's own")
            continue
        if not url.startswith(("http://", "https://")):
            skipped.append(f"line {number}: {url}: not an http(s) address")
            continue
        titles = [t[1:] for t in rest if t.startswith("~") and len(t) > 1]
        tags = tuple(t.lstrip("!") for t in rest if not t.startswith("~") and t.lstrip("!"))
        entries.append(Entry(url, titles[0] if titles else None, tags))
    return Imported(tuple(entries), tuple(skipped))


def write_opml(entries: Iterable[Entry], title: str = "khabar feeds") -> bytes:
    opml = etree.Element("opml", version="2.0")
    head = etree.SubElement(opml, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(opml, "body")
    for entry in entries:
        outline = etree.SubElement(body, "outline", type="rss")
        name = entry.title or entry.url
        outline.set("text", _xml(name))
        outline.set("title", _xml(name))
        outline.set("xmlUrl", _xml(entry.url))
        if entry.site_url:
            outline.set("htmlUrl", _xml(entry.site_url))
        if entry.tags:
            outline.set("category", _xml(",".join(entry.tags)))
    result: bytes = etree.tostring(opml, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return result


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)


def write_newsboat(entries: Sequence[Entry]) -> str:
    lines = []
    for entry in entries:
        tokens = [entry.url, *(_quote(t) for t in entry.tags)]
        if entry.title:
            tokens.append(_quote("~" + entry.title, always=True))  # newsboat's own style
        lines.append(" ".join(tokens))
    return "".join(line + "\n" for line in lines)


def _quote(token: str, *, always: bool = False) -> str:
    if not always and token and not any(c.isspace() or c in "\"'\\#" for c in token):
        return token
    return '"' + token.replace("\\", "\\\\").replace('"', '\\"') + '"'
