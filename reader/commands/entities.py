"""`khabar entities`: named entities of a text (or of JSON-lines records) as JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

NAME = "entities"
HELP = "print the persons, places and organisations of a text (stdin by default) as JSON"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help='input is JSON lines {"id": …, "text": …}; print one JSON line per record',
    )
    parser.add_argument("file", nargs="?", help="input file (default: standard input)")


def describe(record_id: Any, text: str) -> dict[str, Any]:
    """The output object: offsets are code points into `text`; canonical is per entity."""
    from collections import Counter

    from reader.nlp.extract import extract_entities
    from reader.nlp.resolve import choose_canonical

    mentions = extract_entities(text)
    surfaces: dict[tuple[str, str], Counter[str]] = {}
    for m in mentions:
        surfaces.setdefault((m.kind, m.key), Counter())[m.text] += 1
    canonical = {k: choose_canonical(c) for k, c in surfaces.items()}
    return {
        "id": record_id,
        "entities": [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "kind": m.kind,
                "canonical": canonical[(m.kind, m.key)],
            }
            for m in mentions
        ],
    }


def _lines(stream: TextIO) -> int:
    import json

    from reader.commands._output import echo, json_text

    status = 0
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
        except (ValueError, KeyError, TypeError) as err:
            echo(f"khabar: line {number}: not a {{id, text}} record ({err})", err=True)
            status = 1
            continue
        print(json_text(describe(record.get("id"), text)))
    return status


def run(args: argparse.Namespace) -> int:
    from reader.commands._output import echo, json_text

    try:
        stream = sys.stdin if args.file is None else open(args.file, encoding="utf-8")  # noqa: SIM115
    except OSError as err:
        echo(f"khabar: {err}", err=True)
        return 1
    with stream:
        if args.jsonl:
            return _lines(stream)
        print(json_text(describe(None, stream.read()), indent=2))
    return 0
