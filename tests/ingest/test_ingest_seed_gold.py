"""Issue 2, acceptance 1: the five seeds, ingested and exported, match the hand-made gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The export of a fresh database holding the seeds, keyed by seed file name."""
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    tmp = tmp_path_factory.mktemp("gold")
    db, out = tmp / "k.db", tmp / "export.jsonl"
    assert main(["ingest", "--db", str(db), "--no-entities", str(seeds)]) == 0
    assert main(["export", "--db", str(db), "--output", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    own = [r for r in records if r["appended_to"] is None]
    return {Path(r["source_path"]).name: r for r in own}


def test_every_seed_is_exported_once(exported: dict[str, Any], gold: dict[str, Any]) -> None:
    assert sorted(exported) == sorted(gold["articles"])


@pytest.mark.parametrize("name", [f"00{i}" for i in range(5)])
def test_seed_matches_gold(name: str, exported: dict[str, Any], gold: dict[str, Any]) -> None:
    (key,) = [k for k in gold["articles"] if k.startswith(name)]
    want, got = gold["articles"][key], exported[key]
    if "title" in want:
        assert got["title"] == want["title"]
    else:
        assert got["title"].startswith(want["title_starts_with"])
    for field in ("published", "author", "source"):
        assert got[field] == want[field], field
    for text in want["must_keep"]:
        assert text in got["body"], text
    for text in want["must_drop"]:
        assert text not in got["title"] and text not in got["body"], text
