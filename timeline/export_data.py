"""The filtered events as data files: CSV and XLSX for spreadsheets, JSON for programs, TimelineJS 3 JSON.

Every format carries each event's citations (publisher, headline, publication day, address). Spreadsheet
cells never start a formula: text cells beginning with = + - @ tab or carriage return get a leading single
quote in CSV (as OWASP advises), and XLSX stores every text cell as a string, never as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

import pandas as pd

from timeline.errors import ExportError
from timeline.timex import describe, grain_of, interval_of

SCHEMA = "supply-lines/events"
SCHEMA_VERSION = 1
"""Raised when a field of the JSON export changes meaning or goes away (new fields keep the version)."""

DATA_COLUMNS: tuple[str, ...] = (
    "id", "date", "display_date", "grain", "date_start", "date_end", "date_text", "date_basis",
    "supplier", "recipient", "item", "item_class", "quantity", "quantity_value", "kind", "attributed_to",
    "note", "source_ids", "evidence", "origin", "reviewed", "status",
    "publisher", "headline", "published", "url", "publishers", "citations",
)
"""Columns of the CSV and XLSX exports, in order: the event, its review status in the app (when the view
comes from the app), its first source, then every citation."""

NUMERIC_COLUMNS = frozenset({"quantity_value"})
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CITATION_SEPARATOR = " | "
EMPTY_VIEW = "nothing to export: no event matches the current filters (clear or widen them)"

_MONTH_GRAINS = frozenset({"month", "quarter", "half", "season"})
_YEAR_GRAINS = frozenset({"year", "decade", "century"})


@dataclass(frozen=True, slots=True)
class Citation:
    """One article that reports an event."""

    source_id: str
    publisher: str | None = None
    headline: str | None = None
    published: str | None = None
    url: str | None = None

    def text(self) -> str:
        """One line for a table cell: publisher, “headline”, day, address (what is known of them)."""
        parts = [self.publisher or self.source_id]
        if self.headline:
            parts.append(f"“{self.headline}”")
        if self.published:
            parts.append(self.published)
        if self.url:
            parts.append(self.url)
        return ", ".join(parts)

    def html(self) -> str:
        """The same as HTML, the publisher linked to the article when its address is known."""
        name = html.escape(self.publisher or self.source_id)
        if self.url:
            name = f'<a href="{html.escape(self.url, quote=True)}">{name}</a>'
        parts = [name]
        if self.headline:
            parts.append(f"“{html.escape(self.headline)}”")
        if self.published:
            parts.append(html.escape(describe(self.published)))
        return ", ".join(parts)


# --- cells -----------------------------------------------------------------------------------------------

def text_of(value: object) -> str | None:
    """A cell as text, or None when it is empty (None, NaN, pd.NA, "")."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return str(value) or None


def number_of(value: object) -> int | float | None:
    """A numeric cell as int when whole, float otherwise, None when empty."""
    if value is None or value is pd.NA or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if math.isnan(number):
        return None
    return int(number) if number.is_integer() else number


def neutralise(value: str) -> str:
    """A text cell a spreadsheet will show as text: a leading ' before = + - @ tab or CR."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def split_ids(value: object) -> list[str]:
    return [p.strip() for p in (text_of(value) or "").split(";") if p.strip()]


# --- records ---------------------------------------------------------------------------------------------

SourceIndex = Mapping[str, Mapping[str, object]]


def source_index(sources: pd.DataFrame | None) -> dict[str, dict[str, object]]:
    """The sources table as source_id → row."""
    if sources is None or sources.empty:
        return {}
    return {str(r["source_id"]): r for r in sources.to_dict("records")}


def citations_of(row: Mapping[str, object], known: SourceIndex) -> list[Citation]:
    """Every source of an event: from the sources index when it knows it, else the row's first-source columns."""
    out: list[Citation] = []
    for n, sid in enumerate(split_ids(row.get("source_ids"))):
        src = known.get(sid) or (row if n == 0 else {})
        out.append(Citation(
            source_id=sid, publisher=text_of(src.get("publisher")), headline=text_of(src.get("headline")),
            published=text_of(src.get("published")), url=text_of(src.get("url")),
        ))
    return out


def records(df: pd.DataFrame, sources: pd.DataFrame | None = None) -> list[dict[str, object]]:
    """One plain dict per event (str, int, float, bool or None values) with a `citations` list."""
    known = source_index(sources)
    out: list[dict[str, object]] = []
    for row in df.to_dict("records"):
        cites = citations_of(row, known)
        first = cites[0] if cites else Citation(source_id="")
        rec: dict[str, object] = {}
        for col in DATA_COLUMNS:
            if col in NUMERIC_COLUMNS:
                rec[col] = number_of(row.get(col))
            elif col == "reviewed":
                rec[col] = bool(row.get(col)) if text_of(row.get(col)) is not None else None
            elif col == "display_date":
                rec[col] = describe(text_of(row.get("date")))
            elif col in ("publisher", "headline", "published", "url"):
                rec[col] = getattr(first, col) or text_of(row.get(col))
            elif col == "publishers":
                rec[col] = "; ".join(dict.fromkeys(c.publisher for c in cites if c.publisher)) or None
            elif col == "citations":
                rec[col] = [asdict(c) for c in cites]
            else:
                rec[col] = text_of(row.get(col))
        out.append(rec)
    return out


def _cell(col: str, value: object) -> object:
    """A record's value as one spreadsheet cell (citations joined on one line)."""
    if col == "citations" and isinstance(value, list):
        return CITATION_SEPARATOR.join(Citation(**c).text() for c in value)
    return value


def table_rows(recs: Sequence[Mapping[str, object]]) -> list[list[object]]:
    return [[_cell(col, rec[col]) for col in DATA_COLUMNS] for rec in recs]


def require_events(df: pd.DataFrame) -> None:
    """An empty view cannot be exported: say so in words the reader can act on."""
    if df.empty:
        raise ExportError(EMPTY_VIEW)


# --- formats ---------------------------------------------------------------------------------------------

def to_csv(df: pd.DataFrame, sources: pd.DataFrame | None = None) -> bytes:
    """UTF-8 with a byte-order mark (so spreadsheets guess the encoding), formula-safe text cells."""
    require_events(df)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(DATA_COLUMNS)
    for cells in table_rows(records(df, sources)):
        out: list[object] = []
        for value in cells:
            if value is None:
                out.append("")
            elif isinstance(value, bool):
                out.append("true" if value else "false")
            elif isinstance(value, int | float):
                out.append(value)
            else:
                out.append(neutralise(str(value)))
        writer.writerow(out)
    return buf.getvalue().encode("utf-8-sig")


def to_json(df: pd.DataFrame, sources: pd.DataFrame | None = None, *, title: str = "",
            filters: Mapping[str, str] | None = None, exported_on: dt.date | None = None) -> bytes:
    """{"schema", "schema_version", "exported", "title", "filters", "count", "events": [...]}; UTF-8."""
    require_events(df)
    recs = records(df, sources)
    doc = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "exported": (exported_on or dt.date.today()).isoformat(),
        "title": title,
        "filters": dict(filters or {}),
        "count": len(recs),
        "events": recs,
    }
    return (json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8")


def to_xlsx(df: pd.DataFrame, sources: pd.DataFrame | None = None, *, title: str = "") -> bytes:
    """One sheet of events; text cells are typed as strings so that none is read as a formula."""
    require_events(df)
    try:
        from openpyxl import Workbook
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    except ImportError:
        raise ExportError("XLSX export needs openpyxl (pip install -r requirements.txt); "
                          "CSV opens in every spreadsheet too") from None
    wb = Workbook()
    ws = wb.active
    ws.title = "Events"
    ws.append(list(DATA_COLUMNS))
    for cells in table_rows(records(df, sources)):
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in cells])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    ws.freeze_panes = "A2"
    if title:
        wb.properties.title = title
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- TimelineJS 3 ----------------------------------------------------------------------------------------

def _date_parts(day: dt.date, grain: str | None) -> dict[str, int]:
    """A TimelineJS date object holding only the parts the precision gives."""
    if grain in _YEAR_GRAINS:
        return {"year": day.year}
    if grain in _MONTH_GRAINS:
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def timelinejs_dates(value: str | None, first: str | None = None, last: str | None = None,
                     ) -> tuple[dict[str, int], dict[str, int] | None] | None:
    """start_date and end_date (None for a single point) of a TIMEX3 value; None when undated."""
    if value and (span := interval_of(value)):
        grain = grain_of(value)
        if grain == "interval":
            a, b = value.split("/")
            start = _date_parts(span[0], grain_of(a))
            end = _date_parts(span[1], grain_of(b))
        else:
            start, end = _date_parts(span[0], grain), _date_parts(span[1], grain)
        return start, (None if end == start else end)
    try:
        a = dt.date.fromisoformat(first or "")
    except ValueError:
        return None
    try:
        b = dt.date.fromisoformat(last or "")
    except ValueError:
        b = a
    start, end = _date_parts(a, "day"), _date_parts(b, "day")
    return start, (None if end == start else end)


def _headline(rec: Mapping[str, object]) -> str:
    who = str(rec["supplier"] or "")
    if rec.get("recipient"):
        who += f" → {rec['recipient']}"
    what = str(rec["item"] or "")
    if rec.get("quantity"):
        what = f"{what}, {rec['quantity']}"
    return f"{who}: {what} ({rec['kind']})"


def _slide_text(rec: Mapping[str, object]) -> str:
    parts: list[str] = []
    if rec.get("note"):
        parts.append(f"<p>{html.escape(str(rec['note']))}</p>")
    if rec.get("attributed_to"):
        parts.append(f"<p>Attributed to: {html.escape(str(rec['attributed_to']))}</p>")
    cites = [Citation(**c).html() for c in rec["citations"]]  # type: ignore[union-attr]
    if cites:
        parts.append("<p>Source: " + "; ".join(cites) + "</p>")
    return "".join(parts)


def to_timelinejs(df: pd.DataFrame, sources: pd.DataFrame | None = None, *, title: str = "",
                  subtitle: str = "", lane: str = "supplier", credit: str = "") -> bytes:
    """A TimelineJS 3 JSON document: a title slide and one slide per dated event (undated ones are left out,
    since every TimelineJS slide needs a start date; the title slide says how many)."""
    require_events(df)
    events: list[dict[str, object]] = []
    undated = 0
    for rec in records(df, sources):
        dates = timelinejs_dates(text_of(rec["date"]), text_of(rec["date_start"]), text_of(rec["date_end"]))
        if dates is None:
            undated += 1
            continue
        start, end = dates
        slide: dict[str, object] = {"start_date": start}
        if end is not None:
            slide["end_date"] = end
        slide["display_date"] = rec["display_date"] if rec.get("date") else str(rec["date_start"])
        slide["text"] = {"headline": html.escape(_headline(rec)), "text": _slide_text(rec)}
        group = rec.get(lane) if lane in rec else rec.get("supplier")
        if group:
            slide["group"] = str(group)
        slide["unique_id"] = str(rec["id"])
        events.append(slide)
    if not events:
        raise ExportError("nothing to export to TimelineJS: every event in the view is undated "
                          "(TimelineJS places each slide on a date)")
    lines = [subtitle] if subtitle else []
    if undated:
        lines.append(f"{undated} undated event{'s' if undated > 1 else ''} left out.")
    if credit:
        lines.append(credit)
    title_text = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    doc = {"title": {"text": {"headline": html.escape(title or "Supply Lines"), "text": title_text}},
           "events": events}
    return (json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8")
