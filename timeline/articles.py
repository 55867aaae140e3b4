"""Reading one article file (.txt, .md, .html) into a clean Article record.

INTERFACE (stable; others build on it):
    read_article(path, published=None, sources=None) -> Article
    parse_article(raw: bytes, name: str, published=None, sources=None) -> Article
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

PublishedSource = Literal["text", "metadata", "sources.csv", "caller", "unknown"]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Article:
    id: str                       # file stem, e.g. "000_a6e8e7abecd39d3d"
    path: str | None
    text: str                     # the cleaned story text; Sentence offsets point into it
    sentences: list[Sentence]
    headline: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_source: PublishedSource = "unknown"
    dateline: str | None = None   # the printed dateline phrase, e.g. "2 November 2022, 15:01"
    dropped: list[str] = field(default_factory=list)  # lines removed as not the story
