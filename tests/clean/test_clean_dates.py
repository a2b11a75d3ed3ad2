"""Publication dates: both Arabic month families, Latin forms, Arabic-Indic digits, no guesses."""

from __future__ import annotations

import pytest

from reader.clean import parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("نشر في: الخميس 31 مايو 2018 - 6:56 م", "2018-05-31"),
        ("تاريخ النشر: 21st, January 2024 GMT", "2024-01-21"),
        ("3 أيار 2020", "2020-05-03"),
        ("الأحد 12 تشرين الأول 2023", "2023-10-12"),
        ("12 أكتوبر 2023", "2023-10-12"),
        ("5 كانون الثاني 2021", "2021-01-05"),
        ("5 كانون الأول 2021", "2021-12-05"),
        ("1 شباط 2019", "2019-02-01"),
        ("٢٥ ديسمبر ٢٠٢٢", "2022-12-25"),
        ("۲۵ آب ۲۰۲۲", "2022-08-25"),
        ("١٢ تشرين الأول/أكتوبر ١٩٤٨", "1948-10-12"),
        ("في 7 حزيران/يونيو 2017", "2017-06-07"),
        ("21/01/2024", "2024-01-21"),
        ("٢١/٠١/٢٠٢٤", "2024-01-21"),
        ("21-01-2024 10:30", "2024-01-21"),
        ("2024-01-21T10:00:00+02:00", "2024-01-21"),
        ("2018/05/31", "2018-05-31"),
        ("May 3, 2021", "2021-05-03"),
        ("3 juin", None),
        ("10 جوان 2020", "2020-06-10"),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    ["21 رجب 1445", "31/02/2024", "في العام 2011", "المادة 12 من القانون 2020", "", "99/99/9999"],
)
def test_no_date_is_invented(text: str) -> None:
    assert parse_date(text) is None


def test_month_day_order_falls_back_only_when_day_month_is_impossible() -> None:
    assert parse_date("03/04/2020") == "2020-04-03"
    assert parse_date("04/23/2020") == "2020-04-23"


def test_earliest_date_in_the_text_wins() -> None:
    line = "نشر في: 1 مايو 2018 | آخر تحديث: 2018-06-02"
    assert parse_date(line) == "2018-05-01"
