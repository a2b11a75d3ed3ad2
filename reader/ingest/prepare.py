"""The worker side of ingest: one file in, records for the writer out.

Runs in the process pool, so everything here is CPU work with no database
writes: read, hash, decode, clean, extract entities. A file that was already
ingested is recognised by its hash before any cleaning is spent on it.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reader.clean.template import SiteTemplate, site_key
from reader.ingest import read_once
from reader.ingest.decode import Decoded, decode, read_bytes, refuse_non_text
from reader.kinds import Kind
from reader.marks import cap_marks
from reader.store.records import (
    ArticleRow,
    DocumentRow,
    Duplicate,
    Failure,
    MentionRow,
    Outcome,
)

if TYPE_CHECKING:
    from reader.clean import CleanArticle

HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
TEXT_SUFFIXES = frozenset({".txt"})
SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES


class MentionLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def key(self) -> str: ...


Extractor = Callable[[str], Sequence[MentionLike]]


@dataclass(frozen=True, slots=True)
class Options:
    """What every worker needs; pickled once per batch, so keep it small."""

    db_path: str | None
    extractor: Extractor | None
    # Site templates by reader.clean.template.site_key: what a text dump is cleaned with.
    templates: Mapping[str, SiteTemplate] = field(default_factory=dict)


# Entity work per article is bounded: an article longer than this has its entities
# taken from its first part only (cut at a space), and no article keeps more mentions
# than MAX_MENTIONS, so one hostile file cannot hold a worker for minutes.
MAX_ENTITY_CHARS = 200_000
MAX_MENTIONS = 20_000

_known: dict[str, sqlite3.Connection] = {}


class Stopped(Exception):
    """The run was asked to stop; the file is left for the next run."""


def never() -> bool:
    return False


_should_stop: Callable[[], bool] = never


def stop_when(check: Callable[[], bool]) -> None:
    """Let `check` end the work between stages (read, clean, entities) and between files:
    a stage is bounded, so a stop takes effect within one stage instead of one batch."""
    global _should_stop
    _should_stop = check


def _checkpoint() -> None:
    if _should_stop():
        raise Stopped


def prepare_batch(paths: Sequence[str], options: Options) -> list[list[Outcome]]:
    """Outcomes of the files in order, ending early (shorter) when the run stops."""
    out: list[list[Outcome]] = []
    for p in paths:
        try:
            out.append(prepare_file(Path(p), options))
        except Stopped:
            break
    return out


def stored_name(path: Path) -> str:
    """The path as the database keeps it: as given when it is UTF-8, else with each byte
    that is not as \\xNN (the bytes are all still there); a lone surrogate from
    surrogateescape cannot be written to SQLite and would roll back the whole batch."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def prepare_file(path: Path, options: Options) -> list[Outcome]:
    """Every outcome of one file: one for a page or dump, one per line of a .jsonl."""
    shown = stored_name(path)
    known = read_once.take(path)
    if known is not None:
        return prepare_data(path, b"", options, known)
    try:
        data = read_bytes(path)
    except ValueError as exc:
        return [Failure(shown, _one_line(exc))]
    except Exception as exc:  # one broken file must never end the whole run
        return [Failure(shown, f"internal error: {type(exc).__name__}: {_one_line(exc)}")]
    return prepare_data(path, data, options)


def prepare_data(
    path: Path, data: bytes, options: Options, known: tuple[str, Decoded] | None = None
) -> list[Outcome]:
    """The outcomes of a document already read: `path` names it and says its kind.
    `known` is its hash and decoded text when the first pass kept them (`data` unused)."""
    shown = stored_name(path)
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            return list(_prepare_jsonl(path, data, options))
        sha = hashlib.sha256(data).hexdigest() if known is None else known[0]
        if _already_stored(sha, options):
            return [Duplicate(shown)]
        decoded = decode(data) if known is None else known[1]
        _checkpoint()
        kind = _kind(path, decoded.text)
        template = None
        if kind == "txt" and options.templates:
            template = options.templates.get(site_key(shown, decoded.text))
        article = clean_document(kind, decoded.text, template)
        _checkpoint()
        return [
            _document(
                shown,
                shown,
                sha,
                kind,
                decoded.encoding,
                decoded.text,
                article,
                options,
                decoded.notes,
            )
        ]
    except Stopped:
        raise
    except ValueError as exc:
        return [Failure(shown, _one_line(exc))]
    except Exception as exc:  # one broken file must never end the whole run
        return [Failure(shown, f"internal error: {type(exc).__name__}: {_one_line(exc)}")]


def _jsonl_lines(data: bytes) -> Iterator[tuple[int, str | None]]:
    """(number, text) of each line; text is None for a line that is not UTF-8.

    JSON lines are UTF-8 (RFC 8259), so each line is decoded on its own: one bad line
    must not refuse the file. Only a file with NUL bytes (UTF-16, say) is decoded whole.
    """
    refuse_non_text(data)
    if b"\x00" in data and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield from enumerate(decode(data).text.split("\n"), start=1)
        return
    for number, raw in enumerate(data.removeprefix(codecs.BOM_UTF8).split(b"\n"), start=1):
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError:
            yield number, None


def _prepare_jsonl(path: Path, data: bytes, options: Options) -> Iterable[Outcome]:
    shown = stored_name(path)
    for number, line in _jsonl_lines(data):
        where = f"{shown}:{number}"
        if line is None:
            yield Failure(shown, f"line {number}: not UTF-8 text")
            continue
        if not line.strip():
            continue
        sha = hashlib.sha256(line.strip().encode("utf-8")).hexdigest()
        if _already_stored(sha, options):
            yield Duplicate(where)
            continue
        _checkpoint()
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError(f"a record must be a JSON object, not {type(record).__name__}")
            from reader.clean import clean_record

            article = clean_record(
                {k: cap_marks(v) if isinstance(v, str) else v for k, v in record.items()}
            )
            yield _document(shown, where, sha, "jsonl", "utf-8", line, article, options)
        except json.JSONDecodeError as exc:
            yield Failure(shown, f"line {number}: invalid JSON ({exc.msg})")
        except ValueError as exc:
            yield Failure(shown, f"line {number}: {_one_line(exc)}")
        except Exception as exc:
            yield Failure(shown, f"line {number}: internal error: {type(exc).__name__}: {exc}")


def _kind(path: Path, text: str) -> str:
    if path.suffix.lower() in HTML_SUFFIXES:
        return "html"
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "txt"


def clean_document(kind: str, text: str, template: SiteTemplate | None = None) -> CleanArticle:
    """A decoded page or dump cleaned; `template` is its site's, when one was counted."""
    from reader.clean import clean_html, clean_text

    return clean_html(text, template=template) if kind == "html" else clean_text(text, template)


def _document(
    path: str,
    source_path: str,
    sha: str,
    kind: str,
    encoding: str,
    raw: str,
    article: CleanArticle,
    options: Options,
    decoding: Sequence[str] = (),
) -> DocumentRow:
    """`decoding` says what the decoder repaired (a stray byte, mojibake)."""
    notes: list[str] = list(decoding)
    return DocumentRow(
        path=path,
        source_path=source_path,
        sha256=sha,
        kind=kind,
        encoding=encoding,
        raw=raw,
        article=_article(article, options.extractor, notes),
        dropped=tuple(_drops(article)),
        notes=tuple(f"{source_path}: {note}" for note in notes),
    )


def document_row(
    path: str,
    sha: str,
    kind: str,
    encoding: str,
    raw: str,
    article: CleanArticle,
    extractor: Extractor | None,
    decoding: Sequence[str] = (),
) -> DocumentRow:
    """A cleaned article as the writer's record, for what `khabar fetch` brings in."""
    options = Options(None, extractor)
    return _document(path, path, sha, kind, encoding, raw, article, options, decoding)


def _entity_text(body: str) -> str:
    """The part of `body` entities are taken from: all of it, or its first
    MAX_ENTITY_CHARS characters cut back to a space so no name is halved."""
    if len(body) <= MAX_ENTITY_CHARS:
        return body
    cut = body.rfind(" ", MAX_ENTITY_CHARS // 2, MAX_ENTITY_CHARS)
    return body[: cut if cut > 0 else MAX_ENTITY_CHARS]


def _article(article: CleanArticle, extractor: Extractor | None, notes: list[str]) -> ArticleRow:
    mentions: tuple[MentionRow, ...] = ()
    if extractor is not None:
        text = _entity_text(article.body)
        found = extractor(text)
        if len(text) < len(article.body):
            notes.append(
                f"entities taken from the first {len(text):,} of {len(article.body):,} characters"
            )
        if len(found) > MAX_MENTIONS:
            notes.append(f"entities: the first {MAX_MENTIONS:,} of {len(found):,} mentions kept")
            found = found[:MAX_MENTIONS]
        mentions = tuple(MentionRow(m.start, m.end, m.text, _kind_of(m.kind), m.key) for m in found)
    return ArticleRow(
        title=article.title,
        body=article.body,
        published=article.published,
        author=article.author,
        source=article.source,
        url=article.url,
        mentions=mentions,
        appended=tuple(_article(a, extractor, notes) for a in article.appended),
    )


_KINDS = {kind.value: kind for kind in Kind}


def _kind_of(value: str) -> Kind:
    """Kind(value) by a dict look-up (an Enum call is a Python call of its own); a value
    that is no kind still raises Kind's ValueError."""
    try:
        return _KINDS[value]
    except KeyError:
        return Kind(value)


def _drops(article: CleanArticle) -> Iterable[tuple[str, str]]:
    for drop in article.dropped:
        yield (drop.text, str(drop.reason))  # a plain string: records carry no cleaner types
    for appended in article.appended:
        yield from _drops(appended)


def _already_stored(sha: str, options: Options) -> bool:
    """A read-only look at the database, so a re-run skips cleaning what it already has."""
    if options.db_path is None:
        return False
    conn = _known.get(options.db_path)
    if conn is None:
        try:
            conn = sqlite3.connect(f"file:{options.db_path}?mode=ro", uri=True)
        except sqlite3.Error:
            return False
        _known[options.db_path] = conn
    try:
        row = conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha,)).fetchone()
    except sqlite3.Error:
        return False
    return row is not None


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
