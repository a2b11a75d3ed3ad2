"""Arabic contextual forms exactly as arabic-reshaper gives them, without its cost per call.

The reshaper reads its configuration on every call (about 27 µs) and takes each letter
through several function calls; the engine shapes words one at a time, so that fixed cost
was most of its shaping time. This is the reshaper's own algorithm over tables taken from
its own letter and ligature tables, for the one configuration the engine uses; another
configuration goes to the reshaper itself. A differential test holds it to the reshaper's
output.

ZWJ is shaped here too, because the reshaper cannot be trusted with it: it drops each ZWJ
from its output but then looks for ligatures at offsets in the text that still holds them,
so a lam-alef after a ZWJ is formed from the wrong letters, silently skipped, or raises
IndexError. Here ZWJ is a letter that joins on both sides and draws as itself (as tatweel
does), and it stays in the output for the caller to drop with its source offset.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.arabic_reshaper import HARAKAT_RE
from arabic_reshaper.letters import FINAL, INITIAL, ISOLATED, MEDIAL, ZWJ
from arabic_reshaper.ligatures import LIGATURES

_NOT_A_LETTER = -1


class _Letter(NamedTuple):
    forms: tuple[str, str, str, str]
    joins_before: bool  # has a final or medial form
    joins_after: bool  # has an initial or medial form
    joins_both: bool  # has a medial form


class FormShaper:
    """`reshaper.reshape` when `exact` holds, except that ZWJs stay in place."""

    def __init__(self, reshaper: ArabicReshaper) -> None:
        # The section read once, raw, and its booleans parsed as configparser parses them:
        # `getboolean` for each of the ~290 ligatures was most of the engine's import.
        config = reshaper.configuration
        states = config.parser.BOOLEAN_STATES
        values = dict(config.parser.items(config.name, raw=True))

        def on(name: str) -> bool:
            value = values.get(config.parser.optionxform(name))
            return value is not None and states[value.lower()]

        self._letters = {
            char: _Letter(
                forms,
                bool(forms[FINAL] or forms[MEDIAL]),
                bool(forms[INITIAL] or forms[MEDIAL]),
                bool(forms[MEDIAL]),
            )
            for char, forms in reshaper.letters.items()
        }
        self._letters[ZWJ] = _Letter((ZWJ, ZWJ, ZWJ, ZWJ), True, True, True)
        self._ligatures: dict[str, tuple[str, str, str, str]] = {}
        literal = True
        for name, (pattern, forms) in LIGATURES:
            if on(name):
                self._ligatures[pattern] = forms
                literal = literal and len(pattern) == 2 and re.escape(pattern) == pattern
        self.exact = (
            literal
            and not on("delete_tatweel")
            and not on("use_unshaped_instead_of_isolated")
            and on("delete_harakat")
            and on("support_zwj")
        )
        self._reshaper = reshaper

    def shape(self, text: str) -> str:
        if not self.exact:
            whole: str = self._reshaper.reshape(text)
            return whole
        if HARAKAT_RE.search(text):
            # The reshaper deletes them before joining and before finding ligatures alike.
            text = HARAKAT_RE.sub("", text)
        letters = self._letters
        codes: list[int] = []
        previous: _Letter | None = None
        joined = False
        for char in text:
            letter = letters.get(char)
            if letter is None:
                codes.append(_NOT_A_LETTER)
                previous, joined = None, False
                continue
            joins = (
                previous is not None
                and letter.joins_before
                and previous.joins_after
                and (not joined or previous.joins_both)
            )
            if joins:
                codes[-1] = MEDIAL if joined else INITIAL
            codes.append(FINAL if joins else ISOLATED)
            previous, joined = letter, joins
        if not any(pattern in text for pattern in self._ligatures):
            return "".join(
                [
                    char if code < 0 else letters[char].forms[code]
                    for char, code in zip(text, codes, strict=True)
                ]
            )
        return self._with_ligatures(text, codes)

    def _with_ligatures(self, text: str, codes: list[int]) -> str:
        """Leftmost non-overlapping pairs, as the reshaper's `finditer` takes them, with its
        table of the ligature's form from the forms of its two letters."""
        letters = self._letters
        out: list[str] = []
        index, end = 0, len(text)
        while index < end:
            forms = self._ligatures.get(text[index : index + 2]) if index + 1 < end else None
            if forms is None:
                code = codes[index]
                out.append(text[index] if code < 0 else letters[text[index]].forms[code])
                index += 1
                continue
            first_free = codes[index] in (ISOLATED, INITIAL)
            last_free = codes[index + 1] in (ISOLATED, FINAL)
            if first_free:
                form = ISOLATED if last_free else INITIAL
            else:
                form = FINAL if last_free else MEDIAL
            if forms[form]:
                out.append(forms[form])
            else:
                for at in (index, index + 1):
                    code = codes[at]
                    out.append(text[at] if code < 0 else letters[text[at]].forms[code])
            index += 2
        return "".join(out)
