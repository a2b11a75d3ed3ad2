"""Issue 5, acceptance 3: a signal midway, then a second run, and every article exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from ingest_articles import write_articles
from ingest_runs import start_ingest, stored_articles

from tests.support import HANG

TOTAL = 1500


@pytest.mark.slow
@pytest.mark.timeout(2 * HANG)
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_ingest_resumes_without_duplicates(tmp_path: Path, signum: int) -> None:
    folder = tmp_path / "in"
    write_articles(folder, TOTAL)
    db_path = tmp_path / "k.db"
    process = start_ingest(db_path, folder)
    deadline = time.monotonic() + HANG
    while stored_articles(db_path) < 50 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process.poll() is None, "the run finished before it could be interrupted"
    os.kill(process.pid, signum)
    _, err = process.communicate(timeout=HANG)
    assert process.returncode == 130, err
    assert "interrupted" in err
    stored = stored_articles(db_path)
    assert 0 < stored < TOTAL

    resumed = start_ingest(db_path, folder)
    _, err = resumed.communicate(timeout=HANG)
    assert resumed.returncode == 0, err
    assert f"added {TOTAL - stored} documents" in err
    assert f"{stored} duplicates" in err

    conn = sqlite3.connect(db_path)
    counts = conn.execute(
        "SELECT count(*), count(DISTINCT source_path), count(DISTINCT title) FROM articles"
    ).fetchone()
    assert counts == (TOTAL, TOTAL, TOTAL)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == TOTAL
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == TOTAL
    orphans = conn.execute(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS"
        " (SELECT 1 FROM articles a WHERE a.document_id = d.id)"
    ).fetchone()[0]
    assert orphans == 0
