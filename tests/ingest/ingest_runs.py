"""`khabar ingest` as a child process, for the tests that interrupt or kill it: how to
start one, how many articles it has stored so far, and its processes as /proc shows them.

A plain module beside ingest_articles, not conftest, for the same reason as that one.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

COMMAND = (sys.executable, "-m", "reader", "ingest", "--no-entities", "--workers", "2")


def start_ingest(db_path: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*COMMAND, "--db", str(db_path), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored_articles(db_path: Path) -> int:
    """Articles committed so far (0 while the database does not exist yet or is locked)."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(entry.name))
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def pool_workers(pid: int) -> list[int]:
    """The pool's workers: forked children running the parent's own command line."""
    try:
        own = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    out = []
    for child in children(pid):
        try:
            if Path(f"/proc/{child}/cmdline").read_bytes() == own:
                out.append(child)
        except OSError:
            continue
    return out
