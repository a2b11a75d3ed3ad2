"""The progress bar moves once per file from the first file; the summary counts in English."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from ingest_articles import write_articles

from reader.ingest import pipeline
from reader.ingest.pipeline import IngestReport, ingest_paths
from reader.ingest.summary import summary_lines


class _Recorder:
    """Stands in for the rich bar: what it was told, in order."""

    made: ClassVar[list[_Recorder]] = []

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total, self._enabled = total, enabled
        self.steps: list[int] = []
        self.said: list[str] = []
        _Recorder.made.append(self)

    def __enter__(self) -> _Recorder:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    @property
    def enabled(self) -> bool:
        return self._enabled

    def say(self, text: str) -> None:
        self.said.append(text)

    def advance(self, files: int, articles: int) -> None:
        self.steps.append(files)


@pytest.mark.parametrize("workers", [1, 2])
def test_bar_advances_one_file_at_a_time_from_the_first(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    files = write_articles(tmp_path / "in", 20)
    _Recorder.made = []
    monkeypatch.setattr(pipeline, "ProgressBar", _Recorder)
    texts: list[str] = []

    def extractor(text: str) -> list[object]:
        texts.append(text)
        return []

    report = ingest_paths(
        db_path,
        files,
        workers=workers,
        progress=True,
        extractor=extractor,
    )
    assert report.added == 20
    (bar,) = _Recorder.made
    assert bar.enabled and bar.total == 20
    moved = [step for step in bar.steps if step]
    assert moved == [1] * 20, bar.steps
    # The model is warmed once, with the bar saying so, before any file is prepared.
    assert bar.said[0].startswith("loading the entity model") and bar.steps
    assert texts[0] == pipeline.WARM_UP_TEXT


def test_summary_says_one_document_and_one_article() -> None:
    report = IngestReport(added=1, articles=1, duplicates=1, files=2)
    assert next(summary_lines(report)) == "added 1 document (1 article), 1 duplicate, 0 failed"
    many = IngestReport(added=2, articles=2, duplicates=0, files=2)
    assert next(summary_lines(many)).startswith("added 2 documents (2 articles), 0 duplicates")
