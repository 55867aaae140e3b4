"""Calendar arithmetic on TIMEX3 values: the value containing a day, stepping a value, choosing a reading.

Every function is pure: dates and values in, values out. A value that would be impossible gives None.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

from timeline.timex import grain_of, interval_of

SEASON_ORDER = ("SP", "SU", "FA", "WI")
DAY = dt.timedelta(days=1)


def v_day(d: dt.date) -> str:
    return d.isoformat()


def v_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def v_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def safe_day(y: int, m: int, d: int) -> dt.date | None:
    """The date, or None when it does not exist (31 February)."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def add_months(d: dt.date, n: int) -> dt.date:
    """Same day n months later, clipped to the month's last day."""
    k = d.year * 12 + d.month - 1 + n
    y, m = divmod(k, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def add_units(d: dt.date, unit: str, n: int) -> dt.date:
    """d moved by n units (D day, W week, F fortnight, M month, Q quarter, Y year, E decade, C century)."""
    if unit == "D":
        return d + n * DAY
    if unit == "W":
        return d + 7 * n * DAY
    if unit == "F":
        return d + 14 * n * DAY
    months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}[unit]
    return add_months(d, n * months)


def season_of(d: dt.date) -> str:
    if d.month in (1, 2):
        return f"{d.year - 1:04d}-WI"
    return f"{d.year:04d}-{SEASON_ORDER[(d.month - 3) // 3]}"


def containing(d: dt.date, grain: str) -> str:
    """The value of the given grain that contains day d."""
    if grain == "day":
        return v_day(d)
    if grain == "week":
        return v_week(d)
    if grain == "weekend":
        return v_week(d) + "-WE"
    if grain == "month":
        return v_month(d.year, d.month)
    if grain == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if grain == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if grain == "season":
        return season_of(d)
    if grain == "year":
        return f"{d.year:04d}"
    if grain == "decade":
        return f"{d.year // 10:03d}"
    if grain == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(grain)


def shift(value: str, n: int) -> str | None:
    """The value n steps of its own grain away (2024-06 + 1 = 2024-07, 2024-W52 + 1 = 2025-W01)."""
    grain = grain_of(value)
    span = interval_of(value)
    if grain is None or span is None or grain == "interval":
        return None
    first = span[0]
    try:
        if grain in ("day", "week", "weekend"):
            return containing(first + (7 if grain != "day" else 1) * n * DAY, grain)
        if grain == "month":
            return containing(add_months(first, n), grain)
        if grain == "quarter":
            return containing(add_months(first, 3 * n), grain)
        if grain == "half":
            return containing(add_months(first, 6 * n), grain)
        if grain == "season":
            y, s = int(value[:4]), SEASON_ORDER.index(value[5:])
            y2, s2 = divmod(y * 4 + s + n, 4)
            return f"{y2:04d}-{SEASON_ORDER[s2]}"
        width = {"year": 4, "decade": 3, "century": 2}[grain]
        return f"{int(value) + n:0{width}d}"
    except (ValueError, OverflowError):
        return None


def span_of(value: str | None) -> tuple[dt.date, dt.date] | None:
    return interval_of(value) if value else None


def pick(candidates: Iterable[str | None], ref: dt.date, forward: bool) -> str | None:
    """The reading of an expression without a year: the latest not after ref, or (forward) the next one.

    Going back, a candidate counts when it starts on or before ref; going forward, a day must come after ref
    and a longer period must not have ended before it.
    """
    best: tuple[dt.date, str] | None = None
    for value in candidates:
        span = span_of(value)
        if value is None or span is None:
            continue
        first, last = span
        if forward:
            ok = first > ref if first == last else last >= ref
            if ok and (best is None or first < best[0]):
                best = (first, value)
        elif first <= ref and (best is None or first > best[0]):
            best = (first, value)
    return best[1] if best else None


def nth_weekday(y: int, m: int, weekday: int, n: int) -> dt.date | None:
    """The n-th given weekday of a month (n = -1 for the last); None when there is none."""
    if n > 0:
        first = dt.date(y, m, 1)
        d = first + ((weekday - first.weekday()) % 7 + 7 * (n - 1)) * DAY
        return d if d.month == m else None
    last = dt.date(y, m, calendar.monthrange(y, m)[1])
    d = last - ((last.weekday() - weekday) % 7 + 7 * (-n - 1)) * DAY
    return d if d.month == m else None


def weeks_of_month(y: int, m: int) -> list[str]:
    """ISO weeks that belong to a month: those whose Thursday falls in it (the ISO rule for years)."""
    first = dt.date(y, m, 1)
    thursday = first + ((3 - first.weekday()) % 7) * DAY
    weeks = []
    while thursday.month == m:
        weeks.append(v_week(thursday))
        thursday += 7 * DAY
    return weeks


def weeks_of_year(y: int) -> list[str]:
    last = dt.date(y, 12, 28).isocalendar()[1]
    return [f"{y:04d}-W{w:02d}" for w in range(1, last + 1)]


def weekday_in_week(d: dt.date, weekday: int) -> dt.date:
    """The given weekday of the ISO week containing d."""
    return d + (weekday - d.weekday()) * DAY


def weekday_after(d: dt.date, weekday: int, n: int = 1) -> dt.date:
    """The n-th given weekday strictly after d (n < 0: strictly before)."""
    if n > 0:
        return d + ((weekday - d.weekday() - 1) % 7 + 1 + 7 * (n - 1)) * DAY
    return d - ((d.weekday() - weekday - 1) % 7 + 1 + 7 * (-n - 1)) * DAY


def narrow(first: dt.date, last: dt.date, mod: str | None) -> tuple[dt.date, dt.date]:
    """The part of a period an "early/mid/late" modifier points at: its first, middle or last third."""
    days = (last - first).days + 1
    if mod not in ("START", "MID", "END") or days < 3:
        return first, last
    third = days // 3
    if mod == "START":
        return first, first + (third - 1) * DAY
    if mod == "END":
        return last - (third - 1) * DAY, last
    return first + third * DAY, last - third * DAY


def two_digit_year(yy: int, ref: dt.date | None) -> int:
    """A two-digit year: the century that puts it at most 20 years after ref (or 2000-2049 without ref)."""
    pivot = (ref.year if ref else 2029) + 20
    year = pivot // 100 * 100 + yy
    return year - 100 if year > pivot else year


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)
