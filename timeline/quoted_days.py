"""A quotation's "today" is the day it was spoken, not the day the article came out.

'Putin said on June 19 ... "The treaty signed today provides for mutual assistance"', in a report of June 25:
the treaty was signed on June 19. Only words that count from the speaker's own day are moved; a named date
("on June 19") means the same whoever says it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.dates import Mention, find_dates

SPEAKERS_DAY = re.compile(r"(?:today|tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow)", re.I)


def in_quotation(text: str, position: int) -> bool:
    """Is the position inside quotation marks: an open curly quote not yet closed, or an odd count of straight
    double quotes before it?"""
    before = text[:position]
    opened, closed = before.rfind("“"), before.rfind("”")
    if opened > closed:
        return True
    return opened < 0 and before.count('"') % 2 == 1


def on_speakers_day(text: str, mention: Mention, spoken: Mention | None) -> Mention:
    """The mention counted from the day the quotation was spoken, when the text gives that day and the mention
    is a quoted word such as "today" or "yesterday"; the mention unchanged otherwise."""
    if spoken is None or spoken.grain != "day" or spoken.first_day is None or not mention.relative:
        return mention
    if not SPEAKERS_DAY.fullmatch(mention.text) or not in_quotation(text, mention.start):
        return mention
    moved = find_dates(mention.text, spoken.first_day)
    if not moved or moved[0].value is None:
        return mention
    return replace(moved[0], start=mention.start, end=mention.end, text=mention.text)

