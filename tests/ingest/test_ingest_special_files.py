"""Issue 11, item 8: only regular files are opened (a FIFO named as an argument used to
hang in open()), and a subdirectory that cannot be read is reported, not skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from ingest_articles import write_articles

from reader.ingest.pipeline import ingest_paths


@pytest.mark.timeout(60)
def test_a_fifo_or_a_device_gets_one_line_and_the_run_goes_on(
    tmp_path: Path, db_path: Path
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = write_articles(tmp_path / "in", 1)
    report = ingest_paths(db_path, [fifo, Path("/dev/null"), *good], entities=False, workers=1)
    assert report.added == 1
    reasons = {str(p): r for p, r in report.failed}
    assert reasons[str(fifo)] == "not a regular file (a FIFO)"
    assert reasons["/dev/null"] == "not a regular file (a character device)"


@pytest.mark.timeout(60)
def test_a_fifo_inside_a_directory_is_passed_over(tmp_path: Path, db_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    report = ingest_paths(db_path, [tmp_path / "in"], entities=False, workers=1)
    assert (report.added, report.failed) == (2, [])


def test_an_unreadable_subdirectory_is_reported(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 2)
    locked = folder / "locked"
    write_articles(locked, 1, start=5)
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> Iterator[os.DirEntry[str]]:
        # Root reads any directory, so the refusal is what a normal user would get.
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report = ingest_paths(db_path, [folder], entities=False, workers=1)
    assert report.added == 2
    assert [(p, r) for p, r in report.failed] == [
        (locked, "cannot read this directory: permission denied")
    ]
