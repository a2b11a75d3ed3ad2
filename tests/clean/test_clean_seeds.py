"""Acceptance 1 for the cleaner: each seed dump against the hand-made gold."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.clean import CleanArticle, clean_text

GOLD = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "seed-gold.json").read_text("utf-8")
)
NAMES = sorted(GOLD["articles"])


@pytest.fixture(scope="module")
def cleaned(seed_text: Callable[[str], str]) -> dict[str, CleanArticle]:
    return {name: clean_text(seed_text(name)) for name in NAMES}


def test_every_seed_has_gold(seed_paths: list[Path]) -> None:
    assert sorted(p.name for p in seed_paths) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_title(name: str, cleaned: dict[str, CleanArticle], gold: dict[str, Any]) -> None:
    expected = gold["articles"][name]
    title = cleaned[name].title
    if "title" in expected:
        assert title == expected["title"]
    else:
        assert title.startswith(expected["title_starts_with"])
        assert len(title) <= 101
        assert "\n" not in title


@pytest.mark.parametrize("field", ["published", "author", "source"])
@pytest.mark.parametrize("name", NAMES)
def test_metadata(
    name: str, field: str, cleaned: dict[str, CleanArticle], gold: dict[str, Any]
) -> None:
    assert getattr(cleaned[name], field) == gold["articles"][name][field]


@pytest.mark.parametrize("name", NAMES)
def test_must_keep(name: str, cleaned: dict[str, CleanArticle], gold: dict[str, Any]) -> None:
    body = cleaned[name].body
    for text in gold["articles"][name]["must_keep"]:
        assert text in body, text


@pytest.mark.parametrize("name", NAMES)
def test_must_drop(name: str, cleaned: dict[str, CleanArticle], gold: dict[str, Any]) -> None:
    article = cleaned[name]
    for text in gold["articles"][name]["must_drop"]:
        assert text not in article.body, text
        assert text not in article.title, text


@pytest.mark.parametrize("name", NAMES)
def test_body_shape(name: str, cleaned: dict[str, CleanArticle]) -> None:
    paragraphs = cleaned[name].body.split("\n")
    assert all(p and p == p.strip() for p in paragraphs)


def test_appended_article_is_cut_from_003(cleaned: dict[str, CleanArticle]) -> None:
    article = cleaned["003_6e411e653f270d41.txt"]
    assert len(article.appended) == 1
    second = article.appended[0]
    assert second.title == "ترامب يريد استئناف الاتصال بزعيم كوريا الشمالية"
    assert "روبيو" in second.body
    assert "روبيو" not in article.body
    assert second.published is None and second.source is None


def test_appended_article_splits_glued_heading_and_ad(cleaned: dict[str, CleanArticle]) -> None:
    second = cleaned["003_6e411e653f270d41.txt"].appended[0]
    paragraphs = second.body.split("\n")
    assert "إطراء متبادل" in paragraphs
    assert any(p.startswith("وكان ترامب قال") for p in paragraphs)
    assert any(p.startswith("والأسبوع الماضي") for p in paragraphs)
    assert "إعلان" not in second.body


def test_section_headings_are_kept(cleaned: dict[str, CleanArticle]) -> None:
    assert "دبلوماسية صعبة" in cleaned["000_e1e277609a30d2d6.txt"].body.split("\n")
    assert "اتهامات لكوريا الشمالية بدعم روسيا" in cleaned["003_6e411e653f270d41.txt"].body.split(
        "\n"
    )


def test_dropped_lines_say_why(cleaned: dict[str, CleanArticle]) -> None:
    reasons = {d.reason for d in cleaned["001_f70547b828967c76.txt"].dropped}
    assert {"social", "ad", "caption", "copyright", "metadata", "read-also", "related"} <= reasons
    chrome = cleaned["004_028cf1888437aba3.txt"].dropped
    assert any(d.reason == "chrome-date" and "9 مايو 2024" in d.text for d in chrome)
    assert any(d.reason == "poll" and d.text.startswith("هل ") for d in chrome)
