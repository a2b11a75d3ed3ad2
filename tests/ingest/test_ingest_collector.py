"""The collector during an ingest: the objects alive at its start frozen, young
collections rarer, and the process's collector as it was once the run is over."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from reader.ingest import collector, pipeline
from reader.ingest.pipeline import ingest_paths


def test_settled_freezes_for_the_run_and_restores_after() -> None:
    before = gc.get_threshold()
    gc.unfreeze()
    with collector.settled():
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] == collector.YOUNG
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_settled_leaves_a_callers_own_freeze_alone() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector.settled():
            pass
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()


def test_the_writer_stores_with_the_collector_settled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, int]] = []
    insert = pipeline.insert_documents

    def spy(*args: object, **kwargs: object) -> object:
        seen.append((gc.get_threshold()[0], gc.get_freeze_count()))
        return insert(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "insert_documents", spy)
    (tmp_path / "a.txt").write_text("عنوان الخبر\n" + "قال الرئيس إن الاجتماع مهم. " * 20, "utf-8")
    gc.unfreeze()
    report = ingest_paths(tmp_path / "k.db", [tmp_path / "a.txt"], entities=False, workers=1)
    assert report.added == 1
    assert seen and all(young == collector.YOUNG and frozen > 0 for young, frozen in seen)
    assert gc.get_freeze_count() == 0
