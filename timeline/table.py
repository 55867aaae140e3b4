"""The event table people see: the bundled events plus those the user added, with their reviews applied."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from timeline.dataset import EVENT_COLUMNS, SOURCE_COLUMNS, events_with_sources
from timeline.store import Review, apply_reviews

TABLE_COLUMNS = (*EVENT_COLUMNS, "publisher", "headline", "url", "published", "publishers")


def empty_events() -> pd.DataFrame:
    return pd.DataFrame(columns=list(TABLE_COLUMNS))


def merge_sources(*frames: pd.DataFrame) -> pd.DataFrame:
    """Every cited article; a later frame wins on the same source id (the user's over the bundled)."""
    frames = tuple(f for f in frames if len(f))
    if not frames:
        return pd.DataFrame(columns=list(SOURCE_COLUMNS))
    return pd.concat(frames, ignore_index=True).drop_duplicates("source_id", keep="last").reset_index(drop=True)


def combine(bundled: pd.DataFrame, added: pd.DataFrame, sources: pd.DataFrame, reviews: Sequence[Review],
            include_rejected: bool = False) -> pd.DataFrame:
    """Bundled events (already joined with their sources) and the user's added events, reviews applied.

    An added event with the id of a bundled one replaces it; rejected events are left out unless asked for.
    """
    if len(added):
        added = events_with_sources(added, sources)
        bundled = bundled[~bundled["id"].isin(set(added["id"]))]
    frames = [f for f in (bundled, added) if len(f)]
    table = pd.concat(frames, ignore_index=True) if frames else empty_events()
    table = apply_reviews(table, reviews)
    if not include_rejected:
        table = table[table["status"] != "rejected"]
    return table.reset_index(drop=True)
