"""TIMEX3 values: their grain, the calendar days they cover, and how to say them in words.

A value keeps the precision the text gave: `2024-09` is a month, never `2024-09-01`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

GRAINS = (
    "day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century", "interval",
)

SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("interval", re.compile(r"(?P<a>[^/]+)/(?P<b>[^/]+)")),
    ("day", re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")),
    ("weekend", re.compile(r"(?P<y>\d{4})-W(?P<w>\d{2})-WE")),
    ("week", re.compile(r"(?P<y>\d{4})-W(?P<w>\d{2})")),
    ("month", re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})")),
    ("quarter", re.compile(r"(?P<y>\d{4})-Q(?P<q>[1-4])")),
    ("half", re.compile(r"(?P<y>\d{4})-H(?P<h>[12])")),
    ("season", re.compile(r"(?P<y>\d{4})-(?P<s>SP|SU|FA|WI)")),
    ("year", re.compile(r"(?P<y>\d{4})")),
    ("decade", re.compile(r"(?P<y>\d{3})")),
    ("century", re.compile(r"(?P<y>\d{2})")),
]


def grain_of(value: str) -> str | None:
    """The grain of a TIMEX3 value, or None when it is not one we know."""
    for grain, pattern in _PATTERNS:
        if pattern.fullmatch(value or ""):
            return grain
    return None


def interval_of(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last calendar day a TIMEX3 value covers; None for an unknown or impossible value."""
    value = (value or "").strip()
    for grain, pattern in _PATTERNS:
        m = pattern.fullmatch(value)
        if m:
            try:
                return _bounds(grain, m)
            except (ValueError, OverflowError):
                return None
    return None


def _bounds(grain: str, m: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    g = m.groupdict()
    if grain == "interval":
        a, b = interval_of(g["a"]), interval_of(g["b"])
        if a is None or b is None or a[0] > b[1]:
            return None
        return a[0], b[1]
    y = int(g["y"])
    if grain == "day":
        d = dt.date(y, int(g["m"]), int(g["d"]))
        return d, d
    if grain in ("week", "weekend"):
        monday = dt.date.fromisocalendar(y, int(g["w"]), 1)
        if grain == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if grain == "month":
        return month_bounds(y, int(g["m"]))
    if grain == "quarter":
        q = int(g["q"])
        return dt.date(y, 3 * q - 2, 1), month_bounds(y, 3 * q)[1]
    if grain == "half":
        h = int(g["h"])
        return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
    if grain == "season":
        return season_bounds(y, g["s"])
    if grain == "year":
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if grain == "decade":
        return dt.date(max(y * 10, 1), 1, 1), dt.date(y * 10 + 9, 12, 31)
    if grain == "century":
        return dt.date(max(y * 100, 1), 1, 1), dt.date(y * 100 + 99, 12, 31)
    return None


def days_between(earlier: str | None, later: str | None) -> int | None:
    """Days from one ISO day to another; None unless both are days."""
    if not earlier or not later or grain_of(earlier) != "day" or grain_of(later) != "day":
        return None
    return (dt.date.fromisoformat(later) - dt.date.fromisoformat(earlier)).days


def in_week_before(day: str | None, published: str | None) -> bool:
    """Said on the day of the report or in the seven days before it: the report's news, not an earlier event."""
    days = days_between(day, published)
    return days is not None and 0 <= days <= 7


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def season_bounds(year: int, season: str) -> tuple[dt.date, dt.date]:
    """Meteorological seasons of the northern hemisphere; winter takes the year it starts in."""
    if season == "SP":
        return dt.date(year, 3, 1), dt.date(year, 5, 31)
    if season == "SU":
        return dt.date(year, 6, 1), dt.date(year, 8, 31)
    if season == "FA":
        return dt.date(year, 9, 1), dt.date(year, 11, 30)
    return dt.date(year, 12, 1), month_bounds(year + 1, 2)[1]


def describe(value: str | None) -> str:
    """A TIMEX3 value in words at its own precision: "19 June 2024", "September 2024", "2024"."""
    if not value:
        return "undated"
    grain = grain_of(value)
    span = interval_of(value)
    if grain is None or span is None:
        return value
    first, last = span
    if grain == "day":
        return f"{first.day} {first:%B %Y}"
    if grain == "month":
        return f"{first:%B %Y}"
    if grain == "year":
        return value
    if grain == "quarter":
        return f"Q{value[-1]} {value[:4]}"
    if grain == "half":
        return f"{'first' if value.endswith('1') else 'second'} half of {value[:4]}"
    if grain == "season":
        return f"{SEASONS[value[-2:]]} {value[:4]}"
    if grain == "week":
        return f"week of {first.day} {first:%B %Y}"
    if grain == "weekend":
        return f"weekend of {first.day}–{last.day} {last:%B %Y}"
    if grain == "decade":
        return f"the {value}0s"
    if grain == "century":
        return f"the {int(value) + 1}th century"
    a, b = value.split("/")
    return f"{describe(a)} to {describe(b)}"
