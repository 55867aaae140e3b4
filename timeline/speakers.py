"""Who says so, and how an article names the same speaker again: "according to him" after Zelensky, "the
official" after "a defence ministry official", "NIS" after "the National Intelligence Service", "Kirby added"
after "Kirby told a briefing on Thursday". The matchers differ in reach on purpose: a pronoun reaches one
sentence back, a surname or an acronym the whole article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from timeline.dates import Mention
    from timeline.events import Event

PRONOUNS = {"he", "she", "they", "him", "her", "them", "it", "we", "i"}
DOCUMENT_WORDS = {"report", "statement", "assessment", "analysis", "document", "paper", "briefing", "data", "estimate"}
INSTITUTION_WORDS = {"ministry", "service", "agency", "office", "department", "council", "command", "house", "staff",
                     "forces", "army", "guard", "committee", "party", "times", "news", "post", "media", "press",
                     "intelligence", "government", "administration", "directorate", "kremlin", "pentagon"}


def speaker_of_the_news(source: str | None, events: list[Event]) -> bool:
    """'Zelensky said North Korea has sent shells (the news) ... According to him, 1.5 million shells were sent':
    what the speaker of the article's news goes on to say, with no date of its own, is said then too."""
    if not source or source.lower() in PRONOUNS:
        return False
    return any(e.date_basis in ("report", "statement") and e.attributed_to and head_word(e.attributed_to) == head_word(source)
               for e in events)


def source_keys(source: str) -> set[str]:
    """How a source is named again: its acronym ("NIS"), its last two words ("Intelligence Service"), or a
    person's surname ("Thomas-Greenfield")."""
    keys = set(re.findall(r"\b[A-Z]{2,6}\b", source))
    words = re.sub(r"\([^)]*\)", " ", source).split()
    if len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper():
        keys.add(" ".join(words[-2:]))
        if len(words[-1]) >= 4 and words[-1].lower() not in INSTITUTION_WORDS:
            keys.add(words[-1])
    return keys - {"US", "UK", "UN", "EU"}


def speaks_for(source: str | None, supplier: str | None) -> bool:
    """'Chinese Foreign Ministry spokesman Wang Wenbin' speaks for China."""
    from timeline.lexicon import find_actors

    return bool(source and supplier) and any(a.canonical == supplier for a in find_actors(source or ""))


def spelled_out(acronym: str, text: str) -> bool:
    """'the National Intelligence Service' for "NIS"."""
    if not acronym.isupper():
        return False
    words = r"\s+(?:(?:of|for|and|on|the)\s+)*".join(rf"{c}[a-z]+" for c in acronym)
    return re.search(rf"\b{words}\b", text) is not None


def remember_occasion(occasions: dict[str, Mention], said: tuple[str | None, Mention],
                       published: dt.date | None) -> None:
    """A named speaker's saying on a day of the report's week: the occasion the article covers."""
    from timeline.timex import in_week_before

    source, mention = said
    if source and source.lower() not in PRONOUNS and mention.grain == "day" \
            and in_week_before(mention.value, published.isoformat() if published else None):
        occasions.setdefault(head_word(source), mention)


def occasion_of(source: str | None, occasions: dict[str, Mention]) -> Mention | None:
    """'Kirby told a White House briefing on Thursday ...', later 'Kirby added that ...': said on the same
    occasion, unless the text gives another date."""
    if not source or source.lower() in PRONOUNS or len(source.split()) > 3:
        return None
    return occasions.get(head_word(source))


def same_speaker(source: str | None, before: str | None) -> bool:
    """Does a sentence's source point back to the one before: a pronoun ("according to him"), or a definite
    short form of the same speaker ("the official" after "a defence ministry official")?"""
    if not source:
        return False
    if source.lower() in PRONOUNS:
        return True
    return bool(before) and len(source.split()) <= 2 and head_word(source) == head_word(str(before))


def head_word(source: str) -> str:
    """How a source is named again in short: 'the official' for "a defence ministry official", 'Kirby'; the
    ministry for "the Defense Ministry report"."""
    words = [w.lower() for w in source.split()]
    while len(words) > 1 and words[-1] in DOCUMENT_WORDS and words[-2] not in ("the", "a", "an", "its", "their", "this"):
        words.pop()
    return words[-1]
