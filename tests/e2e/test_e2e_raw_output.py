"""Issue 11 (acceptance): the reader's raw output to the terminal, recorded by tmux
`pipe-pane`, carries no sequence from a hostile article: no OSC 52 (clipboard), no
title change, no DCS, no 8-bit C1, no bidi control. (The cleaner drops the ESC and BEL of
a sequence one by one, so the payload's printable rest, "]52;c;…", is stored and shown as
plain text: junk, but inert.)"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from reader.ingest.pipeline import ingest_paths
from tests.support import require_tool

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
TITLE = "عنوان\x1b]52;c;aGFja2Vk\x07 الخبر\x1b]2;owned\x07 المهم\x9d0;owned\x9c"
BODY = (
    "قال الرئيس \u202eفلاديمير بوتين\x1bPq#0;2\x1b\\ إن المحادثات مفيدة.\x1b[2J "
    "وأضاف أن التعاون بين البلدين سيستمر في المرحلة المقبلة. " * 5
)
FOREIGN = (
    b"\x1b]52",
    b"\x1b]0;",
    b"\x1b]2;",
    b"\x1bP",
    "\u202e".encode(),
    "\x9b".encode(),
    "\x9d".encode(),
    "\x9c".encode(),
)


def test_raw_output_of_the_reader_has_no_foreign_sequence(tmp_path: Path) -> None:
    require_tool("tmux")
    khabar = require_tool("khabar")
    feed = tmp_path / "hostile.jsonl"
    feed.write_text(
        json.dumps({"title": TITLE, "body": BODY, "author": "\x1b]0;owned\x07كاتب"}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "k.db"
    assert ingest_paths(db, [feed], entities=False, workers=1).added == 1
    raw = tmp_path / "raw.out"
    session = f"khabar-raw-{os.getpid()}-{tmp_path.name}"
    command = f"{khabar} --db {db}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command], check=True
    )
    try:
        subprocess.run(["tmux", "pipe-pane", "-o", "-t", session, f"cat >> {raw}"], check=True)
        subprocess.run(["tmux", "send-keys", "-t", session, "2", "G", "m", "m"], check=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.5)
            if raw.exists() and raw.stat().st_size > 2000 and b"bidi:" in raw.read_bytes():
                break
        time.sleep(1)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
    data = raw.read_bytes()
    assert b"bidi:" in data, data[:500]
    assert [seq for seq in FOREIGN if seq in data] == []
