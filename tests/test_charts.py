"""Charts: spans for coarse dates, points for days, symbols by kind, colours by class, hover, milestones, ranges."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from timeline.charts import (
    KIND_SYMBOLS,
    PALETTE,
    WEBGL_FROM,
    quantities_figure,
    quantity_ranges,
    timeline_figure,
)

COLUMNS = ["id", "date", "grain", "date_start", "date_end", "date_text", "date_basis", "supplier", "recipient",
           "item", "item_class", "quantity", "quantity_value", "kind", "attributed_to", "publisher", "headline"]


def table() -> pd.DataFrame:
    rows = [
        ("m", "2024-09", "month", "2024-09-01", "2024-09-30", "in September", "event", "Iran", "Russia",
         "attack drones", "drones", "dozens", np.nan, "shipment", "US officials", "Paper A", "Invented headline"),
        ("d", "2024-06-19", "day", "2024-06-19", "2024-06-19", "on 19 June", "event", "North Korea", "Russia",
         "mutual defence treaty", "agreement", None, np.nan, "agreement", None, "Paper B", None),
        ("y", "2023", "year", "2023-01-01", "2023-12-31", "last year", "report", "North Korea", "Russia",
         "artillery shells", "ammunition", "1 million", 1e6, "claim", "Seoul", "Paper B", None),
        ("y2", "2023", "year", "2023-01-01", "2023-12-31", "in 2023", "report", "North Korea", "Russia",
         "artillery shells", "ammunition", "3 million", 3e6, "claim", "Kyiv", "Paper C", None),
        ("u", None, None, None, None, None, "undated", "China", "Russia", "<script>x</script>", "components",
         None, np.nan, "denial", "Beijing", "Paper D", None),
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def marker_points(fig: go.Figure) -> dict[str, tuple[object, str, str]]:
    """event id → (x, symbol, colour) over every marker trace that carries customdata."""
    out: dict[str, tuple[object, str, str]] = {}
    for trace in fig.data:
        if trace.customdata is None or trace.mode != "markers":
            continue
        for i, eid in enumerate(trace.customdata):
            symbol = trace.marker.symbol
            out[eid] = (day(trace.x[i]), symbol if isinstance(symbol, str) else symbol[i], trace.marker.color)
    return out


def day(ms: float) -> pd.Timestamp:
    """A Plotly date-axis number (milliseconds since 1970) as a timestamp."""
    return pd.Timestamp(int(ms), unit="ms")


def span_traces(fig: go.Figure) -> list[go.Scatter]:
    return [t for t in fig.data if t.mode == "lines" and t.x is not None and t.x[0] is not None]


def hovers(fig: go.Figure) -> dict[str, str]:
    return {eid: text for t in fig.data if t.customdata is not None for eid, text in zip(t.customdata, t.text, strict=True)}


def test_day_is_a_point_and_month_or_year_is_a_span() -> None:
    fig = timeline_figure(table())
    points = marker_points(fig)
    assert set(points) == {"m", "d", "y", "y2"}
    assert points["d"][0] == pd.Timestamp("2024-06-19")
    assert points["m"][0] != pd.Timestamp("2024-09-01"), "a month is not drawn on its 1st"
    assert pd.Timestamp("2024-09-01") < points["m"][0] < pd.Timestamp("2024-10-01")
    starts = {day(x) for t in span_traces(fig) for x in t.x[0::3]}
    ends = {day(x) for t in span_traces(fig) for x in t.x[1::3]}
    assert {pd.Timestamp("2024-09-01"), pd.Timestamp("2023-01-01")} <= starts
    assert {pd.Timestamp("2024-10-01"), pd.Timestamp("2024-01-01")} <= ends
    assert pd.Timestamp("2024-06-19") not in starts


@pytest.mark.parametrize(("event", "kind", "item_class"), [("m", "shipment", "drones"), ("d", "agreement", "agreement"),
                                                            ("y", "claim", "ammunition")])
def test_symbol_by_kind_and_colour_by_class(event: str, kind: str, item_class: str) -> None:
    _, symbol, colour = marker_points(timeline_figure(table()))[event]
    assert symbol == KIND_SYMBOLS[kind]
    assert colour == PALETTE[item_class]


@pytest.mark.parametrize("lane", ["supplier", "item_class", "kind", "claimant"])
@pytest.mark.parametrize("highlight", [(), ("d",)])
def test_figure_passes_plotlys_validation(lane: str, highlight: tuple[str, ...]) -> None:
    fig = timeline_figure(table(), lane=lane, highlight_ids=highlight)
    again = go.Figure(fig.to_dict())  # validates every property; raises on a wrong name or value
    assert len(again.data) == len(fig.data)
    assert fig.to_dict()["layout"]["template"]["layout"], "the template goes to the browser as data, not a name"


def test_palette_is_okabe_ito_and_distinct() -> None:
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#000000", "#999999"}
    assert set(PALETTE.values()) <= okabe_ito
    assert len(set(PALETTE.values())) == len(PALETTE)


def test_legend_names_classes_and_kinds() -> None:
    fig = timeline_figure(table())
    legend = {(t.legend or "legend", t.name) for t in fig.data if t.showlegend is not False}
    assert {("legend", "drones"), ("legend", "ammunition"), ("legend2", "claim"), ("legend2", "shipment")} <= legend


@pytest.mark.parametrize(("lane", "expected"), [
    ("supplier", ["Iran", "North Korea"]),
    ("kind", ["agreement", "claim", "shipment"]),
    ("claimant", ["Kyiv", "Seoul", "US officials", "(none)"]),
    ("item_class", ["agreement", "ammunition", "drones"]),
])
def test_lanes(lane: str, expected: list[str]) -> None:
    assert list(timeline_figure(table(), lane=lane).layout.yaxis.ticktext) == expected


def test_hover_says_the_date_in_words_with_precision_and_escapes_text() -> None:
    df = table()
    df.loc[0, "item"] = "<b>bold</b> drones"
    fig = timeline_figure(df)
    text = hovers(fig)
    assert text["m"].startswith("<b>September 2024, month</b> “in September”<br>basis: date of the event")
    assert "<br>Iran → Russia<br>" in text["m"]
    assert "item: &lt;b&gt;bold&lt;/b&gt; drones · quantity: dozens" in text["m"]
    assert "says so: US officials" in text["m"]
    assert text["m"].endswith("source: Paper A: Invented headline")
    assert text["y"].startswith("<b>2023, year</b>")
    assert "says so: not attributed" in text["d"]


def test_milestones_are_labelled_and_undated_events_counted() -> None:
    fig = timeline_figure(table())
    texts = [a.text for a in fig.layout.annotations]
    assert any("mutual defence treaty" in t and "19 June 2024" in t for t in texts)
    assert any("1 undated event not drawn" in t for t in texts)


def test_milestone_labels_take_the_lower_row_unless_they_would_collide() -> None:
    def deal(key: str, day: str, item: str) -> tuple[object, ...]:
        return (key, day, "day", day, day, None, "event", "North Korea", "Russia", item, "agreement", None, np.nan,
                "agreement", None, "Paper B", None)

    rows = [deal("a", "2022-11-05", "drone production deal"), deal("b", "2024-06-01", "defence pact"),
            deal("c", "2024-06-19", "Comprehensive Strategic Partnership")]
    fig = timeline_figure(pd.DataFrame(rows, columns=COLUMNS))
    rows_of = {a.text.split(" (")[0]: a.y for a in fig.layout.annotations if a.yref == "paper" and a.y >= 1}
    low = min(rows_of.values())
    assert rows_of["drone production deal"] == low and rows_of["defence pact"] == low   # far apart: one row
    partnership = next(y for text, y in rows_of.items() if text.startswith("Comprehensive"))
    assert partnership > low                                                           # next to the pact: above


def test_highlight_adds_a_ring_on_the_selected_event() -> None:
    fig = timeline_figure(table(), highlight_ids=["d"])
    rings = [t for t in fig.data if t.name == "selected"]
    assert len(rings) == 1 and day(rings[0].x[0]) == pd.Timestamp("2024-06-19")


def test_empty_view_says_so() -> None:
    fig = timeline_figure(table().iloc[0:0])
    assert "No dated events" in fig.layout.annotations[0].text


def test_many_events_use_webgl() -> None:
    n = WEBGL_FROM + 10
    big = pd.concat([table().iloc[[0, 1]]] * (n // 2 + 1), ignore_index=True)
    big["id"] = [f"e{i}" for i in range(len(big))]
    fig = timeline_figure(big)
    assert any(isinstance(t, go.Scattergl) for t in fig.data)
    assert sum(len(t.customdata) for t in fig.data if t.customdata is not None) == len(big)
    assert not any(isinstance(t, go.Scattergl) for t in timeline_figure(table()).data)


def test_quantity_ranges_do_not_add_claims_up() -> None:
    ranges = quantity_ranges(table())
    assert len(ranges) == 1
    row = ranges.iloc[0]
    assert (row["supplier"], row["year"], row["low"], row["high"], row["claims"]) == ("North Korea", 2023, 1e6, 3e6, 2)


def test_quantities_figure_draws_the_range() -> None:
    fig = quantities_figure(table())
    lines = [t for t in fig.data if t.mode == "lines"]
    assert list(lines[0].x[:2]) == [1e6, 3e6]
    assert fig.layout.xaxis.type == "log"
    assert "No quantities" in quantities_figure(table().iloc[:2]).layout.annotations[0].text
