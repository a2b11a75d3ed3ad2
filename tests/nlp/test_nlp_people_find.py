"""`khabar people --find` on the seeds through the real recogniser: Latin and Arabic."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from reader.cli import main
from reader.store.read.text import loose_fold


def _path(db: sqlite_utils.Database) -> str:
    return str(db.conn.execute("PRAGMA database_list").fetchone()[2])


@pytest.mark.parametrize(
    ("query", "person"),
    [
        ("putin", "فلاديمير بوتين"),
        ("kim jong un", "كيم جونغ أون"),
        ("Kim Jong-il", "كيم جونغ إيل"),
        ("pompeo", "مايك بومبيو"),
        ("lavrov", "سيرغي لافروف"),
        ("بوتين", "فلاديمير بوتين"),
    ],
)
def test_find_ranks_the_person_first(
    seed_db: sqlite_utils.Database, capsys: pytest.CaptureFixture[str], query: str, person: str
) -> None:
    assert main(["people", "--db", _path(seed_db), "--find", query, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found, query
    spellings = {found[0]["canonical"], *(v["surface"] for v in found[0]["variants"])}
    assert loose_fold(person) in {loose_fold(s) for s in spellings}


def test_find_nothing_prints_nothing(
    seed_db: sqlite_utils.Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["people", "--db", _path(seed_db), "--find", "zzzzqqq"]) == 0
    assert capsys.readouterr().out == ""
