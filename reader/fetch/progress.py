"""The fetch progress bar on stderr: feeds done and articles added, lines printed above it."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from reader.render.sanitize import terminal_text


class FetchProgress:
    """A bar while feeds are fetched, or plain lines on stderr when disabled (cron, pipes)."""

    def __init__(self, *, enabled: bool) -> None:
        self._console = Console(stderr=True, highlight=False, soft_wrap=True)
        self._progress: Progress | None = None
        self._articles = 0
        if enabled:
            self._progress = Progress(
                BarColumn(bar_width=24),
                MofNCompleteColumn(),
                TextColumn("feeds, {task.fields[articles]} new articles"),
                TimeElapsedColumn(),
                console=self._console,
                transient=True,
            )
            self._task = self._progress.add_task("fetch", total=None, articles=0)

    def __enter__(self) -> FetchProgress:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def start(self, feeds: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, total=feeds)

    def advance(self, articles: int) -> None:
        self._articles += articles
        if self._progress is not None:
            self._progress.update(self._task, advance=1, articles=self._articles)

    def line(self, text: str) -> None:
        self._console.print(escape(terminal_text(text)))
