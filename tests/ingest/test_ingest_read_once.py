"""A text dump is read and decoded once per ingest: the first pass keeps what it decoded
for the workers (reader/ingest/read_once.py), who used to read and decode it again."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_articles import write_articles

from reader.ingest import prepare, read_once, templates
from reader.ingest.decode import Decoded
from reader.ingest.pipeline import ingest_paths


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    reads: list[Path] = []
    for module in (templates, prepare):
        original = module.read_bytes

        def counted(path: Path, original: object = original) -> bytes:
            reads.append(path)
            return original(path)  # type: ignore[operator, no-any-return]

        monkeypatch.setattr(module, "read_bytes", counted)
    return reads


def test_each_text_dump_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = write_articles(tmp_path / "in", 3)
    reads = _count_reads(monkeypatch)
    report = ingest_paths(tmp_path / "k.db", [tmp_path / "in"], entities=False, workers=1)
    assert report.added == 3
    assert sorted(reads) == sorted(paths)
    assert all(read_once.take(p) is None for p in paths), "nothing outlives the run"


def test_what_is_kept_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_once, "LIMIT", 10)
    read_once.forget()
    read_once.keep(Path("a.txt"), "a", Decoded("ششششش", "utf-8"))
    read_once.keep(Path("b.txt"), "b", Decoded("ششششش", "utf-8"))
    read_once.keep(Path("c.txt"), "c", Decoded("ش", "utf-8"))
    assert read_once.take(Path("a.txt")) is not None
    assert read_once.take(Path("b.txt")) is not None
    assert read_once.take(Path("c.txt")) is None, "past the limit a text is read again"
    assert read_once.take(Path("a.txt")) is None, "taken once"
    read_once.forget()
