"""The event record: one fact of arms supply, with who, what, how much, when, who says so, and where from.

INTERFACE (stable; others build on it):
    Event                      the record (fields below are the event table's columns)
    extract_events(article) -> list[Event]     (timeline/extract.py holds the rules engine)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Literal

ItemClass = Literal["ammunition", "missiles", "drones", "troops", "components", "weapons", "agreement", "other"]
Kind = Literal["shipment", "agreement", "claim", "denial", "deployment", "plan", "other"]
DateBasis = Literal["event", "statement", "report", "undated"]


@dataclass(slots=True)
class Event:
    id: str
    supplier: str
    recipient: str | None
    item: str
    item_class: str
    kind: str
    quantity: str | None = None
    quantity_value: float | None = None
    attributed_to: str | None = None
    date: str | None = None          # TIMEX3 value ("2024-09"), None when undated
    grain: str | None = None
    date_start: str | None = None    # ISO day, first day the date covers
    date_end: str | None = None      # ISO day, last day the date covers
    date_text: str | None = None     # the phrase that dated it
    date_basis: str = "undated"      # event | statement | report | undated
    published: str | None = None     # ISO day of the article's publication
    published_source: str = "unknown"
    article_id: str | None = None
    publisher: str | None = None
    headline: str | None = None
    url: str | None = None
    sentence: str | None = None      # evidence: in memory and CLI output only, never written to data/
    sentence_start: int | None = None
    sentence_end: int | None = None
    note: str | None = None          # our own one-line note (bundled data)
    origin: str = "extracted"        # extracted | manual
    reviewed: bool = False
    sources: list[dict[str, object]] = field(default_factory=list)  # further citations of the same fact

    def to_json(self) -> dict[str, object]:
        return asdict(self)


EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event))
