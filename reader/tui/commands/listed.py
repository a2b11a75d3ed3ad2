"""A palette provider over a short list of commands worked out when the palette opens.

Each provider says which commands it has (name, help, what to run); discovery lists
them all, a search keeps those whose name the fuzzy matcher scores.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

Command = tuple[str, str, Callable[[], object]]
"""A palette entry: its name, a line of help, and what choosing it runs."""


class ListedCommands(Provider):
    def commands(self) -> list[Command]:
        raise AssertionError("a listed provider says which commands it has")

    async def discover(self) -> Hits:
        for name, help_text, command in self.commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, help=help_text)
