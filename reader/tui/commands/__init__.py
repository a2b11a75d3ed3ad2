"""The reader's command palette (Ctrl+P): one provider per module, all listed here.

The reader screen offers every provider in PROVIDERS beside Textual's own commands;
a new kind of command is a new module and one more entry.
"""

from __future__ import annotations

from reader.tui.commands.feeds import FeedCommands
from reader.tui.commands.filters import FilterCommands
from reader.tui.commands.reader import ReaderCommands

PROVIDERS = (ReaderCommands, FeedCommands, FilterCommands)
