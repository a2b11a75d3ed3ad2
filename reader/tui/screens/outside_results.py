"""What the workers that write the reader's articles out post back: one line to show."""

from __future__ import annotations

from textual.message import Message


class Written(Message):
    """A file written (an export, a saved article) or a command run on an article."""

    def __init__(self, summary: str, ok: bool = True) -> None:
        super().__init__()
        self.summary = summary
        """One line for a notice: what was written where, or what went wrong."""
        self.ok = ok
        """False when it failed: the notice says so as an error."""
