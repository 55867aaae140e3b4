"""Timeline: lanes over time; select an event on the chart or in the picker to read its detail.

The chart is drawn before the widgets (their state is read first), so it reaches the browser first.
"""

import pandas as pd
import streamlit as st

from timeline import ui
from timeline.charts import LANE_TITLES, LANES, timeline_figure

CHART_KEY = "timeline_chart"
LANE_KEY = "timeline_lane"
PICK_KEY = "timeline_event"
NONE = ""
MAX_LISTED = 2000  # the event picker lists at most this many events of the view (click the chart for the rest)


def chart_pick() -> str | None:
    """The event id newly clicked on the chart (None when the chart selection has not changed)."""
    state = st.session_state.get(CHART_KEY)
    points = (state or {}).get("selection", {}).get("points", []) if isinstance(state, dict) else []
    ids = []
    for point in points:
        data = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(data, list) and data:
            data = data[0]
        if isinstance(data, str) and data:
            ids.append(data)
    picked = ids[0] if ids else None
    if picked == st.session_state.get("_last_chart_pick"):
        return None
    st.session_state["_last_chart_pick"] = picked
    return picked


ui.use_app_navigation()
st.title("Timeline")
with ui.guard():
    table, view, _ = ui.filtered_table()
    st.caption(ui.count_text(len(view), len(table)) + " · spans are events dated to a month or a year; "
               "points are dated to a day; dotted rules mark agreements")
    controls = st.container()  # the lane switch, drawn once the chart is on its way to the browser
    lane = ui.seed_choice(list(LANES), "lane", "supplier", key=LANE_KEY)
    view_ids = view["id"].astype(str)
    picked = chart_pick()
    if picked is not None and picked in set(view_ids):
        st.session_state[PICK_KEY] = picked
    current = ui.seed_choice([NONE, *view_ids], "event", NONE, key=PICK_KEY)
    figure = timeline_figure(view, lane=lane, highlight_ids=[current] if current else [])
    st.plotly_chart(figure, key=CHART_KEY, on_select="rerun", selection_mode="points", width="stretch",
                    config={"displaylogo": False, "scrollZoom": True})
    with controls:
        ui.url_choice("Lanes by", list(LANES), "lane", "supplier", key=LANE_KEY, format_func=LANE_TITLES.get,
                      radio=True)
    ui.sidebar(table, view)
    listed = view.head(MAX_LISTED)
    if current and current not in set(listed["id"].astype(str)):
        listed = pd.concat([listed, view[view_ids == current]])
    ids = [NONE, *listed["id"].astype(str)]
    labels = {NONE: "— pick an event —", **{str(r["id"]): ui.event_label(r) for _, r in listed.iterrows()}}
    if len(view) > MAX_LISTED:
        st.caption(f"The picker lists the first {MAX_LISTED:,} events of this view; filter to reach the others.")
    chosen = ui.url_choice("Event", ids, "event", NONE, key=PICK_KEY, format_func=labels.get)
    if chosen:
        row = view[view_ids == chosen].iloc[0]
        ui.event_detail(row, ui.load_sources_table())
    else:
        st.caption("Click a marker on the chart, or pick an event above, to read its sources and evidence.")
