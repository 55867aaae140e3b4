"""Exporting the view: every format opened and checked. Static charts share one Chromium (a few renders)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image, ImageStat

from timeline import export
from timeline.errors import ExportError
from timeline.export_charts import ChartRenderer
from timeline.filters import Filters

DAY = dt.date(2026, 11, 24)
OPTIONS = export.ExportOptions(title="Invented supply chart", subtitle="Made for the tests", exported_on=DAY)
SOURCE_LINE = "Sources: Example Daily; Sample Wire"
CREDIT = "Supply Lines · exported 24 November 2026"


@pytest.fixture(scope="module")
def renderer() -> Iterator[ChartRenderer]:
    with ChartRenderer() as r:
        yield r


def not_blank(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png)).convert("L")
    assert ImageStat.Stat(image).var[0] > 50, "the image is (nearly) one colour"
    return image


# --- the words on the chart --------------------------------------------------------------------------------

def test_source_line_names_the_publishers_shown(view: pd.DataFrame, sources: pd.DataFrame) -> None:
    assert export.source_line(view, sources) == SOURCE_LINE
    only_b = view[view["id"] == "exp-quarter"]
    assert export.source_line(only_b, sources) == "Source: Sample Wire"
    fewer = view[~view["id"].isin(["exp-undated", "exp-formula"])]
    assert export.publishers_shown(fewer, sources) == ["Sample Wire", "Example Daily"]  # the most cited first


def test_credit_line_carries_the_day() -> None:
    assert export.credit_line(DAY) == CREDIT


@pytest.mark.parametrize(("filters", "title", "subtitle"), [
    (Filters(), "Arms supply to Russia", "7 events, March 2023 – December 2024"),
    (Filters(suppliers=("Iran",), kinds=("shipment",), search="drones"), "Arms supply to Russia: Iran",
     "7 events (shipment), March 2023 – December 2024, matching “drones”"),
])
def test_default_texts(view: pd.DataFrame, filters: Filters, title: str, subtitle: str) -> None:
    assert export.default_texts(view, filters) == (title, subtitle)


def test_options_from_records_the_filters() -> None:
    opts = export.options_from(Filters(suppliers=("Iran",), search="x"), title="T")
    assert dict(opts.filters) == {"supplier": "Iran", "q": "x"} and opts.title == "T"


# --- errors ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", list(export.FORMATS))
def test_empty_view_is_an_export_error(view: pd.DataFrame, fmt: str) -> None:
    with pytest.raises(ExportError, match="no event matches"):
        export.export_view(view.iloc[0:0], fmt, OPTIONS)


@pytest.mark.parametrize(("fmt", "changes", "message"), [
    ("gif", {}, "unknown export format"),
    ("png", {"preset": "poster"}, "unknown size preset"),
    ("png", {"scale": "5x"}, "unknown scale"),
])
def test_bad_choices_are_export_errors(view: pd.DataFrame, fmt: str, changes: dict, message: str) -> None:
    options = export.ExportOptions(**{**{"exported_on": DAY}, **changes})
    with pytest.raises(ExportError, match=message):
        export.export_view(view, fmt, options)


def test_no_browser_is_an_export_error(view: pd.DataFrame, monkeypatch: pytest.MonkeyPatch,
                                       tmp_path: Path) -> None:
    monkeypatch.delenv("SUPPLY_LINES_BROWSER", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ExportError, match="need Chromium"):
        export.export_view(view, "png", OPTIONS)


# --- data and page formats ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("fmt", "filename", "mime"), [
    ("csv", "supply-lines-2026-11-24.csv", "text/csv"),
    ("json", "supply-lines-2026-11-24.json", "application/json"),
    ("xlsx", "supply-lines-2026-11-24.xlsx", export.FORMATS["xlsx"].mime),
    ("timelinejs", "supply-lines-2026-11-24.timelinejs.json", "application/json"),
    ("html", "supply-lines-2026-11-24.html", "text/html"),
])
def test_export_names_and_types(view: pd.DataFrame, sources: pd.DataFrame, fmt: str, filename: str,
                                mime: str) -> None:
    result = export.export_view(view, fmt, OPTIONS, sources=sources)
    assert (result.filename, result.mime, result.format) == (filename, mime, fmt)
    assert len(result.data) > 100


def test_exports_hold_exactly_the_view(view: pd.DataFrame, sources: pd.DataFrame) -> None:
    from timeline.filters import apply_filters

    shown = apply_filters(view, Filters(suppliers=("North Korea",)))
    doc = json.loads(export.export_view(shown, "json", OPTIONS, sources=sources).data)
    assert [e["id"] for e in doc["events"]] == ["exp-month", "exp-year"]
    back = pd.read_csv(io.BytesIO(export.export_view(shown, "csv", OPTIONS).data), encoding="utf-8-sig")
    assert list(back["id"]) == ["exp-month", "exp-year"]


def test_html_carries_title_and_source_line(view: pd.DataFrame, sources: pd.DataFrame) -> None:
    page = export.export_view(view, "html", OPTIONS, sources=sources).data.decode()
    assert "<title>Invented supply chart</title>" in page
    assert SOURCE_LINE in page and CREDIT in page


@pytest.mark.parametrize(("lane", "group"), [("supplier", "Iran"), ("claimant", "Officials"), ("kind", "shipment")])
def test_timelinejs_groups_by_the_lane_shown(view: pd.DataFrame, lane: str, group: str) -> None:
    options = export.ExportOptions(lane=lane, exported_on=DAY)
    doc = json.loads(export.export_view(view, "timelinejs", options).data)
    assert next(e for e in doc["events"] if e["unique_id"] == "exp-day")["group"] == group


def test_export_many_shares_nothing_but_the_view(view: pd.DataFrame, sources: pd.DataFrame) -> None:
    results = export.export_many(view, ["csv", "json"], OPTIONS, sources=sources)
    assert [r.format for r in results] == ["csv", "json"]


# --- static charts (one Chromium for all) ------------------------------------------------------------------

@pytest.mark.parametrize(("preset", "scale", "size"), [
    ("web", "1x", (1200, 675)),
    ("web", "2x", (2400, 1350)),
    ("social", "1x", (1080, 1080)),
    ("print", "300dpi", (3508, 2480)),
])
def test_png_size_per_preset_and_not_blank(view: pd.DataFrame, sources: pd.DataFrame, renderer: ChartRenderer,
                                           preset: str, scale: str, size: tuple[int, int]) -> None:
    options = export.ExportOptions(title=OPTIONS.title, preset=preset, scale=scale, exported_on=DAY)
    result = export.export_view(view, "png", options, sources=sources, renderer=renderer)
    assert result.data.startswith(b"\x89PNG")
    assert not_blank(result.data).size == size
    assert result.filename.startswith(f"supply-lines-2026-11-24-{preset}")


def test_svg_parses_and_holds_title_and_source_line(view: pd.DataFrame, sources: pd.DataFrame,
                                                    renderer: ChartRenderer) -> None:
    result = export.export_view(view, "svg", OPTIONS, sources=sources, renderer=renderer)
    root = ET.fromstring(result.data)
    assert root.tag.endswith("svg")
    texts = " ".join("".join(el.itertext()) for el in root.iter() if el.tag.endswith("text"))
    for words in (OPTIONS.title, OPTIONS.subtitle, SOURCE_LINE, CREDIT):
        assert words in texts
    assert "DejaVu Sans" in result.data.decode()


def test_pdf_is_a_page_that_is_not_blank(view: pd.DataFrame, sources: pd.DataFrame, renderer: ChartRenderer,
                                         tmp_path: Path) -> None:
    options = export.ExportOptions(title=OPTIONS.title, preset="print", exported_on=DAY)
    result = export.export_view(view, "pdf", options, sources=sources, renderer=renderer)
    assert result.data.startswith(b"%PDF")
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", result.data)
    assert box and (round(float(box[1])), round(float(box[2]))) == (842, 596)  # A4 landscape in points
    pdf = tmp_path / result.filename
    pdf.write_bytes(result.data)
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm (poppler-utils) must be installed"
    subprocess.run([pdftoppm, "-png", "-r", "40", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    image = not_blank((tmp_path / "page.png").read_bytes())
    assert image.size[0] > image.size[1]  # landscape
