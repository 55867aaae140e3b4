"""The temporal grammar, part 4: weekdays, weeks and weekends ("next Friday", "Tuesday the 19th", "the first Monday
of next month", "week 25 of 2024", "the second week of June", "last weekend").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from timeline import date_words as w
from timeline.date_calc import (
    DAY,
    containing,
    nth_weekday,
    safe_day,
    v_day,
    weekday_after,
    weekday_in_week,
    weeks_of_month,
    weeks_of_year,
)
from timeline.date_rules import (
    BLOCK,
    DAY_ANY,
    MREF,
    ORDINAL_N,
    REL_STEP,
    REL_WORD,
    WD,
    YEAR4,
    YREF,
    Ctx,
    Reading,
    current,
    day_number,
    month_of,
    ordinal,
    resolved_month,
    resolved_year,
    rule,
    underspecified,
    weekday_of,
)

# --- weekdays -------------------------------------------------------------------------------------------

def _weekday_ok(m: re.Match[str], c: Ctx, word: str) -> bool:
    key = word.lower().rstrip(".")
    if key not in w.AMBIGUOUS_WEEKDAYS:
        return True
    return word[0].isupper() and key != "sun" or c.standalone(m)


@rule("weekday", rf"(?<![\w'-])(?P<wd>{WD})(?:\s+(?:morning|afternoon|evening|night))?")
def _weekday(m: re.Match[str], c: Ctx) -> Reading | None:
    if not _weekday_ok(m, c, m.group("wd")):
        return None
    wd = weekday_of(m.group("wd"))

    def cands(p: dt.date) -> Iterable[str]:
        return (v_day(p + k * DAY) for k in range(-7, 8) if (p + k * DAY).weekday() == wd)
    return underspecified(c, m, "day", cands)


@rule("anaphoric-weekday", rf"(?<![\w-])the\s+(?P<rel>following|next|previous|preceding)\s+(?P<wd>{WD})")
def _anaphoric_weekday(m: re.Match[str], c: Ctx) -> Reading | None:
    """ "the following Tuesday": the first Tuesday after the day last mentioned (else after the reference)."""
    base = c.anchor or c.ref
    if base is None:
        return Reading(None, "day", relative=True)
    step = 1 if m.group("rel").lower() in ("following", "next") else -1
    return Reading(v_day(weekday_after(base, weekday_of(m.group("wd")), step)), "day", relative=True,
                   anaphoric=True)


@rule("rel-weekday", rf"(?<![\w-])(?P<rel>this|next|last|past|previous|coming)\s+(?P<wd>{WD})"
      r"(?:\s+(?:morning|afternoon|evening|night))?")
def _rel_weekday(m: re.Match[str], c: Ctx) -> Reading | None:
    if c.ref is None:
        return Reading(None, "day", relative=True)
    wd, rel, ref = weekday_of(m.group("wd")), m.group("rel").lower(), c.ref
    if rel == "next":
        d = weekday_in_week(ref + 7 * DAY, wd)
    elif rel == "coming":
        d = weekday_after(ref, wd)
    elif rel == "this":
        d = weekday_in_week(ref, wd)
        past = re.search(r"\b(?:was|were|had|did|said|met|held)\b", c.prev_words(m.start()), re.I)
        if d < ref and not past:
            d += 7 * DAY
    elif rel in ("last", "previous"):
        d = weekday_in_week(ref - 7 * DAY, wd)   # news usage: the weekday of the previous calendar week
    else:
        d = weekday_after(ref, wd, -1)
    return Reading(v_day(d), "day", relative=True)


@rule("weekday-after-next", rf"(?<![\w-])(?:the\s+)?(?P<wd>{WD})\s+(?P<rel>after\s+next|before\s+last)")
def _weekday_after_next(m: re.Match[str], c: Ctx) -> Reading | None:
    if c.ref is None:
        return Reading(None, "day", relative=True)
    n = 2 if m.group("rel").lower().startswith("after") else -2
    return Reading(v_day(weekday_after(c.ref, weekday_of(m.group("wd")), n)), "day", relative=True)


WD_PLURAL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?(?![a-z])"
_WEEK_REL = rf"(?:the\s+)?(?P<wk>{REL_WORD})\s+week"


@rule("weekday-of-week", rf"(?<![\w-])(?:on\s+)?(?P<wd>{WD})\s*,?\s*(?:of\s+|from\s+|on\s+|in\s+)?{_WEEK_REL}(?!\w)"
      rf"|(?<![\w-]){_WEEK_REL.replace('wk', 'wk2')}(?:'s)?\s*,?\s*(?:on\s+)?(?P<wd2>{WD})")
def _weekday_of_week(m: re.Match[str], c: Ctx) -> Reading | None:
    wk = (m.group("wk") or m.group("wk2")).lower()
    base = c.anchor if wk in ("following", "preceding") else c.ref
    if base is None:
        return Reading(None, "day", relative=True)
    week_start = base + 7 * REL_STEP[wk] * DAY
    d = weekday_in_week(week_start, weekday_of(m.group("wd") or m.group("wd2")))
    return Reading(v_day(d), "day", relative=True)


@rule("week-weekday-range", rf"(?<![\w-]){_WEEK_REL}\s*,?\s*(?:between|from)\s+(?P<a>{WD})\s*(?:and|to|through|thru|till|until"
      rf"|-|–)\s*(?P<b>{WD})")
def _week_weekday_range(m: re.Match[str], c: Ctx) -> Reading | None:
    """ "next week between Wednesday and Friday": those days of that week."""
    if c.ref is None:
        return Reading(None, "interval", relative=True)
    week_start = c.ref + 7 * REL_STEP[m.group("wk").lower()] * DAY
    a = weekday_in_week(week_start, weekday_of(m.group("a")))
    b = weekday_in_week(week_start, weekday_of(m.group("b")))
    return Reading(f"{v_day(a)}/{v_day(b)}", "interval", relative=True) if a < b else None


@rule("weekday-the-day", rf"(?<![\w-])(?P<wd>{WD})\s*,?\s*(?:the\s+(?P<d>{DAY_ANY})|(?P<dn>\d{{1,2}}(?:st|nd|rd|th)))(?![\w-])")
def _weekday_the_day(m: re.Match[str], c: Ctx) -> Reading | None:
    day = day_number(m.group("d") or m.group("dn"))
    if not day or day > 31:
        return None
    wd = weekday_of(m.group("wd"))

    def cands(p: dt.date) -> Iterable[str]:
        for k in range(-40, 41):
            y, mo = divmod(p.year * 12 + p.month - 1 + k, 12)
            d = safe_day(y, mo + 1, day)
            if d and d.weekday() == wd:
                yield v_day(d)
    return underspecified(c, m, "day", cands)


@rule("weekdays-count", rf"(?<![\w-])(?P<n>{w.COUNT})\s+(?P<wd>{WD_PLURAL})\s+(?P<dir>from\s+now|from\s+today|ago|back|later|hence)")
def _weekdays_count(m: re.Match[str], c: Ctx) -> Reading | None:
    n = w.number_value(m.group("n"))
    if not n or c.ref is None:
        return Reading(None, "day", relative=True) if n else None
    sign = -1 if m.group("dir").lower() in ("ago", "back") else 1
    return Reading(v_day(weekday_after(c.ref, weekday_of(m.group("wd")), sign * n)), "day", relative=True)


@rule("nth-weekday", rf"(?<![\w-])(?:the\s+)?(?P<o>{ORDINAL_N}|last|final)\s+(?P<wd>{WD})(?:\s+(?:of|in)\s+{MREF})?")
def _nth_weekday(m: re.Match[str], c: Ctx) -> Reading | None:
    has_month = m.group("mon") or m.group("mrel")
    o = m.group("o").lower()
    if o in ("last", "final") and not has_month:
        return None
    n, wd = ordinal(o), weekday_of(m.group("wd"))
    if m.group("mon") and not m.group("y"):
        mo = month_of(m.group("mon"))
        return underspecified(c, m, "day", lambda p: (
            v_day(d) for y in range(p.year - 1, p.year + 2) if (d := nth_weekday(y, mo, wd, n))))
    y, mo, rel = resolved_month(m, c, c.forward(m))
    if y is None or mo is None:
        return Reading(None, "day", relative=rel)
    d = nth_weekday(y, mo, wd, n)
    return Reading(v_day(d), "day", relative=rel) if d else BLOCK


WEEKEND = r"(?:week[\s-]?end|wkend)"


@rule("weekend", rf"(?<![\w-])(?:(?P<rel>this(?:\s+past)?|last|past|previous|next|coming|the)\s+)?{WEEKEND}"
      r"(?:\s+(?P<after>after\s+(?:the\s+)?next))?(?!\w)")
def _weekend(m: re.Match[str], c: Ctx) -> Reading | None:
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if m.group("after"):
        return Reading(current(c, "weekend", 2), "weekend", relative=True)
    if rel == "this past":
        rel = "past"
    if rel in REL_STEP and rel != "the":
        return Reading(current(c, "weekend", REL_STEP[rel]), "weekend", relative=True)
    if not rel:
        return None
    return underspecified(c, m, "weekend", lambda p: (containing(p + k * 7 * DAY, "weekend") for k in (-1, 0, 1)))


@rule("nth-weekend-of", rf"(?<![\w-])(?:the\s+)?(?P<o>{ORDINAL_N}|last|final)\s+{WEEKEND}\s+(?:of|in)\s+{MREF}")
def _nth_weekend_of(m: re.Match[str], c: Ctx) -> Reading | None:
    n = ordinal(m.group("o"))

    def weekend(y: int, mo: int) -> str | None:
        saturday = nth_weekday(y, mo, 5, n)
        return containing(saturday, "weekend") if saturday else None
    if m.group("mon") and not m.group("y"):
        mo = month_of(m.group("mon"))
        return underspecified(c, m, "weekend", lambda p: (weekend(y, mo) for y in range(p.year - 1, p.year + 2)))
    y, mo, rel = resolved_month(m, c, c.forward(m))
    if y is None or mo is None:
        return Reading(None, "weekend", relative=rel)
    return Reading(weekend(y, mo), "weekend", relative=rel)


@rule("week-number", rf"(?<![\w-])week\s+(?:no\.?\s*)?(?P<n>\d{{1,2}})(?!\w)(?:\s*,?\s*(?:of\s+|in\s+)?(?P<y>{YEAR4}))?")
def _week_number(m: re.Match[str], c: Ctx) -> Reading | None:
    n = int(m.group("n"))
    y = int(m.group("y")) if m.group("y") else (c.ref.year if c.ref else None)
    if not 1 <= n <= 53:
        return None
    if y is None:
        return Reading(None, "week", relative=True)
    value = f"{y:04d}-W{n:02d}"
    return Reading(value, "week", relative=not m.group("y")) if value in weeks_of_year(y) else BLOCK


@rule("nth-week-of", rf"(?<![\w-])(?:the\s+)?(?P<o>{ORDINAL_N}|last|final)(?P<last>\s+(?:to\s+)?last)?\s+week\s+"
      rf"(?:of\s+|in\s+)?(?:{MREF.replace('(?P<y>', '(?P<my>')}|{YREF})")
def _nth_week_of(m: re.Match[str], c: Ctx) -> Reading | None:
    o = m.group("o").lower()
    n = ordinal(o)
    if m.group("last") and n > 0:
        n = -n
    if m.group("mon") or m.group("mrel"):
        g = m.groupdict()
        if g.get("mon") and not g.get("my"):
            mo = month_of(g["mon"])
            return underspecified(c, m, "week", lambda p: (
                _nth(weeks_of_month(y, mo), n) for y in range(p.year - 1, p.year + 2)))
        if g.get("my"):
            from timeline.date_grammar import year_of
            y, mo, rel = year_of(g["my"], c.ref), month_of(g["mon"]), False
        else:
            y, mo, rel = resolved_month(m, c, c.forward(m))
        if y is None or mo is None:
            return Reading(None, "week", relative=True)
        return Reading(_nth(weeks_of_month(y, mo), n), "week", relative=rel)
    y2, rel = resolved_year(m, c)
    if y2 is None:
        return Reading(None, "week", relative=True)
    return Reading(_nth(weeks_of_year(y2), n), "week", relative=rel)


def _nth(weeks: list[str], n: int) -> str | None:
    k = n - 1 if n > 0 else n
    return weeks[k] if -len(weeks) <= k < len(weeks) else None
