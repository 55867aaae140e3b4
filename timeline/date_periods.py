"""The temporal grammar, part 2: years and longer periods ("2024", "the 1990s", "Q3 2024", "summer 2024",
"the first half of 2024", "the 20th century") and holidays ("Christmas", "Thanksgiving 2023").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from timeline import date_words as w
from timeline.date_calc import DAY, containing, easter, nth_weekday, safe_day, two_digit_year, v_day
from timeline.date_rules import (
    REL_STEP,
    YEAR4,
    YREF,
    Ctx,
    Reading,
    count_follows,
    resolved_year,
    rule,
    underspecified,
    year_of,
)

# --- years, decades, centuries --------------------------------------------------------------------------

_YEAR_CUE = re.compile(r"\b(?:in|since|by|until|till|from|of|to|before|after|during|through|early|late|mid|between"
                       r"|and|or|around|circa|c\.|year|fiscal|FY|spring|summer|autumn|fall|winter)[\s-]*$", re.I)


@rule("year", rf"(?:(?<=mid-)|(?<=pre-)|(?<=post-)|(?<![\w$£€#.,/-])){YEAR4}(?![\w%/-])")
def _year(m: re.Match[str], c: Ctx) -> Reading | None:
    cue = _YEAR_CUE.search(c.prev_words(m.start()))
    if not cue and (count_follows(c.text, m.end(), plural_only=True) or not 1900 <= int(m.group(0)) <= 2099):
        return None
    return Reading(m.group(0), "year")


@rule("fiscal-year", r"(?<![\w-])FY\s*-?\s*(?P<y>\d{4}|\d{2})(?!\w)|(?<![\w-])fiscal\s+(?:year\s+)?(?P<y2>\d{4})(?!\w)")
def _fiscal_year(m: re.Match[str], c: Ctx) -> Reading | None:
    text = m.group("y") or m.group("y2")
    return Reading(f"{year_of(text, c.ref):04d}", "year")


@rule("year-words", rf"\b(?:in|since|from|until|till|by|of|to|and|before|after|during|through)\s+"
      rf"(?P<y>{w.YEAR_WORDS})")
def _year_words(m: re.Match[str], c: Ctx) -> Reading | None:
    y = w.year_value(m.group("y"))
    if not y or not 1000 <= y <= 2199 or count_follows(c.text, m.end()):
        return None
    return Reading(f"{y:04d}", "year", group="y")


@rule("year-range", rf"(?<![\w$£€#.,/-])(?P<a>{YEAR4})\s*(?:-|–|—|/)\s*(?P<b>\d{{4}}|\d\d)(?![\w%/-]|[.,]\d)")
def _year_range(m: re.Match[str], c: Ctx) -> Reading | None:
    a, b = int(m.group("a")), m.group("b")
    end = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
    if not a < end <= a + 100 or (len(b) == 2 and int(b) <= 12 and "/" not in m.group(0)):
        return None
    return Reading(f"{a:04d}/{end:04d}", "interval")


@rule("decade-digits", r"(?:(?<=mid-)|(?<=pre-)|(?<=post-)|(?<![\w$£€#.,/-]))(?:the\s+)?(?P<y>1\d\d|20\d)0'?s(?!\w)")
def _decade_digits(m: re.Match[str], c: Ctx) -> Reading | None:
    return Reading(m.group("y"), "decade")


@rule("decade-short", r"(?:\bthe\s+'?|'|(?<![\w$£€#.,/-]))(?P<d>\d)0(?P<apo>'?)s(?!\w)")
def _decade_short(m: re.Match[str], c: Ctx) -> Reading | None:
    text = m.group(0).lower()
    if not (text.startswith("the") or text.startswith("'") or m.group("apo")):
        return None
    d = int(m.group("d"))
    return Reading(f"{20 if d <= 1 else 19}{d}", "decade")


@rule("decade-words", rf"\bthe\s+(?:(?P<c>eighteen|nineteen|twenty)[\s-]+)?(?P<w>{w.alternation(w.DECADE_WORDS)})\b"
      r"|\bthe\s+(?P<tens>two\s+thousand\s+and\s+tens|twenty[\s-]+tens|two\s+thousands|noughties|aughts)\b")
def _decade_words(m: re.Match[str], c: Ctx) -> Reading | None:
    if m.group("tens"):
        return Reading("201" if "tens" in m.group("tens").lower() else "200", "decade")
    century = w.CARDINALS[m.group("c").lower()] if m.group("c") else 19
    return Reading(f"{century}{w.DECADE_WORDS[m.group('w').lower()]}", "decade")


@rule("century", rf"(?:\bthe\s+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<wn>{w.DAY_ORD_WORD}))\s+century\b")
def _century(m: re.Match[str], c: Ctx) -> Reading | None:
    n = int(m.group("n")) if m.group("n") else w.number_value(m.group("wn"))
    return Reading(f"{n - 1:02d}", "century") if n and 1 <= n <= 30 else None


# --- quarters, halves, seasons, holidays ----------------------------------------------------------------

_Q_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4,
          "last": 4}


def _period_reading(c: Ctx, m: re.Match[str], grain: str, code: str, year: int | None) -> Reading:
    if year is not None:
        return Reading(f"{year:04d}-{code}", grain)
    return underspecified(c, m, grain, lambda p: (f"{y:04d}-{code}" for y in range(p.year - 1, p.year + 2)))


@rule("quarter-code", r"(?<![\w.,/-])(?:(?P<y>\d{4})\s*-?\s*Q(?P<q>[1-4])|(?P<yy>\d\d)q(?P<q2>[1-4])"
      r"|Q(?P<q3>[1-4])(?:\s*,?\s*(?:of\s+)?(?:(?P<y3>\d{4})|(?P<yrel>this|next|last|current)\s+year))?)(?!\w)")
def _quarter_code(m: re.Match[str], c: Ctx) -> Reading | None:
    q = m.group("q") or m.group("q2") or m.group("q3")
    y: int | None = None
    if m.group("y") or m.group("y3"):
        y = int(m.group("y") or m.group("y3"))
    elif m.group("yy"):
        y = two_digit_year(int(m.group("yy")), c.ref)
    elif m.group("yrel"):
        if c.ref is None:
            return Reading(None, "quarter", relative=True)
        y = c.ref.year + REL_STEP[m.group("yrel").lower()]
    return _period_reading(c, m, "quarter", f"Q{q}", y)


@rule("quarter", rf"(?:\bthe\s+)?(?:(?P<y0>{YEAR4})\s*,?\s*(?:the\s+)?)?\b(?P<o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
      rf"\s+(?:quarter|qtr)(?!\w)(?:\s*,?\s*(?:of\s+|in\s+)?{YREF})?")
def _quarter(m: re.Match[str], c: Ctx) -> Reading | None:
    o = m.group("o").lower()
    has_year = m.group("y0") or m.group("y") or m.group("yrel")
    if o in ("last", "final") and not has_year:
        return None
    if m.group("y0"):
        y: int | None = int(m.group("y0"))
    elif has_year:
        y, rel = resolved_year(m, c)
        if y is None:
            return Reading(None, "quarter", relative=True)
    else:
        y = None
    reading = _period_reading(c, m, "quarter", f"Q{_Q_ORD[o]}", y)
    reading.anaphoric = (m.group("yrel") or "").lower() == "the"
    return reading


@rule("half-code", r"(?<![\w.,/-])(?:H(?P<h>[12])\s*,?\s*(?P<y>\d{4})|(?P<y2>\d{4})\s*-?\s*H(?P<h2>[12]))(?!\w)")
def _half_code(m: re.Match[str], c: Ctx) -> Reading | None:
    return Reading(f"{m.group('y') or m.group('y2')}-H{m.group('h') or m.group('h2')}", "half")


@rule("half", rf"(?:\bthe\s+)?\b(?P<o>first|second|1st|2nd|latter|last)\s+half\s+(?:of\s+|in\s+)?{YREF}"
      rf"|(?<![\w.,/-])(?P<y0>{YEAR4})\s*,?\s*(?:the\s+)?(?P<o0>first|second|1st|2nd)\s+half(?!\w)")
def _half(m: re.Match[str], c: Ctx) -> Reading | None:
    if m.group("y0"):
        return Reading(f"{m.group('y0')}-H{1 if m.group('o0').lower() in ('first', '1st') else 2}", "half")
    y, rel = resolved_year(m, c)
    h = 1 if m.group("o").lower() in ("first", "1st") else 2
    return Reading(f"{y:04d}-H{h}" if y else None, "half", relative=rel,
                   anaphoric=(m.group("yrel") or "").lower() == "the")


@rule("season-year", rf"(?:\bthe\s+)?\b(?P<s>{w.SEASON_NAME})\s*,?\s*(?:of\s+|in\s+)?"
      rf"(?P<y>{YEAR4}|'\d\d(?!\d)|{w.YEAR_WORDS})")
def _season_year(m: re.Match[str], c: Ctx) -> Reading | None:
    y = year_of(m.group("y"), c.ref)
    return Reading(f"{y:04d}-{w.SEASON_CODES[m.group('s').lower()]}", "season") if y else None


@rule("holiday", rf"(?<!\w)(?:(?P<rel>this|next|last|the\s+next|the\s+last|the\s+previous)\s+)?(?P<h>{w.holiday_pattern()})"
      rf"(?!\w)(?:\s*,?\s*(?:of\s+)?(?:(?P<y>{YEAR4})|(?P<yrel>this|next|last)\s+year))?(?P<we>\s+week[\s-]?end)?")
def _holiday(m: re.Match[str], c: Ctx) -> Reading | None:
    reading = _holiday_day(m, c)
    if reading is None or not m.group("we"):
        return reading
    if not reading.value:
        return Reading(None, "weekend", relative=reading.relative)
    day = dt.date.fromisoformat(reading.value)
    return Reading(containing(day - DAY if day.weekday() == 0 else day, "weekend"), "weekend",
                   relative=reading.relative)


def _holiday_day(m: re.Match[str], c: Ctx) -> Reading | None:
    name = w.holiday_key(m.group("h"))

    def day_in(y: int) -> dt.date | None:
        if name in w.HOLIDAYS:
            return safe_day(y, *w.HOLIDAYS[name])
        if name in w.EASTER_HOLIDAYS:
            return easter(y) + w.EASTER_HOLIDAYS[name] * DAY
        mo, wd, n, offset = w.FLOATING_HOLIDAYS[name]
        d = nth_weekday(y, mo, wd, n)
        return d + offset * DAY if d else None
    y: int | None = int(m.group("y")) if m.group("y") else None
    if m.group("yrel"):
        if c.ref is None:
            return Reading(None, "day", relative=True)
        y = c.ref.year + REL_STEP[m.group("yrel").lower()]
    if y is not None:
        d = day_in(y)
        return Reading(v_day(d) if d else None, "day", relative=bool(m.group("yrel")))

    def cands(p: dt.date) -> Iterable[str | None]:
        return (v_day(d) for y in range(p.year - 1, p.year + 2) if (d := day_in(y)))
    rel = (m.group("rel") or "").lower().split()[-1:]
    if rel == ["this"] and c.ref:
        d = day_in(c.ref.year)
        return Reading(v_day(d) if d else None, "day", relative=True)
    if rel and rel[0] in ("next", "last", "previous"):
        if c.ref is None:
            return Reading(None, "day", relative=True)
        forward = rel[0] == "next"
        values = [v for v in cands(c.ref) if v and (v > v_day(c.ref) if forward else v < v_day(c.ref))]
        return Reading((min if forward else max)(values) if values else None, "day", relative=True)
    return underspecified(c, m, "day", cands)
