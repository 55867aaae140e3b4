"""TIMEX values: their grain, the days they cover, and the days between two of them."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.timex import days_between, grain_of, in_week_before, interval_of


@pytest.mark.parametrize(("value", "grain", "first", "last"), [
    ("2024-09", "month", dt.date(2024, 9, 1), dt.date(2024, 9, 30)),
    ("2024-02-29", "day", dt.date(2024, 2, 29), dt.date(2024, 2, 29)),
    ("2023", "year", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
])
def test_grain_and_interval(value: str, grain: str, first: dt.date, last: dt.date) -> None:
    assert grain_of(value) == grain
    assert interval_of(value) == (first, last)


@pytest.mark.parametrize(("earlier", "later", "days"), [
    ("2024-11-11", "2024-11-13", 2),
    ("2024-12-30", "2025-01-02", 3),
    ("2024-11-13", "2024-11-11", -2),
    ("2024-11", "2024-11-13", None),    # a month is not a day
    (None, "2024-11-13", None),
])
def test_days_between(earlier: str | None, later: str | None, days: int | None) -> None:
    assert days_between(earlier, later) == days


@pytest.mark.parametrize(("day", "published", "expected"), [
    ("2024-10-04", "2024-10-04", True), ("2024-09-27", "2024-10-04", True), ("2024-09-26", "2024-10-04", False),
    ("2024-10-05", "2024-10-04", False), ("2024-10", "2024-10-04", False), (None, "2024-10-04", False),
])
def test_in_week_before(day: str | None, published: str, expected: bool) -> None:
    assert in_week_before(day, published) is expected
