"""The attribution layer of the rules engine: who says so, when it was said, and what is said.

"X said in September that ...", "..., according to X", "..., X said Monday, vowing ...", "..., reported the
agency on Tuesday", '"We have not ...," the minister said'. The engine (timeline/extract.py) reads facts only in
the complement and takes the statement date from the saying.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.lexicon import Cue

ATTRIBUTION_TYPES = ("attribution", "claim_attribution")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "our", "his", "her", "their"}
SAID_THAT = re.compile(
    r"(?:\s+(?:for|the|a|first|second|time|on|in|at|during|last|this|earlier|late|early|publicly|privately|also|again|"
    r"repeatedly|previously|now|finally|today|yesterday|recently|week|month|year|of|to|reporters|journalists|"
    r"lawmakers|parliament|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|spring|summer|autumn|fall|winter|\d{1,4}(?:st|nd|rd|th)?),?)*?"
    r"\s*(?:that\b|:|,)\s*[\"“]?")
SAID_WHEN = re.compile(r"(?:\s*(?:on|in|last|this|earlier|late|early|at|during)\s+\w+(?:\s+\d{1,2})?(?:,?\s+\d{4})?)?\s*[\"“]?")
TRAILING_TAIL = re.compile(r"(?!\s*that\b)[^,;:]{0,80}(?:[.\"”]?\s*|,\s*(?:[a-z]+ing|citing|noting|saying|as|but|without|and|in|vowing|"
                           r"an?|another|the\s+latest|"   # "..., media reported, another sign of ..."
                           r"warning|pledging|promising|calling|urging|threatening|announcing|according|after|amid|"
                           r"following|while|which|who|when|where|referring|describing|stressing|explaining|reacting|responding|"
                           r"replying|commenting|speaking|dismissing|rejecting|denying|insisting|reiterating)\b.*)",
                           re.S)
NO_VERB = r"(?:(?!\b(?:would|will|could|can|may|might|should|must)\b)[^,;:.()])"
INVERTED = re.compile(rf"\s+((?:the\s+|an?\s+)\w{NO_VERB}{{1,60}}?|[A-Z]{NO_VERB}{{1,60}}?)(?:\s+(?:on|in|last|this|earlier|late|early)\s+[^,;:.]{{1,30}}"
                      r"|\s+(?:today|yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))?\s*(?:[.\"”]\s*|,.*)?", re.S)
QUOTATION = re.compile(r"[\"“][^\"“”]{3,}[\"”]")
PASSIVE_SAYING = re.compile(r"\s+(?:was|were|has been|have been|had been)\s+(?:first\s+|also\s+|previously\s+)?$", re.I)
PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:also\s+|now\s+|\w+ly\s+)?$", re.I)
ACCUSED = re.compile(r"accused\b(?:\s+by\s+[^,;.]{1,60}?)?\s+of\b", re.I)
PASSIVE_SAID = re.compile(r"reported|revealed|announced|confirmed|disclosed|stated|said", re.I)
LEADING_WORDS = {"the", "a", "an", "but", "and", "however", "yet", "when", "as", "after", "while", "if", "although",
                 "because", "since", "so", "meanwhile", "now"}
TRAILING_WORDS = {"has", "have", "had", "is", "are", "was", "were", "also", "again", "repeatedly", "previously",
                  "already", "publicly", "reportedly", "earlier", "later", "now", "then", "has also", "had also", "quoted", "as"}
PRESENT_SAYING = {"says", "say", "believes", "believe", "warns", "warn", "claims", "claim", "estimates", "estimate",
                  "indicates", "shows", "suggests", "assesses", "assess", "insists", "alleges", "allege", "accuses",
                  "notes", "adds", "writes", "states", "confirms", "confirm", "reveals", "admits", "acknowledges"}
OPENING_ADVERBIAL = re.compile(r"\s*(?:[-–—•*]\s*)?(?:On|In|At|Last|Earlier|Later|During|Since|After|Afterwards?|Before|Meanwhile|However|Then|"
                               r"Subsequently|Separately|Additionally|In addition|Also|Moreover|Furthermore|"
                               r"Yesterday|Today)\b", re.I)   # "On January 4, the coordinator, John Kirby, said"
PARTICIPLE_OPENING = re.compile(r"\s*(?:Speaking|Responding|Replying|Addressing|Writing|Testifying|Briefing|Talking|"
                                r"Commenting|Answering|Asked|Questioned|Interviewed|Appearing)\b", re.I)   # "Speaking on Monday, Kirby said"
TRAILING_DATE = re.compile(r"(?:\s+(?:on|last|this|earlier|late|early)\s+\w+(?:\s+\d{1,2})?(?:,?\s+\d{4})?"
                           r"|\s+(?:today|yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))+$", re.I)
SUBORDINATOR = re.compile(r"\s*(?:(?:weeks|days|months|years|hours|shortly|soon|just|long)\s+)?"
                          r"(?:after|before|since|until|when|while|because|as|once|even as)\s", re.I)
NOUN_BEFORE = re.compile(r"\b(?:on|of|the|these|those|such|any|his|her|their|its|to|against|about|over|with|"
                         r"denied|rejected|dismissed|refuted)\s+$", re.I)
ADVERBIAL = re.compile(r"\s*(?:(?:on|in|at|during|last|this|earlier|later|also|again|then|now|today|yesterday|"
                       r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\w+ly)\b[^,]{0,25}?|)\s*", re.I)


@dataclass(slots=True)
class Attribution:
    source: str | None          # who says so, None for a pronoun the caller may resolve
    region: tuple[int, int]     # the words of the saying (subject, verb, its own date)
    complement: tuple[int, int]  # what is said
    claim: bool                 # "warned", "claims", "alleged": the fact is a claim
    clause: tuple[int, int]     # the clause it was found in
    trailing: bool              # "..., officials said": it governs what comes before it
    present: bool = False       # "says", "believes": said as of the report


def sayings(sentence: str, cues: list[Cue], parts: list[tuple[int, int]]) -> list[Attribution | None]:
    """The attribution governing each clause: its own; else the one before it that runs on ("X said that A,
    while B"); else a trailing one after it ("A, while B, officials said")."""
    found = [find_attribution(sentence, cues, clause) for clause in parts]
    out = list(found)
    for n in range(1, len(out)):
        prev = out[n - 1]
        if out[n] is None and prev is not None and not prev.trailing:
            out[n] = prev
    for n in range(len(out) - 2, -1, -1):
        nxt = out[n + 1]
        if out[n] is None and nxt is not None and nxt.trailing:
            out[n] = nxt
    return out


def find_attribution(sentence: str, cues: list[Cue], clause: tuple[int, int]) -> Attribution | None:
    """The saying in a clause: "according to X", "X said (that)", "..., X said"."""
    lo, hi = clause
    quotes = [m.span() for m in QUOTATION.finditer(sentence, lo, hi)]
    for cue in cues:
        if cue.type not in ATTRIBUTION_TYPES or not lo <= cue.start < hi:
            continue
        inside = next((q for q in quotes if q[0] < cue.start < q[1]), None)
        if inside and any(c.type in ATTRIBUTION_TYPES and inside[1] <= c.start < hi for c in cues):
            continue   # '"The traffic indicates a supply of arms," the report stated': the report says so
        claim = any(c.start == cue.start and c.type == "claim_attribution" for c in cues)
        if NOUN_BEFORE.search(sentence, lo, cue.start):
            continue   # "pushing back on claims made by ...": a noun, not a saying
        if cue.text.lower() == "citing" and any(c.type in ATTRIBUTION_TYPES and cue.end < c.start < hi
                                                and c.text.lower() not in ("citing", "saying") for c in cues):
            continue   # "The Post, citing officials, wrote that ...": the aside names the Post's sources
        if ACCUSED.match(sentence, cue.start) and re.search(r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?$", sentence[lo:cue.start]):
            continue   # "Two firms are accused of supplying ...": a hedge on the subject's own fact
        if cue.text.lower() == "according to":
            m = re.match(r"\s*((?:(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Adm|Sen|Rep|Gov|Prof)\.|[^,.;:()\"“”])+)",
                         sentence[cue.end:hi])   # "U.S. officials", "Mr. Kirby"
            source = _clean_source(m.group(1)) if m else None
            end = cue.end + (m.end() if m else 0)
            if cue.start - lo > (hi - lo) / 3:
                return Attribution(source, (cue.start, end), (lo, cue.start), claim, clause, True, _said_now(sentence, cue))
            return Attribution(source, (cue.start, end), (end, hi), claim, clause, False, _said_now(sentence, cue))
        passive = PASSIVE_SAYING.search(sentence, lo, cue.start)
        if passive and PASSIVE_SAID.fullmatch(cue.text) and len(sentence[lo:passive.start()].split()) > 3 \
                and not re.search(r"\b(?:which|who|it)\s*$", sentence[lo:passive.start()], re.I):   # "it was reported that"
            by = re.match(r"[^,;]*?\bby\s+([^,;.]+)", sentence[cue.end:hi])   # "... was reported in April by X"
            return Attribution(_clean_source(by.group(1)) if by else None, (passive.start(), hi), (lo, passive.start()),
                               claim, clause, True, False)
        inverted = INVERTED.fullmatch(sentence, cue.end, hi)
        if inverted and re.search(r",\s*[\"”]?\s*$", sentence[lo:cue.start]) and len(sentence[lo:cue.start].split()) > 4:
            comma = sentence.rfind(",", lo, cue.start)   # "..., reported the agency on Monday."
            return Attribution(_clean_source(inverted.group(1)), (comma, hi), (lo, comma), claim, clause, True,
                               _said_now(sentence, cue))
        left = sentence[:cue.start]
        boundary = max([lo] + [left.rfind(q) + 1 for q in ";:\"“”"])
        segment = left[boundary:]
        parts = segment.split(",")
        if len(parts) > 1 and not parts[-1].strip():
            lead = next((n for n, p in enumerate(parts[:-1]) if not OPENING_ADVERBIAL.match(p)), 0)
            lead = next((n for n in range(lead, len(parts) - 1) if len(parts[n].split()) <= 8), lead)
            subject, subject_start = parts[lead], boundary + len(",".join(parts[:lead])) + (1 if lead else 0)
        elif len(parts) > 1 and ADVERBIAL.fullmatch(parts[-1]):   # "The minister, Ann Lee, on Monday said"
            subject, subject_start = ",".join(parts[:-1]), boundary
        else:
            subject, subject_start = parts[-1], boundary + len(segment) - len(parts[-1])
        if cue.text.lower().endswith("ing"):
            subject = re.sub(r"\s+(?:[a-z]+(?:ed|s)|spoke|said|told|wrote)\s*,?\s*$", "", subject)   # "Kirby continued, adding that ..."
        words = subject.split()
        if not words or len(words) > 8 or any(w.lower() in ("that", "which", "who") for w in words):
            continue
        if SUBORDINATOR.match(subject):
            continue   # "Weeks after the US claimed ..., North Korea denied": not the sentence's saying
        tail = sentence[cue.end:hi]
        source = _clean_source(subject)
        before = sentence[lo:subject_start].rstrip().rstrip("\"”’").rstrip()   # '"...," the minister said'
        opening = OPENING_ADVERBIAL.match(before) and len(before.split()) <= 6 \
            or PARTICIPLE_OPENING.match(before) is not None   # "In a statement, KCNA said"
        if subject_start > lo and before.endswith(",") and not opening and TRAILING_TAIL.fullmatch(tail):
            return Attribution(source, (subject_start, hi), (lo, lo + len(before) - 1), claim, clause, True, _said_now(sentence, cue))
        m = SAID_THAT.match(tail) or SAID_WHEN.match(tail)
        head_end = cue.end + (m.end() if m else 0)
        return Attribution(source, (subject_start, head_end), (head_end, hi), claim, clause, False, _said_now(sentence, cue))
    return None


def _said_now(sentence: str, cue: Cue) -> bool:
    """'Officials say', 'the Post has reported': said as of the report, not on some day before it."""
    return cue.text.lower() in PRESENT_SAYING or PERFECT_BEFORE.search(sentence, max(0, cue.start - 25), cue.start) is not None


LEADING_DATELINE = re.compile(r"^[A-Z][A-Z.'’ ]{1,30}(?:,\s*[A-Z][\w.'’ ]{1,30})?\s*(?:\([^)]{1,30}\))?\s*[-–—]+\s+")   # "SEOUL –"


def _clean_source(text: str) -> str | None:
    words = TRAILING_DATE.sub("", LEADING_DATELINE.sub("", text.strip(" \t\"“”'’"))).split()
    while words and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    while words and words[-1].lower() in TRAILING_WORDS:
        words = words[:-1]
    if not words or words[0].lower() in PRONOUNS:
        return None
    return " ".join(words)
