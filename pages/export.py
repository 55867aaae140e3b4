"""Export: the filtered view as a chart (PNG, SVG, PDF, interactive HTML) or as data (CSV, JSON, XLSX, TimelineJS)."""

from __future__ import annotations

import streamlit as st

from timeline import ui
from timeline.charts import LANE_TITLES, LANES
from timeline.errors import ExportError
from timeline.export import (
    FORMATS,
    PRESETS,
    SCALES,
    Export,
    ExportOptions,
    default_texts,
    dressed_figure,
    export_view,
    options_from,
)

READY = "_export_ready"
SCALE_LABELS = {"1x": "1× (screen)", "2x": "2× (sharp on high-density screens)", "300dpi": "300 dpi (print)"}


def keep_default(key: str, default: str) -> None:
    """Seed a text box with its default, and follow the default while the reader has not edited it."""
    seen = f"_{key}_default"
    if key not in st.session_state or st.session_state[key] == st.session_state.get(seen):
        st.session_state[key] = default
    st.session_state[seen] = default


def offer(result: Export) -> None:
    st.download_button(
        f"Download {result.filename}", data=result.data, file_name=result.filename, mime=result.mime,
        key="export_download", type="primary", on_click="ignore",
    )
    st.caption(f"{len(result.data):,} bytes")


ui.use_app_navigation()
st.title("Export")
with ui.guard():
    view, filters = ui.current_view()
    st.caption(ui.count_text(len(view), ui.table_size()) + " · the export holds exactly the events of this view; "
               "change the filters in the sidebar to change it")
    fmt = st.radio("Format", list(FORMATS), format_func=lambda f: FORMATS[f].label, key="export_format",
                   horizontal=True)
    spec = FORMATS[fmt]
    title, subtitle = default_texts(view, filters)
    keep_default("export_title", title)
    keep_default("export_subtitle", subtitle)
    chosen: dict[str, object] = {}
    if fmt != "csv":
        chosen["title"] = st.text_input("Title", key="export_title", max_chars=120)
    if spec.kind != "data" or fmt == "timelinejs":
        chosen["subtitle"] = st.text_input("Subtitle", key="export_subtitle", max_chars=200)
        chosen["lane"] = ui.url_choice("Lanes by", list(LANES), "lane", "supplier", key="export_lane",
                                       format_func=LANE_TITLES.get, radio=True)
    if spec.kind != "data":
        chosen["preset"] = st.radio("Size", list(PRESETS), format_func=lambda p: PRESETS[p].label,
                                    key="export_preset", horizontal=True)
    if fmt == "png":
        chosen["scale"] = st.radio("Resolution", list(SCALES), format_func=SCALE_LABELS.get, key="export_scale",
                                   horizontal=True)
    picked = st.query_params.get("event")
    if picked:
        chosen["highlight_ids"] = (picked,)
    options: ExportOptions = options_from(filters, **chosen)
    sources = ui.load_sources_table()

    if view.empty:
        st.error("Nothing to export: no event matches the current filters. Clear or widen them in the sidebar.")
        st.stop()
    if spec.kind != "data":
        preview = dressed_figure(view, options, sources, fixed_width=False)
        st.plotly_chart(preview, key="export_preview", width="stretch", config={"displaylogo": False})
    state = (fmt, options, tuple(view["id"].astype(str)))
    ready = st.session_state.get(READY)
    if spec.kind == "data":
        try:
            offer(export_view(view, fmt, options, sources=sources))
        except ExportError as e:
            st.error(str(e))
    else:
        if st.button(f"Prepare the {spec.label}", key="export_prepare"):
            wait = "Drawing the chart in Chromium…" if spec.kind == "image" else "Building the page…"
            with st.spinner(wait):
                try:
                    ready = (state, export_view(view, fmt, options, sources=sources))
                    st.session_state[READY] = ready
                except ExportError as e:
                    st.session_state.pop(READY, None)
                    ready = None
                    st.error(str(e))
        if ready and ready[0] == state:
            offer(ready[1])
        else:
            st.caption("Prepare the file, then download it. Charts carry the title, the subtitle, the "
                       "publishers of the events shown and the date of export.")
