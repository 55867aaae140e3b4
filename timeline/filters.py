"""Which events the reader is looking at: the filter record, applying it to the event table, and its URL form.

INTERFACE (stable; others build on it):
    Filters                         the state of the sidebar (empty tuples and None mean "no restriction")
    apply_filters(df, f) -> DataFrame
    Filters.to_query_params() -> dict[str, str]; Filters.from_query_params(mapping) -> Filters
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

UNDATED = "undated"
"""How an event without a date shows among the precisions (its grain is empty)."""

LIST_FIELDS: dict[str, str] = {
    "suppliers": "supplier",
    "recipients": "recipient",
    "item_classes": "item_class",
    "kinds": "kind",
    "claimants": "claimant",
    "publishers": "publisher",
    "grains": "precision",
    "bases": "basis",
}
"""Filters field → its query parameter name."""

COLUMNS: dict[str, str] = {
    "suppliers": "supplier",
    "recipients": "recipient",
    "item_classes": "item_class",
    "kinds": "kind",
    "claimants": "attributed_to",
    "grains": "grain",
    "bases": "date_basis",
}
"""Filters field → the event-table column it restricts (publishers are matched against every citation)."""

SEARCH_COLUMNS = (
    "item", "note", "attributed_to", "supplier", "recipient", "quantity", "date_text", "headline", "sentence",
)
"""Columns full-text search looks in (those present in the table); every word must occur in one of them."""

MAX_PARAM = 500
_SEP = ","


@dataclass(frozen=True)
class Filters:
    suppliers: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    item_classes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    grains: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    search: str = ""

    @property
    def active(self) -> bool:
        """True when anything is restricted."""
        return self != Filters()

    def to_query_params(self) -> dict[str, str]:
        """Only the restricted fields, as short URL parameters (lists comma-joined, commas in values escaped)."""
        out: dict[str, str] = {}
        for name, param in LIST_FIELDS.items():
            values = getattr(self, name)
            if values:
                out[param] = _SEP.join(_escape(v) for v in values)
        if self.date_from:
            out["from"] = self.date_from.isoformat()
        if self.date_to:
            out["to"] = self.date_to.isoformat()
        if self.search.strip():
            out["q"] = self.search.strip()
        return out

    @classmethod
    def from_query_params(cls, mapping: Mapping[str, object]) -> Filters:
        """The filters a URL describes; unreadable values are ignored, never raised."""
        kwargs: dict[str, object] = {}
        for name, param in LIST_FIELDS.items():
            raw = _param(mapping, param)
            if raw:
                values = [_unescape(v).strip() for v in raw.split(_SEP)]
                kwargs[name] = tuple(dict.fromkeys(v for v in values if v))
        kwargs["date_from"] = _iso_day(_param(mapping, "from"))
        kwargs["date_to"] = _iso_day(_param(mapping, "to"))
        kwargs["search"] = _param(mapping, "q").strip()
        return cls(**kwargs)  # type: ignore[arg-type]

    def replace(self, **changes: object) -> Filters:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Filters(**values)  # type: ignore[arg-type]


QUERY_KEYS: tuple[str, ...] = (*LIST_FIELDS.values(), "from", "to", "q")
"""Every URL parameter the filters own (pages may keep others, such as the lane or the selected event)."""


def _escape(value: str) -> str:
    return value.replace("%", "%25").replace(_SEP, "%2C")


def _unescape(value: str) -> str:
    return value.replace("%2C", _SEP).replace("%2c", _SEP).replace("%25", "%")


def _param(mapping: Mapping[str, object], key: str) -> str:
    try:
        value = mapping.get(key)
    except Exception:  # a mapping that cannot answer is no filter
        return ""
    if isinstance(value, list | tuple):
        value = _SEP.join(str(v) for v in value)
    if not isinstance(value, str):
        return ""
    return value[:MAX_PARAM]


def _iso_day(value: str) -> dt.date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


# --- applying ---------------------------------------------------------------------------------------------

def grain_labels(df: pd.DataFrame) -> pd.Series:
    """Each event's precision as shown to the reader: its grain, or "undated"."""
    if "grain" not in df:
        return pd.Series(UNDATED, index=df.index, dtype=object)
    return df["grain"].where(df["grain"].notna() & (df["grain"] != ""), UNDATED)


def search_mask(df: pd.DataFrame, text: str) -> np.ndarray:
    """Rows where every word of `text` occurs (any case) in at least one searchable column."""
    mask = np.ones(len(df), dtype=bool)
    columns = [df[c] for c in SEARCH_COLUMNS if c in df]
    for word in text.lower().split():
        hit = np.zeros(len(df), dtype=bool)
        for col in columns:
            hit |= col.astype(str).str.contains(word, case=False, regex=False).fillna(False).to_numpy(dtype=bool)
        mask &= hit
    return mask


def publishers_of(df: pd.DataFrame) -> pd.Series:
    """Every publisher citing each event ("; "-joined), falling back to the first source's publisher."""
    if "publishers" in df:
        return df["publishers"].fillna("").astype(str)
    if "publisher" in df:
        return df["publisher"].fillna("").astype(str)
    return pd.Series("", index=df.index, dtype=object)


def _in(series: pd.Series, values: Iterable[str]) -> np.ndarray:
    return series.isin(list(values)).to_numpy()


def apply_filters(df: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The rows of the event table that pass every restriction of `f`; columns and order unchanged."""
    mask = np.ones(len(df), dtype=bool)
    for name, column in COLUMNS.items():
        values = getattr(f, name)
        if not values:
            continue
        if name == "grains":
            mask &= _in(grain_labels(df), values)
        elif column in df:
            mask &= _in(df[column], values)
        else:
            mask &= False
    if f.publishers:
        wanted = set(f.publishers)
        cited = publishers_of(df)
        mask &= np.fromiter(
            (bool(wanted.intersection(p.split("; "))) for p in cited), dtype=bool, count=len(df)
        )
    if f.date_from or f.date_to:
        mask &= _overlaps(df, f.date_from, f.date_to)
    if f.search.strip():
        mask &= search_mask(df, f.search)
    return df[mask]


def _overlaps(df: pd.DataFrame, start: dt.date | None, end: dt.date | None) -> np.ndarray:
    """Events whose interval meets [start, end]; undated events never do. ISO strings compare as dates."""
    if "date_start" not in df or "date_end" not in df:
        return np.zeros(len(df), dtype=bool)
    first = df["date_start"].fillna("").astype(str)
    last = df["date_end"].fillna("").astype(str)
    mask = (first != "").to_numpy() & (last != "").to_numpy()
    if start:
        mask &= (last >= start.isoformat()).to_numpy()
    if end:
        mask &= (first <= end.isoformat()).to_numpy()
    return mask


def options(df: pd.DataFrame, field: str) -> list[str]:
    """The values a list filter can take in this table, sorted (the choices a sidebar offers)."""
    if field == "grains":
        series = grain_labels(df)
    elif field == "publishers":
        names: set[str] = set()
        for cell in publishers_of(df):
            names.update(p for p in cell.split("; ") if p)
        return sorted(names, key=str.casefold)
    else:
        column = COLUMNS[field]
        if column not in df:
            return []
        series = df[column]
    return sorted({str(v) for v in series.dropna() if str(v)}, key=str.casefold)


def date_bounds(df: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The first and last day any dated event covers."""
    if "date_start" not in df or "date_end" not in df:
        return None
    first = df["date_start"].dropna()
    last = df["date_end"].dropna()
    first, last = first[first != ""], last[last != ""]
    if first.empty or last.empty:
        return None
    try:
        return dt.date.fromisoformat(str(first.min())), dt.date.fromisoformat(str(last.max()))
    except ValueError:
        return None
