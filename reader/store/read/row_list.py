"""A search's list held in memory: its rows in list order, counted, placed and sliced there.

A broad search hits most of the archive (بيونج يانج: 76,202 of 105,314 articles at
100k) and which of its hits are rows takes a look at every hit's story (a story's
other articles are listed behind its lead when the lead is a hit too). In SQL that
was a temp table of the hits (22 VM steps a hit) and three index lookups a hit into
a table of the rows: 4 million steps, 180 ms of CPU before the first page. As sets
it is one pass over the hits' ids, read from FTS in one string, against each story
member's lead and each article's rank, held in memory (`ListIndex`): the whole list,
in order, in about 30 ms, and every count, position and page after it a lookup.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter, not_
from typing import Any

# Every article in list order (published DESC, id DESC, undated last): a row's rank.
_ORDER = "SELECT id FROM articles INDEXED BY articles_order ORDER BY published DESC, id DESC"
# Each story member that is not its story's lead, and the lead.
_LEADS = "SELECT article_id, story_id FROM story_members WHERE story_id <> article_id"


def id_set(conn: sqlite3.Connection, ids: str, params: Iterable[Any] = ()) -> frozenset[int]:
    """The ids a query gives (its column is `id`), read as one string: row by row, the
    76,202 hits of بيونج يانج took 26 ms of CPU, as one string 10 (load 4.4)."""
    text = conn.execute(f"SELECT group_concat(id) FROM ({ids})", tuple(params)).fetchone()[0]
    return frozenset(map(int, text.split(","))) if text else frozenset()


@dataclass(frozen=True, slots=True)
class ListIndex:
    """What placing any set of articles in the list takes, read once per data version
    (when the reader is idle after its first screen, `Listing.warm`): each story
    member's lead, and each article's rank in list order."""

    lead_of: dict[int, int]  # a story member -> its story's lead; leads and loners absent
    rank: dict[int, int]  # an article -> its index in the unfiltered, uncollapsed order

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> ListIndex:
        """Built by C-level calls (`fetchall`, `dict`, `zip`): 40 ms of CPU each at 100k,
        where one string per table and a split took 50 and a window function 100. The
        ranks are read second, so every lead and member the first read names has one."""
        lead_of = dict(conn.execute(_LEADS).fetchall())
        rank = dict(zip(map(itemgetter(0), conn.execute(_ORDER).fetchall()), count()))
        return cls(lead_of, rank)

    def rows(self, passing: frozenset[int], *, collapse: bool) -> RowList:
        """The rows of the articles passing a filter, in list order: with `collapse`, an
        article whose story's lead passes too is listed behind the lead, not on its own.
        Built of C-level calls only: no bytecode runs per article, so a worker doing this
        for 76,000 hits does not share the GIL with the UI thread in 5 ms turns meanwhile."""
        known = self.rank.__contains__  # a commit after the index was read: not yet
        if collapse:
            behind = map(passing.__contains__, map(self.lead_of.get, passing))
            shown = list(filter(known, compress(passing, map(not_, behind))))
        else:
            shown = list(filter(known, passing))
        shown.sort(key=self.rank.__getitem__)
        return RowList(shown, passing, self.rank)


@dataclass(frozen=True, slots=True)
class RowList:
    """One filter's rows in list order, so a row or any key is placed by bisection on
    the articles' ranks and a page is a slice."""

    ids: list[int]
    passing: frozenset[int]  # the articles passing the filter, rows or listed behind one
    rank: dict[int, int]  # `ListIndex.rank`

    def __len__(self) -> int:
        return len(self.ids)

    def position(self, rank: int) -> int | None:
        """The index of the row whose article has `rank`, None when it is no row."""
        at = self.before(rank)
        return at if at < len(self.ids) and self.rank[self.ids[at]] == rank else None

    def before(self, rank: int) -> int:
        """How many rows come before the article of `rank`, a row or not."""
        return bisect_left(self.ids, rank, key=self.rank.__getitem__)

    def after(self, rank: int) -> int:
        """The index of the first row after the article of `rank`, a row or not."""
        return bisect_right(self.ids, rank, key=self.rank.__getitem__)

    def without(self, read: frozenset[int]) -> RowList:
        """The rows not in `read` (an unread-only list)."""
        return RowList([a for a in self.ids if a not in read], self.passing, self.rank)
