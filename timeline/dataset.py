"""The bundled data: cited events (data/events.csv) and the articles they cite (data/sources.csv).

INTERFACE (stable; others build on it):
    DATA_DIR, EVENT_COLUMNS, SOURCE_COLUMNS
    load_events(folder=DATA_DIR) -> DataFrame     one row per event, checked against the folder's sources.csv
    load_sources(folder=DATA_DIR) -> DataFrame    one row per cited article
    events_with_sources(events, sources) -> DataFrame   adds publisher, publishers, headline, url, published
    row_to_event(row) -> Event, event_to_row(event, source_id) -> dict
    write_events(df, folder), write_sources(df, folder)

A broken file raises DataError naming the file, the row (the header is row 1, as in a spreadsheet) and the
field. Text columns load as pandas' str dtype with empty cells missing (pd.isna), quantity_value as float
(NaN when empty), reviewed as bool.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from timeline.errors import DataError
from timeline.events import Event
from timeline.timex import grain_of, interval_of

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
EVENTS_FILE = "events.csv"
SOURCES_FILE = "sources.csv"

EVENT_COLUMNS: tuple[str, ...] = (
    "id", "date", "grain", "date_start", "date_end", "date_text", "date_basis", "supplier", "recipient",
    "item", "item_class", "quantity", "quantity_value", "kind", "attributed_to", "note", "source_ids",
    "evidence", "origin", "reviewed",
)
SOURCE_COLUMNS: tuple[str, ...] = ("source_id", "publisher", "headline", "published", "url", "file")

ITEM_CLASSES = ("ammunition", "missiles", "drones", "troops", "components", "weapons", "agreement", "other")
KINDS = ("shipment", "agreement", "claim", "denial", "deployment", "plan", "other")
DATE_BASES = ("event", "statement", "report", "undated")
ORIGINS = ("extracted", "manual")
BOOLEANS = {"true": True, "false": False}

EVENT_REQUIRED = ("id", "date_basis", "supplier", "item", "item_class", "kind", "source_ids", "origin", "reviewed")
SOURCE_REQUIRED = ("source_id", "publisher", "headline")
MAX_DATE_TEXT = 40      # a date phrase ("in early September"), never a sentence
MAX_NOTE = 240          # one line in our own words
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_EVIDENCE = re.compile(r"(?P<sid>[^:;]+):(?P<start>\d+)-(?P<end>\d+)")
_FILE = re.compile(r"[^/\\]+\.(txt|md|html?)")


# --- reading ---------------------------------------------------------------------------------------------

def label(path: Path) -> str:
    """How a data file is named in messages: relative to the repository when inside it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def read_rows(path: Path, columns: Sequence[str]) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV file as dicts of stripped strings; checks the header and the cell counts."""
    name = label(path)
    if not path.is_file():
        raise DataError(f"{name} is missing")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise DataError(f"{name}: not UTF-8 text (byte {e.start})") from None
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if header is None:
        raise DataError(f"{name} is empty (expected a header row: {', '.join(columns)})")
    header = [h.strip() for h in header]
    for col in columns:
        if col not in header:
            raise DataError(f"{name} row 1, field {col}: column missing from the header")
    unknown = [h for h in header if h not in columns]
    if unknown:
        raise DataError(f"{name} row 1, field {unknown[0]}: unknown column (expected {', '.join(columns)})")
    rows: list[dict[str, str]] = []
    for n, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise DataError(f"{name} row {n}: {len(cells)} cells where the header has {len(header)}")
        row = {h: c.strip() for h, c in zip(header, cells, strict=True)}
        row["_row"] = str(n)
        rows.append(row)
    return rows


# --- checking --------------------------------------------------------------------------------------------

def _fail(name: str, row: Mapping[str, str], field: str, problem: str) -> DataError:
    return DataError(f"{name} row {row['_row']}, field {field}: {problem}")


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        return None


def check_sources(rows: Iterable[Mapping[str, str]], name: str) -> None:
    """Required fields, unique ids, ISO publication days, http(s) URLs, bare file names.

    published and url may be empty (an article added from a folder may lack them); the bundled data's tests
    require both for every cited article."""
    seen: set[str] = set()
    for row in rows:
        for col in SOURCE_REQUIRED:
            if not row[col]:
                raise _fail(name, row, col, "required but empty")
        sid = row["source_id"]
        if not _ID.fullmatch(sid):
            raise _fail(name, row, "source_id", f"{sid!r} is not an id (letters, digits, '.', '_', '-')")
        if sid in seen:
            raise _fail(name, row, "source_id", f"{sid!r} is used by an earlier row")
        seen.add(sid)
        if row["published"] and _day(row["published"]) is None:
            raise _fail(name, row, "published", f"{row['published']!r} is not a date (YYYY-MM-DD)")
        if row["url"] and not re.fullmatch(r"https?://\S+", row["url"]):
            raise _fail(name, row, "url", f"{row['url']!r} is not an http(s) address")
        if row["file"] and not _FILE.fullmatch(row["file"]):
            raise _fail(name, row, "file", f"{row['file']!r} is not an article file name (.txt, .md, .html)")


def check_events(rows: Iterable[Mapping[str, str]], name: str, source_ids: set[str]) -> None:
    """Every rule of the event schema; the first broken one raises DataError."""
    seen: set[str] = set()
    for row in rows:
        for col in EVENT_REQUIRED:
            if not row[col]:
                raise _fail(name, row, col, "required but empty")
        if not _ID.fullmatch(row["id"]):
            raise _fail(name, row, "id", f"{row['id']!r} is not an id (letters, digits, '.', '_', '-')")
        if row["id"] in seen:
            raise _fail(name, row, "id", f"{row['id']!r} is used by an earlier row")
        seen.add(row["id"])
        for col, allowed in (("item_class", ITEM_CLASSES), ("kind", KINDS), ("date_basis", DATE_BASES),
                             ("origin", ORIGINS), ("reviewed", tuple(BOOLEANS))):
            if row[col] not in allowed:
                raise _fail(name, row, col, f"{row[col]!r} is not one of {', '.join(allowed)}")
        _check_date(row, name)
        _check_text(row, name)
        _check_sources_of(row, name, source_ids)


def _check_date(row: Mapping[str, str], name: str) -> None:
    for col in ("date_start", "date_end"):
        if row[col] and _day(row[col]) is None:
            raise _fail(name, row, col, f"{row[col]!r} is not a date (YYYY-MM-DD)")
    if row["date_basis"] == "undated":
        for col in ("date", "grain", "date_start", "date_end"):
            if row[col]:
                raise _fail(name, row, col, "must be empty when date_basis is undated")
        return
    for col in ("date", "date_start", "date_end"):
        if not row[col]:
            raise _fail(name, row, col, f"required when date_basis is {row['date_basis']}")
    span = interval_of(row["date"])
    if span is None:
        raise _fail(name, row, "date", f"{row['date']!r} is not a TIMEX3 date value (e.g. 2024-09 or 2024-09-13)")
    grain = grain_of(row["date"])
    if row["grain"] and row["grain"] != grain:
        raise _fail(name, row, "grain", f"{row['grain']!r} but the date {row['date']} is a {grain}")
    for col, day in (("date_start", span[0]), ("date_end", span[1])):
        if row[col] != day.isoformat():
            raise _fail(name, row, col, f"{row[col]!r} but the date {row['date']} gives {day.isoformat()}")


def _check_text(row: Mapping[str, str], name: str) -> None:
    if len(row["date_text"]) > MAX_DATE_TEXT:
        raise _fail(name, row, "date_text", f"longer than {MAX_DATE_TEXT} characters: keep the date phrase only")
    if len(row["note"]) > MAX_NOTE:
        raise _fail(name, row, "note", f"longer than {MAX_NOTE} characters: one line in our own words")
    if row["quantity_value"]:
        try:
            value = float(row["quantity_value"])
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or value < 0:
            raise _fail(name, row, "quantity_value", f"{row['quantity_value']!r} is not a number")


def _check_sources_of(row: Mapping[str, str], name: str, source_ids: set[str]) -> None:
    ids = split_ids(row["source_ids"])
    for sid in ids:
        if sid not in source_ids:
            raise _fail(name, row, "source_ids", f"{sid!r} is not a source_id in {SOURCES_FILE}")
    for piece in split_ids(row["evidence"]):
        m = _EVIDENCE.fullmatch(piece)
        if m is None:
            raise _fail(name, row, "evidence", f"{piece!r} is not source_id:start-end")
        if m["sid"] not in ids:
            raise _fail(name, row, "evidence", f"{m['sid']!r} is not among this row's source_ids")
        if int(m["start"]) >= int(m["end"]):
            raise _fail(name, row, "evidence", f"{piece!r}: start must come before end")


def split_ids(value: str | None) -> list[str]:
    """A ';'-separated cell as a list, blanks dropped."""
    return [p.strip() for p in (value or "").split(";") if p.strip()]


# --- loading ---------------------------------------------------------------------------------------------

def _frame(rows: list[dict[str, str]], columns: Sequence[str]) -> pd.DataFrame:
    """Text columns of pandas' str dtype, empty cells missing, whatever the rows hold."""
    return pd.DataFrame({c: pd.array([r[c] or None for r in rows], dtype="str") for c in columns})


def load_sources(folder: Path | str = DATA_DIR) -> pd.DataFrame:
    """The cited articles, checked; one row per source."""
    path = Path(folder) / SOURCES_FILE
    rows = read_rows(path, SOURCE_COLUMNS)
    check_sources(rows, label(path))
    return _frame(rows, SOURCE_COLUMNS)


def load_events(folder: Path | str = DATA_DIR) -> pd.DataFrame:
    """The events, checked against the same folder's sources.csv; one row per event."""
    sources = load_sources(folder)
    path = Path(folder) / EVENTS_FILE
    rows = read_rows(path, EVENT_COLUMNS)
    check_events(rows, label(path), set(sources["source_id"]))
    df = _frame(rows, EVENT_COLUMNS)
    df["quantity_value"] = pd.to_numeric(df["quantity_value"], errors="coerce").astype("float64")
    df["reviewed"] = [BOOLEANS[r["reviewed"]] for r in rows]
    return df


def events_with_sources(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Events plus the first source's publisher, headline, url, published, and every publisher ("; ")."""
    by_id = sources.set_index("source_id")
    out = events.copy()

    def first(ids: str | None, col: str) -> str | None:
        for sid in split_ids(ids):
            if sid in by_id.index:
                value = by_id.at[sid, col]
                return None if pd.isna(value) else str(value)
        return None

    def every(ids: str | None) -> str:
        names = [str(by_id.at[s, "publisher"]) for s in split_ids(ids) if s in by_id.index]
        return "; ".join(dict.fromkeys(names))

    for col in ("publisher", "headline", "url", "published"):
        out[col] = [first(ids, col) for ids in events["source_ids"]]
    out["publishers"] = [every(ids) for ids in events["source_ids"]]
    return out


# --- between rows and Event records ----------------------------------------------------------------------

def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return str(value) or None


def row_to_event(row: Mapping[str, object]) -> Event:
    """An Event from a row of events_with_sources(); the first source is its article, the rest in .sources."""
    ids = split_ids(_text(row.get("source_ids")))
    qv = row.get("quantity_value")
    qv_f = float(qv) if isinstance(qv, int | float) and not math.isnan(float(qv)) else None
    return Event(
        id=str(row["id"]), supplier=str(row["supplier"]), recipient=_text(row.get("recipient")),
        item=str(row["item"]), item_class=str(row["item_class"]), kind=str(row["kind"]),
        quantity=_text(row.get("quantity")), quantity_value=qv_f, attributed_to=_text(row.get("attributed_to")),
        date=_text(row.get("date")), grain=_text(row.get("grain")), date_start=_text(row.get("date_start")),
        date_end=_text(row.get("date_end")), date_text=_text(row.get("date_text")),
        date_basis=str(row.get("date_basis") or "undated"), published=_text(row.get("published")),
        published_source="sources.csv" if _text(row.get("published")) else "unknown",
        article_id=ids[0] if ids else None, publisher=_text(row.get("publisher")),
        headline=_text(row.get("headline")), url=_text(row.get("url")), note=_text(row.get("note")),
        origin=str(row.get("origin") or "extracted"), reviewed=bool(row.get("reviewed")),
        sources=[{"source_id": s} for s in ids[1:]],
    )


def event_to_row(event: Event, source_id: str) -> dict[str, str]:
    """A CSV row (strings) for an Event cited by source_id; the evidence is offsets, never the sentence."""
    def cell(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float):
            return str(int(value)) if value.is_integer() else repr(value)
        return str(value)

    evidence = ""
    if event.sentence_start is not None and event.sentence_end is not None:
        evidence = f"{source_id}:{event.sentence_start}-{event.sentence_end}"
    row = {c: cell(getattr(event, c, None)) for c in EVENT_COLUMNS if hasattr(event, c)}
    row.update(source_ids=source_id, evidence=evidence, grain=cell(event.grain or grain_of(event.date or "")))
    if not event.date:
        row.update(date_basis="undated", grain="", date_start="", date_end="")
    return {c: row.get(c, "") for c in EVENT_COLUMNS}


# --- writing ---------------------------------------------------------------------------------------------

def frame_rows(df: pd.DataFrame, columns: Sequence[str]) -> list[dict[str, str]]:
    """A DataFrame as rows of CSV strings (None/NaN empty, booleans lower-case, whole floats as ints)."""
    out: list[dict[str, str]] = []
    for rec in df.to_dict("records"):
        row: dict[str, str] = {}
        for c in columns:
            v = rec.get(c)
            if isinstance(v, bool):
                row[c] = "true" if v else "false"
            elif isinstance(v, float):
                row[c] = "" if math.isnan(v) else (str(int(v)) if v.is_integer() else repr(v))
            else:
                row[c] = _text(v) or ""
        out.append(row)
    return out


def write_rows(path: Path, rows: Iterable[Mapping[str, str]], columns: Sequence[str]) -> None:
    """A CSV that reads well in a diff: UTF-8, '\\n' line ends, quoting only where needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def sort_events(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Chronological by first day (undated last), then by id: a stable order for diffs."""
    return sorted(rows, key=lambda r: (r.get("date_start") or "9999", r.get("date_end") or "", r["id"]))


def sort_sources(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """By publication day (unknown last), then by id."""
    return sorted(rows, key=lambda r: (r.get("published") or "9999", r["source_id"]))


def write_events(df: pd.DataFrame, folder: Path | str = DATA_DIR) -> Path:
    path = Path(folder) / EVENTS_FILE
    write_rows(path, sort_events(frame_rows(df, EVENT_COLUMNS)), EVENT_COLUMNS)
    return path


def write_sources(df: pd.DataFrame, folder: Path | str = DATA_DIR) -> Path:
    path = Path(folder) / SOURCES_FILE
    rows = sort_sources(frame_rows(df, SOURCE_COLUMNS))
    write_rows(path, rows, SOURCE_COLUMNS)
    return path
