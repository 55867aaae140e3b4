"""The temporal tagger: every date expression in a text, resolved against a reference date.

INTERFACE (stable; others build on it):
    find_dates(text: str, ref: datetime.date | datetime.datetime | None) -> list[Mention]
A Mention with value None is unresolved (say so, never guess).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass


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


def find_dates(text: str, ref: dt.date | dt.datetime | None = None) -> list[Mention]:
    """Placeholder until the grammar lands: no mentions."""
    return []
