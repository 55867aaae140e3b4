"""Supply Lines: the Streamlit entry point. Run: streamlit run app.py"""

import streamlit as st


def navigation() -> st.navigation:
    pages = [
        st.Page("pages/timeline_view.py", title="Timeline", icon=":material/timeline:", default=True),
        st.Page("pages/events_table.py", title="Events", icon=":material/table:"),
        st.Page("pages/sources.py", title="Sources", icon=":material/menu_book:"),
        st.Page("pages/add_articles.py", title="Add articles", icon=":material/upload_file:"),
        st.Page("pages/export.py", title="Export", icon=":material/download:"),
        st.Page("pages/present.py", title="Present", icon=":material/co_present:"),
    ]
    return st.navigation(pages)


if __name__ == "__main__":
    st.set_page_config(page_title="Supply Lines", layout="wide")
    navigation().run()
