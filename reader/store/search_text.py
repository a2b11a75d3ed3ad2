"""What the full-text index holds for a text: its folded words, then each word without a
leading conjunction or preposition.

Arabic writes و ف ب ل ك onto the next word (لبيونغ يانغ, وبوتين, للرئيس). FTS5 matches
whole tokens or their prefixes, never a suffix, so a search for بيونغ يانغ would miss
the article that only says لبيونغ يانغ. The bare forms go after the folded text, so a
search finds a word behind a clitic while the text's own words keep their order.

The index is contentless, so removing a row (khabar reclean) hands FTS5 the same folded
text again: a change to what index_text makes needs a migration that rebuilds the index.

It keeps no positions either (detail=none: a third of the size of positions), so it
answers single tokens and never a phrase. A quoted query string that the tokenizer cuts
in two is a phrase, and Python's word regex and unicode61 disagree on where words end (an
underscore, a combining mark, letters newer than SQLite's Unicode tables), so the
query's tokens are the tokenizer's own (`index_tokens`), never a regex's guess.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from itertools import chain

from reader.nlp.memo import Memo
from reader.nlp.normalize import fold_for_search

# The tokenizer of articles_fts (reader/store/migrations.py spells it in each migration
# that builds the index); tests/store/test_store_size.py checks the two agree.
TOKENIZE = "unicode61 remove_diacritics 2"

_CONJUNCTIONS = frozenset("وف")
_PREPOSITIONS = frozenset("بلك")
_WORD = re.compile(r"\w+")
_MIN_STEM = 3


def bare_forms(word: str) -> list[str]:
    """The word less a conjunction (و ف), then less a preposition (ب ل ك), while at least
    three letters remain; لل+X also gives ال+X."""
    forms: list[str] = []
    rest = word
    for letters in (_CONJUNCTIONS, _PREPOSITIONS):
        if rest[:1] in letters and len(rest) - 1 >= _MIN_STEM:
            rest = rest[1:]
            forms.append(rest)
    if word.startswith("لل") and len(word) - 2 >= _MIN_STEM:
        forms.append("ا" + word[1:])
    return forms


class _Tokenizer:
    """An in-memory FTS5 table with the index's tokenizer, asked for a text's tokens."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def tokens(self, text: str) -> list[str]:
        with self._lock:
            if self._conn is None:
                self._conn = sqlite3.connect(":memory:", check_same_thread=False)
                self._conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize = '{TOKENIZE}')")
                self._conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
            conn = self._conn
            with conn:
                conn.execute("INSERT INTO t (rowid, x) VALUES (1, ?)", (text,))
                found = [str(r[0]) for r in conn.execute("SELECT term FROM v ORDER BY offset")]
                conn.execute("DELETE FROM t")
            return found


_TOKENIZER = _Tokenizer()
# Each distinct word's bare forms worked out once: map() reads the memo in C.
_bare: Memo[str, tuple[str, ...]] = Memo(lambda word: tuple(bare_forms(word)), 200_000)


def index_tokens(text: str) -> list[str]:
    """The tokens articles_fts makes of `text`, in order (folded as FTS5 folds them)."""
    return _TOKENIZER.tokens(text)


def index_text(text: str) -> str:
    folded = fold_for_search(text)
    extra = dict.fromkeys(chain.from_iterable(map(_bare.__getitem__, _WORD.findall(folded))))
    if not extra:
        return folded
    return folded + "\n" + " ".join(extra)
