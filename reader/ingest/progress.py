"""The ingest progress bar on stderr: files done, articles, rate and time left."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class ProgressBar:
    """A rich progress bar, or nothing at all when disabled (pipes, a handful of files)."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self._progress: Progress | None = None
        if enabled:
            self._progress = Progress(
                BarColumn(bar_width=24),
                MofNCompleteColumn(),
                TextColumn("files, {task.fields[articles]} articles, {task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("eta"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self._task = self._progress.add_task("ingest", total=total, articles=0, rate="")

    @property
    def enabled(self) -> bool:
        return self._progress is not None

    def say(self, text: str) -> None:
        """A word on what is happening while no file has come back yet."""
        if self._progress is not None:
            self._progress.update(self._task, rate=text)

    def __enter__(self) -> ProgressBar:
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

    def advance(self, files: int, articles: int) -> None:
        if self._progress is None:
            return
        if files:
            self._progress.advance(self._task, files)
        speed = self._progress.tasks[0].speed
        rate = f"{speed:,.0f} files/s" if speed else ""
        self._progress.update(self._task, articles=articles, rate=rate)
