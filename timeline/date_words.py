"""Word tables and regex fragments of the temporal grammar: months, weekdays, number words, seasons, holidays.

Data, not logic: `date_grammar.py` builds its patterns from these fragments, `date_calc.py` does the arithmetic.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
# Abbreviations that are also common English words: a weekday only when capitalised, dotted or inside a date.
AMBIGUOUS_WEEKDAYS = frozenset({"sat", "sun", "wed"})
# Month names that are also verbs: a month alone only when capitalised.
AMBIGUOUS_MONTHS = frozenset({"march", "may"})

SEASON_CODES: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

UNITS: dict[str, str] = {
    "day": "D", "days": "D", "week": "W", "weeks": "W", "wk": "W", "wks": "W", "fortnight": "F",
    "fortnights": "F", "month": "M", "months": "M", "year": "Y", "years": "Y", "yr": "Y", "yrs": "Y",
    "decade": "E", "decades": "E", "century": "C", "centuries": "C", "quarter": "Q", "quarters": "Q",
}

CARDINALS: dict[str, int] = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}
# Counts said in words ("a few days ago"): what the phrase usually means.
VAGUE_COUNTS: dict[str, int] = {"a": 1, "an": 1, "one": 1, "a couple of": 2, "couple of": 2, "a few": 3, "few": 3,
                                "several": 3}

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}

# Fixed-date holidays: name -> (month, day). An apostrophe in a name is optional in the text.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "xmas": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31), "new year's": (1, 1),
    "the new year": (1, 1), "valentine's day": (2, 14), "valentine day": (2, 14), "halloween": (10, 31),
    "independence day": (7, 4), "the fourth of july": (7, 4), "victory day": (5, 9),
    "the ides of march": (3, 15), "st patrick's day": (3, 17), "st. patrick's day": (3, 17),
    "all saints' day": (11, 1), "armistice day": (11, 11), "veterans day": (11, 11), "may day": (5, 1),
    "april fools' day": (4, 1), "earth day": (4, 22), "groundhog day": (2, 2), "juneteenth": (6, 19),
    "flag day": (6, 14), "bastille day": (7, 14), "canada day": (7, 1), "australia day": (1, 26),
}
# Holidays a number of days from Easter Sunday.
EASTER_HOLIDAYS: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
    "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46, "pentecost": 49, "whit sunday": 49,
}
# Holidays on the n-th (or last, -1) weekday of a month, plus an offset in days: name -> (month, weekday, n, offset).
FLOATING_HOLIDAYS: dict[str, tuple[int, int, int, int]] = {
    "thanksgiving": (11, 3, 4, 0), "thanksgiving day": (11, 3, 4, 0), "black friday": (11, 3, 4, 1),
    "labor day": (9, 0, 1, 0), "memorial day": (5, 0, -1, 0), "mother's day": (5, 6, 2, 0),
    "father's day": (6, 6, 3, 0), "mlk day": (1, 0, 3, 0), "martin luther king day": (1, 0, 3, 0),
    "martin luther king jr. day": (1, 0, 3, 0), "presidents' day": (2, 0, 3, 0), "columbus day": (10, 0, 2, 0),
}


def holiday_key(text: str) -> str:
    """A holiday as written, folded to its table key ("Mothers Day" -> "mother's day")."""
    s = re.sub(r"\s+", " ", text.lower().replace("’", "'"))
    for name in (*HOLIDAYS, *FLOATING_HOLIDAYS, *EASTER_HOLIDAYS):
        if s == name or s == name.replace("'", ""):
            return name
    return s


def holiday_pattern() -> str:
    names = sorted((*HOLIDAYS, *FLOATING_HOLIDAYS, *EASTER_HOLIDAYS), key=len, reverse=True)
    parts = [re.escape(n).replace(r"\ ", r"\s+").replace("'", "['’]?") for n in names]
    return "(?:" + "|".join(parts) + ")"


def alternation(words: list[str] | dict[str, object]) -> str:
    """A regex alternation of words, longest first, with spaces and dots escaped."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


_UNIT_WORDS = [w for w in CARDINALS if 1 <= CARDINALS[w] <= 9]
_TEENS = [w for w in CARDINALS if 10 <= CARDINALS[w] <= 19]
_TENS = [w for w in CARDINALS if CARDINALS[w] >= 20]
_ORD_UNITS = [w for w in ORDINALS if ORDINALS[w] <= 9]

UNIT_W = alternation(_UNIT_WORDS)
TEEN_W = alternation(_TEENS)
TENS_W = alternation(_TENS)
ORD_W = alternation(list(ORDINALS))

# Day of month in words, ordinal or cardinal ("twenty-first", "twenty one", "the thirty").
DAY_ORD_WORD = rf"(?:(?:twenty|thirty)[\s-]*{alternation(_ORD_UNITS)}|{ORD_W})"
DAY_CARD_WORD = rf"(?:(?:twenty)[\s-]*{UNIT_W}|thirty[\s-]*one|thirty|twenty|{TEEN_W}|{UNIT_W})"
DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])(?!\d|,\d{3}(?!\d)|\.\d)"
DAY_SUFFIX = r"(?:st|nd|rd|th)"

# Small numbers for counts ("three weeks ago", "a few days").
NUM_WORD = rf"(?:{TENS_W}(?:[\s-]*{UNIT_W})?|{TEEN_W}|{UNIT_W})"
COUNT = rf"(?:\d{{1,3}}(?![\d,.]\d)|{NUM_WORD}|a\s+couple\s+of|couple\s+of|a\s+few|few|several|an?)"

# Years in words: "nineteen seventy eight", "two thousand and eighteen", "one thousand seven hundred and eighty nine".
_TWO_DIGIT_W = rf"(?:{TENS_W}(?:[\s-]+{UNIT_W})?|{TEEN_W}|(?:oh|zero)[\s-]+{UNIT_W})"
_CENTURY_W = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
YEAR_WORDS = (
    rf"(?:{_CENTURY_W}\s+(?:hundred(?:\s+(?:and\s+)?(?:{_TWO_DIGIT_W}|{UNIT_W}))?|{_TWO_DIGIT_W})"
    rf"|(?:one|two)\s+thousand(?:\s+{UNIT_W}\s+hundred)?(?:\s+(?:and\s+)?(?:{_TWO_DIGIT_W}|{UNIT_W}))?)"
    rf"(?![\s-]+(?:{UNIT_W}|{TEEN_W}|{TENS_W}|hundred|thousand)\b)"
)

MONTH_NAME = (
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)(?![a-z])"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?)"
)
WEEKDAY_NAME = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])"
    r"|(?:tues|thurs|thur|mon|tue|wed|thu|fri|sat|sun)(?![a-z])\.?)"
)
SEASON_NAME = r"(?:spring|summer|autumn|fall|winter)(?![a-z])"


def number_value(words: str) -> int | None:
    """A count or day in digits or words ("21", "twenty-one", "twenty first", "a few") as an int."""
    s = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", words.strip().lower())
    s = re.sub(r"\s+", " ", s)
    if s.isdigit():
        return int(s)
    if s in VAGUE_COUNTS:
        return VAGUE_COUNTS[s]
    total = 0
    for part in re.split(r"[\s-]+", s):
        n = CARDINALS.get(part, ORDINALS.get(part))
        if n is None or part in ("zero", "oh"):
            return None
        total += n
    return total or None


def year_value(words: str) -> int | None:
    """A year written in digits or words; None when the words do not make a year."""
    s = words.strip().lower().lstrip("'")
    if s.isdigit():
        return int(s)
    toks = [t for t in re.split(r"[\s-]+", s) if t and t != "and"]
    if "thousand" in toks or "hundred" in toks:
        total, current = 0, 0
        for t in toks:
            if t == "thousand":
                total += max(current, 1) * 1000
                current = 0
            elif t == "hundred":
                current = max(current, 1) * 100
            elif t in CARDINALS:
                current += CARDINALS[t]
            else:
                return None
        return total + current
    if len(toks) < 2 or toks[0] not in CARDINALS:
        return None
    century = CARDINALS[toks[0]]
    rest = toks[1:]
    if rest[0] in ("oh", "zero"):
        rest = rest[1:]
    tail = 0
    for t in rest:
        if t not in CARDINALS:
            return None
        tail += CARDINALS[t]
    return century * 100 + tail if tail < 100 else None
