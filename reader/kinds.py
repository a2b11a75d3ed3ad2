"""The entity kinds, one name each for every layer: recogniser, store, export, styles, panes.

A StrEnum, so a kind is also the plain string the database and the JSON export hold.
Imports nothing, so any room may use it.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    PER = "PER"  # persons
    LOC = "LOC"  # places
    ORG = "ORG"  # organisations
    MISC = "MISC"  # everything else named

    @property
    def style(self) -> str:
        """The name of its style in the stylesheet's component classes (`body--per`)."""
        return self.value.lower()


def kind_order(kind: str) -> int:
    """Persons first, then places, organisations, the rest; an unknown kind last."""
    try:
        return list(Kind).index(Kind(kind))
    except ValueError:
        return len(Kind)
