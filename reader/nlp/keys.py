"""Cross-article matching keys: every spelling of one name folds to the same string.

Merging is by key equality, so the key carries the variant rules. Foreign
(transliterated) name tokens go through a consonant skeleton: ج/غ/ق are one
letter, تش is ش, a velar after ن is dropped (جونغ/جونج/جون), doubled letters
collapse, long vowels inside the name are dropped (بومبيو/بومبو, دميتري/ديمتري)
while a leading or trailing one leaves a mark (زاخاروف ≠ زاخاروفا), and tokens
are joined (بيونجيانج / بيونغ يانغ). Consonants all survive, so كيم جونغ أون,
كيم جونغ إيل and كيم إيل سونغ stay apart. Native Arabic name tokens keep their
plain folded form, since there a long vowel is the whole difference between
two names (محمد/محمود, حسن/حسين), and so do four-letter words in the moulds of
Arabic given names (نزار/نزير). عبد and أبو are joined to the word after them
(عبد الرحمن = عبدالرحمن), ابن is بن, تز is تس, a final نك is نغ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from reader.kinds import Kind
from reader.nlp.normalize import fold

_NATIVE_LETTERS = frozenset("عح")
_SKELETON_LETTERS = str.maketrans(
    {"غ": "ج", "ق": "ج", "ط": "ت", "ص": "س", "ض": "د", "ظ": "ز", "ذ": "ز", "ث": "س"}
)
_VELAR_AFTER_N = re.compile("نج")
_DOUBLED = re.compile(r"(.)\1+")
_VOWEL_RUN = re.compile("[اوي]+")
_NON_LETTER = re.compile(r"[^\w]+")
_LONG = frozenset("اوي")
# عبد الرحمن / عبدالرحمن, أبو الغيط / أبوالغيط: the compound is one name token.
_JOINED_HEADS = frozenset({"عبد", "ابو"})
_SPELLINGS = {"ابن": "بن"}
_FOREIGN_GROUPS = ("غ", "تش", "تس", "تز")


class KeyRules:
    """The native-name list and first-name equivalences the key depends on."""

    def __init__(self, native_names: Iterable[str], first_name_groups: Iterable[Sequence[str]]):
        self.native = frozenset(fold(n) for n in native_names)
        self.first_name = {fold(v): fold(group[0]) for group in first_name_groups for v in group}

    def is_native(self, token: str) -> bool:
        return (
            token in self.native
            or token.startswith("ال")
            or token.startswith("عبد")
            or any(ch in _NATIVE_LETTERS for ch in token)
            or _arabic_pattern(token)
        )


def _arabic_pattern(token: str) -> bool:
    """Four letters, three of them root consonants and one inner long vowel: the فاعل /
    فعيل / فعال / فعول moulds of Arabic given names (سامر، نزار، نزير، منار), where that
    vowel is the whole difference between two names; a transliteration's sounds
    (غ، تش، تس، تز) or a final vowel keep a word out (كاتس/كاتز stays foreign)."""
    foreign = any(group in token for group in _FOREIGN_GROUPS)
    if len(token) != 4 or foreign or token[-1] in _LONG:
        return False
    vowels = [i for i, ch in enumerate(token) if ch in _LONG]
    return vowels in ([1], [2])


@lru_cache(maxsize=65536)
def skeleton(joined: str) -> str:
    s = joined.replace("تش", "ش").translate(_SKELETON_LETTERS).replace("تز", "تس")
    s = _VELAR_AFTER_N.sub("ن", s)
    s = _DOUBLED.sub(r"\1", s)
    head = "V" if s and s[0] in "اوي" else ""
    tail = "V" if len(s) > 1 and s[-1:] in "اوي" else ""
    return head + _VOWEL_RUN.sub("", s) + tail


def _compounds(tokens: Sequence[str]) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        tok = _SPELLINGS.get(tok, tok)
        if out and out[-1] in _JOINED_HEADS:
            out[-1] += tok
        else:
            out.append(tok)
    return out


def name_key(rules: KeyRules, kind: str, folded_tokens: Sequence[str]) -> str:
    """The key of a name given as folded tokens (clitics already removed).

    Persons keep native tokens verbatim; places and organisations skeleton
    every token, since near-identical place names are spelling variants far
    more often than distinct places.
    """
    parts: list[str] = []
    foreign: list[str] = []
    for raw in _compounds(folded_tokens):
        tok = _NON_LETTER.sub("", raw)
        if not tok:
            continue
        tok = rules.first_name.get(tok, tok)
        if tok.endswith("نك") and not rules.is_native(tok):
            tok = tok[:-1] + "غ"  # يانك / يانغ: the final ng written with ك
        if kind == Kind.PER and rules.is_native(tok):
            if foreign:
                parts.append(skeleton("".join(foreign)))
                foreign = []
            parts.append("|" + tok + "|")
        else:
            foreign.append(tok)
    if foreign:
        parts.append(skeleton("".join(foreign)))
    return "".join(parts)
