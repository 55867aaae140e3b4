"""The user's own data: added articles, their events and every review, in one SQLite file (stdlib sqlite3).

INTERFACE (stable; others build on it):
    user_home() -> Path                 $SUPPLY_LINES_HOME, else $XDG_DATA_HOME/supply-lines (~/.local/share/...)
    Store(path=None)                    .add_article(source, events, raw=None), .events(), .sources(),
                                        .review(event_id, action, reviewer, changes=None, original=None),
                                        .reviews(), .uploads (folder of saved article files)
    apply_reviews(df, reviews) -> DataFrame   corrections applied, status column; rejected rows kept (filter them)
The bundled data/ folder is never written to.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from timeline.dataset import EVENT_COLUMNS, SOURCE_COLUMNS
from timeline.errors import InputError, StoreError
from timeline.timex import grain_of, interval_of

DB_NAME = "supply-lines.sqlite3"
UPLOADS = "uploads"
SCHEMA_VERSION = 1
ACTIONS = ("accept", "reject", "correct")
CORRECTABLE = ("date", "supplier", "item", "kind")
STATUS = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}
MAX_FIELD = 200

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    source_id TEXT PRIMARY KEY, publisher TEXT, headline TEXT, published TEXT, url TEXT, file TEXT,
    added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, source_id TEXT NOT NULL, row_json TEXT NOT NULL, added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_source ON events(source_id);
CREATE TABLE IF NOT EXISTS reviews (
    n INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, action TEXT NOT NULL,
    changes_json TEXT NOT NULL, original_json TEXT NOT NULL, reviewer TEXT NOT NULL, at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_event ON reviews(event_id);
"""


def user_home() -> Path:
    """Where the user's database and saved uploads live (created on first use)."""
    explicit = os.environ.get("SUPPLY_LINES_HOME", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_DATA_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".local" / "share") / "supply-lines"


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True, slots=True)
class Review:
    event_id: str
    action: str
    changes: dict[str, str]
    original: dict[str, str]
    reviewer: str
    at: str


def safe_file_name(name: str) -> str:
    """A bare, harmless file name for a saved upload (no folders, no leading dots)."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip("._") or "article.txt"
    return base[:120]


class Store:
    """One SQLite file; each call opens and closes its own connection (safe across Streamlit reruns)."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path else user_home() / DB_NAME
        self.uploads = self.path.parent / UPLOADS

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(self.path, timeout=10)
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"cannot open the database {self.path}: {e}") from None
        try:
            with con:
                version = con.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise StoreError(f"{self.path} was written by a newer Supply Lines (schema {version})")
                if version < SCHEMA_VERSION:
                    con.executescript(_SCHEMA)
                    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                yield con
        except sqlite3.DatabaseError as e:
            raise StoreError(
                f"{self.path} cannot be used ({e}); move it aside and the app starts a new one"
            ) from None
        finally:
            con.close()

    # --- articles and their events ---------------------------------------------------------------------

    def save_file(self, name: str, raw: bytes) -> Path:
        """Keep an uploaded article's bytes under uploads/ so its sentences can be shown later."""
        self.uploads.mkdir(parents=True, exist_ok=True)
        path = self.uploads / safe_file_name(name)
        try:
            path.write_bytes(raw)
        except OSError as e:
            raise StoreError(f"cannot save {path.name} in {self.uploads}: {e}") from None
        return path

    def add_article(self, source: Mapping[str, object], rows: Sequence[Mapping[str, object]]) -> int:
        """Save one article's source row and its events in one transaction (replacing an earlier import)."""
        sid = str(source.get("source_id") or "").strip()
        if not sid:
            raise InputError("a source needs a source_id")
        stamp = now()
        record = {c: _cell(source.get(c)) for c in SOURCE_COLUMNS}
        with self._db() as con:
            con.execute(
                "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)",
                (*(record[c] for c in SOURCE_COLUMNS), stamp),
            )
            con.execute("DELETE FROM events WHERE source_id = ?", (sid,))
            for row in rows:
                data = {c: _cell(row.get(c)) for c in EVENT_COLUMNS}
                data["source_ids"] = data["source_ids"] or sid
                con.execute(
                    "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?)",
                    (data["id"], sid, json.dumps(data, ensure_ascii=False), stamp),
                )
        return len(rows)

    def events(self) -> pd.DataFrame:
        """Every added event as the event table (EVENT_COLUMNS; quantity_value float, reviewed bool)."""
        with self._db() as con:
            rows = [json.loads(r[0]) for r in con.execute("SELECT row_json FROM events ORDER BY rowid")]
        df = pd.DataFrame.from_records(
            [{c: (r.get(c) or None) for c in EVENT_COLUMNS} for r in rows], columns=list(EVENT_COLUMNS)
        )
        df["quantity_value"] = pd.to_numeric(df["quantity_value"], errors="coerce").astype("float64")
        df["reviewed"] = df["reviewed"].map(lambda v: str(v).lower() == "true").astype(bool)
        return df

    def sources(self) -> pd.DataFrame:
        with self._db() as con:
            rows = con.execute(f"SELECT {', '.join(SOURCE_COLUMNS)} FROM sources ORDER BY published, source_id")
            records = [dict(zip(SOURCE_COLUMNS, (v or None for v in r), strict=True)) for r in rows]
        return pd.DataFrame.from_records(records, columns=list(SOURCE_COLUMNS))

    # --- reviews ---------------------------------------------------------------------------------------

    def review(
        self, event_id: str, action: str, reviewer: str,
        changes: Mapping[str, str] | None = None, original: Mapping[str, object] | None = None,
    ) -> Review:
        """Record a decision on an event; a correction keeps the original values beside it."""
        reviewer = (reviewer or "").strip()
        if not reviewer:
            raise InputError("enter your name as the reviewer before accepting, rejecting or correcting")
        if action not in ACTIONS:
            raise InputError(f"{action!r} is not a review action ({', '.join(ACTIONS)})")
        clean = check_changes(changes or {}) if action == "correct" else {}
        if action == "correct" and not clean:
            raise InputError("nothing to correct: change the date, supplier, item or kind first")
        before = {k: _cell((original or {}).get(k)) for k in clean}
        review = Review(str(event_id), action, clean, before, reviewer[:MAX_FIELD], now())
        with self._db() as con:
            con.execute(
                "INSERT INTO reviews (event_id, action, changes_json, original_json, reviewer, at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (review.event_id, action, json.dumps(clean, ensure_ascii=False),
                 json.dumps(before, ensure_ascii=False), review.reviewer, review.at),
            )
        return review

    def reviews(self) -> list[Review]:
        with self._db() as con:
            rows = con.execute(
                "SELECT event_id, action, changes_json, original_json, reviewer, at FROM reviews ORDER BY n"
            ).fetchall()
        return [Review(r[0], r[1], json.loads(r[2]), json.loads(r[3]), r[4], r[5]) for r in rows]


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def check_changes(changes: Mapping[str, str]) -> dict[str, str]:
    """The correctable fields that were given, trimmed; a date must be a TIMEX3 value such as 2023-03."""
    clean: dict[str, str] = {}
    for key, value in changes.items():
        if key not in CORRECTABLE:
            raise InputError(f"{key!r} cannot be corrected (only {', '.join(CORRECTABLE)})")
        value = str(value or "").strip()[:MAX_FIELD]
        if not value:
            continue
        if key == "date" and interval_of(value) is None:
            raise InputError(f"{value!r} is not a date value: write 2023-03-15, 2023-03 or 2023")
        clean[key] = value
    return clean


def apply_reviews(df: pd.DataFrame, reviews: Sequence[Review]) -> pd.DataFrame:
    """The event table with every correction applied and the review state beside each row.

    Adds `status` (pending | accepted | corrected | rejected: the latest decision; rows already marked
    reviewed start as accepted), `reviewed_by`,
    `reviewed_at` and `original` ("field: old → new; ..."). Corrections accumulate; a later accept keeps them.
    """
    out = df.copy()
    for col in ("reviewed_by", "reviewed_at", "original"):
        out[col] = None
    reviewed = out["reviewed"].fillna(False).astype(bool) if "reviewed" in out else False
    out["status"] = pd.Series("pending", index=out.index, dtype=object).where(~reviewed, "accepted")
    if not reviews or out.empty:
        return out
    for col in ("reviewed_by", "reviewed_at", "original"):
        out[col] = out[col].astype(object)
    position = {eid: i for i, eid in enumerate(out["id"])}
    for review in reviews:
        i = position.get(review.event_id)
        if i is None:
            continue
        label = out.index[i]
        if review.action == "correct":
            notes = [] if pd.isna(out.at[label, "original"]) else [str(out.at[label, "original"])]
            for key, value in review.changes.items():
                old = out.at[label, key]
                notes.append(f"{key}: {'' if pd.isna(old) else old} → {value}")
                out.at[label, key] = value
                if key == "date":
                    first, last = interval_of(value) or (None, None)
                    out.at[label, "grain"] = grain_of(value)
                    out.at[label, "date_start"] = first.isoformat() if first else None
                    out.at[label, "date_end"] = last.isoformat() if last else None
                    if out.at[label, "date_basis"] in (None, "undated") or pd.isna(out.at[label, "date_basis"]):
                        out.at[label, "date_basis"] = "event"
            out.at[label, "original"] = "; ".join(notes)
        out.at[label, "status"] = STATUS[review.action]
        out.at[label, "reviewed_by"] = review.reviewer
        out.at[label, "reviewed_at"] = review.at
        if "reviewed" in out:
            out.at[label, "reviewed"] = review.action != "reject"
    return out
