"""Issue 11, item 7 (acceptance): `kill -9` of a worker and of the parent, five times each
at random moments. No process outlives its run by more than 5 s, a dead worker is one
clear line and a non-zero exit, and a final run stores every file exactly once in a
database that passes integrity_check with one FTS row per article.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from ingest_articles import write_articles
from ingest_runs import alive, children, pool_workers, start_ingest, stored_articles

from tests.support import HANG

FIRST = 400  # files before the first round
FRESH = 200  # new files before each round, so every kill has work left to land on
KILLS = 5
ROUNDS = 8 * KILLS
GONE_WITHIN = 5.0  # a bound on waiting, not a timing assertion


def _wait_for_workers(
    process: subprocess.Popen[str], db_path: Path, rng: random.Random
) -> list[int]:
    """The workers, once they exist and the writer has stored something new this round.

    Waiting for progress rather than a fixed pause puts the kill inside the work on a
    fast machine and a slow one alike; a small random delay then varies the moment.
    """
    before = stored_articles(db_path)
    deadline = time.monotonic() + HANG
    while process.poll() is None and time.monotonic() < deadline:
        workers = pool_workers(process.pid)
        if len(workers) == 2 and stored_articles(db_path) > before:
            time.sleep(rng.uniform(0.0, 0.05))
            return pool_workers(process.pid)
        time.sleep(0.01)
    return []


def _all_gone(pids: list[int]) -> list[int]:
    deadline = time.monotonic() + GONE_WITHIN
    while time.monotonic() < deadline:
        left = [p for p in pids if alive(p)]
        if not left:
            return []
        time.sleep(0.05)
    return [p for p in pids if alive(p)]


@pytest.mark.slow
@pytest.mark.timeout(3 * HANG)  # about a dozen ingest runs, then one over 2,400+ files
def test_kill_9_of_workers_and_parent_loses_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    total = FIRST
    write_articles(folder, total)
    db_path = tmp_path / "k.db"
    rng = random.Random(11)
    worker_kills = parent_kills = 0
    try:
        # A kill that lands after the workers' last file ends nothing (exit 0): it does not
        # count, and the rounds go on (each with fresh files) until five of each have landed.
        for round_ in range(ROUNDS):
            if worker_kills >= KILLS and parent_kills >= KILLS:
                break
            if (round_ % 2 == 0 and worker_kills >= KILLS) or (
                round_ % 2 == 1 and parent_kills >= KILLS
            ):
                continue
            write_articles(folder, FRESH, start=total)
            total += FRESH
            process = start_ingest(db_path, folder)
            workers = _wait_for_workers(process, db_path, rng)
            if not workers:
                process.communicate(timeout=HANG)
                continue
            if round_ % 2 == 0:
                os.kill(rng.choice(workers), signal.SIGKILL)
                _, err = process.communicate(timeout=HANG)
                if process.returncode != 0:
                    worker_kills += 1
                    assert "a worker died;" in err, err
                    assert "not processed; re-run to finish" in err
                    assert "Traceback" not in err, err
            else:
                os.kill(process.pid, signal.SIGKILL)
                process.communicate(timeout=HANG)
                parent_kills += 1
            assert _all_gone(workers) == [], "workers outlived their run"
    finally:
        for pid in children(os.getpid()):
            os.kill(pid, signal.SIGKILL)
    assert (worker_kills, parent_kills) == (KILLS, KILLS)

    final = start_ingest(db_path, folder)
    _, err = final.communicate(timeout=HANG)
    assert final.returncode == 0, err
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    documents, paths = conn.execute(
        "SELECT count(*), count(DISTINCT path) FROM documents"
    ).fetchone()
    assert (documents, paths) == (total, total)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert articles == total
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == articles
    assert stored_articles(db_path) == total
