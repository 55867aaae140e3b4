"""Export the filtered view: what the reader sees on screen, as a chart, a page or a data file.

INTERFACE (stable; the Export page and `python -m timeline export` use it):
    FORMATS (name → Format), PRESETS, SCALES, ExportOptions, Export
    export_view(df, fmt, options, sources=None, renderer=None) -> Export
    export_many(df, fmts, options, sources=None) -> list[Export]     one Chromium for every static chart
    default_texts(df, filters) -> (title, subtitle); chart_text(df, options, sources) -> ChartText
    publishers_shown(df, sources), source_line(df, sources), credit_line(day); options_from(filters, **chosen)
The DataFrame is the view (events with their first source's publisher, headline, url, published, as
dataset.events_with_sources makes them); `sources` (data/sources.csv) adds every further citation.
An export that cannot be made raises ExportError saying why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from timeline import export_data
from timeline.charts import LANES, timeline_figure
from timeline.errors import ExportError
from timeline.export_charts import (
    PRESETS,
    SCALES,
    ChartRenderer,
    ChartText,
    dress,
    exported_on_text,
    preset_of,
    scale_of,
    to_html,
)
from timeline.filters import Filters

APP_NAME = "Supply Lines"
DEFAULT_TITLE = "Arms supply to Russia"

__all__ = [
    "FORMATS", "PRESETS", "SCALES", "Export", "ExportOptions", "Format", "chart_text", "credit_line",
    "default_texts", "export_many", "export_view", "options_from", "publishers_shown", "source_line",
]


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    label: str
    extension: str
    mime: str
    kind: str  # "image" (drawn by Chromium), "page" (interactive HTML) or "data"


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("png", "PNG image", ".png", "image/png", "image"),
    Format("svg", "SVG image", ".svg", "image/svg+xml", "image"),
    Format("pdf", "PDF document", ".pdf", "application/pdf", "image"),
    Format("html", "Interactive HTML (works offline)", ".html", "text/html", "page"),
    Format("csv", "CSV (spreadsheets)", ".csv", "text/csv", "data"),
    Format("json", "JSON", ".json", "application/json", "data"),
    Format("xlsx", "Excel workbook (XLSX)", ".xlsx",
           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "data"),
    Format("timelinejs", "TimelineJS 3 JSON", ".timelinejs.json", "application/json", "data"),
)}


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What the reader chose: the words on the chart, its size, and how the timeline is drawn."""

    title: str = DEFAULT_TITLE
    subtitle: str = ""
    preset: str = "web"
    scale: str | float = "1x"
    lane: str = "supplier"
    highlight_ids: tuple[str, ...] = ()
    exported_on: dt.date | None = None
    filters: tuple[tuple[str, str], ...] = ()
    """The view's filters as URL parameters, recorded in the JSON export."""


@dataclass(frozen=True, slots=True)
class Export:
    """A finished export: the file's bytes and how to offer it for download."""

    data: bytes
    filename: str
    mime: str
    format: str


# --- the words on a chart ----------------------------------------------------------------------------------

def publishers_shown(df: pd.DataFrame, sources: pd.DataFrame | None = None) -> list[str]:
    """Every publisher cited by the events shown, the most cited first."""
    counts: dict[str, int] = {}
    for row in export_data.records(df, sources):
        names = {c["publisher"] or c["source_id"] for c in row["citations"]}  # type: ignore[union-attr]
        for name in names:
            if name:
                counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda n: (-counts[n], n.casefold()))


def source_line(df: pd.DataFrame, sources: pd.DataFrame | None = None) -> str:
    names = publishers_shown(df, sources)
    if not names:
        return ""
    return ("Source: " if len(names) == 1 else "Sources: ") + "; ".join(names)


def credit_line(day: dt.date | None = None) -> str:
    """ "Supply Lines · exported 24 November 2026" """
    return f"{APP_NAME} · exported {exported_on_text(day or dt.date.today())}"


def _month(day: str) -> str:
    d = dt.date.fromisoformat(day)
    return f"{d:%B %Y}"


def default_texts(df: pd.DataFrame, filters: Filters | None = None) -> tuple[str, str]:
    """A title naming the suppliers chosen, a subtitle with the count, the period and the search."""
    f = filters or Filters()
    title = DEFAULT_TITLE
    if 0 < len(f.suppliers) <= 3:
        title = f"{DEFAULT_TITLE}: " + ", ".join(f.suppliers)
    n = len(df)
    parts = [f"{n} event{'s' if n != 1 else ''}"]
    if f.kinds:
        parts[0] += " (" + ", ".join(f.kinds) + ")"
    days = pd.concat([df.get("date_start", pd.Series(dtype=object)),
                      df.get("date_end", pd.Series(dtype=object))]).dropna().astype(str)
    days = days[days.str.fullmatch(r"\d{4}-\d{2}-\d{2}")]
    if not days.empty:
        first, last = _month(days.min()), _month(days.max())
        parts.append(first if first == last else f"{first} – {last}")
    if f.search.strip():
        parts.append(f"matching “{f.search.strip()}”")
    return title, ", ".join(parts)


def chart_text(df: pd.DataFrame, options: ExportOptions, sources: pd.DataFrame | None = None) -> ChartText:
    return ChartText(title=options.title.strip() or DEFAULT_TITLE, subtitle=options.subtitle.strip(),
                     publishers=tuple(publishers_shown(df, sources)), credit=credit_line(options.exported_on))


# --- exporting ---------------------------------------------------------------------------------------------

def format_of(name: str) -> Format:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise ExportError(f"unknown export format {name!r} (choose {', '.join(FORMATS)})") from None


def filename(fmt: Format, options: ExportOptions) -> str:
    day = (options.exported_on or dt.date.today()).isoformat()
    stem = f"supply-lines-{day}"
    if fmt.kind == "image":
        stem += f"-{options.preset}"
        scale = scale_of(options.scale)
        if scale != 1:
            stem += "-300dpi" if options.scale == "300dpi" else f"@{scale:g}x"
    return stem + fmt.extension


def dressed_figure(df: pd.DataFrame, options: ExportOptions, sources: pd.DataFrame | None,
                   fixed_width: bool) -> go.Figure:
    """The timeline of `df` with its title, subtitle, source line and credit, sized for the preset."""
    fig = timeline_figure(df, lane=options.lane, highlight_ids=options.highlight_ids)
    return dress(fig, chart_text(df, options, sources), preset_of(options.preset), fixed_width=fixed_width)


def export_view(df: pd.DataFrame, fmt: str, options: ExportOptions | None = None, *,
                sources: pd.DataFrame | None = None, renderer: ChartRenderer | None = None) -> Export:
    """The view `df` in format `fmt`; static images use `renderer` when given (else open one for this)."""
    options = options or ExportOptions()
    spec = format_of(fmt)
    export_data.require_events(df)
    preset = preset_of(options.preset)
    scale = scale_of(options.scale)
    if spec.kind == "image":
        fig = dressed_figure(df, options, sources, fixed_width=True)
        if renderer is not None:
            data = renderer.render(fig, spec.name, preset.width, preset.height, scale)
        else:
            with ChartRenderer() as own:
                data = own.render(fig, spec.name, preset.width, preset.height, scale)
    elif spec.kind == "page":
        data = to_html(dressed_figure(df, options, sources, fixed_width=False), title=options.title or APP_NAME)
    else:
        data = _data(df, spec.name, options, sources)
    return Export(data=data, filename=filename(spec, options), mime=spec.mime, format=spec.name)


def _data(df: pd.DataFrame, name: str, options: ExportOptions, sources: pd.DataFrame | None) -> bytes:
    if name == "csv":
        return export_data.to_csv(df, sources)
    if name == "json":
        return export_data.to_json(df, sources, title=options.title, filters=dict(options.filters),
                                   exported_on=options.exported_on)
    if name == "xlsx":
        return export_data.to_xlsx(df, sources, title=options.title)
    return export_data.to_timelinejs(df, sources, title=options.title, subtitle=options.subtitle,
                                     lane=LANES.get(options.lane, "supplier"),
                                     credit=credit_line(options.exported_on))


def export_many(df: pd.DataFrame, fmts: Iterable[str], options: ExportOptions | None = None, *,
                sources: pd.DataFrame | None = None) -> list[Export]:
    """Several exports of one view; the static charts share one Chromium."""
    names = [format_of(f).name for f in fmts]
    if not any(FORMATS[n].kind == "image" for n in names):
        return [export_view(df, n, options, sources=sources) for n in names]
    export_data.require_events(df)
    with ChartRenderer() as renderer:
        return [export_view(df, n, options, sources=sources, renderer=renderer) for n in names]


def options_from(filters: Filters, **chosen: object) -> ExportOptions:
    """ExportOptions recording `filters` (as URL parameters) plus the reader's other choices."""
    params: Mapping[str, str] = filters.to_query_params()
    return ExportOptions(filters=tuple(sorted(params.items())), **chosen)  # type: ignore[arg-type]
