"""The evaluation set keeps its promises: split by site, enough pages, gold that matches."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "clean-eval"


@pytest.fixture(scope="module")
def pages() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((DATA / "gold.json").read_text("utf-8"))["pages"]
    return data


def test_no_site_is_in_both_splits(pages: list[dict[str, Any]]) -> None:
    train = {p["site"] for p in pages if p["split"] == "train"}
    held = {p["site"] for p in pages if p["split"] == "heldout"}
    assert len(train) >= 5 and len(held) >= 5
    assert not train & held


def test_held_out_part_is_large_enough(pages: list[dict[str, Any]]) -> None:
    held = [p for p in pages if p["split"] == "heldout" and not p.get("not_article")]
    assert sum(p["kind"] == "text" for p in held) >= 40
    assert sum(p["kind"] == "html" for p in held) >= 15


def test_held_out_chrome_shares_no_line_with_training_chrome(
    pages: list[dict[str, Any]],
) -> None:
    def chrome(split: str) -> set[str]:
        return {line for p in pages if p["split"] == split for line in p.get("chrome", [])}

    assert not chrome("train") & chrome("heldout")


def test_gold_lines_are_in_the_page(pages: list[dict[str, Any]]) -> None:
    for page in pages:
        if page.get("not_article"):
            continue
        raw = html.unescape((DATA / page["file"]).read_text("utf-8"))
        for line in [page["title"], *page["body"]]:
            assert line in raw, (page["file"], line)
