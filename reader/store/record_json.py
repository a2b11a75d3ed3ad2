"""Worker records as JSON lines: what `khabar process` writes and `khabar load` stores.

One line per input document (a file, or a line of a .jsonl): {"document": …}
for a cleaned document with its articles and entities, {"failure": …} for one
that could not be read or cleaned, {"duplicate": …} for one already stored.
The folded search text travels too, so the single writer that loads the lines
only inserts them, as it does in `ingest`.
"""

from __future__ import annotations

import json
from typing import Any

from reader.kinds import Kind
from reader.store.records import ArticleRow, DocumentRow, Duplicate, Failure, MentionRow, Outcome


def to_json(record: Outcome) -> str:
    if isinstance(record, Failure):
        body: dict[str, Any] = {"failure": {"path": record.path, "reason": record.reason}}
    elif isinstance(record, Duplicate):
        body = {"duplicate": {"path": record.path}}
    else:
        body = {
            "document": {
                "path": record.path,
                "source_path": record.source_path,
                "sha256": record.sha256,
                "kind": record.kind,
                "encoding": record.encoding,
                "raw": record.raw,
                "dropped": [list(d) for d in record.dropped],
                "notes": list(record.notes),
                "feed_id": record.feed_id,
                "article": _article_json(record.article),
            }
        }
    return json.dumps(body, ensure_ascii=False)


def _article_json(article: ArticleRow) -> dict[str, Any]:
    return {
        "title": article.title,
        "body": article.body,
        "published": article.published,
        "author": article.author,
        "source": article.source,
        "url": article.url,
        "mentions": [[m.start, m.end, m.surface, m.kind, m.key] for m in article.mentions],
        "appended": [_article_json(a) for a in article.appended],
        "indexed_title": article.indexed_title,
        "indexed_body": article.indexed_body,
        "signature": article.signature.hex(),
    }


def from_json(line: str) -> Outcome:
    """The record of one line; ValueError (with what is wrong) for anything else."""
    try:
        value = json.loads(line)
        if "failure" in value:
            failure = value["failure"]
            return Failure(str(failure["path"]), str(failure["reason"]))
        if "duplicate" in value:
            return Duplicate(str(value["duplicate"]["path"]))
        doc = value["document"]
        return DocumentRow(
            path=str(doc["path"]),
            source_path=str(doc["source_path"]),
            sha256=str(doc["sha256"]),
            kind=str(doc["kind"]),
            encoding=str(doc["encoding"]),
            raw=str(doc["raw"]),
            article=_article(doc["article"]),
            dropped=tuple((str(text), str(reason)) for text, reason in doc["dropped"]),
            notes=tuple(str(note) for note in doc.get("notes", ())),
            feed_id=None if doc.get("feed_id") is None else int(doc["feed_id"]),
        )
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg})") from exc
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"not a `khabar process` record ({type(exc).__name__}: {exc})") from exc


def _optional(value: Any) -> str | None:
    return None if value is None else str(value)


def _article(value: dict[str, Any]) -> ArticleRow:
    return ArticleRow(
        title=str(value["title"]),
        body=str(value["body"]),
        published=_optional(value["published"]),
        author=_optional(value["author"]),
        source=_optional(value["source"]),
        url=_optional(value["url"]),
        mentions=tuple(
            MentionRow(int(start), int(end), str(surface), Kind(kind), str(key))
            for start, end, surface, kind, key in value["mentions"]
        ),
        appended=tuple(_article(a) for a in value["appended"]),
        indexed=(str(value["indexed_title"]), str(value["indexed_body"])),
        # Records written before stories had no signature: made again from the text.
        signed=bytes.fromhex(value["signature"]) if "signature" in value else None,
    )
