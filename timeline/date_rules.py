"""Records and shared pieces of the temporal grammar: readings, the handler context, the rule registry.

A rule is a compiled pattern and a handler. The handler reads the match and returns a `Reading` (the value at the
precision the text gives), `BLOCK` (the span is not a date and nothing inside it may be), or None (not this rule).
Expressions without a year are "underspecified": their reading is chosen against the reference date, and they
carry `redo` so a neighbour can re-anchor them ("from March to May 2023"). The rules themselves live in
`date_grammar` (days, months), `date_periods` (years and longer), `date_relative` and `date_weeks`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from timeline import date_words as w
from timeline.date_calc import (
    containing,
    pick,
    safe_day,
    shift,
    two_digit_year,
    v_day,
    v_month,
)

Redo = Callable[[dt.date, bool], str | None]


@dataclass(slots=True)
class Reading:
    value: str | None
    grain: str | None
    mod: str | None = None
    relative: bool = False
    duration: str | None = None
    redo: Redo | None = None
    group: str | None = None          # the match group that is the expression, when not the whole match
    anaphoric: bool = False           # resolved against the previous mention rather than the reference date
    offset: tuple[int, tuple[tuple[int, str], ...]] | None = None  # "two days after" X: (+1, ((2, "D"),))


BLOCK = Reading(None, None)

_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|set\s+to|due\s+(?:to|in|on|by)|expected|plans?\s+to|planning"
    r"|planned|scheduled|upcoming|forthcoming|intends?\s+to|aims?\s+to|is\s+to|are\s+to|would\s+be\s+held"
    r"|forecasts?|forecasted|predicts?|predicted|poised\s+to|likely\s+to"
    r"|next|coming|begins|starts|opens|ends|expires|resumes|closes|convenes|takes\s+(?:effect|place))\b", re.I)
_PAST_PARTICIPLE = re.compile(
    r"\b(?!(?:need|indeed|speed|seed|feed|shed|weed|proceed|exceed|succeed|breed|greed|bed|red|wed|hundred)\b)"
    r"[a-z]+ed\b")
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|last|said|took|held|came|went|began|started|happened|earlier|previously"
    r"|already|since|ran|met|sent|gave|made|told|fought|won|lost|fell|rose|struck|left|shot|flew|brought|bought"
    r"|sold|sought|saw|found|became|kept|led|paid|spoke|wrote|drew|grew|threw|broke|chose|froze|stole|hid|fled"
    r"|arose|swore|sank|shrank|began|stood|understood|withdrew|overtook|undertook|forbade)\b", re.I)
_EVENT_NOUN = re.compile(
    r"\b(?:elections?|summit|vote|referendum|deadline|polls?|inauguration)"
    r"(?:\s+[\w.']+){0,5}?\s+(?:in|on|at|for|this|next)\s+(?:the\s+)?$", re.I)
_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[A-Z\"'])|\n")


@dataclass(slots=True)
class Ctx:
    """What a handler may know besides its match: the text, the reference date, the previous mention."""

    text: str
    ref: dt.date | None
    anchor: dt.date | None = None
    anchor_value: str | None = None
    _forward: dict[int, bool] = field(default_factory=dict)

    def forward(self, m: re.Match[str]) -> bool:
        """Whether tense or cues around the match point forward ("will", "next", "the election in")."""
        start = m.start()
        if start not in self._forward:
            self._forward[start] = self._looks_forward(start, m.end())
        return self._forward[start]

    def _looks_forward(self, start: int, end: int) -> bool:
        left = self.text[max(0, start - 120):start]
        cut = list(_SENTENCE_END.finditer(left))
        if cut:
            left = left[cut[-1].end():]
        right = self.text[end:end + 60]
        stop = _SENTENCE_END.search(right)
        if stop:
            right = right[:stop.start()]
        fut = [x.end() for x in _FUTURE.finditer(left)]
        past = sorted([x.end() for x in _PAST.finditer(left)] + [x.end() for x in _PAST_PARTICIPLE.finditer(left)])
        if fut and (not past or fut[-1] >= past[-1]):
            return True
        if not fut and not past:
            right_fut, right_past = _FUTURE.search(right), _PAST.search(right)
            if right_fut and (not right_past or right_fut.start() < right_past.start()):
                return True
            return bool(_EVENT_NOUN.search(left)) and not right_past
        return False

    def standalone(self, m: re.Match[str]) -> bool:
        """The text is this expression and nothing else (a date field, a query)."""
        return self.text.strip(" \t\n.,;:!?") == m.group(0).strip(" \t\n.,;:!?")

    def next_words(self, end: int) -> str:
        return self.text[end:end + 30]

    def prev_words(self, start: int) -> str:
        return self.text[max(0, start - 30):start]


Handler = Callable[[re.Match[str], Ctx], Reading | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


def rule(name: str, pattern: str, flags: int = re.I) -> Callable[[Handler], Handler]:
    """Register a handler for a pattern (compiled once, at import)."""
    def deco(fn: Handler) -> Handler:
        RULES.append(Rule(name, re.compile(pattern, flags), fn))
        return fn
    return deco


RULES: list[Rule] = []

# --- fragments ------------------------------------------------------------------------------------------

WD = w.WEEKDAY_NAME
MON = w.MONTH_NAME
YEAR4 = r"(?<![\d,.])(?:1\d{3}|20\d{2}|21\d{2})(?!\d|[.,]\d)"
YEAR = rf"(?:{YEAR4}|'\d\d(?!\d)|{w.YEAR_WORDS}|\d\d(?!\d)(?=\s*(?:$|[.,;:!?)\]])))"
DAY_N = rf"(?:{w.DAY_NUM}{w.DAY_SUFFIX}?)"
DAY_AFTER_MONTH = rf"(?:{DAY_N}|{w.DAY_ORD_WORD}|(?:twenty|thirty)[\s-]+{w.UNIT_W}|thirty[\s-]+one)(?!\w|-[^\d])"
DAY_BEFORE_MONTH = rf"(?:{DAY_N}|{w.DAY_ORD_WORD})"
DAY_ANY = rf"(?:{DAY_N}|{w.DAY_ORD_WORD}|{w.DAY_CARD_WORD})(?![\w-])"
REL_WORD = r"(?:this|current|next|last|past|previous|coming|upcoming|following|preceding)"
YREF = rf"(?:(?P<y>{YEAR4}|{w.YEAR_WORDS})|(?:the\s+)?(?P<yrel>{REL_WORD}|the)\s+(?:year|yr)(?!\w))"
MREF = (rf"(?:(?P<mon>{MON})(?:\s*,?\s*(?:of\s+)?(?P<y>{YEAR4}|{w.YEAR_WORDS}))?"
        rf"|(?:the\s+)?(?P<mrel>{REL_WORD}|the)\s+month(?!\w))")
ORDINAL_N = r"(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)"
_ORD_VALUE = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3,
              "4th": 4, "5th": 5, "last": -1, "final": -1}
REL_STEP = {"this": 0, "current": 0, "the": 0, "next": 1, "following": 1, "coming": 1, "upcoming": 1,
            "last": -1, "past": -1, "previous": -1, "preceding": -1}


def ordinal(s: str) -> int:
    return _ORD_VALUE[s.lower()]


def month_of(s: str) -> int:
    return w.MONTHS[s.lower().rstrip(".")]


def weekday_of(s: str) -> int:
    key = s.lower().rstrip(".")
    return w.WEEKDAYS[key if key in w.WEEKDAYS else key[:-1]]


def year_of(s: str, ref: dt.date | None) -> int | None:
    s = s.strip()
    if re.fullmatch(r"'?\d\d", s):
        return two_digit_year(int(s.lstrip("'")), ref)
    return w.year_value(s)


def resolved_year(m: re.Match[str], c: Ctx) -> tuple[int | None, bool]:
    """The year of a YREF group: (year, relative?). None when it needs a reference date we do not have."""
    y = m.groupdict().get("y")
    if y:
        return year_of(y, c.ref), False
    rel = (m.group("yrel") or "this").lower()
    base = c.anchor if rel in ("following", "preceding", "the") else c.ref   # "of the year": the year just named
    return (base.year + REL_STEP[rel], True) if base else (None, True)


def resolved_month(m: re.Match[str], c: Ctx, forward: bool) -> tuple[int | None, int | None, bool]:
    """(year, month, relative?) of an MREF group; a month name without a year takes the news reading."""
    g = m.groupdict()
    if g.get("mon"):
        mo = month_of(g["mon"])
        if g.get("y"):
            return year_of(g["y"], c.ref), mo, False
        if c.ref is None:
            return None, mo, True
        v = pick((v_month(y, mo) for y in range(c.ref.year - 1, c.ref.year + 2)), c.ref, forward)
        return (int(v[:4]) if v else None), mo, True
    rel = (g.get("mrel") or "this").lower()
    base = c.anchor if rel in ("following", "preceding", "the") else c.ref   # "of the year": the year just named
    if base is None:
        return None, None, True
    k = base.year * 12 + base.month - 1 + REL_STEP[rel]
    return k // 12, k % 12 + 1, True


def underspecified(c: Ctx, m: re.Match[str], grain: str,
                   cands: Callable[[dt.date], Iterable[str | None]]) -> Reading:
    """A reading chosen among candidates near the reference date; unresolved without one."""
    def redo(pivot: dt.date, forward: bool) -> str | None:
        return pick(cands(pivot), pivot, forward)
    value = redo(c.ref, c.forward(m)) if c.ref else None
    return Reading(value, grain, relative=True, redo=redo)


def day_reading(c: Ctx, m: re.Match[str], mo: int, day: int, year: int | None, wd: int | None = None) -> Reading:
    """A day given by month and day, with or without year and weekday."""
    if day < 1 or day > 31 or safe_day(2000, mo, day) is None:
        return BLOCK
    if year is not None:
        d = safe_day(year, mo, day)
        return Reading(v_day(d), "day") if d else BLOCK
    def cands(p: dt.date) -> list[str]:
        days = [d for y in range(p.year - 8, p.year + 9) if (d := safe_day(y, mo, day))]
        near = [d for d in days if abs(d.year - p.year) <= 1 and d.weekday() == wd]
        return [v_day(d) for d in (near or days)]

    def redo(p: dt.date, forward: bool) -> str | None:
        values = cands(p)
        return pick(values, p, forward) or (pick(values, p, not forward) if wd is not None else None)
    return Reading(redo(c.ref, c.forward(m)) if c.ref else None, "day", relative=True, redo=redo)


def month_reading(c: Ctx, m: re.Match[str], mo: int, year: int | None) -> Reading:
    if year is not None:
        return Reading(v_month(year, mo), "month")
    return underspecified(c, m, "month", lambda p: (v_month(y, mo) for y in range(p.year - 1, p.year + 2)))


def day_number(s: str) -> int | None:
    return w.number_value(s)


def current(c: Ctx, grain: str, steps: int = 0, base: dt.date | None = None) -> str | None:
    """The value of a grain containing the base (default the reference date), moved by steps."""
    base = base or c.ref
    if base is None:
        return None
    value = containing(base, grain)
    return shift(value, steps) if steps else value


_FUNCTION_WORDS = frozenset({
    "and", "or", "but", "to", "when", "as", "the", "a", "an", "in", "on", "at", "for", "with", "by", "was", "were",
    "is", "are", "had", "has", "have", "after", "before", "through", "until", "till", "onwards", "onward", "then",
    "that", "which", "while", "where", "who", "if", "so", "than", "from", "into", "during", "since", "under",
    "over", "against", "between", "among", "about", "amid", "despite", "following", "ahead", "alone", "near",
})


_MEASURES = frozenset({"people", "men", "women", "children", "km", "kg", "mm", "tonnes", "tons", "metres", "meters",
                       "miles", "feet", "mph", "times", "dollars", "euros", "roubles", "rubles", "won", "yuan"})
_NOT_PLURAL = re.compile(r"(?:ss|us|is|ys|as|os|ics)$")


def count_follows(text: str, end: int, plural_only: bool = False) -> bool:
    """The number is followed by a word that makes it a count ("2000 troops", "2/3 majority").

    With plural_only (for years, which often qualify a noun: "the 2024 election"), only a plural or a measure
    counts.
    """
    m = re.match(r"\s*(?:-\s*)?([A-Za-z]+|%)", text[end:end + 40])
    if not m:
        return False
    word = m.group(1)
    lower = word.lower()
    if word == "%" or lower in ("percent", "per") or lower in _MEASURES:
        return True
    if not word[0].islower() or lower in _FUNCTION_WORDS:
        return False
    return not plural_only or (lower.endswith("s") and not _NOT_PLURAL.search(lower))
