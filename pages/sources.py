"""Sources: every cited article with its event counts and link, and the events each produced."""

import pandas as pd
import streamlit as st

from timeline import ui
from timeline.dataset import split_ids

ui.use_app_navigation()
st.title("Sources")
with ui.guard():
    view, _ = ui.current_view()
    everything = ui.load_table()
    sources = ui.load_sources_table()

    def counts(df: pd.DataFrame) -> dict[str, int]:
        out: dict[str, int] = {}
        for cell in df["source_ids"]:
            for sid in split_ids(cell if isinstance(cell, str) else None):
                out[sid] = out.get(sid, 0) + 1
        return out

    in_view, overall = counts(view), counts(everything)
    table = sources.assign(
        events_in_view=sources["source_id"].map(lambda s: in_view.get(s, 0)).astype(int),
        events=sources["source_id"].map(lambda s: overall.get(s, 0)).astype(int),
    )
    table["url"] = table["url"].where(table["url"].astype(str).str.match(r"https?://"), None)
    st.caption(f"{len(table)} sources · {ui.count_text(len(view), ui.table_size())} in view")
    st.dataframe(
        table[["published", "publisher", "headline", "url", "events_in_view", "events", "file", "source_id"]],
        hide_index=True, width="stretch", key="sources_table",
        column_config={
            "published": st.column_config.TextColumn("Published"),
            "publisher": st.column_config.TextColumn("Publisher"),
            "headline": st.column_config.TextColumn("Headline", width="large"),
            "url": st.column_config.LinkColumn("Link", display_text="open"),
            "events_in_view": st.column_config.NumberColumn("Events in view"),
            "events": st.column_config.NumberColumn("Events (all)"),
            "file": st.column_config.TextColumn("Article file"),
            "source_id": st.column_config.TextColumn("Source id"),
        },
    )
    st.subheader("Events by source")
    cited = table[table["events_in_view"] > 0]
    st.caption(f"{len(cited)} sources cite the events in view")
    for _, src in cited.iterrows():
        sid = str(src["source_id"])
        rows = view[view["source_ids"].fillna("").map(lambda c, sid=sid: sid in split_ids(c))]
        title = f"{src['publisher']} — {src['headline']} ({src['events_in_view']} in view)"
        with st.expander(ui.md(title)):
            st.dataframe(rows[["date", "date_text", "supplier", "recipient", "item", "kind", "id"]],
                         hide_index=True, width="stretch", key=f"source_events_{sid}")
