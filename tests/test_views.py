"""Saved views in the config and date ranges typed in the palette."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.views import View, parse_views, typed_dates

PATH = Path("config.toml")


def test_a_view_takes_names_sources_dates_and_flags() -> None:
    views, problems = parse_views(
        {
            "korea": {
                "place": ["بيونغ يانغ", "سيول"],
                "person": "كيم جونغ أون",
                "source": "RT",
                "since": "2024-01",
                "until": "2024",
                "unread": True,
                "search": " نووي ",
            }
        },
        PATH,
    )
    assert problems == []
    assert views == (
        View(
            "korea",
            (("PER", "كيم جونغ أون"), ("LOC", "بيونغ يانغ"), ("LOC", "سيول")),
            frozenset({"RT"}),
            "2024-01",
            "2024",
            unread=True,
            search="نووي",
        ),
    )


def test_each_bad_view_is_one_line_and_the_good_ones_stay() -> None:
    views, problems = parse_views(
        {
            "good": {"org": "الأمم المتحدة"},
            "empty": {},
            "flag": {"unread": "yes"},
            "names": {"place": []},
            "order": {"since": "2024-03", "until": "2024-01"},
            "table": "place = x",
        },
        PATH,
    )
    assert [v.name for v in views] == ["good"]
    assert [p.split(": ", 2)[1] for p in problems] == [
        "views.empty",
        "views.flag",
        "views.names",
        "views.order",
        "views.table must be a table ([views.table])",
    ]
    assert "unread must be true or false" in problems[1]
    assert parse_views("x", PATH)[1] == [f"{PATH}: [views] must be a table of views ([views.NAME])"]


def test_typed_date_ranges() -> None:
    assert typed_dates("dates 2024-01..2024-03") == ("2024-01", "2024-03")
    assert typed_dates("2018..") == ("2018", None)
    assert typed_dates("..2023-06-30") == (None, "2023-06-30")
    for text in ("..", "dates", "2024-13..", "2024..2023", "putin"):
        assert typed_dates(text) is None


@given(st.text())
def test_no_typed_text_raises(text: str) -> None:
    found = typed_dates(text)
    assert found is None or any(found)
