"""Make text safe for a terminal while remembering where every kept character came from.

Article dumps are untrusted: an ESC sequence in a file could move the cursor, recolour
the screen or retitle the terminal. Everything that is not printable text is removed
here, before shaping, and each kept character carries its offset in the caller's text so
that style spans (given on the raw text) still land on the right cells.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reader.marks import has_long_run, long_runs

TAB_SIZE = 8

# Terminal escape sequences, 7-bit and 8-bit forms, removed whole (not just the ESC).
_ESCAPE = re.compile(
    r"""
      (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]?        # CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) .*? (?:\x07|\x1b\\|\x9c|$)  # OSC DCS SOS PM APC
    | \x1b [\x20-\x2f]* [\x30-\x7e]?                               # nF / Fp / Fe / Fs
    """,
    re.VERBOSE | re.DOTALL,
)

# Bidi formatting characters: they act in the bidi algorithm, then never reach the screen.
BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

# C0 and C1 controls, DEL, and the line separators (paragraphs are split before this runs).
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")

_NEEDS_WORK = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

# Paragraph breaks: CRLF, LF, CR, U+2029, and the other characters Unicode calls line breaks.
PARAGRAPH_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


class Clean(NamedTuple):
    """Printable text plus, for each of its characters, the offset it came from."""

    text: str
    origin: tuple[int, ...]


def sanitize(raw: str, offset: int = 0) -> Clean:
    """Strip escapes and controls from one paragraph, expand its tabs, and cut each run of
    combining marks to MAX_MARKS (a hundred on one letter would smear over the rows)."""
    controls = _NEEDS_WORK.search(raw) is not None
    if not controls and not has_long_run(raw):
        return Clean(raw, tuple(range(offset, offset + len(raw))))
    chars: list[str] = []
    origin: list[int] = []
    pos = 0
    drops = [(m.start(), m.end()) for m in _ESCAPE.finditer(raw)] if controls else []
    drops = sorted(drops + long_runs(raw))
    for start, end in drops:
        if end <= pos:
            continue
        _keep(raw, pos, max(pos, start), offset, chars, origin)
        pos = end
    _keep(raw, pos, len(raw), offset, chars, origin)
    return Clean("".join(chars), tuple(origin))


def _keep(raw: str, start: int, end: int, offset: int, chars: list[str], origin: list[int]) -> None:
    for index in range(start, end):
        char = raw[index]
        if char == "\t":
            spaces = TAB_SIZE - len(chars) % TAB_SIZE
            chars.extend(" " * spaces)
            origin.extend([offset + index] * spaces)
        elif not _CONTROL.match(char):
            chars.append(char)
            origin.append(offset + index)


# Bytes of a file name that were not UTF-8 arrive as lone surrogates (surrogateescape).
_ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def terminal_text(text: str) -> str:
    """`text` made safe to print on a terminal line by line: what every CLI message goes
    through, since a stored path, title or URL is whatever the scraper wrote.

    Escape sequences go whole, controls and bidi controls go (a stray U+202E would
    reverse the rest of the user's line), tabs become spaces, and a file name's bytes
    that were not UTF-8 show as \\xNN instead of ending the run in an encode error.
    """
    lines = []
    for line in text.split("\n"):
        clean = sanitize(line).text
        clean = _BIDI.sub("", clean)
        clean = _ESCAPED_BYTE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", clean)
        lines.append(_SURROGATE.sub("\ufffd", clean))
    return "\n".join(lines)


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """Paragraphs with their start offsets; a trailing newline adds no empty paragraph."""
    paragraphs: list[tuple[int, str]] = []
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        paragraphs.append((start, text[start : match.start()]))
        start = match.end()
    if start < len(text) or not paragraphs:
        paragraphs.append((start, text[start:]))
    return paragraphs
