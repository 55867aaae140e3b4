"""Quantities as written in news copy: "three million" -> 3000000, "200", "half of the shells" -> share 0.5.

A vague amount ("dozens", "a significant number") is kept as text with no value: never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
SHARES = {"half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
          "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75,
          "three-quarters": 0.75, "a fifth": 0.2, "a tenth": 0.1, "most": None, "all": 1.0}
VAGUE = ("dozens", "hundreds", "thousands", "tens of thousands", "hundreds of thousands", "millions",
         "several", "a few", "a significant number", "a large number", "a number", "large numbers",
         "a small number", "many", "numerous", "a batch", "batches", "a large quantity", "large quantities",
         "significant quantities", "a significant quantity", "vast quantities", "huge quantities")

_UNIT = "|".join(sorted((u for u in UNITS if u not in ("a", "an")), key=len, reverse=True))
_WORD_NUMBER = (
    rf"(?:(?:{_UNIT})(?:[\s-]+(?:{_UNIT}))?|a|an)(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?(?:{_UNIT}))?)*"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_APPROX = (r"(?:about|around|roughly|nearly|almost|approximately|some|over|more\s+than|less\s+than|fewer\s+than|"
           r"up\s+to|at\s+least|as\s+many\s+as|an\s+estimated|estimated|close\s+to|in\s+excess\s+of|"
           r"at\s+most|just\s+over|just\s+under|under|well\s+over|a\s+total\s+of)")
_NUMBER = rf"(?:{_DIGITS})(?:\s*(?:million|billion|thousand|hundred|bn|mn|m|k)\b)?|(?:{_WORD_NUMBER})"
_SHARE = "|".join(re.escape(s) for s in sorted(SHARES, key=len, reverse=True))
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
_RATE = r"(?:\s+(?:a|per|each|every)\s+(?:year|month|week|day))?"

QUANTITY = re.compile(
    rf"(?<![\w.,$€£-])(?:(?:{_APPROX})\s+)?(?:(?P<percent>\d+(?:\.\d+)?)\s*(?:per\s*cent|percent|%)"
    rf"|(?P<share>{_SHARE})(?=\s+(?:of\s+)?(?:the|its|all|their|russia)\b)"
    rf"|(?P<vague>{_VAGUE})|(?P<number>{_NUMBER})){_RATE}(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None   # an absolute number when the text gives one
    share: float | None   # a fraction of a whole ("half of the shells" -> 0.5)


def number_value(words: str) -> float | None:
    """'three million' -> 3e6, '1,200' -> 1200, '2.5m' -> 2.5e6, 'a hundred' -> 100; None when not a number."""
    text = words.lower().replace(",", "").replace("-", " ").strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(million|billion|thousand|hundred|bn|mn|m|k)?", text)
    if m:
        return float(m.group(1)) * (SCALES.get(m.group(2) or "", 1))
    total = 0.0
    current = 0.0
    seen = False
    for word in text.split():
        if word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in SCALES:
            current = max(current, 1.0) * SCALES[word]
            if SCALES[word] >= 1000:
                total += current
                current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in a phrase, or None."""
    found = find_quantities(text)
    return found[0] if found else None


def find_quantities(text: str) -> list[Quantity]:
    out = []
    for m in QUANTITY.finditer(text):
        if m.group("number") is not None:
            word = m.group("number").strip().lower()
            if word in ("a", "an", "one") and not re.search(r"hundred|thousand|million|billion", m.group(), re.I):
                continue
            value = number_value(m.group("number"))
            if value is None:
                continue
            out.append(Quantity(m.start(), m.end(), m.group(), value, None))
        elif m.group("percent") is not None:
            out.append(Quantity(m.start(), m.end(), m.group(), None, float(m.group("percent")) / 100))
        elif m.group("share") is not None:
            out.append(Quantity(m.start(), m.end(), m.group(), None, SHARES[m.group("share").lower()]))
        else:
            out.append(Quantity(m.start(), m.end(), m.group(), None, None))
    return out
