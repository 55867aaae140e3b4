"""Which date governs a fact in its sentence (timeline/extract.py finds the facts).

The date of its own clause (basis event), unless it dates something else: the dateline, a rate ("a year"),
when the weapon was made, another event ("the invasion in February 2022"), an aside or another predicate.
Else the date of the saying that reports it (basis statement). Else none: the caller decides between the
publication date (basis report) and undated.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from timeline import extract_patterns as rx
from timeline.dates import Mention
from timeline.extract_attribution import Attribution
from timeline.lexicon import Cue

if TYPE_CHECKING:
    from timeline.extract import Candidate


def governing_date(cand: Candidate, sentence: str, dates: list[Mention], attribution: Attribution | None,
                    span: tuple[int, int]) -> tuple[Mention | None, str]:
    dateline = rx.DATELINE.match(sentence) or rx.AGENCY_DATELINE.match(sentence) or rx.DATED_PLACE.match(sentence)
    post = rx.EMBEDDED_POST.search(sentence)
    usable = [m for m in dates if (m.duration is None or m.value) and not _rate(sentence, m)
              and not (post and m.start >= post.end())
              and not _baseline(sentence, m)
              and not (dateline and m.start < dateline.end())
              and not (rx.MADE_IN.search(sentence, 0, m.start) and not rx.MADE_IN.match(cand.cue.text + " "))
              and not (rx.OTHER_EVENT.search(sentence, max(0, m.start - 60), m.start)
                       and cand.item_class != "agreement" and cand.cue.type != "use")]
    if cand.item_class != "agreement":   # "the June 2024 treaty" dates the treaty, not the shells
        usable = [m for m in usable if not rx.ATTRIBUTIVE.match(sentence, m.end)
                  or not re.search(r"(?:\b(?:the|a|its|their|this|last)|['’]s)\s+$", sentence[:m.start], re.I)]   # "Pyongyang's 2024 treaty"
    own = _participle_dates(sentence, cand.cue, [m for m in usable if span[0] <= m.start < span[1] and not _aside(sentence, m, cand.cue)])
    if own:
        return _span(sentence, min(own, key=lambda m: abs(m.start - cand.cue.start)), usable), "event"
    heading = [m for m in usable if re.fullmatch(r"[\W\d]*", sentence[:m.start])
               and re.match(r"\s*[:–—-]\s", sentence[m.end:])]
    if heading:
        return heading[0], "event"
    if attribution:
        lo, hi = attribution.clause
        said = [m for m in usable if lo <= m.start < hi and not attribution.complement[0] <= m.start < attribution.complement[1]]
        if said:
            return min(said, key=lambda m: abs(m.start - attribution.region[0])), "statement"
    return None, "undated"


def _participle_dates(sentence: str, cue: Cue, own: list[Mention]) -> list[Mention]:
    """'began implementing the treaty on Thursday, signed in Moscow on January 17': a cue that opens a participle
    clause with a date of its own takes that date, not the main clause's."""
    comma = sentence.rfind(",", 0, cue.start)
    if comma < 0 or not re.fullmatch(r",\s*(?:first\s+)?", sentence[comma:cue.start]) or not rx.PARTICIPLE_CLAUSE.match(sentence, comma):
        return own
    return [m for m in own if m.start > cue.start] or own


def _span(sentence: str, m: Mention, dates: list[Mention]) -> Mention:
    """'in October and November', 'from May to July': two dates joined into the interval they span."""
    for n in dates:
        joined = n.start > m.end and re.fullmatch(r"\s*(?:and|to|until|through|-|–)\s*", sentence[m.end:n.start], re.I)
        if joined and _two_days(m, n) and "and" in sentence[m.end:n.start]:
            continue   # "on 30 December and 2 January": two days, two facts (see also_dated)
        if joined and m.value and n.value and m.first_day and n.last_day and m.first_day <= n.last_day:
            return replace(m, end=n.end, text=sentence[m.start:n.end], value=f"{m.value}/{n.value}",
                           grain="interval", last_day=n.last_day)
    return m


def also_dated(sentence: str, m: Mention, dates: list[Mention]) -> list[Mention]:
    """'strikes on 30 December and 2 January': the other days listed with the governing one."""
    out = []
    for n in sorted(dates, key=lambda d: d.start):
        if n.start > m.end and _two_days(m, n) and re.fullmatch(r"\s*(?:,|,?\s*and)\s*", sentence[(out[-1] if out else m).end:n.start]):
            out.append(n)
    return out


def _two_days(m: Mention, n: Mention) -> bool:
    return m.grain == n.grain == "day" and m.value != n.value


def _baseline(sentence: str, m: Mention) -> bool:
    """'rose from $200 million in 2021 to $500 million in 2022': 2021 is what the figure is compared with."""
    return rx.FROM_FIGURE_IN.search(sentence, max(0, m.start - 50), m.start) is not None \
        and rx.TO_FIGURE_IN.match(sentence, m.end) is not None


def _rate(sentence: str, m: Mention) -> bool:
    """'three million a year', '1,200 a day': a rate, not a date."""
    return re.fullmatch(r"(?:a|an|per|each)\s+\w+", m.text.strip(), re.I) is not None and \
        re.search(r"(?:\d|million|thousand|hundred|\w+s)\s+$", sentence[:m.start]) is not None


def _aside(sentence: str, m: Mention, cue: Cue) -> bool:
    """A date inside a relative clause or parenthesis that does not hold the cue."""
    lo, hi = sorted((m.start, cue.start))
    between = sentence[lo:hi]
    if m.start > cue.start:
        if re.search(r",\s*(?:which|who)\b[^,]*,\s*(?:on|in|at|last|this)?\s*$", between, re.I):
            return False   # "signed the treaty, which was concluded in June, on Monday": the clause is closed
        return bool(re.search(r",\s*(?:which|who|when|where|after|before|since|(?!including)\w+ing)\b", between, re.I)
                    or rx.PARTICIPLE_CLAUSE.search(between)
                    or rx.AND_FUTURE.search(between)
                    or rx.LATER_CLAUSE.search(between)
                    or not _noun_cue(cue, between) and rx.OTHER_PREDICATE.search(sentence, cue.end, m.start))
    if rx.OPENING_EVENT.match(sentence[:m.start]) and "," in sentence[m.end:cue.start]:
        return True   # "Following the pact signed in June 2024, Pyongyang dispatched soldiers": the pact's date
    if rx.SUBORDINATE.search(sentence, 0, cue.start) and m.end <= cue.start:
        return True   # "shipments began in January following the finalisation of a deal": January dates the shipments
    comma = sentence.rfind(",", 0, m.start)
    in_its_sentence = comma > max(sentence.rfind(". ", 0, m.start), sentence.rfind("? ", 0, m.start))   # not in a sentence before, inside one quote
    if comma >= 0 and in_its_sentence and (re.match(r",\s*(?:which|who)\b", sentence[comma:]) or rx.PARTICIPLE_CLAUSE.match(sentence, comma)) \
            and "," in sentence[m.end:cue.start]:
        return True   # "North Korea, which signed a treaty in June, has sent troops"; "The treaty, signed in June, took effect"
    return bool(re.search(r"\b(?:which|who)\b[^,]*,", between, re.I)) or "(" in between and ")" not in between


def _noun_cue(cue: Cue, between: str) -> bool:
    """'Shipments of shells were recorded in May': a verb of seeing or happening after a noun cue is the cue's own
    (but in 'shipments of shells were criticised in May' the date is the criticism's)."""
    return (cue.type == "nominal" or cue.text.lower().endswith(" of")) and rx.NOUN_PREDICATE.search(between) is not None
