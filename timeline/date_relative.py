"""The temporal grammar, part 3: forms resolved against the reference date or the previous mention.

"yesterday", "two weeks ago", "last month", "the following week", "the past three months", "the 20th of next
month", "this summer", "next June", "by year-end", durations ("for three years").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable

from timeline import date_words as w
from timeline.date_calc import (
    DAY,
    add_units,
    safe_day,
    shift,
    v_day,
    v_month,
)
from timeline.date_rules import (
    BLOCK,
    DAY_ANY,
    DAY_N,
    MREF,
    REL_STEP,
    REL_WORD,
    Ctx,
    Reading,
    current,
    day_number,
    month_of,
    resolved_month,
    rule,
    underspecified,
)
from timeline.timex import grain_of, interval_of

UNIT = w.alternation(list(w.UNITS))
DUR = rf"(?:{w.COUNT}[\s-]*{UNIT}(?:\s*,?\s*(?:and\s+)?{w.COUNT}[\s-]*{UNIT})*)(?!\w)"
_PAIR = re.compile(rf"(?P<n>{w.COUNT})[\s-]*(?P<u>{UNIT})(?!\w)", re.I)
_GRAIN_OF_UNIT = {"week": "week", "wk": "week", "month": "month", "year": "year", "yr": "year",
                  "quarter": "quarter", "qtr": "quarter", "decade": "decade", "century": "century",
                  "weekend": "weekend", "day": "day"}


def pairs(text: str) -> list[tuple[int, str]]:
    """(count, unit code) for each "N unit" in a duration phrase."""
    out = []
    for p in _PAIR.finditer(text):
        n = w.number_value(p.group("n"))
        if n is None:
            return []
        out.append((n, w.UNITS[p.group("u").lower()]))
    return out


def moved(base: dt.date, parts: list[tuple[int, str]], sign: int) -> dt.date:
    for n, unit in sorted(parts, key=lambda p: "CEYQMFWD".index(p[1])):
        base = add_units(base, unit, sign * n)
    return base


def iso_duration(parts: list[tuple[int, str]]) -> str:
    sizes = {"F": ("W", 2), "Q": ("M", 3), "E": ("Y", 10), "C": ("Y", 100)}
    total: dict[str, int] = {}
    for n, unit in parts:
        code, k = sizes.get(unit, (unit, 1))
        total[code] = total.get(code, 0) + n * k
    return "P" + "".join(f"{total[u]}{u}" for u in "YMWD" if u in total)


# --- days around the reference date ---------------------------------------------------------------------

_DEICTIC = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "this day": 0,
            "tomorrow": 1, "tomorrows": 1, "tmrw": 1, "yesterday": -1, "last night": -1, "the day before yesterday": -2,
            "the day after tomorrow": 2, "the day after tmrw": 2}


@rule("deictic", rf"(?<![\w-])(?P<w>{w.alternation(list(_DEICTIC))})(?![\w-])")
def _deictic(m: re.Match[str], c: Ctx) -> Reading | None:
    n = _DEICTIC[re.sub(r"\s+", " ", m.group("w").lower())]
    return Reading(v_day(c.ref + n * DAY) if c.ref else None, "day", relative=True)


@rule("from-day", rf"(?<![\w-])(?P<d>{DUR})\s+(?P<dir>from|after|before)\s+(?P<b>today|tomorrow|tmrw|yesterday|now)(?!\w)")
def _from_day(m: re.Match[str], c: Ctx) -> Reading | None:
    parts = pairs(m.group("d"))
    if not parts:
        return None
    base = {"today": 0, "now": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}[m.group("b").lower()]
    sign = -1 if m.group("dir").lower() == "before" else 1
    if c.ref is None:
        return Reading(None, "day", relative=True)
    return Reading(v_day(moved(c.ref + base * DAY, parts, sign)), "day", relative=True)


_AGO = {"ago": -1, "back": -1, "hence": 1, "from now": 1, "from today": 1, "later": 1, "earlier": -1,
        "before": -1, "after": 1, "on": 1, "afterwards": 1, "afterward": 1, "from": 1}


@rule("ago", rf"(?<![\w-])(?P<d>{DUR})\s+(?P<dir>ago|back|hence|from\s+now|from\s+today|later|earlier"
      r"|before|after|on|afterwards?|from)(?![\w-])")
def _ago(m: re.Match[str], c: Ctx) -> Reading | None:
    parts = pairs(m.group("d"))
    if not parts:
        return None
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    if re.search(r"\b(?:for|lasting|lasted)\s+$", c.prev_words(m.start()), re.I):
        return None
    rest = c.next_words(m.end())
    anaphoric = direction in ("later", "earlier", "before", "after", "on", "afterwards", "afterward")
    if direction == "from" and not re.match(r"\s*[\w$]", rest):
        return None
    if direction in ("before", "after", "on", "from") and re.match(r"\s*[\w$]", rest):
        return Reading(None, "day", relative=True, duration=iso_duration(parts),
                       offset=(_AGO[direction], tuple(parts)))
    base = c.anchor if anaphoric else c.ref
    if base is None:
        return Reading(None, "day", relative=True)
    if anaphoric and c.anchor_value and len(parts) == 1:
        same_grain = _shift_in_grain(c.anchor_value, parts[0], _AGO[direction])
        if same_grain:
            return same_grain
    return Reading(v_day(moved(base, parts, _AGO[direction])), "day", relative=True, anaphoric=anaphoric)


_MONTHS_IN = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}
_MONTHS_PER_STEP = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120}


def _shift_in_grain(value: str, part: tuple[int, str], sign: int) -> Reading | None:
    """ "a year earlier" after "the third quarter": the same quarter a year before, at the anchor's grain."""
    n, unit = part
    grain = grain_of(value)
    if grain in ("week", "weekend") and unit in ("W", "F"):
        steps = n * (2 if unit == "F" else 1)
    elif grain in _MONTHS_PER_STEP and unit in _MONTHS_IN:
        months = n * _MONTHS_IN[unit]
        if months % _MONTHS_PER_STEP[grain]:
            return None
        steps = months // _MONTHS_PER_STEP[grain]
    else:
        return None
    moved_value = shift(value, sign * steps)
    return Reading(moved_value, grain, relative=True, anaphoric=True) if moved_value else None


@rule("in-duration", rf"(?<![\w-])in\s+(?P<d>{DUR})")
def _in_duration(m: re.Match[str], c: Ctx) -> Reading | None:
    parts = pairs(m.group("d"))
    if not parts:
        return None
    if not (c.forward(m) or c.standalone(m)):
        return Reading(None, "duration", duration=iso_duration(parts), group="d")
    if c.ref is None:
        return Reading(None, "day", relative=True)
    return Reading(v_day(moved(c.ref, parts, 1)), "day", relative=True)


@rule("duration", rf"(?<![\w-])(?:(?P<lead>for|over|within|about|nearly|almost|just|only|than|least|some)\s+)?"
      rf"(?P<d>{DUR})(?![\w-])")
def _duration(m: re.Match[str], c: Ctx) -> Reading | None:
    """ "two weeks", "for three years": a length of time, never a date. "a day" alone is a rate, "one day" an idiom."""
    count = re.match(r"\s*(\S+)", m.group("d"))
    if count and count.group(1).lower() in ("a", "an", "one") and not m.group("lead"):
        return None
    if re.match(r"\s*(?:old|of\s+age)\b", c.next_words(m.end())) or re.search(r"\baged?\s*$", c.prev_words(m.start())):
        return None
    parts = pairs(m.group("d"))
    return Reading(None, "duration", duration=iso_duration(parts), group="d") if parts else None


# --- days of a month ------------------------------------------------------------------------------------

@rule("day-of-rel-month", rf"(?<![\w-])(?:the\s+)?(?P<d>{DAY_ANY})(?:\s+day)?\s+(?:of\s+)?(?:the\s+)?"
      rf"(?P<mrel>{REL_WORD}|the)\s+month(?!\w)")
def _day_of_rel_month(m: re.Match[str], c: Ctx) -> Reading | None:
    day = day_number(m.group("d"))
    y, mo, rel = resolved_month(m, c, c.forward(m))
    if not day or y is None or mo is None:
        return Reading(None, "day", relative=True) if day else None
    d = safe_day(y, mo, day)
    return Reading(v_day(d), "day", relative=True) if d else BLOCK


@rule("nth-day-of", rf"(?<![\w-])(?:the\s+)?(?P<o>{w.DAY_ORD_WORD}|\d{{1,2}}(?:st|nd|rd|th)|last|final)"
      rf"(?P<last>\s+(?:to\s+)?last)?\s+day\s+(?:of|in)\s+{MREF}")
def _nth_day_of(m: re.Match[str], c: Ctx) -> Reading | None:
    o = m.group("o").lower()
    n = -1 if o in ("last", "final") else day_number(o)
    if not n:
        return None
    if m.group("last") and n > 0:
        n = -n

    def day_in(y: int, mo: int) -> dt.date | None:
        if n > 0:
            return safe_day(y, mo, n)
        last = (dt.date(y + mo // 12, mo % 12 + 1, 1) - DAY)
        return last + (n + 1) * DAY
    if m.group("mon") and not m.group("y"):
        mo = month_of(m.group("mon"))
        return underspecified(c, m, "day", lambda p: (
            v_day(d) for y in range(p.year - 1, p.year + 2) if (d := day_in(y, mo))))
    y, mo, rel = resolved_month(m, c, c.forward(m))
    if y is None or mo is None:
        return Reading(None, "day", relative=rel)
    d = day_in(y, mo)
    return Reading(v_day(d), "day", relative=rel) if d else BLOCK


_ORD_ALONE_FOLLOW = re.compile(r"\s*(?:$|[.,;:!?)\]\"']|(?:and|or|to|of|when|at|in|on|for|as|but|through|until|till)\b)")


_END_OF_PHRASE = re.compile(r"\s*(?:$|[.,;:!?)\]\"'])")


@rule("ordinal-day", rf"(?<![\w-])(?P<pre>(?:on|by|since|until|till|from|for)\s+the|on|the)\s+"
      rf"(?P<d>{DAY_N}|{w.DAY_ORD_WORD}|{w.DAY_CARD_WORD})(?![\w-])")
def _ordinal_day(m: re.Match[str], c: Ctx) -> Reading | None:
    """ "the 15th", "on the first": a day of an unnamed month. Words ("the second") and bare numbers ("the 27")
    are days only after a date preposition or at the end of a phrase, never before a noun ("the second time")."""
    d, pre = m.group("d"), re.sub(r"\s+", " ", m.group("pre").lower())
    rest = c.text[m.end():m.end() + 12]
    suffixed = bool(re.fullmatch(r"\d+(?:st|nd|rd|th)", d, re.I))
    if not (_ORD_ALONE_FOLLOW if suffixed else _END_OF_PHRASE).match(rest):
        return None
    if pre == "on" and not d[0].isdigit():
        return None
    if not d[0].isdigit() and pre == "the":
        return None
    day = day_number(d)
    if not day or day > 31:
        return None

    if c.anchor_value and grain_of(c.anchor_value) in ("day", "month") and c.anchor:
        same_month = safe_day(c.anchor.year, c.anchor.month, day)
        if same_month:
            return Reading(v_day(same_month), "day", relative=True, anaphoric=True)

    def cands(p: dt.date) -> Iterable[str]:
        for k in range(-2, 3):
            y, mo = divmod(p.year * 12 + p.month - 1 + k, 12)
            if dd := safe_day(y, mo + 1, day):
                yield v_day(dd)
    reading = underspecified(c, m, "day", cands)
    reading.anaphoric = True
    return reading


# --- weeks, months, years and other units relative to the reference -------------------------------------

_UNIT_WORD = r"(?P<u>week(?!end)|weekend|month|year|yr|quarter|qtr|decade|century|day)"


@rule("rel-unit", rf"(?<![\w-])(?:the\s+)?(?P<rel>{REL_WORD})\s+{_UNIT_WORD}(?!\w)")
def _rel_unit(m: re.Match[str], c: Ctx) -> Reading | None:
    rel, grain = m.group("rel").lower(), _GRAIN_OF_UNIT[m.group("u").lower()]
    has_the = m.group(0).lower().startswith("the")
    anaphoric = rel in ("following", "preceding") or has_the and rel in ("next", "previous")
    if grain == "day" and rel not in ("next", "following", "previous", "preceding"):
        return None
    base = c.anchor if anaphoric else c.ref
    if base is None:
        return Reading(None, grain, relative=True)
    return Reading(current(c, grain, REL_STEP[rel], base), grain, relative=True, anaphoric=anaphoric)


@rule("unit-after-next", rf"(?<![\w-])the\s+{_UNIT_WORD}\s+(?P<rel>after\s+(?:the\s+)?next|before\s+(?:the\s+)?last)")
def _unit_after_next(m: re.Match[str], c: Ctx) -> Reading | None:
    grain = _GRAIN_OF_UNIT[m.group("u").lower()]
    steps = 2 if m.group("rel").lower().startswith("after") else -2
    return Reading(current(c, grain, steps), grain, relative=True)


@rule("same-unit", r"(?<![\w-])(?:that|the\s+same)\s+(?P<u>day|week|month|year)(?!\w)")
def _same_unit(m: re.Match[str], c: Ctx) -> Reading | None:
    grain = _GRAIN_OF_UNIT[m.group("u").lower()]
    return Reading(current(c, grain, 0, c.anchor), grain, relative=True, anaphoric=True)


@rule("day-before", r"(?<![\w-])the\s+(?:day|night)\s+(?P<rel>before|after)(?=\s*(?:$|[.,;:!?]))")
def _day_before(m: re.Match[str], c: Ctx) -> Reading | None:
    step = -1 if m.group("rel").lower() == "before" else 1
    return Reading(current(c, "day", step, c.anchor), "day", relative=True, anaphoric=True)


@rule("day-before-x", r"(?<![\w-])the\s+(?P<u>day|week|month|year)\s+(?P<rel>before|after)(?=\s+[\w$])")
def _day_before_x(m: re.Match[str], c: Ctx) -> Reading | None:
    """ "the day after" + a date: one unit from it (resolved when a dated mention follows)."""
    unit = {"day": "D", "week": "W", "month": "M", "year": "Y"}[m.group("u").lower()]
    sign = 1 if m.group("rel").lower() == "after" else -1
    return Reading(None, "day", relative=True, offset=(sign, ((1, unit),)))


@rule("earlier-this", rf"(?<![\w-])(?:earlier|later)\s+(?:in\s+|this\s+)(?:the\s+)?{_UNIT_WORD}(?!\w)")
def _earlier_this(m: re.Match[str], c: Ctx) -> Reading | None:
    """ "earlier this week" counts from today; "earlier in the day", after "On Monday", is Monday."""
    grain = _GRAIN_OF_UNIT[m.group("u").lower()]
    if grain == "day" and re.search(r"\bin\s+the\b", m.group(), re.I):   # "earlier in the month" stays this month
        return Reading(current(c, grain, 0, c.anchor or c.ref), grain, relative=True, anaphoric=True)
    return Reading(current(c, grain), grain, relative=True)


_EDGE = {"start": "START", "beginning": "START", "outset": "START", "dawn": "START", "middle": "MID",
         "end": "END", "close": "END"}


@rule("edge-of-unit", r"(?<![\w-])(?:the\s+)?(?P<p>start|beginning|outset|middle|end|close)\s+of\s+(?:the\s+)?"
      r"(?P<u>week|month|year|quarter|decade|century)(?!\w)")
def _edge_of_unit(m: re.Match[str], c: Ctx) -> Reading | None:
    grain = _GRAIN_OF_UNIT[m.group("u").lower()]
    base = c.anchor or c.ref
    return Reading(current(c, grain, 0, base), grain, mod=_EDGE[m.group("p").lower()], relative=True,
                   anaphoric=True)


_CALENDAR_UNIT = {"D": "day", "W": "week", "F": "week", "M": "month", "Q": "quarter", "Y": "year", "E": "decade",
                  "C": "century"}


@rule("unit-end", r"(?<![\w-])(?:(?P<u>year|month|quarter)[\s-]?end|mid[\s-]?(?P<u2>year|month|week))(?![\w-])")
def _unit_end(m: re.Match[str], c: Ctx) -> Reading | None:
    grain = _GRAIN_OF_UNIT[(m.group("u") or m.group("u2")).lower()]
    return Reading(current(c, grain), grain, mod="END" if m.group("u") else "MID", relative=True)


@rule("rest-of", r"(?<![\w-])(?:the\s+)?(?:rest|remainder|balance)\s+of\s+(?:the|this)\s+(?P<u>week|month|quarter|year)(?!\w)")
def _rest_of(m: re.Match[str], c: Ctx) -> Reading | None:
    grain = _GRAIN_OF_UNIT[m.group("u").lower()]
    if c.ref is None:
        return Reading(None, "interval", relative=True)
    span = interval_of(current(c, grain) or "")
    return Reading(f"{v_day(c.ref)}/{v_day(span[1])}" if span else None, "interval", relative=True)


@rule("past-n-units", rf"(?<![\w-])(?:the\s+)?(?P<rel>past|last|previous|next|coming|following)\s+(?P<n>{w.COUNT}|\d{{1,2}}\.5)\s+"
      rf"(?P<u>{UNIT})(?!\w)")
def _past_n_units(m: re.Match[str], c: Ctx) -> Reading | None:
    """The n whole units before (or after) the current one: "the past three months" in October = July-September;
    "the past 1.5 months" takes the two whole months it reaches into."""
    n = math.ceil(float(m.group("n"))) if "." in m.group("n") else w.number_value(m.group("n"))
    if not n:
        return None
    unit = w.UNITS[m.group("u").lower()]
    if unit == "F":
        n, unit = 2 * n, "W"
    duration = iso_duration([(n, unit)])
    if "." in m.group("n"):
        duration = duration.replace(str(n), m.group("n"), 1)   # ISO 8601 allows a fraction: "P1.5M"
    if c.ref is None:
        return Reading(None, "interval", relative=True, duration=duration)
    grain = _CALENDAR_UNIT[unit]
    if m.group("rel").lower() in ("past", "last", "previous"):
        a, b = current(c, grain, -n), current(c, grain, -1)
    else:
        a, b = current(c, grain, 1), current(c, grain, n)
    value = a if a == b else f"{a}/{b}"
    return Reading(value, grain if a == b else "interval", relative=True, duration=duration)


@rule("within", rf"(?<![\w-])within\s+(?:the\s+next\s+)?(?P<d>{DUR})(?!\s+(?:of|after|from|since)\b)")
def _within(m: re.Match[str], c: Ctx) -> Reading | None:
    parts = pairs(m.group("d"))
    if not parts:
        return None
    if not (c.forward(m) or c.standalone(m)) or c.ref is None:
        return Reading(None, "duration", duration=iso_duration(parts), group="d")
    return Reading(f"{v_day(c.ref)}/{v_day(moved(c.ref, parts, 1))}", "interval", relative=True,
                   duration=iso_duration(parts))


@rule("turn-of", r"(?<![\w-])the\s+turn\s+of\s+the\s+(?P<u>year|century)(?!\w)")
def _turn_of(m: re.Match[str], c: Ctx) -> Reading | None:
    if c.ref is None:
        return Reading(None, "interval", relative=True)
    if m.group("u").lower() == "century":
        y = (c.ref.year + 50) // 100 * 100
        return Reading(f"{y - 1:04d}/{y:04d}", "interval", relative=True)
    y = c.ref.year + (1 if c.forward(m) and c.ref.month >= 7 else 0)
    return Reading(f"{v_month(y - 1, 12)}/{v_month(y, 1)}", "interval", relative=True)


# --- named months, seasons and weeks relative to the reference ------------------------------------------

MODAL_FOLLOWS = re.compile(r"\s+(?:be|have|not|also|well|still|never|only|soon|yet|help|want|need|\w+ly)\b", re.I)


@rule("rel-month-name", rf"(?<![\w-])(?P<rel>this|last|next|past|coming|current)\s+(?P<mon>{w.MONTH_NAME})"
      rf"|(?<![\w-])(?P<mon2>{w.MONTH_NAME})\s+(?P<rel2>after\s+next|before\s+last|(?:of\s+)?(?:this|next|last|(?:the\s+)?current)\s+year"
      r"|in\s+(?:a|one|1)\s+year)")
def _rel_month_name(m: re.Match[str], c: Ctx) -> Reading | None:
    if c.ref is None:
        return Reading(None, "month", relative=True)
    word = m.group("mon") or m.group("mon2")
    if word.lower() in w.AMBIGUOUS_MONTHS and word[0].islower() and MODAL_FOLLOWS.match(c.next_words(m.end())):
        return None    # "this may be a missile": the modal verb, not the month
    mo = month_of(word)
    rel = re.sub(r"\s+", " ", (m.group("rel") or m.group("rel2")).lower()).replace("of ", "")
    y = c.ref.year
    if rel in ("last", "past", "last year"):
        y -= 1
    elif rel in ("next", "coming"):
        y += 1 if mo <= c.ref.month else 0
    elif rel in ("next year", "in a year", "in one year", "in 1 year"):
        y += 1
    elif rel == "after next":
        y += 2 if mo <= c.ref.month else 1
    elif rel == "before last":
        y -= 2 if mo >= c.ref.month else 1
    return Reading(v_month(y, mo), "month", relative=True)


@rule("day-of-rel-year", rf"(?<![\w-])(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{w.MONTH_NAME})"
      rf"|(?P<m2>{w.MONTH_NAME})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\s*,?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year(?!\w)")
def _day_of_rel_year(m: re.Match[str], c: Ctx) -> Reading | None:
    """'June 19 of last year', '3 March this year': a day in the year the reference date names."""
    if c.ref is None:
        return Reading(None, "day", relative=True)
    y = c.ref.year + {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    d = safe_day(y, month_of(m.group("m1") or m.group("m2")), int(m.group("d1") or m.group("d2")))
    return Reading(v_day(d), "day", relative=True) if d else BLOCK


def _season_cands(code: str) -> Callable[[dt.date], Iterable[str]]:
    return lambda p: (f"{y:04d}-{code}" for y in range(p.year - 2, p.year + 2))


@rule("rel-season", rf"(?<![\w-])(?P<rel>this|current|last|past|previous|next|coming|the|in|during|by|since|until"
      rf"|through|over|early|late|mid)[\s-]+(?:the\s+)?(?P<s>{w.SEASON_NAME})")
def _rel_season(m: re.Match[str], c: Ctx) -> Reading | None:
    code, rel = w.SEASON_CODES[m.group("s").lower()], m.group("rel").lower()
    cands = _season_cands(code)
    if rel not in REL_STEP or rel == "the":
        reading = underspecified(c, m, "season", cands)
        reading.group = "s"
        return reading
    if c.ref is None:
        return Reading(None, "season", relative=True)
    ref = c.ref
    spans = [(v, *span) for v in cands(ref) if (span := interval_of(v))]
    step = REL_STEP[rel]
    if step == 0:
        def distance(s: tuple[str, dt.date, dt.date]) -> int:
            return 0 if s[1] <= ref <= s[2] else min(abs((s[1] - ref).days), abs((s[2] - ref).days))
        chosen = min(spans, key=distance, default=None)
    elif step > 0:
        chosen = min((s for s in spans if s[1] > ref), key=lambda s: s[1], default=None)
    else:
        chosen = max((s for s in spans if s[2] < ref), key=lambda s: s[1], default=None)
    return Reading(chosen[0] if chosen else None, "season", relative=True,
                   group="s" if rel in ("early", "late", "mid") else None)


# --- pointing back ----------------------------------------------------------------------------------------

@rule("that-time", r"(?<![\w-])(?:at\s+that\s+(?:time|point|moment)|at\s+the\s+time(?!\s+(?:of|when|being))"
      r"|back\s+then|by\s+then)(?![\w-])")
def _that_time(m: re.Match[str], c: Ctx) -> Reading | None:
    """'At that time': the time of the mention before it, at its precision; nothing without one."""
    if c.anchor_value is None:
        return Reading(None, None, relative=True, anaphoric=True)
    return Reading(c.anchor_value, grain_of(c.anchor_value), relative=True, anaphoric=True)
