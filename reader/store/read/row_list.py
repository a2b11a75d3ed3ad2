"""A search's list held in memory: its rows in list order, counted, placed and sliced there.

A broad search hits most of the archive (بيونج يانج: 76,202 of 105,314 articles at
100k) and which of its hits are rows takes a look at every hit's story (a story's
other articles are listed behind its lead when the lead is a hit too). In SQL that
was a temp table of the hits (22 VM steps a hit) and three index lookups a hit into
a table of the rows: 4 million steps, 180 ms of CPU before the first page. Here it
is arrays indexed by article id (numpy): the hits, read from FTS in one string, as
flags; each article's story lead and rank (`ListIndex`); and the rows are the list
order masked by the flags, in about 2 ms at 100k where the same with sets and dicts
took 30 (and their 76,000 int objects and set slots some 150 bytes a hit).

numpy is imported by the functions that use it: the reader's first paint never
loads it (tests/test_layers.py), the index read after it does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Ids = npt.NDArray[np.int64]
    Flags = npt.NDArray[np.bool_]

# Every article in list order (published DESC, id DESC, undated last): a row's rank.
_ORDER = "SELECT id FROM articles INDEXED BY articles_order ORDER BY published DESC, id DESC"
# Each story member that is not its story's lead, and the lead.
_LEADS = "SELECT article_id, story_id FROM story_members WHERE story_id <> article_id"


def id_array(conn: sqlite3.Connection, ids: str, params: Iterable[Any] = ()) -> Ids:
    """The ids a query gives (its column is `id`), read as one string and parsed in C:
    row by row, the 76,202 hits of بيونج يانج took 26 ms of CPU, as a string and a
    set of ints 20, as a string and an array 9 (load 1.6)."""
    import numpy as np

    text = conn.execute(f"SELECT group_concat(id) FROM ({ids})", tuple(params)).fetchone()[0]
    if not text:
        return np.zeros(0, np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


@dataclass(frozen=True, slots=True)
class ListIndex:
    """What placing any set of articles in the list takes, read once per data version
    (when the reader is idle after its first screen, `Listing.warm`): each story
    member's lead, and each article's rank in list order, as arrays by article id.
    Ids from `size` up were committed after the read: no filter lists them yet."""

    order: Ids  # every article's id, in the unfiltered, uncollapsed list order
    rank: Ids  # by article id: its index in `order`, -1 for no article
    lead: Ids  # by article id: its story's lead when it is another article, else `size`

    @property
    def size(self) -> int:
        """One more than the highest id the index knows; `lead`'s "no lead"."""
        return len(self.rank)

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> ListIndex:
        """Two walks, each as one string parsed in C: 30 ms of CPU at 100k, where dicts
        of the same took 100. The order string keeps the subquery's ORDER BY: SQLite
        does not flatten an ordered subquery into an aggregate (its flattening rule 16),
        so group_concat meets the rows in index order. The ranks are read second, so
        every lead and member the first read names has an id below `size` (or is gone,
        and has no rank)."""
        import numpy as np

        pairs = id_array(conn, f"SELECT article_id || ',' || story_id AS id FROM ({_LEADS})")
        order = id_array(conn, _ORDER)
        size = int(max(order.max(initial=0), pairs.max(initial=0))) + 1
        rank = np.full(size, -1, np.int64)
        rank[order] = np.arange(len(order))
        lead = np.full(size, size, np.int64)
        lead[pairs[0::2]] = pairs[1::2]
        return cls(order, rank, lead)

    def rank_of(self, article_id: int) -> int | None:
        """The article's index in the whole list order, None when the index lacks it."""
        found = int(self.rank[article_id]) if 0 <= article_id < self.size else -1
        return None if found < 0 else found

    def lead_of(self, article_id: int) -> int | None:
        """The lead of the article's story when that is another article."""
        found = int(self.lead[article_id]) if 0 <= article_id < self.size else self.size
        return None if found == self.size else found

    def flags(self, ids: Ids) -> Flags:
        """`ids` as flags by article id, with one more slot (never set) for "no lead"."""
        import numpy as np

        found = np.zeros(self.size + 1, np.bool_)
        found[ids[(ids >= 0) & (ids < self.size)]] = True
        found[self.size] = False
        return found

    def rows(self, passing: Flags, *, collapse: bool) -> RowList:
        """The rows of the articles passing a filter (`flags`), in list order: with
        `collapse`, an article whose story's lead passes too is listed behind the lead,
        not on its own. Array operations only, no bytecode per article, so a worker
        doing this for 76,000 hits does not share the GIL with the UI thread meanwhile."""
        import numpy as np

        ranks = np.flatnonzero(passing[self.order])
        if collapse:
            ranks = ranks[~passing[self.lead[self.order[ranks]]]]
        return RowList(self.order[ranks], ranks, passing)

    def empty(self) -> RowList:
        """No rows: a search with nothing to look for."""
        import numpy as np

        none = np.zeros(0, np.int64)
        return RowList(none, none, np.zeros(self.size + 1, np.bool_))


@dataclass(frozen=True, slots=True)
class RowList:
    """One filter's rows in list order, so a row or any key is placed by bisection on
    the articles' ranks and a page is a slice."""

    ids: Ids  # the rows' article ids, in list order
    ranks: Ids  # their ranks (`ListIndex.rank`), ascending
    passing: Flags  # by article id: passes the filter, a row or listed behind one

    def __len__(self) -> int:
        return len(self.ids)

    def page(self, start: int, end: int) -> list[int]:
        """The ids of rows `start` to `end` (clipped to the list), for SQL."""
        ids: list[int] = self.ids[max(0, start) : max(0, end)].tolist()
        return ids

    def passes(self, article_id: int) -> bool:
        return 0 <= article_id < len(self.passing) - 1 and bool(self.passing[article_id])

    def position(self, rank: int) -> int | None:
        """The index of the row whose article has `rank`, None when it is no row."""
        at = self.before(rank)
        return at if at < len(self.ranks) and int(self.ranks[at]) == rank else None

    def before(self, rank: int) -> int:
        """How many rows come before the article of `rank`, a row or not."""
        return int(self.ranks.searchsorted(rank, "left"))

    def after(self, rank: int) -> int:
        """The index of the first row after the article of `rank`, a row or not."""
        return int(self.ranks.searchsorted(rank, "right"))

    def without(self, read: Flags) -> RowList:
        """The rows not in `read` (`ListIndex.flags`): an unread-only list."""
        kept = ~read[self.ids]
        return RowList(self.ids[kept], self.ranks[kept], self.passing)

    def first_unread(self, read: Flags, start: int, step: int) -> int | None:
        """The index of the first row from `start` on (step 1) or back (step -1) not in
        `read`; None when there is none."""
        import numpy as np

        if step > 0:
            found = np.flatnonzero(~read[self.ids[max(0, start) :]])
            return None if not len(found) else max(0, start) + int(found[0])
        found = np.flatnonzero(~read[self.ids[: max(0, start + 1)]])
        return None if not len(found) else int(found[-1])
