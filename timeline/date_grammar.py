"""The temporal grammar, part 1: days and months written out ("19 June 2024", "6/19", "June 18-20", "May 2023").

Each rule registers itself in `date_rules.RULES`; see that module for what a rule returns.
"""

from __future__ import annotations

import re

from timeline import date_words as w
from timeline.date_calc import safe_day, v_day, v_month
from timeline.date_rules import (
    BLOCK,
    DAY_AFTER_MONTH,
    DAY_BEFORE_MONTH,
    MON,
    MREF,
    WD,
    YEAR,
    YEAR4,
    Ctx,
    Reading,
    count_follows,
    day_number,
    day_reading,
    month_of,
    month_reading,
    resolved_month,
    rule,
    underspecified,
    weekday_of,
    year_of,
)

# --- days -----------------------------------------------------------------------------------------------

@rule("month-day", rf"(?<![\w'])(?:(?P<wd>{WD})\s*,?\s*)?(?P<mon>{MON})[\s./-]*(?:the\s+)?(?P<d>{DAY_AFTER_MONTH})"
      rf"(?:\s*,?\s*(?P<wd2>{WD}))?(?:(?:[/-](?=\d{{4}})|\s*,?\s*(?:of\s+|in\s+)?)(?P<y>{YEAR}))?(?!\d)")
def _month_day(m: re.Match[str], c: Ctx) -> Reading | None:
    if m.group("mon").lower() == "may" and m.group("mon")[0] == "m" and not m.group("y"):
        return None
    day = day_number(m.group("d"))
    y = year_of(m.group("y"), c.ref) if m.group("y") else None
    wd = m.group("wd") or m.group("wd2")
    return day_reading(c, m, month_of(m.group("mon")), day or 0, y, weekday_of(wd) if wd else None)


@rule("day-month", rf"(?<![\w.,/-])(?:(?P<wd>{WD})\s*,?\s*)?(?:the\s+)?(?P<d>{DAY_BEFORE_MONTH})(?:\s*day)?"
      rf"(?:\s*of\s+|\s*|\.\s*|[/-])(?:the\s+)?(?P<mon>{MON})(?:(?:[/-]|\s*,?\s*(?:of\s+)?)(?P<y>{YEAR}|(?<=[/-])\d\d(?!\d)))?(?!\d)")
def _day_month(m: re.Match[str], c: Ctx) -> Reading | None:
    y = year_of(m.group("y"), c.ref) if m.group("y") else None
    wd = m.group("wd")
    return day_reading(c, m, month_of(m.group("mon")), day_number(m.group("d")) or 0, y,
                       weekday_of(wd) if wd else None)


@rule("ymd", r"(?<![\w.,/-])(?P<y>\d{4})\s*(?P<sep>[-/.])\s*(?P<mo>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})(?![\d]|[.,/-]\d)")
def _ymd(m: re.Match[str], c: Ctx) -> Reading | None:
    mo, d = int(m.group("mo")), int(m.group("d"))
    if not 1 <= mo <= 12:
        return None
    day = safe_day(int(m.group("y")), mo, d)
    return Reading(v_day(day), "day") if day else BLOCK


@rule("y-mon-d", rf"(?<![\w.,/-])(?P<y>\d{{4}})[\s/-]+(?P<mon>{MON})[\s/-]+(?P<d>{w.DAY_NUM})")
def _y_mon_d(m: re.Match[str], c: Ctx) -> Reading | None:
    day = safe_day(int(m.group("y")), month_of(m.group("mon")), int(m.group("d")))
    return Reading(v_day(day), "day") if day else BLOCK


_NOT_AFTER_NUMERIC = re.compile(r"\s*(?:[ap]\.?m\b|h\b|hrs\b|gmt|utc|of\b|percent|per\s+cent|%|[-/]\d)", re.I)
_DATE_PREPOSITION = re.compile(r"\b(?:on|by|from|since|until|till|to|through|before|after|between|and)\s*$", re.I)


@rule("numeric-date", r"(?<![\w.,/:-])(?P<a>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<b>\d{1,2})"
      r"(?:\s*(?:(?P=sep)|,)\s*(?P<y>\d{4}|\d{2}))?(?![\w/:]|[.,-]\d)")
def _numeric_date(m: re.Match[str], c: Ctx) -> Reading | None:
    a, b, sep = int(m.group("a")), int(m.group("b")), m.group("sep")
    if _NOT_AFTER_NUMERIC.match(c.next_words(m.end())):
        return None
    if m.group("y") is None:
        if m.group(0) in ("24/7", "9/11") or count_follows(c.text, m.end()):
            return None
        spaced = m.group(0) != m.group("a") + sep + m.group("b")
        weak = sep != "/" or spaced
        cue = re.search(r"\bon\s*$" if sep == "." else _DATE_PREPOSITION.pattern, c.prev_words(m.start()), re.I)
        if weak and not (c.standalone(m) or cue):
            return None
    day_first = sep == "." and b <= 12 or a > 12
    mo, d = (b, a) if day_first else (a, b)
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return BLOCK if m.group("y") else None
    y = year_of(m.group("y"), c.ref) if m.group("y") else None
    return day_reading(c, m, mo, d, y)


_CONN = r"\s*(?:-|–|—|to|thru|through|till|until|and)\s*(?:the\s+)?"
_INTRO = r"(?:(?:from|between)\s+(?:the\s+)?)"


@rule("day-range", rf"(?<![\w'])(?:{_INTRO})?(?P<mon0>{MON})\s*(?:between\s+)?(?:the\s+)?(?P<d1>{DAY_BEFORE_MONTH}){_CONN}"
      rf"(?P<d2>{DAY_BEFORE_MONTH})(?![\w-])(?:\s*,?\s*(?:of\s+)?(?P<y0>{YEAR}))?(?!\d)"
      rf"|(?<![\w.,/-])(?:{_INTRO})?(?P<e1>{DAY_BEFORE_MONTH}){_CONN}(?P<e2>{DAY_BEFORE_MONTH})\s*(?:of\s+)?(?:the\s+)?{MREF}"
      rf"|(?<![\w'])(?:{_INTRO})(?P<f1>{DAY_BEFORE_MONTH}){_CONN}(?P<mon2>{MON})\s*(?P<f2>{DAY_BEFORE_MONTH})(?![\w-])"
      rf"(?:\s*,?\s*(?:of\s+)?(?P<y2>{YEAR}))?(?!\d)")
def _day_range(m: re.Match[str], c: Ctx) -> Reading | None:
    g = m.groupdict()
    k1, k2 = ("d1", "d2") if g["d1"] else ("e1", "e2") if g["e1"] else ("f1", "f2")
    between = c.text[m.end(k1):m.start(k2)]
    if re.search(r"\band\b", between, re.I) and not re.search(r"\bbetween\b", m.group(0), re.I):
        return None
    d1, d2 = day_number(g[k1]), day_number(g[k2])
    if not d1 or not d2 or d1 > 31 or d2 > 31:
        return None
    year: int | None = None
    if g["mon0"] or g["mon2"]:
        mo = month_of(g["mon0"] or g["mon2"])
        ytext = g["y0"] or g["y2"]
        year = year_of(ytext, c.ref) if ytext else None
    elif g["mon"] and g["y"]:
        mo, year = month_of(g["mon"]), year_of(g["y"], c.ref)
    elif g["mon"]:
        mo = month_of(g["mon"])
    else:
        y, mon, rel = resolved_month(m, c, c.forward(m))
        if y is None or mon is None:
            return Reading(None, "interval", relative=True)
        mo, year = mon, y

    def value(y: int) -> str | None:
        first_month = (y, mo) if d1 <= d2 else ((y, mo - 1) if mo > 1 else (y - 1, 12))
        a, b = safe_day(*first_month, d1), safe_day(y, mo, d2)
        return f"{v_day(a)}/{v_day(b)}" if a and b and a < b else None
    if year is not None:
        v = value(year)
        return Reading(v, "interval") if v else BLOCK
    return underspecified(c, m, "interval", lambda p: (value(y) for y in range(p.year - 2, p.year + 3)))


# --- months ---------------------------------------------------------------------------------------------

@rule("numeric-month-year", r"(?<![\w.,/-])(?:(?P<mo>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<y>\d{4})"
      r"|(?P<y2>\d{4})\s*(?P<sep2>[/.-])\s*(?P<mo2>\d{1,2})(?!\s*(?P=sep2)\s*\d))(?![\w/]|[.,-]\d)")
def _numeric_month_year(m: re.Match[str], c: Ctx) -> Reading | None:
    mo = int(m.group("mo") or m.group("mo2"))
    y = int(m.group("y") or m.group("y2"))
    if not 1 <= mo <= 12 or not 1000 <= y <= 2199 or _NOT_AFTER_NUMERIC.match(c.next_words(m.end())):
        return None
    return Reading(v_month(y, mo), "month")


@rule("month-year", rf"(?<![\w'])(?P<mon>{MON})\s*,?\s*(?:of\s+|in\s+)?(?P<y>{YEAR4}|'\d\d(?!\d)|{w.YEAR_WORDS})")
def _month_year(m: re.Match[str], c: Ctx) -> Reading | None:
    y = year_of(m.group("y"), c.ref)
    return Reading(v_month(y, month_of(m.group("mon"))), "month") if y else None


@rule("month-of-that-year", rf"(?<![\w'])(?P<mon>{MON})\s*,?\s*(?:of|in)\s+(?:that|the\s+same)\s+year(?!\w)")
def _month_of_that_year(m: re.Match[str], c: Ctx) -> Reading | None:
    """'in March 2023 ... starting in September of that year': the month in the year just named."""
    if c.anchor is None:
        return Reading(None, "month", relative=True, anaphoric=True)
    return Reading(v_month(c.anchor.year, month_of(m.group("mon"))), "month", relative=True, anaphoric=True)


@rule("year-month", rf"(?<![\w.,/-])(?P<y>\d{{4}})\s*[,/-]?\s*(?P<mon>{MON})(?!\s*[-/]?\s*\d)")
def _year_month(m: re.Match[str], c: Ctx) -> Reading | None:
    return Reading(v_month(int(m.group("y")), month_of(m.group("mon"))), "month")


_NOT_AFTER_MAY = re.compile(r"\s+(?:i|we|you|he|she|it|they|god|be|not|have|also|well)\b", re.I)
_MONTH_CUE = re.compile(r"\b(?:in|of|on|since|until|till|by|during|through|from|to|and|or|before|after|early|"
                        r"late|mid|this|last|next|between|throughout)[\s-]*$", re.I)


@rule("month", rf"(?<![\w'])(?P<mon>{MON})")
def _month(m: re.Match[str], c: Ctx) -> Reading | None:
    word = m.group("mon")
    key = word.lower().rstrip(".")
    if key in w.AMBIGUOUS_MONTHS and (word[0].islower() or _NOT_AFTER_MAY.match(c.next_words(m.end()))
                                      or re.search(r"\b[A-Z][a-z]+\s+$", c.prev_words(m.start()))
                                      and not _MONTH_CUE.search(c.prev_words(m.start()))):
        return None
    full = len(key) > 4 or key in ("june", "july")
    if not full and not (c.standalone(m) or _MONTH_CUE.search(c.prev_words(m.start()))):
        return None
    return month_reading(c, m, month_of(word), None)
