"""A printed dateline near the top of an article: "2 November 2022, 15:01", "Published 4 October 2024",
"Oct. 4, 2024 5:00 am ET", "Updated: 12 March 2023".

A line is a dateline when, once its dates, times and labels are taken away, a few names at most remain
(a byline, a place, the paper): a lower-case word such as "met" or "said" makes it a sentence instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# How many lines from the top (after boilerplate) may hold the dateline.
DATELINE_WINDOW = 8
# Words other than the date, time and labels that a dateline line may carry ("By Jane Doe, Kyiv").
MAX_OTHER_WORDS = 8
# Lower-case words a dateline may hold; any other one ("met", "said") makes the line a sentence.
DATELINE_WORDS = frozenset([
    "by", "and", "at", "in", "of", "the", "from", "for", "with", "am", "pm", "et", "gmt", "bst", "utc",
    "est", "edt", "cet", "cest", "local", "time", "words", "reporting", "correspondent", "editor",
    "reporter", "writer", "staff"
])

MONTHS: dict[str, int] = {
    name: n
    for n, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        1,
    )
    for name in names
}
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
DATE_FORMS = [
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_YEAR}-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?\S*)?\b"),
    re.compile(rf"\b(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.]{_YEAR}\b"),
]
TIME = re.compile(
    r"(?:\bat\s+)?\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*\(?[A-Z]{2,5}\)?(?![\w']))?"
    r"|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)(?:\s*[A-Z]{2,5}(?![\w']))?",
    re.IGNORECASE,
)
UPDATED = re.compile(r"\b(?:updated|modified|last\s+updated|last\s+modified|edited|revised)\b", re.IGNORECASE)
LABELS = re.compile(
    r"\b(?:first\s+)?(?:published|posted|updated|modified|last|created|issued|edited|revised|date|dated|on)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'-]*")


@dataclass(frozen=True, slots=True)
class Dateline:
    index: int              # which line
    line: str               # the dateline: the whole line, or the wire prefix of a story line
    date: dt.date
    updated: bool = False   # only an "Updated ..." date was printed, not the first publication
    inline: bool = False    # a wire dateline opening a story paragraph, which stays in the text


def find_dateline(lines: list[str], window: int = DATELINE_WINDOW) -> Dateline | None:
    """The first dateline among the first `window` lines, or None: a line of its own, or the wire-style
    opening of a paragraph ("LONDON, 10 September 2024 (Newswire) - ...")."""
    for i, line in enumerate(lines[:window]):
        found = parse_dateline(line)
        if found is not None:
            date, updated = found
            return Dateline(i, line, date, updated)
        wire = parse_wire_dateline(line)
        if wire is not None:
            return Dateline(i, wire[0], wire[1], inline=True)
    return None


_WIRE_PLACE = re.compile(r"[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})?,\s*")
_WIRE_END = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*[-:]\s+")


def parse_wire_dateline(line: str) -> tuple[str, dt.date] | None:
    """(prefix, date) of a paragraph that opens with PLACE, DATE (AGENCY) -; None otherwise."""
    place = _WIRE_PLACE.match(line)
    if place is None:
        return None
    for form in DATE_FORMS:
        m = form.match(line, place.end())
        if m is None:
            continue
        end = _WIRE_END.match(line, m.end())
        day = _to_date(m)
        if end is not None and day is not None:
            return line[:end.end()].rstrip(" -:"), day
    return None


def parse_dateline(line: str) -> tuple[dt.date, bool] | None:
    """(date, updated) when the whole line is a dateline; the first-publication date is preferred."""
    if len(line) > 160:
        return None
    found: list[tuple[int, int, dt.date]] = []
    for form in DATE_FORMS:
        for m in form.finditer(line):
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            day = _to_date(m)
            if day is not None:
                found.append((m.start(), m.end(), day))
    if not found:
        return None
    rest = line
    for s, e, _ in sorted(found, reverse=True):
        rest = rest[:s] + " " + rest[e:]
    words = _WORD.findall(LABELS.sub(" ", TIME.sub(" ", rest)))
    if len(words) > MAX_OTHER_WORDS or any(w.islower() and w not in DATELINE_WORDS for w in words):
        return None
    found.sort()
    plain = [(d, s) for s, _, d in found if not UPDATED.search(line[max(0, s - 25):s])]
    if plain:
        return plain[0][0], False
    return found[0][2], True


def _to_date(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    year = int(g["year"])
    if g.get("mon"):
        month, day = MONTHS[g["mon"].lower()], int(g["day"])
    elif g.get("month"):
        month, day = int(g["month"]), int(g["day"])
    else:
        a, b = int(g["a"]), int(g["b"])
        if a != b and (a > 12) == (b > 12):
            return None  # 04/10/2024 could be April or October
        month, day = (b, a) if a > 12 else (a, b)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
