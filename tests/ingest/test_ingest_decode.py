"""Decoding: the encodings we promise, and a clear refusal for everything else."""

from __future__ import annotations

import codecs
import os
import random
import re
import sys
from pathlib import Path

import pytest

from reader.ingest.decode import MAX_BYTES, DecodeError, decode, prose_count, read_bytes
from reader.marks import MARK

ARABIC = "قال الرئيس الروسي فلاديمير بوتين إن الزيارة ناجحة، وأضاف أن التعاون سيستمر.\n" * 3


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-sig"),
        (ARABIC.encode("utf-16"), "utf-16"),
        (ARABIC.encode("utf-16-le"), "utf-16-le"),
        (ARABIC.encode("utf-16-be"), "utf-16-be"),
        (ARABIC.encode("cp1256"), "cp1256"),
        ("Plain English news text, nothing more.\n".encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_supported_encodings_round_trip(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text.strip("\n") == decoded.text.strip("\n").lstrip("\ufeff")
    assert "بوتين" in decoded.text or "news" in decoded.text


def test_windows_line_endings_become_newlines() -> None:
    assert decode("سطر أول\r\nسطر ثان\r\n".encode("cp1256")).text == "سطر أول\nسطر ثان\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t ", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
        (b"abc\x00\x01\x02\x03" * 10 + b"\xff\xfe\xfd" * 7, "binary"),
        (random.Random(1).randbytes(4096), "not"),
    ],
)
def test_refusals_say_why(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode(data)


def test_utf8_with_a_broken_byte_is_not_taken_for_cp1256() -> None:
    data = ARABIC.encode("utf-8")
    broken = data[:41] + b"\xff" + data[41:]
    decoded = decode(broken)
    assert decoded.encoding == "utf-8"
    assert decoded.text == ARABIC[:22] + "\ufffd" + ARABIC[22:]
    assert decoded.notes == ("a stray byte (not UTF-8, at byte 41) replaced with U+FFFD",)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(DecodeError, match="too large"):
        read_bytes(big)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(ARABIC, encoding="utf-8")
    locked.chmod(0)
    with pytest.raises(DecodeError, match="permission denied"):
        read_bytes(locked)


def test_permission_error_is_one_clear_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same path as above for runs as root, where chmod 0 does not stop reading."""
    locked = tmp_path / "locked.txt"
    locked.write_text(ARABIC, encoding="utf-8")

    real_open = os.open

    def refuse(path: object, *args: int, **kwargs: int) -> int:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(DecodeError, match="permission denied"):
        read_bytes(locked)


def test_the_prose_count_is_prose_characters_plus_combining_marks_for_every_code_point() -> None:
    # The definition the plausibility check was written with, one string per match.
    prose = re.compile(r"[\w\s.,;:!?'\"()\[\]«»،؛؟%/\-–—…]")
    every = [chr(c) for c in range(sys.maxunicode + 1)]
    expected = [len(prose.findall(c)) + len(MARK.findall(c)) for c in every]
    assert [prose_count(c) for c in every] == expected
    assert prose_count("".join(every)) == sum(expected)
