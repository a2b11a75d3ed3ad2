"""Who said what, and with which title: quotes and roles around a person's mentions.

Arabic news attributes speech with a reporting verb before the speaker (قال
الرئيس الروسي، فلاديمير بوتين، …), sometimes after (وكان بوتين قد أكد …), and
carries the speaker on to the next sentence with a bare وأضاف / وتابع. The words
in «…», “…” or "…" are the quote; reported speech without quotation marks is
attributed as its whole sentence. A role is the title run just before a
mention (الرئيس الروسي، وزير الخارجية الأمريكي), read with the same title words
the trigger patterns use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.nlp import lexicon
from reader.nlp.clitics import stems
from reader.nlp.normalize import fold
from reader.nlp.tokens import Token, tokenize

_OPEN_CLOSE = {"«": "»", "“": "”", '"': '"'}
_QUOTED = re.compile(r"«([^»]{3,})»|“([^”]{3,})”|\"([^\"]{3,})\"")
_ENDS = frozenset(".!?؟")
_VERB_BEFORE = 7  # tokens from the verb to the name, title and commas included
_VERB_AFTER = 3  # وكان بوتين قد أكد
_CARRY_ON = frozenset(
    fold(w) for w in ["أضاف", "تابع", "أكد", "قال", "أوضح", "مضيفا", "وأردف", "أردف"]
)
_AFTER_NAME_SKIP = frozenset(fold(w) for w in ["قد", "كان", "أيضا"])
_ROLE_WINDOW = 8
MAX_QUOTE = 400


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # code-point offsets into the text: the quoted words or the sentence
    end: int
    text: str


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences as offsets: cut at . ! ? ؟ and line breaks, never inside quotation marks."""
    spans: list[tuple[int, int]] = []
    start = 0
    closing: str | None = None
    for i, ch in enumerate(text):
        if closing is not None:
            if ch == closing or ch == "\n":
                closing = None
            else:
                continue
        elif ch in _OPEN_CLOSE:
            closing = _OPEN_CLOSE[ch]
            continue
        if ch == "\n" or ch in _ENDS:
            end = i + 1 if ch in _ENDS else i
            if text[start:end].strip():
                spans.append(_trim(text, start, end))
            start = i + 1
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _bare(word: str) -> tuple[str, ...]:
    """The word and its clitic-free stems: وقال → قال, والرئيس → الرئيس."""
    return (word, *(stem for _, stem in stems(word)))


def _is_verb(word: str) -> bool:
    return any(w in lexicon.REPORTING_VERBS for w in _bare(word))


def _is_role_word(word: str) -> bool:
    for w in _bare(word):
        if w in lexicon.TITLES or w in lexicon.TITLE_FILLERS:
            return True
        if w.startswith("ال") and (w.endswith("ي") or w.endswith("يه")):
            return True
    return False


def _is_title(word: str) -> bool:
    return any(w in lexicon.TITLES for w in _bare(word))


def role_before(text: str, start: int) -> str | None:
    """The title run just before a mention at `start`, as written, or None."""
    window_start = max(0, text.rfind("\n", 0, start) + 1, start - 120)
    tokens = tokenize(text[window_start:start])[-_ROLE_WINDOW:]
    run: list[Token] = []
    for tok in reversed(tokens):
        if tok.text in "،,(" and not run:
            continue
        if tok.folded.isalpha() and _is_role_word(tok.folded):
            run.append(tok)
            continue
        break
    run.reverse()
    while run and not _is_title(run[0].folded):
        run.pop(0)
    if not run:
        return None
    first, last = run[0], run[-1]
    words = text[window_start + first.start : window_start + last.end]
    head = first.folded
    for cut, stem in stems(head):
        if stem in lexicon.TITLES and head not in lexicon.TITLES:
            words = words[cut:]
            break
    return words


def _quoted(text: str, start: int, end: int) -> list[Quote]:
    out: list[Quote] = []
    for match in _QUOTED.finditer(text, start, end):
        group = next(g for g in range(1, 4) if match.group(g) is not None)
        q_start, q_end = match.start(group), match.end(group)
        out.append(Quote(q_start, q_end, text[q_start:q_end].strip()))
    return out


def _speaks(tokens: list[Token], at: int, name_end: int) -> bool:
    """Whether the mention starting at token `at` is the subject of a reporting verb."""
    for j in range(at - 1, max(-1, at - 1 - _VERB_BEFORE), -1):
        word = tokens[j].folded
        if _is_verb(word):
            return True
        if not (tokens[j].text in "،,(" or _is_role_word(word)):
            break
    k = name_end
    seen = 0
    while k < len(tokens) and seen < _VERB_AFTER:
        word = tokens[k].folded
        if _is_verb(word):
            return True
        if word not in _AFTER_NAME_SKIP and tokens[k].text not in "،,":
            break
        k += 1
        seen += 1
    return False


def _attributed(text: str, start: int, end: int) -> list[Quote]:
    found = _quoted(text, start, end)
    if found:
        return found
    sentence = text[start:end]
    if len(sentence) > MAX_QUOTE:
        sentence = sentence[:MAX_QUOTE].rsplit(" ", 1)[0] + " …"
    return [Quote(start, end, sentence)]


def quotes(
    text: str, own: Sequence[tuple[int, int]], others: Sequence[tuple[int, int]] = ()
) -> list[Quote]:
    """What the person whose mentions are `own` says in `text`.

    `others` are other persons' mentions: a وأضاف sentence that names someone
    else right after the verb is theirs, not carried on.
    """
    if not own:
        return []
    out: list[Quote] = []
    speaking = False
    for s_start, s_end in sentence_spans(text):
        tokens = tokenize(text[s_start:s_end])
        offsets = [(t.start + s_start, t.end + s_start) for t in tokens]
        mine = [
            (i, j)
            for m_start, m_end in own
            if s_start <= m_start < s_end
            for i in [_token_at(offsets, m_start)]
            for j in [_token_at(offsets, m_end - 1) + 1]
            if i >= 0
        ]
        if any(_speaks(tokens, i, j) for i, j in mine):
            out.extend(_attributed(text, s_start, s_end))
            speaking = True
            continue
        if speaking and tokens and _carries_on(tokens, offsets, own, others):
            out.extend(_attributed(text, s_start, s_end))
            continue
        speaking = False
    return out


def _carries_on(
    tokens: list[Token],
    offsets: list[tuple[int, int]],
    own: Sequence[tuple[int, int]],
    others: Sequence[tuple[int, int]],
) -> bool:
    """A bare وأضاف / وتابع opening the sentence, with nobody else named right after it."""
    head = tokens[0].folded
    if not any(w in _CARRY_ON for w in _bare(head)):
        return False
    window_end = offsets[min(len(offsets), 4) - 1][1]
    window_start = offsets[0][0]
    named = [m for m in others if window_start <= m[0] < window_end]
    return not named or any(window_start <= m[0] < window_end for m in own)


def _token_at(offsets: list[tuple[int, int]], position: int) -> int:
    for index, (start, end) in enumerate(offsets):
        if start <= position < end:
            return index
    return -1
