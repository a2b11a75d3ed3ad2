"""What the workers that write the reader's articles out post back: one line to show."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass(eq=False, repr=False)
class Written(Message):
    """A file written (an export, a saved article) or a command run on an article."""

    summary: str
    """One line for a notice: what was written where, or what went wrong."""
    ok: bool = True
    """False when it failed: the notice says so as an error."""
