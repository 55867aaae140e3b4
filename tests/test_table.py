"""The table people see: bundled events, the user's added events, reviews applied."""

from __future__ import annotations

import pandas as pd

from timeline.store import Review
from timeline.table import combine, empty_events, merge_sources


def events(*rows: tuple[str, str]) -> pd.DataFrame:
    df = empty_events()
    for i, (eid, supplier) in enumerate(rows):
        df.loc[i, ["id", "supplier", "item", "item_class", "kind", "source_ids", "reviewed"]] = [
            eid, supplier, "shells", "ammunition", "shipment", "s1", False]
    return df


def sources(*ids_publishers: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"source_id": s, "publisher": p, "headline": "h", "published": "2024-01-01", "url": "",
                          "file": ""} for s, p in ids_publishers])


def test_added_events_join_the_bundled_and_replace_the_same_id() -> None:
    table = combine(events(("a", "Iran"), ("b", "China")), events(("b", "Belarus"), ("c", "North Korea")),
                    sources(("s1", "Example Post")), [])
    assert dict(zip(table["id"], table["supplier"], strict=True)) == {"a": "Iran", "b": "Belarus", "c": "North Korea"}
    assert set(table["status"]) == {"pending"}


def test_a_rejected_event_leaves_the_view_unless_asked_for() -> None:
    rejected = [Review("a", "reject", {}, {}, "tester", "2026-01-01T00:00:00")]
    bundled = events(("a", "Iran"), ("b", "China"))
    assert list(combine(bundled, empty_events(), sources(), rejected)["id"]) == ["b"]
    assert list(combine(bundled, empty_events(), sources(), rejected, include_rejected=True)["id"]) == ["a", "b"]


def test_the_users_source_wins_on_the_same_id() -> None:
    merged = merge_sources(sources(("s1", "Old"), ("s2", "Kept")), sources(("s1", "New")))
    assert dict(zip(merged["source_id"], merged["publisher"], strict=True)) == {"s1": "New", "s2": "Kept"}
    assert list(merge_sources()["source_id"]) == []
