"""Calendar arithmetic on TIMEX3 values."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.date_calc import (
    add_months,
    easter,
    narrow,
    nth_weekday,
    pick,
    shift,
    two_digit_year,
    weeks_of_month,
)

REF = dt.date(2024, 10, 4)


@pytest.mark.parametrize(("value", "n", "expected"), [
    ("2024-12", 1, "2025-01"), ("2024-W52", 1, "2025-W01"), ("2024-Q1", -1, "2023-Q4"), ("2024-WI", 1, "2025-SP"),
    ("2024-H2", 1, "2025-H1"), ("199", 1, "200"), ("2024-02-28", 2, "2024-03-01"),
])
def test_shift(value: str, n: int, expected: str) -> None:
    assert shift(value, n) == expected


def test_pick_prefers_latest_not_after_ref_and_next_when_forward() -> None:
    cands = ["2023-09", "2024-09", "2025-09"]
    assert pick(cands, REF, forward=False) == "2024-09"
    assert pick(cands, REF, forward=True) == "2025-09"


def test_weeks_of_month_follow_thursdays() -> None:
    assert weeks_of_month(2024, 8) == ["2024-W31", "2024-W32", "2024-W33", "2024-W34", "2024-W35"]


def test_narrow_thirds() -> None:
    assert narrow(dt.date(2024, 1, 1), dt.date(2024, 1, 30), "MID") == (dt.date(2024, 1, 11), dt.date(2024, 1, 20))


@pytest.mark.parametrize(("y", "m", "weekday", "n", "expected"), [
    (2024, 9, 0, 1, dt.date(2024, 9, 2)), (2024, 9, 4, -1, dt.date(2024, 9, 27)), (2024, 2, 4, 5, None),
])
def test_nth_weekday(y: int, m: int, weekday: int, n: int, expected: dt.date | None) -> None:
    assert nth_weekday(y, m, weekday, n) == expected


def test_add_months_clips_to_month_end() -> None:
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)


@pytest.mark.parametrize(("yy", "ref", "year"), [(27, dt.date(2016, 1, 1), 2027), (71, dt.date(2016, 1, 1), 1971),
                                                 (5, None, 2005)])
def test_two_digit_year(yy: int, ref: dt.date | None, year: int) -> None:
    assert two_digit_year(yy, ref) == year


@pytest.mark.parametrize(("year", "sunday"), [(2019, dt.date(2019, 4, 21)), (2024, dt.date(2024, 3, 31)),
                                              (2025, dt.date(2025, 4, 20))])
def test_easter(year: int, sunday: dt.date) -> None:
    assert easter(year) == sunday
