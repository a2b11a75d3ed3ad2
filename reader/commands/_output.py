"""What the commands print: human-readable text through one sanitiser, JSON fully escaped.

Titles, URLs, authors and file names are whatever a scraper wrote, so nothing
stored may reach the user's terminal as is: an OSC 52 in a file name writes the
clipboard, an ESC ] 2 retitles the window.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any, TextIO

from reader.render.sanitize import terminal_text

# What `json.dumps(ensure_ascii=False)` leaves raw but a terminal acts on: DEL, C1,
# bidi controls, line separators, and lone surrogates (a file name that is not UTF-8).
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def echo(text: str = "", *, err: bool = False) -> None:
    """Print one message (it may span lines) on stdout, or stderr with `err`."""
    stream: TextIO = sys.stderr if err else sys.stdout
    print(terminal_text(text), file=stream)


def json_text(value: Any, *, indent: int | None = None) -> str:
    """JSON with every control escaped; the data itself stays exactly as stored."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
