"""Bytes to text without guessing silently wrong.

Order: size cap, emptiness, binary signatures, BOMs, BOM-less UTF-16/32 by the
shape of its high bytes, strict UTF-8, UTF-8 with a few stray bytes (replaced, and said
in a note), strict Windows-1256, and charset-normalizer as a last resort. Every
candidate must then look like prose in a real script, so a wrong code page (or junk
that happens to decode) is rejected with a reason instead of being stored as mojibake.
UTF-8 that was itself decoded with the wrong code page and saved again (double-encoded,
"ط§ظ„" or "Ø§Ù„" for "ال") is undone where that is unambiguous (`reader.ingest.mojibake`).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from reader import arabic
from reader.ingest.mojibake import MOJIBAKE, unmangled
from reader.marks import MARK_CLASS, cap_marks

MAX_BYTES = 20 * 1024 * 1024
_NORMALIZER_LIMIT = 2 * 1024 * 1024
# A UTF-8 file may hold this many invalid sequences (a byte lost or flipped in a copy) and
# still be read as UTF-8, when its valid non-ASCII characters outnumber them this much.
MAX_STRAY = 8
_STRAY_EVIDENCE = 20

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What UTF-16 high bytes look like in Arabic or Latin prose: 0x06 (Arabic block),
# 0x00 (ASCII: spaces, digits, punctuation), 0x20 (general punctuation), 0xFE/0xFB.
_UTF16_HIGH = bytes([0x00, 0x06, 0x20, 0xFB, 0xFE])

_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]")
_PROSE_CLASS = r"\w\s.,;:!?'\"()\[\]«»،؛؟%/\-–—…"
# Neither prose nor a combining mark: counting these few (findall builds one string per
# match) is what a prose count costs, not one string per character of the text.
_NOT_PROSE = re.compile(f"[^{_PROSE_CLASS}{MARK_CLASS}]")
_ARABIC = re.compile(f"[{arabic.BLOCKS}]")
_LATIN1_LETTERS = re.compile(r"[\u00c0-\u00ff]")


class DecodeError(ValueError):
    """The input is not text this reader can trust; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    notes: tuple[str, ...] = ()  # what was repaired on the way, for the ingest summary


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing oversized and unreadable files with a reason."""
    try:
        # O_NONBLOCK: a FIFO put in the file's place after discovery must not hang open().
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise DecodeError("not a regular file")
            if info.st_size > MAX_BYTES:
                raise DecodeError(
                    f"too large: {info.st_size / 1e6:.1f} MB "
                    f"(the limit is {MAX_BYTES // (1024 * 1024)} MB)"
                )
            return handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise DecodeError("cannot read: permission denied") from None
    except IsADirectoryError:
        raise DecodeError("is a directory") from None
    except FileNotFoundError:
        raise DecodeError("no such file") from None
    except OSError as exc:
        raise DecodeError(f"cannot read: {exc.strerror or exc}") from None


def refuse_non_text(data: bytes) -> None:
    """Raise for an empty file or one that starts like a known binary format."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise DecodeError("empty file")
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise DecodeError(f"binary file ({what}), not text")


def decode(data: bytes) -> Decoded:
    refuse_non_text(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _accept(data, encoding, f"starts with a {encoding.upper()} byte-order mark")
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _accept(data, utf16, "looks like UTF-16 without a byte-order mark")
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = f"invalid UTF-8 at byte {exc.start}"
    else:
        return _checked(text, "utf-8")
    stray = _stray_bytes(data)
    if stray is not None:
        text, where = stray
        count = f"{len(where)} stray bytes" if len(where) > 1 else "a stray byte"
        at = ", ".join(str(offset) for offset in where)
        note = f"{count} (not UTF-8, at byte {at}) replaced with U+FFFD"
        return _checked(text, "utf-8", note, replaced=len(where))
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        pass
    else:
        problem = _implausible(text, single_byte=True)
        if problem is None:
            return Decoded(_normalise_newlines(text), "cp1256")
    guessed = _normalizer_guess(data)
    if guessed is not None:
        return guessed
    raise DecodeError(f"undecodable: not UTF-8 ({utf8_error}), UTF-16 or Windows-1256 text")


def _accept(data: bytes, encoding: str, why: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"undecodable: {why} but is not valid {encoding}: {exc.reason}") from None
    return _checked(text.lstrip("\ufeff"), encoding)


def _checked(text: str, encoding: str, *notes: str, replaced: int = 0) -> Decoded:
    """`replaced` counts the U+FFFD the decoder itself put in for stray bytes."""
    text, repaired = unmangled(text)
    if repaired is not None:
        notes = (*notes, repaired)
    problem = _implausible(text, single_byte=False, replaced=replaced)
    if problem is not None:
        if repaired is not None and repaired.startswith(MOJIBAKE):
            raise DecodeError(f"{repaired} ({encoding} decodes to {problem})")
        raise DecodeError(f"not readable text ({encoding} decodes to {problem})")
    return Decoded(_normalise_newlines(text), encoding, notes)


def _stray_bytes(data: bytes) -> tuple[str, list[int]] | None:
    """The text with each invalid sequence replaced by U+FFFD, and where they were, when the
    file is UTF-8 but for at most MAX_STRAY of them; None when it is not UTF-8 at all (a
    Windows-1256 file is invalid UTF-8 at nearly every Arabic letter)."""
    parts: list[str] = []
    where: list[int] = []
    start = 0
    while True:
        try:
            parts.append(data[start:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            if len(where) == MAX_STRAY:
                return None
            parts.append(data[start : start + exc.start].decode("utf-8"))
            where.append(start + exc.start)
            start += exc.end
    evidence = sum(len(part) - len(part.encode("ascii", "ignore")) for part in parts)
    if evidence < _STRAY_EVIDENCE * len(where):
        return None
    return "\ufffd".join(parts), where


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:8192]
    if len(sample) < 8:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    odd_high = 1 - len(odd.translate(None, _UTF16_HIGH)) / len(odd)
    even_high = 1 - len(even.translate(None, _UTF16_HIGH)) / len(even)
    if odd_high > 0.9 and even_high < 0.5 and (odd.count(0) or odd.count(6)):
        return "utf-16-le"
    if even_high > 0.9 and odd_high < 0.5 and (even.count(0) or even.count(6)):
        return "utf-16-be"
    return None


def _implausible(text: str, *, single_byte: bool, replaced: int = 0) -> str | None:
    """Why `text` is not prose in a real script, or None when it is; `replaced` stray bytes
    are not held against it."""
    sample = text if len(text) <= 200_000 else text[:100_000] + text[-100_000:]
    visible = len(sample) - sample.count("\n")
    if visible == 0:
        return "nothing"
    bad = len(_BAD_CHARS.findall(sample)) - replaced
    if bad > max(2, visible // 200):
        return f"{bad} control or invalid characters"
    prose = prose_count(sample)
    if prose < 0.85 * visible:
        return "mostly symbols, not letters"
    if single_byte:
        arabic = len(_ARABIC.findall(sample))
        latin1 = len(_LATIN1_LETTERS.findall(sample))
        if arabic and latin1 > 0.02 * arabic:
            return "Arabic letters mixed with accented Latin ones (a wrong code page)"
    return None


def prose_count(text: str) -> int:
    """Characters of `text` that are letters, digits, white space, common punctuation or
    combining marks (which count with their letters)."""
    return len(text) - len(_NOT_PROSE.findall(text))


def _normalizer_guess(data: bytes) -> Decoded | None:
    if len(data) > _NORMALIZER_LIMIT:
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    text = str(best)
    if _implausible(text, single_byte=True) is not None:
        return None
    return Decoded(_normalise_newlines(text), best.encoding)


def _normalise_newlines(text: str) -> str:
    """Newlines made one kind, and runs of combining marks capped (see reader.marks)."""
    return cap_marks(text.replace("\r\n", "\n").replace("\r", "\n"))
