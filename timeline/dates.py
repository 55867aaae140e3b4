"""The temporal tagger: every date expression in a text, resolved against a reference date.

INTERFACE (stable; others build on it):
    find_dates(text: str, ref: datetime.date | datetime.datetime | None) -> list[Mention]
A Mention with value None is unresolved (say so, never guess).

How: the rules of `date_grammar`, `date_periods`, `date_relative` and `date_weeks` (regexes compiled at import;
dateparser is not used: it is slower and lacks most of these forms) propose readings; the longest win; then, in
text order, anaphoric forms take the previous mention as anchor ("the following month", "a year earlier"), and
neighbours compose: "two days after" + A into a day, "from A to B" and "between A and B" into intervals,
"early/mid/late", "the end of" into START/MID/END, "since/before/after/until/by" into TIMEX3 mods, "the week of A"
into a week. Without a year and a cue, an expression takes its latest occurrence not after the reference date;
tense and cues ("will", "next", "the election in") point it forward.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass

from timeline import date_grammar, date_periods, date_weeks  # noqa: F401  (register their rules)
from timeline.date_calc import DAY, narrow, v_day, v_week
from timeline.date_relative import moved
from timeline.date_rules import BLOCK, RULES, Ctx, Handler, Reading
from timeline.timex import grain_of, interval_of


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    value: str | None          # TIMEX3 value at the precision the text gives; None when unresolved
    grain: str | None          # day, week, weekend, month, quarter, half, season, year, decade, century, interval, duration
    first_day: dt.date | None
    last_day: dt.date | None
    mod: str | None = None     # START, MID, END, BEFORE, AFTER, ON_OR_AFTER, ...
    relative: bool = False     # resolved against the reference date
    duration: str | None = None  # ISO 8601 duration for durations ("P2W"); value stays None

    @property
    def resolved(self) -> bool:
        return self.value is not None

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        d["first_day"] = self.first_day.isoformat() if self.first_day else None
        d["last_day"] = self.last_day.isoformat() if self.last_day else None
        return d


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    reading: Reading
    rule: int
    match: re.Match[str] | None = None


def find_dates(text: str, ref: dt.date | dt.datetime | None = None) -> list[Mention]:
    """Every temporal expression in the text, in order, resolved against ref (the publication date)."""
    if isinstance(ref, dt.datetime):
        ref = ref.date()
    ctx = Ctx(text, ref, ref)
    spans = _select(_candidates(text, ctx))
    spans = _resolve_anaphora(spans, text, ref)
    spans = _compose_offsets(spans, text)
    spans = _compose_intervals(spans, text)
    return [_mention(s, text, ref) for s in spans if s.reading is not BLOCK]


def _candidates(text: str, ctx: Ctx) -> list[_Span]:
    out = []
    for i, r in enumerate(RULES):
        for m in r.pattern.finditer(text):
            if not m.group(0).strip():
                continue
            reading = _safely(r.handler, m, ctx)
            if reading is None:
                continue
            start, end = m.span(reading.group) if reading.group else m.span()
            out.append(_Span(start, end, reading, i, m))
    return out


def _safely(handler: Handler, m: re.Match[str], ctx: Ctx) -> Reading | None:
    """A handler's reading; None when its arithmetic leaves the calendar (year 0 or 10000): unresolvable."""
    try:
        return handler(m, ctx)
    except (ValueError, OverflowError):
        return None


def _select(cands: list[_Span]) -> list[_Span]:
    """Longest first, then the earlier rule; keep the spans that overlap nothing already kept."""
    taken: list[_Span] = []
    for s in sorted(cands, key=lambda s: (-(s.end - s.start), s.rule, s.start)):
        if all(s.end <= t.start or s.start >= t.end for t in taken):
            taken.append(s)
    return sorted(taken, key=lambda s: s.start)


def _resolve_anaphora(spans: list[_Span], text: str, ref: dt.date | None) -> list[_Span]:
    """Re-read anaphoric expressions ("the following month") against the mention before them."""
    anchor, anchor_value = ref, None
    day_anchor: tuple[dt.date, str] | None = None
    for s in spans:
        r = s.reading
        if r.anaphoric and anchor_value is not None and s.match is not None:
            again = _safely(RULES[s.rule].handler, s.match, Ctx(text, ref, anchor, anchor_value))
            if again is not None and again.grain == "day" and grain_of(anchor_value) != "day" and day_anchor:
                # "the previous day" after "since August": a day counts from the last day named
                again = _safely(RULES[s.rule].handler, s.match, Ctx(text, ref, *day_anchor))
            if again is not None:
                s.reading = again
        span = interval_of(s.reading.value) if s.reading.value else None
        if span and s.reading.grain != "interval":
            anchor, anchor_value = span[0], s.reading.value
            if s.reading.grain == "day":
                day_anchor = (span[0], s.reading.value)
    return [s for s in spans if s.reading.value is not None or s.reading.grain is not None]


def _compose_offsets(spans: list[_Span], text: str) -> list[_Span]:
    """ "two days after" + a dated mention: the day that far from it ("a week before Christmas")."""
    out: list[_Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev and prev.reading.offset and not text[prev.end:s.start].strip():
            span = interval_of(s.reading.value) if s.reading.value else None
            if span:
                sign, parts = prev.reading.offset
                try:
                    day = moved(span[0], list(parts), sign)
                except (ValueError, OverflowError):
                    out.append(s)
                    continue
                out[-1] = _Span(prev.start, s.end, Reading(v_day(day), "day", relative=s.reading.relative),
                                prev.rule)
                continue
        out.append(s)
    return out


_CONNECTOR = re.compile(r"\s*(?:-|–|—|to|through|thru|till|until|and|into)\s*(?:the\s+)?$", re.I)
_INTRO = re.compile(r"(?:\b(?P<w>from|between)\s+(?:the\s+)?)$", re.I)


def _compose_intervals(spans: list[_Span], text: str) -> list[_Span]:
    out: list[_Span] = []
    i = 0
    while i < len(spans):
        s = spans[i]
        if i + 1 < len(spans):
            nxt = spans[i + 1]
            gap = text[s.end:nxt.start]
            intro = _INTRO.search(text[max(0, s.start - 12):s.start])
            conn = _CONNECTOR.fullmatch(gap)
            if conn and (gap.strip().lower() != "and" or intro and intro.group("w").lower() == "between"):
                joined = _interval(s.reading, nxt.reading)
                if joined is not None:
                    start = s.start - len(intro.group(0)) if intro else s.start
                    out.append(_Span(start, nxt.end, joined, s.rule))
                    i += 2
                    continue
        out.append(s)
        i += 1
    return out


_POINT_GRAINS = {"day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century"}


def _interval(a: Reading, b: Reading) -> Reading | None:
    """Two neighbouring readings joined by "to"/"-"/"and": one interval, each end re-anchored on the other."""
    if a.grain not in _POINT_GRAINS or b.grain not in _POINT_GRAINS or a.mod or b.mod:
        return None
    av, bv = a.value, b.value
    if a.redo and not b.redo and bv and (sb := interval_of(bv)):
        av = a.redo(sb[0], False)
    elif av and b.redo and (sa := interval_of(av)):
        bv = b.redo(sa[0], True)
    if not av or not bv:
        return Reading(None, "interval", relative=a.relative or b.relative)
    sa, sb = interval_of(av), interval_of(bv)
    if not sa or not sb or sa[0] > sb[0]:
        return None
    if a.grain != b.grain:
        av, bv = v_day(sa[0]), v_day(sb[0])
    return Reading(f"{av}/{bv}", "interval", relative=a.relative or b.relative)


_MOD_BEFORE = re.compile(
    r"(?:\b(?:the\s+)?(?:(?P<s>early|mid|middle|late)\s*-?\s*|(?P<p>start|beginning|outset|dawn|middle|end|close)"
    r"\s+of\s+(?:the\s+)?)|\bmid-)$", re.I)
_REL_BEFORE = re.compile(
    r"\b(?P<w>since|before|after|until|till|prior\s+to|by|as\s+early\s+as|no\s+later\s+than)\s+$", re.I)
_WEEK_OF = re.compile(r"\b(?:the\s+)?week\s+(?:of|beginning|starting|commencing)\s+$", re.I)
_POSITION = {"early": "START", "start": "START", "beginning": "START", "outset": "START", "dawn": "START",
             "mid": "MID", "middle": "MID", "late": "END", "end": "END", "close": "END"}
_RELATION = {"since": "ON_OR_AFTER", "before": "BEFORE", "prior to": "BEFORE",
             "after": "AFTER", "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE", "by": "ON_OR_BEFORE",
             "no later than": "ON_OR_BEFORE", "as early as": "ON_OR_AFTER"}


def _mention(s: _Span, text: str, ref: dt.date | None) -> Mention:
    r = s.reading
    start, value, grain, mod = s.start, r.value, r.grain, r.mod
    week = _WEEK_OF.search(text[max(0, start - 30):start])
    if week and grain == "day":
        start -= len(week.group(0))
        grain = "week"
        value = v_week(dt.date.fromisoformat(value)) if value else None
    position = _MOD_BEFORE.search(text[max(0, start - 20):start])
    if position and grain in _POINT_GRAINS:
        word = (position.group("s") or position.group("p") or "mid").lower()
        mod = _POSITION[word]
        start -= len(position.group(0))
    span = interval_of(value) if value else None
    first, last = span if span else (None, None)
    if first and last:
        first, last = narrow(first, last, mod)
    relation = _REL_BEFORE.search(text[max(0, start - 24):start])
    if relation and grain in _POINT_GRAINS | {"interval"}:
        rel = _RELATION[re.sub(r"\s+", " ", relation.group("w").lower())]
        start -= len(relation.group(0))
        if not (mod and relation.group("w").lower() == "by"):
            mod = rel
            first, last = _open_ended(rel, first, last, ref)
    if value and grain_of(value) is None:
        value, first, last = None, None, None
    return Mention(start, s.end, text[start:s.end], value, grain, first, last, mod, r.relative, r.duration)


def _open_ended(rel: str, first: dt.date | None, last: dt.date | None,
                ref: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """Days covered by "since X" (X to the reference date), "before X" (up to the day before X), and so on."""
    if first is None or last is None or first == dt.date.min or last == dt.date.max:
        return first, last
    if rel == "ON_OR_AFTER":
        return first, ref if ref and ref >= first else None
    if rel == "AFTER":
        return last + DAY, ref if ref and ref > last else None
    if rel == "BEFORE":
        return None, first - DAY
    return None, last
