"""A function's results by argument, kept in a plain dict.

News repeats its words, so per-word work (folding, bare forms) is done once per form.
A dict subclass with __missing__ is read by map() in C: a text's known words then
cost no Python call each, where functools.lru_cache's bookkeeping cost more than the
work it saved. The memo is emptied when it reaches its limit, which bounds memory
on an archive of many distinct forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    def __init__(self, function: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self.function = function
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.function(key)
        return value
