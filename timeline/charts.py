"""Figures of the event table: the timeline (lanes over time) and the claimed quantities (ranges, not sums).

INTERFACE (stable; others build on it):
    PALETTE (item_class → colour, Okabe–Ito), KIND_SYMBOLS (kind → Plotly marker symbol), LANES
    timeline_figure(df, lane="supplier", highlight_ids=(), title=None) -> go.Figure
    quantities_figure(df) -> go.Figure;  quantity_ranges(df) -> DataFrame
A month- or year-dated event is a span over the days it covers; a day-dated event is a point. Every marker
carries its event id as customdata (a string), so a selection on the chart names the event; its
hover text is in `text` (HTML-escaped data, Plotly tags added by us only).
"""

from __future__ import annotations

import functools
import heapq
import html
import json
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import pyarrow.compute as pc

from timeline.timex import describe, grain_of

PALETTE: dict[str, str] = {
    "ammunition": "#E69F00",   # orange
    "missiles": "#D55E00",     # vermillion
    "drones": "#0072B2",       # blue
    "troops": "#009E73",       # bluish green
    "components": "#CC79A7",   # reddish purple
    "weapons": "#56B4E9",      # sky blue
    "agreement": "#000000",    # black
    "other": "#999999",        # grey
}
"""Okabe & Ito's colour-blind-safe palette (yellow left out: it vanishes on white)."""

KIND_SYMBOLS: dict[str, str] = {
    "shipment": "circle",
    "agreement": "star",
    "claim": "diamond",
    "denial": "x",
    "deployment": "triangle-up",
    "plan": "square",
    "other": "hexagon",
}

LANES: dict[str, str] = {
    "supplier": "supplier",
    "item_class": "item_class",
    "kind": "kind",
    "claimant": "attributed_to",
}
"""Lane choice → the column that names each lane."""

LANE_TITLES = {"supplier": "Supplier", "item_class": "Item class", "kind": "Kind", "claimant": "Who says so"}
NO_LANE = "(none)"
WEBGL_FROM = 1500
"""From this many events the timeline uses WebGL traces (Scattergl): SVG slows down past a few thousand."""
PACK_UP_TO = 3000
"""Up to this many events, overlapping ones in a lane are packed into sub-rows; beyond, spread by rank."""
MAX_MILESTONES = 12
MILESTONE_KINDS = ("agreement",)
"""Events of these kinds are milestones: a dotted rule and a label at the top of the timeline."""
LABEL_CHAR_SHARE = 1 / 110   # the share of the time axis one character of a milestone label takes, about
"""Labels go in the lower of two rows unless they would run into the label before them there."""
_SUBROWS = 5
_LANE_SPREAD = 0.36
_BASIS_WORDS = {"event": "date of the event", "statement": "date of the statement",
                "report": "date of the report", "undated": "undated"}


def _text(df: pd.DataFrame, column: str, default: str = "") -> pd.Series:
    if column not in df:
        return pd.Series(default, index=df.index, dtype=object)
    col = df[column]
    return col.where(col.notna(), default).astype(str)


def _codes(values: pd.Series, order: list[str]) -> np.ndarray:
    """Each value's position in `order` (every value must be in it), by hashing once (pd.factorize)."""
    found, uniques = pd.factorize(values)
    position = {v: i for i, v in enumerate(order)}
    remap = np.array([position[str(u)] for u in uniques], dtype=np.int64)
    return remap[found] if len(remap) else np.zeros(len(values), dtype=np.int64)


def _str(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def _labels(df: pd.DataFrame, columns: tuple[str, ...], label: Callable[..., str]) -> pa.Array:
    """label(*values) for each row, computed once per distinct combination and HTML-escaped (Arrow array)."""
    codes = np.zeros(len(df), dtype=np.int64)
    levels: list[np.ndarray] = []
    for column in columns:
        values = df[column] if column in df else pd.Series([None] * len(df), index=df.index, dtype=object)
        found, uniques = pd.factorize(values, use_na_sentinel=False)
        codes = codes * max(len(uniques), 1) + found
        levels.append(np.asarray(uniques, dtype=object))
    combined, distinct = pd.factorize(codes)
    sizes = [max(len(level), 1) for level in levels]
    texts = []
    for key in distinct:
        parts = []
        for level, size in zip(reversed(levels), reversed(sizes), strict=True):
            key, index = divmod(int(key), size)
            parts.append(_str(level[index]) if len(level) else "")
        texts.append(html.escape(label(*reversed(parts)), quote=False))
    return pa.array(texts, type=pa.large_string()).take(pa.array(combined))


def _when_words(date: str) -> str:
    """ "September 2024, month" — the date in words at its own precision, then the precision."""
    grain = grain_of(date) if date else None
    return f"{describe(date or None)}, {grain}" if grain else describe(date or None)


def _source_words(publisher: str, headline: str) -> str:
    return f"{publisher}: {headline}" if headline else (publisher or "no source")


def hover_text(df: pd.DataFrame) -> np.ndarray:
    """Per event: the date in words with its precision and phrase, basis, supplier → recipient, item,
    quantity, who says so and the source — every piece of data escaped. Labels are made once per distinct
    value, so 100,000 events cost little more than their distinct values."""
    if df.empty:
        return np.array([], dtype=object)
    parts: list[str | pa.Array] = [
        "<b>", _labels(df, ("date",), _when_words), "</b> ",
        _labels(df, ("date_text",), lambda p: f"“{p}”" if p else ""),
        "<br>basis: ", _labels(df, ("date_basis",), lambda b: _BASIS_WORDS.get(b or "undated", b)),
        "<br>", _labels(df, ("supplier", "recipient"), lambda s, r: f"{s} → {r or '?'}"),
        "<br>item: ", _labels(df, ("item",), str), " · quantity: ", _labels(df, ("quantity",), lambda q: q or "—"),
        "<br>says so: ", _labels(df, ("attributed_to",), lambda c: c or "not attributed"),
        "<br>source: ", _labels(df, ("publisher", "headline"), _source_words),
    ]
    kind = pa.large_string()
    args = [pa.scalar(p, kind) if isinstance(p, str) else p for p in parts]
    return np.asarray(pc.binary_join_element_wise(*args, pa.scalar("", kind)).to_numpy(zero_copy_only=False))


HOVER = "%{text}<extra></extra>"


def lane_values(df: pd.DataFrame, lane: str) -> pd.Series:
    column = LANES.get(lane, "supplier")
    return _text(df, column, NO_LANE).replace("", NO_LANE)


def _pack(lanes: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Sub-row of each event so that overlapping events of one lane do not sit on each other."""
    rows = np.zeros(len(lanes), dtype=np.int64)
    if len(lanes) > PACK_UP_TO:
        order = np.lexsort((start, lanes))
        rows[order] = np.arange(len(order)) % _SUBROWS
        return rows
    free: dict[int, list[tuple[float, int]]] = {}
    used: dict[int, int] = {}
    for i in np.lexsort((end, start, lanes)):
        heap = free.setdefault(int(lanes[i]), [])
        if heap and heap[0][0] <= start[i]:
            _, row = heapq.heappop(heap)
        else:
            row = used.get(int(lanes[i]), 0)
            used[int(lanes[i])] = row + 1
        rows[i] = row
        heapq.heappush(heap, (float(end[i]), row))
    return rows


def _offsets(lanes: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Map sub-rows into ±_LANE_SPREAD around the lane's centre, evenly for the lane's own count."""
    depth = pd.Series(rows).groupby(lanes).transform("max").to_numpy() + 1
    step = np.where(depth > 1, 2 * _LANE_SPREAD / np.maximum(depth - 1, 1), 0.0)
    return np.where(depth > 1, -_LANE_SPREAD + rows * step, 0.0)


_DAY_MS = 86_400_000.0


def _ms(values: pd.Series) -> np.ndarray:
    """ISO days as milliseconds since 1970 (how a Plotly date axis reads numbers: compact in JSON)."""
    days = pd.to_datetime(values.astype(str), errors="coerce", format="%Y-%m-%d")
    return days.to_numpy(dtype="datetime64[ms]").astype(np.int64).astype(np.float64)


@functools.cache
def _template_json() -> str:
    import plotly.io as pio

    return json.dumps(pio.templates["plotly_white"].to_plotly_json())


def _template() -> dict[str, object]:
    """Plotly's white template as plain data (an unvalidated figure would send only its name to the browser)."""
    return dict(json.loads(_template_json()))


def _legend_entry(name: str, symbol: str, colour: str, legend: str = "legend", mode: str = "markers",
                  group: str | None = None) -> dict[str, object]:
    entry: dict[str, object] = {
        "type": "scatter", "x": [None], "y": [None], "mode": mode, "name": name, "legend": legend,
        "legendgroup": group or name, "hoverinfo": "skip",
    }
    if mode == "lines":
        entry.update(line={"color": colour, "width": 7}, opacity=0.45)
    else:
        entry["marker"] = {"color": colour, "size": 11, "symbol": symbol}
    return entry


def timeline_figure(
    df: pd.DataFrame, lane: str = "supplier", highlight_ids: Iterable[str] = (), title: str | None = None
) -> go.Figure:
    """Lanes (by supplier, item class, kind or claimant) over time; spans for coarse dates, points for days.

    Each marker's customdata is its event id and its text the hover; above WEBGL_FROM events the traces are
    WebGL. The figure is built from plain dicts without Plotly's per-value validation, which would cost more
    than building it (100,000 events in well under a second); the tests check the figures are valid.
    """
    lane = lane if lane in LANES else "supplier"
    starts_s, ends_s = _text(df, "date_start"), _text(df, "date_end")
    dated = df[(starts_s != "").to_numpy() & (ends_s != "").to_numpy()]
    undated = len(df) - len(dated)
    layout: dict[str, object] = {
        "template": _template(), "title": {"text": title} if title else None, "hovermode": "closest",
        "dragmode": "pan", "margin": {"l": 10, "r": 10, "t": 80 if title else 60, "b": 40},
        "font": {"family": "sans-serif"}, "uirevision": lane,
        "legend": {"x": 1.01, "y": 1, "yanchor": "top", "title": {"text": "Item class"}, "tracegroupgap": 0},
        "legend2": {"x": 1.01, "yanchor": "top", "title": {"text": "Kind"}, "itemclick": False,
                    "itemdoubleclick": False, "tracegroupgap": 0},
    }
    if dated.empty:
        layout.update(
            annotations=[{"text": "No dated events in this view", "showarrow": False, "x": 0.5, "y": 0.5,
                          "xref": "paper", "yref": "paper", "font": {"size": 16}}],
            xaxis={"visible": False}, yaxis={"visible": False}, height=300,
        )
        return go.Figure(data=[], layout=layout)

    start = _ms(dated["date_start"])
    end = _ms(dated["date_end"]) + _DAY_MS
    lanes = lane_values(dated, lane)
    names = sorted(lanes.unique(), key=lambda s: (s == NO_LANE, str(s).casefold()))
    codes = _codes(lanes, names)
    y = codes + _offsets(codes, _pack(codes, start, end))
    is_span = (end - start) > _DAY_MS
    x = np.where(is_span, (start + end) / 2, start)
    class_col = _text(dated, "item_class", "other").replace("", "other")
    kind_col = _text(dated, "kind", "other").replace("", "other")
    present_classes = _ordered(set(class_col.unique()), PALETTE)
    present_kinds = _ordered(set(kind_col.unique()), KIND_SYMBOLS)
    classes = _codes(class_col, present_classes)
    kinds = _codes(kind_col, present_kinds)
    symbols = np.array([KIND_SYMBOLS.get(kind, "hexagon") for kind in present_kinds], dtype=object)
    ids = _text(dated, "id").to_numpy(dtype=object)
    hover = hover_text(dated)
    kind_of = "scattergl" if len(dated) >= WEBGL_FROM else "scatter"

    traces: list[dict[str, object]] = []
    labelled: list[tuple[int, np.ndarray]] = []
    for c, cls in enumerate(present_classes):
        colour = PALETTE.get(cls, PALETTE["other"])
        sel = classes == c
        spans = sel & is_span
        if spans.any():
            n = int(spans.sum())
            xs = np.full(3 * n, np.nan)
            ys = np.full(3 * n, np.nan)
            xs[0::3], xs[1::3] = start[spans], end[spans]
            ys[0::3] = ys[1::3] = y[spans]
            traces.append({
                "type": kind_of, "x": xs, "y": ys, "mode": "lines", "line": {"color": colour, "width": 7},
                "opacity": 0.45, "hoverinfo": "skip", "legendgroup": cls, "showlegend": False,
                "name": f"{cls} spans", "connectgaps": False,
            })
        if sel.any():  # one trace per class, its symbols per point: each trace costs the browser time to draw
            labelled.append((len(traces), sel))
            traces.append({
                "type": kind_of, "x": x[sel], "y": y[sel], "mode": "markers", "name": cls,
                "legendgroup": cls, "showlegend": False, "hovertemplate": HOVER,
                "marker": {"color": colour, "size": 11, "symbol": symbols[kinds[sel]],
                           "line": {"color": "white", "width": 1}},
            })
        traces.append(_legend_entry(cls, "square", colour, group=cls))
    for kind in present_kinds:
        traces.append(_legend_entry(kind, KIND_SYMBOLS.get(kind, "hexagon"), "#555555", "legend2", group=f"k-{kind}"))
    traces.append(_legend_entry("month/year span", "", "#555555", "legend2", mode="lines", group="span"))

    wanted = set(highlight_ids)
    if wanted:
        hit = np.fromiter((i in wanted for i in ids), dtype=bool, count=len(ids))
        if hit.any():
            traces.append({
                "type": "scatter", "x": x[hit], "y": y[hit], "mode": "markers", "name": "selected",
                "showlegend": False, "hoverinfo": "skip",
                "marker": {"size": 24, "symbol": "circle-open", "color": "#000000", "line": {"width": 3}},
            })

    shapes: list[dict[str, object]] = [
        {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": i - 0.5, "y1": i - 0.5,
         "line": {"color": "#dddddd", "width": 1}, "layer": "below"}
        for i in range(1, len(names))
    ]
    annotations = _milestones(dated, start, shapes)
    if undated:
        annotations.append({
            "text": f"{undated} undated event{'s' if undated != 1 else ''} not drawn", "showarrow": False,
            "x": 0, "y": -0.08, "xref": "paper", "yref": "paper", "xanchor": "left",
            "font": {"size": 11, "color": "#555555"},
        })
    first, last = float(start.min()), float(end.max())
    pad = max((last - first) / 40, 15 * _DAY_MS)
    height = int(min(1100, max(480, 150 + 70 * len(names))))
    below = 1 - (30 + 20 * len(present_classes) + 16) / (height - 100)
    layout["legend2"]["y"] = max(below, 0.0)  # type: ignore[index]
    layout.update(
        height=height, shapes=shapes, annotations=annotations,
        xaxis={"type": "date", "range": [first - pad, last + pad], "showgrid": True, "gridcolor": "#eeeeee"},
        yaxis={"tickmode": "array", "tickvals": list(range(len(names))), "ticktext": [str(n) for n in names],
               "range": [len(names) - 0.5, -0.5], "showgrid": False, "zeroline": False,
               "title": {"text": LANE_TITLES[lane]}},
    )
    fig = go.Figure(data=traces, layout=layout, _validate=False)
    for i, part in labelled:  # set after construction: the constructor deep-copies object arrays, slowly
        fig.data[i].customdata = ids[part]
        fig.data[i].text = hover[part]
    return fig


def _ordered(present: set[str], order: dict[str, str]) -> list[str]:
    return [k for k in order if k in present] + sorted(present - set(order))


def milestone_label(item: object, date: object) -> str:
    """A short label: the item (cut to 32 characters) and the date in words."""
    text = str(item or "agreement")
    text = text if len(text) <= 32 else text[:31] + "…"
    return f"{text} ({describe(str(date or '') or None)})"


def _milestones(dated: pd.DataFrame, start: np.ndarray, shapes: list[dict[str, object]]) -> list[dict[str, object]]:
    """Dotted rules (added to `shapes`) and labels for the first MAX_MILESTONES distinct agreements."""
    picks = np.flatnonzero(_text(dated, "kind").isin(MILESTONE_KINDS).to_numpy())
    picks = picks[np.argsort(start[picks], kind="stable")]
    items = _text(dated, "item").to_numpy(dtype=object)[picks]
    dates = _text(dated, "date").to_numpy(dtype=object)[picks]
    seen: set[tuple[str, str]] = set()
    out: list[dict[str, object]] = []
    span = float(start.max() - start.min()) if len(start) else 0.0
    row_ends = [-np.inf, -np.inf]   # where the last label of each of the two label rows ends, in x units
    for i, item, date in zip(picks, items, dates, strict=True):
        if (item, date) in seen:
            continue
        if len(out) >= MAX_MILESTONES:
            break
        seen.add((item, date))
        label = milestone_label(item, date)
        at = float(start[i])
        shapes.append({"type": "line", "xref": "x", "x0": at, "x1": at, "yref": "paper", "y0": 0, "y1": 1,
                       "line": {"color": "#444444", "width": 1, "dash": "dot"}})
        half = len(label) * LABEL_CHAR_SHARE * span / 2
        row = next((r for r, end in enumerate(row_ends) if at - half > end), int(np.argmin(row_ends)))
        row_ends[row] = at + half
        out.append({
            "x": at, "y": 1.0 + 0.055 * row, "xref": "x", "yref": "paper", "yanchor": "bottom",
            "showarrow": False, "text": label.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
            "font": {"size": 11, "color": "#222222"}, "bgcolor": "rgba(255,255,255,0.85)",
        })
    return out


# --- claimed quantities ------------------------------------------------------------------------------------

def quantity_ranges(df: pd.DataFrame) -> pd.DataFrame:
    """Per supplier, year and item class: the lowest and highest claimed quantity and how many claims.

    Different claims about the same flow are not added up: their spread is the honest answer.
    """
    cols = ["supplier", "year", "item_class", "low", "high", "claims", "items"]
    if "quantity_value" not in df or df.empty:
        return pd.DataFrame(columns=cols)
    q = pd.to_numeric(df["quantity_value"], errors="coerce")
    day = _text(df, "date_start").where(_text(df, "date_start") != "", _text(df, "published"))
    year = pd.to_numeric(day.str[:4], errors="coerce")
    keep = q.notna() & year.notna() & (q > 0)
    if not keep.any():
        return pd.DataFrame(columns=cols)
    part = pd.DataFrame({
        "supplier": _text(df, "supplier")[keep], "year": year[keep].astype(int),
        "item_class": _text(df, "item_class", "other")[keep], "q": q[keep], "item": _text(df, "item")[keep],
    })
    out = part.groupby(["supplier", "year", "item_class"], as_index=False).agg(
        low=("q", "min"), high=("q", "max"), claims=("q", "size"),
        items=("item", lambda s: "; ".join(dict.fromkeys(s))),
    )
    return out.sort_values(["supplier", "year", "item_class"]).reset_index(drop=True)[cols]


def _number(v: float) -> str:
    return f"{v:,.0f}" if v >= 1 else f"{v:g}"


def quantities_figure(df: pd.DataFrame) -> go.Figure:
    """Claimed quantities by supplier and year: a bar from the lowest to the highest claim, dots at each end."""
    ranges = quantity_ranges(df)
    fig = go.Figure()
    fig.update_layout(
        template="plotly_white", margin={"l": 10, "r": 10, "t": 40, "b": 40}, hovermode="closest",
        title="Claimed quantities (min–max where claims differ; never added up)", font={"family": "sans-serif"},
    )
    if ranges.empty:
        fig.add_annotation(text="No quantities claimed in this view", showarrow=False, x=0.5, y=0.5,
                           xref="paper", yref="paper", font={"size": 14})
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return fig
    ranges = ranges.assign(row=ranges["supplier"] + " · " + ranges["year"].astype(str)
                           + " · " + ranges["item_class"])
    for cls in _ordered(set(ranges["item_class"]), PALETTE):
        part = ranges[ranges["item_class"] == cls]
        colour = PALETTE.get(cls, PALETTE["other"])
        xs: list[float | None] = []
        ys: list[str | None] = []
        for _, r in part.iterrows():
            xs += [r["low"], r["high"], None]
            ys += [r["row"], r["row"], None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": colour, "width": 8}, opacity=0.5,
                                 hoverinfo="skip", legendgroup=cls, showlegend=False))
        text = [
            (f"{_number(r['low'])}–{_number(r['high'])}" if r["low"] != r["high"] else _number(r["low"]))
            + f" · {r['claims']} claim{'s' if r['claims'] != 1 else ''} · {r['items']}"
            for _, r in part.iterrows()
        ]
        text = [t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for t in text]
        for col in ("low", "high"):
            fig.add_trace(go.Scatter(
                x=part[col], y=part["row"], mode="markers", name=cls, legendgroup=cls,
                showlegend=col == "low", marker={"color": colour, "size": 10, "line": {"color": "white", "width": 1}},
                text=text, hovertemplate="%{y}<br>%{text}<extra></extra>",
            ))
    fig.update_xaxes(type="log", title="claimed quantity (log scale)")
    fig.update_yaxes(autorange="reversed", title=None, type="category")
    fig.update_layout(height=int(min(900, max(260, 90 + 32 * len(ranges)))))
    return fig

