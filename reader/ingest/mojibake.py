"""Double-encoded UTF-8 undone where that is unambiguous, and said where it is not.

A page saved as UTF-8, opened by a tool that took it for a single-byte code page and saved
as UTF-8 again, shows "ط§ظ„ط¹ط±ط¨ظٹط©" (read as Windows-1256) or "Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©" (read
as Latin-1 / Windows-1252) for "العربية". Both are valid UTF-8, so the decoder accepts them.

- Windows-1256: the text is encoded back to Windows-1256 and decoded as UTF-8, strictly.
  Real Arabic text almost never survives that (its letters' bytes do not form UTF-8
  sequences), so success on a text with Arabic in the result is unambiguous.
- The Latin code pages: ftfy, which knows their sloppy variants and decides by its own
  badness measure whether a text is mojibake at all; its fix is taken only when the result
  is no longer bad. ftfy is imported only for text holding Latin-1 letters, the mark such
  mojibake always leaves, so ordinary Arabic pages cost one regex search.
"""

from __future__ import annotations

import re

from reader import arabic

_ARABIC = re.compile(f"[{arabic.BLOCKS}]")
# The first byte of every 2-, 3- and 4-byte UTF-8 sequence read as Latin-1 or Windows-1252.
_LATIN_LEAD = re.compile("[\u00c2-\u00f4]")
# Windows-1256 for the lead bytes of UTF-8 Arabic (0xD8-0xDB): ط ظ ع غ.
_ARABIC_LEAD = re.compile("[طظعغ][^\u0621-\u064a\\s]")
MIN_NON_ASCII = 4
MOJIBAKE = "looks double-encoded (mojibake) but cannot be repaired unambiguously"


def unmangled(text: str) -> tuple[str, str | None]:
    """The text repaired, or as it is; and what the summary should say, if anything."""
    repaired = _via_windows_1256(text)
    if repaired is not None:
        return repaired, "double-encoded UTF-8 (once read as Windows-1256) repaired"
    if _LATIN_LEAD.search(text) is None:
        return text, None
    import ftfy
    from ftfy.badness import is_bad

    if not is_bad(text):
        return text, None
    fixed, steps = ftfy.fix_encoding_and_explain(text)
    if fixed != text and not is_bad(fixed):
        codec = next((str(arg) for step, arg in steps or () if step == "encode"), "a code page")
        codec = codec.removeprefix("sloppy-")
        return fixed, f"double-encoded UTF-8 (once read as {codec}) repaired"
    return text, MOJIBAKE


def _via_windows_1256(text: str) -> str | None:
    if _ARABIC_LEAD.search(text) is None:
        return None
    try:
        repaired = text.encode("cp1256").decode("utf-8")
    except UnicodeError:
        return None
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii < MIN_NON_ASCII or _ARABIC.search(repaired) is None:
        return None
    return repaired
