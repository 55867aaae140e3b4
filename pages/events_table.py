"""Events: the filtered table, sortable, with links; and the claimed quantities as ranges."""

import pandas as pd
import streamlit as st

from timeline import ui
from timeline.charts import quantities_figure

COLUMNS = [
    "date_start", "date_end", "date_text", "grain", "date_basis", "supplier", "recipient", "item", "item_class",
    "quantity", "quantity_value", "kind", "attributed_to", "publishers", "headline", "url", "status", "note", "id",
]

ui.use_app_navigation()
st.title("Events")
with ui.guard():
    view, _ = ui.current_view()
    st.caption(ui.count_text(len(view), ui.table_size()) + " · click a column header to sort")
    table = view.reindex(columns=COLUMNS).copy()
    for col in ("date_start", "date_end"):
        table[col] = pd.to_datetime(table[col], errors="coerce")
    table["url"] = table["url"].where(table["url"].astype(str).str.match(r"https?://"), None)
    st.dataframe(
        table, hide_index=True, width="stretch", key="events_table",
        column_config={
            "date_start": st.column_config.DateColumn("From", format="YYYY-MM-DD"),
            "date_end": st.column_config.DateColumn("To", format="YYYY-MM-DD"),
            "date_text": st.column_config.TextColumn("Date as given"),
            "grain": st.column_config.TextColumn("Precision"),
            "date_basis": st.column_config.TextColumn("Basis"),
            "supplier": st.column_config.TextColumn("Supplier"),
            "recipient": st.column_config.TextColumn("Recipient"),
            "item": st.column_config.TextColumn("Item"),
            "quantity": st.column_config.TextColumn("Quantity"),
            "kind": st.column_config.TextColumn("Kind"),
            "headline": st.column_config.TextColumn("Headline"),
            "note": st.column_config.TextColumn("Note"),
            "item_class": st.column_config.TextColumn("Class"),
            "quantity_value": st.column_config.NumberColumn("Number", format="localized"),
            "attributed_to": st.column_config.TextColumn("Who says so"),
            "publishers": st.column_config.TextColumn("Publishers"),
            "url": st.column_config.LinkColumn("Link", display_text="open"),
            "status": st.column_config.TextColumn("Review"),
            "id": st.column_config.TextColumn("Event id"),
        },
    )
    st.plotly_chart(quantities_figure(view), width="stretch", key="quantities_chart",
                    config={"displaylogo": False})
