"""One page's memo of what every pass asks of a line: its words and whether it is prose.

The rules, the line model's features, the headline search and the walk that builds the body
all split the same lines and ask the same questions; on a seed-sized page that was most of
the cleaner's time. A memo lives for one page (and the articles cut from it), so nothing is
shared between documents or threads and a long run does not grow it.
"""

from __future__ import annotations

from reader.clean.dates import find_date
from reader.clean.lines import Verdict, classify, is_prose, is_statement

_NONE = ("", 0, 0)  # "no date" in the memo, where None means "not asked yet"


class Shapes:
    """Words, prose flags and the rules' verdict per distinct line of one page, each worked
    out once (an article cut from the page's tail asks again about the same lines)."""

    __slots__ = ("_dates", "_prose", "_statement", "_verdicts", "_words")

    def __init__(self) -> None:
        self._words: dict[str, list[str]] = {}
        self._prose: dict[str, bool] = {}
        self._statement: dict[str, bool] = {}
        self._verdicts: dict[tuple[str, bool], Verdict] = {}
        self._dates: dict[str, tuple[str, int, int]] = {}

    def verdict(self, line: str, arabic_doc: bool) -> Verdict:
        key = (line, arabic_doc)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = classify(line, arabic_doc, self.words(line), self.date)
            self._verdicts[key] = verdict
        return verdict

    def date(self, line: str) -> tuple[str, int, int] | None:
        """`find_date` of the whole line."""
        found = self._dates.get(line)
        if found is None:
            found = self._dates[line] = find_date(line) or _NONE
        return None if found is _NONE else found

    def words(self, line: str) -> list[str]:
        words = self._words.get(line)
        if words is None:
            words = self._words[line] = line.split()
        return words

    def prose(self, line: str) -> bool:
        prose = self._prose.get(line)
        if prose is None:
            prose = self._prose[line] = is_prose(line, self.words(line))
        return prose

    def statement(self, line: str) -> bool:
        statement = self._statement.get(line)
        if statement is None:
            statement = self._statement[line] = is_statement(line, self.words(line))
        return statement
