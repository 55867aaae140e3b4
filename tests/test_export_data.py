"""Data exports: CSV (formula-safe, UTF-8 with BOM), JSON with a schema version, XLSX, TimelineJS 3."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest

from timeline import export_data as ed
from timeline.errors import ExportError

FORMULA = '=HYPERLINK("http://x","y")'


def by_id(recs: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(r["id"]): r for r in recs}


# --- cells -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "expected"), [
    ("=1+1", "'=1+1"),
    ("+1 more", "'+1 more"),
    ("-dash", "'-dash"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"),
    ("\rReturn", "'\rReturn"),
    (FORMULA, "'" + FORMULA),
    ("North Korea", "North Korea"),
    ("a=b", "a=b"),
    ("", ""),
])
def test_neutralise(cell: str, expected: str) -> None:
    assert ed.neutralise(cell) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (None, None), (float("nan"), None), (pd.NA, None), ("", None), ("x", "x"), (3, "3"),
])
def test_text_of(value: object, expected: str | None) -> None:
    assert ed.text_of(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (200.0, 200), (2.5, 2.5), (-5.0, -5), (float("nan"), None), (None, None), ("12", 12), ("x", None),
    (True, None),
])
def test_number_of(value: object, expected: float | None) -> None:
    assert ed.number_of(value) == expected


# --- records and citations ---------------------------------------------------------------------------------

def test_records_carry_every_citation(view: pd.DataFrame, sources: pd.DataFrame) -> None:
    recs = by_id(ed.records(view, sources))
    cites = recs["exp-month"]["citations"]
    assert [c["source_id"] for c in cites] == ["src-a", "src-b"]
    assert [c["publisher"] for c in cites] == ["Example Daily", "Sample Wire"]
    assert cites[0]["url"] == "https://example.org/a" and cites[1]["url"] is None
    assert recs["exp-month"]["publishers"] == "Example Daily; Sample Wire"
    assert recs["exp-day"]["quantity_value"] == 200
    assert recs["exp-quarter"]["display_date"] == "Q4 2023"
    assert recs["exp-undated"]["display_date"] == "undated"


def test_records_without_sources_table_use_the_first_source_columns(view: pd.DataFrame) -> None:
    cites = by_id(ed.records(view))["exp-month"]["citations"]
    assert cites[0]["publisher"] == "Example Daily"
    assert cites[1] == {"source_id": "src-b", "publisher": None, "headline": None, "published": None, "url": None}


# --- CSV ---------------------------------------------------------------------------------------------------

def test_csv_round_trips_through_pandas(view: pd.DataFrame, sources: pd.DataFrame) -> None:
    data = ed.to_csv(view, sources)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(back.columns) == list(ed.DATA_COLUMNS)
    assert list(back["id"]) == list(view["id"])
    row = back.set_index("id").loc["exp-month"]
    assert row["item"] == "artillery shells"
    assert row["citations"].split(ed.CITATION_SEPARATOR)[1].startswith("Sample Wire, “Another invented headline”")
    numbers = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert numbers.set_index("id").loc["exp-month", "quantity_value"] == 1_000_000


def test_csv_neutralises_formula_cells(view: pd.DataFrame) -> None:
    back = pd.read_csv(io.BytesIO(ed.to_csv(view)), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    row = back.set_index("id").loc["exp-formula"]
    assert row["supplier"] == "'" + FORMULA
    assert row["note"] == "'+1 more"
    assert row["item"] == "'@item"
    assert row["attributed_to"] == "'-dash"
    assert row["quantity"] == "'-3 crates"
    for cells in csv.reader(io.StringIO(ed.to_csv(view).decode("utf-8-sig"))):
        assert not any(c.startswith(ed.FORMULA_STARTS) for c in cells)


def test_csv_keeps_negative_numbers_numeric() -> None:
    df = pd.DataFrame([{"id": "neg", "supplier": "-x", "quantity_value": -5.0, "source_ids": "s"}])
    back = pd.read_csv(io.BytesIO(ed.to_csv(df)), encoding="utf-8-sig")
    assert back.loc[0, "quantity_value"] == -5
    assert back.loc[0, "supplier"] == "'-x"


def test_empty_view_is_an_export_error(view: pd.DataFrame) -> None:
    for write in (ed.to_csv, ed.to_json, ed.to_xlsx, ed.to_timelinejs):
        with pytest.raises(ExportError, match="no event matches"):
            write(view.iloc[0:0])


# --- JSON --------------------------------------------------------------------------------------------------

def test_json_has_schema_version_and_citations(view: pd.DataFrame, sources: pd.DataFrame) -> None:
    doc = json.loads(ed.to_json(view, sources, title="T", filters={"supplier": "Iran"}))
    assert doc["schema"] == ed.SCHEMA and doc["schema_version"] == ed.SCHEMA_VERSION == 1
    assert doc["count"] == len(view) == len(doc["events"])
    assert doc["filters"] == {"supplier": "Iran"} and doc["title"] == "T"
    ev = by_id(doc["events"])
    assert ev["exp-formula"]["supplier"] == FORMULA  # JSON is data for programs: kept as written
    assert ev["exp-quarter"]["quantity_value"] is None and ev["exp-quarter"]["reviewed"] is False
    assert len(ev["exp-month"]["citations"]) == 2


# --- XLSX --------------------------------------------------------------------------------------------------

def test_xlsx_opens_and_holds_no_formula(view: pd.DataFrame, sources: pd.DataFrame) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(ed.to_xlsx(view, sources, title="T")))
    ws = wb["Events"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == list(ed.DATA_COLUMNS)
    assert len(rows) == len(view) + 1
    cells = {c.value: c for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)}
    assert cells[FORMULA].data_type == "s"
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    qv = ed.DATA_COLUMNS.index("quantity_value")
    assert {r[0]: r[qv] for r in rows[1:]}["exp-month"] == 1_000_000


def test_xlsx_drops_characters_a_workbook_cannot_hold(view: pd.DataFrame) -> None:
    from openpyxl import load_workbook

    df = view.copy()
    df.loc[df["id"] == "exp-day", "note"] = "bell\x07 and null\x00 inside"
    ws = load_workbook(io.BytesIO(ed.to_xlsx(df)))["Events"]
    notes = [row[ed.DATA_COLUMNS.index("note")] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert "bell and null inside" in notes


# --- TimelineJS 3 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "start", "end"), [
    ("2024-06-19", {"year": 2024, "month": 6, "day": 19}, None),
    ("2024-06", {"year": 2024, "month": 6}, None),
    ("2024", {"year": 2024}, None),
    ("2023-Q4", {"year": 2023, "month": 10}, {"year": 2023, "month": 12}),
    ("2024-H1", {"year": 2024, "month": 1}, {"year": 2024, "month": 6}),
    ("2024-W25", {"year": 2024, "month": 6, "day": 17}, {"year": 2024, "month": 6, "day": 23}),
    ("2024-01/2024-03", {"year": 2024, "month": 1}, {"year": 2024, "month": 3}),
    ("2023-11-02/2024", {"year": 2023, "month": 11, "day": 2}, {"year": 2024}),
    ("202", {"year": 2020}, {"year": 2029}),
])
def test_timelinejs_dates_keep_the_precision(value: str, start: dict, end: dict | None) -> None:
    assert ed.timelinejs_dates(value) == (start, end)


def test_timelinejs_dates_fall_back_to_the_days_or_none() -> None:
    assert ed.timelinejs_dates(None, "2024-01-02", "2024-01-05") == (
        {"year": 2024, "month": 1, "day": 2}, {"year": 2024, "month": 1, "day": 5})
    assert ed.timelinejs_dates(None) is None
    assert ed.timelinejs_dates("nonsense", "", "") is None


def test_timelinejs_document_has_the_structure_timelinejs_reads(view: pd.DataFrame, sources: pd.DataFrame) -> None:
    doc = json.loads(ed.to_timelinejs(view, sources, title="Arms", subtitle="Sub", credit="Credit line"))
    assert set(doc) == {"title", "events"}
    assert doc["title"]["text"]["headline"] == "Arms"
    assert "1 undated event left out" in doc["title"]["text"]["text"]
    assert "Credit line" in doc["title"]["text"]["text"]
    events = {e["unique_id"]: e for e in doc["events"]}
    assert set(events) == set(view["id"]) - {"exp-undated"}
    allowed = {"start_date", "end_date", "display_date", "text", "group", "unique_id"}
    for e in doc["events"]:
        assert set(e) <= allowed
        assert isinstance(e["start_date"]["year"], int)
        assert set(e["start_date"]) <= {"year", "month", "day"}
        assert set(e["text"]) == {"headline", "text"} and e["text"]["headline"]
        assert "Source: " in e["text"]["text"]
    assert events["exp-day"]["start_date"] == {"year": 2023, "month": 3, "day": 14}
    assert "end_date" not in events["exp-day"]
    assert events["exp-quarter"]["end_date"] == {"year": 2023, "month": 12}
    assert events["exp-year"]["start_date"] == {"year": 2024}
    assert events["exp-month"]["display_date"] == "July 2023"
    assert events["exp-month"]["group"] == "North Korea"
    text = events["exp-day"]["text"]["text"]
    assert '<a href="https://example.org/a">Example Daily</a>' in text and "15 March 2023" in text
    assert "Example Daily" in events["exp-month"]["text"]["text"] and "Sample Wire" in events["exp-month"]["text"]["text"]


def test_timelinejs_escapes_html_and_groups_by_lane(view: pd.DataFrame) -> None:
    df = view.copy()
    df.loc[df["id"] == "exp-day", "note"] = "<script>alert(1)</script>"
    doc = json.loads(ed.to_timelinejs(df, lane="item_class"))
    day = next(e for e in doc["events"] if e["unique_id"] == "exp-day")
    assert "<script>" not in day["text"]["text"] and "&lt;script&gt;" in day["text"]["text"]
    assert day["group"] == "drones"


def test_timelinejs_of_only_undated_events_is_an_error(view: pd.DataFrame) -> None:
    with pytest.raises(ExportError, match="undated"):
        ed.to_timelinejs(view[view["id"] == "exp-undated"])
