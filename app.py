"""Supply Lines: the Streamlit entry point. Run: streamlit run app.py

Each visit runs this file as the page script (navigation below). `streamlit run` also finds `server`, the
st.App it serves the app through: its start-up hook warms the Timeline once per server, and its middleware has
the page fetch the chart library with the front end (timeline.serve).
"""

import streamlit as st
from streamlit.navigation.page import StreamlitPage


def navigation() -> StreamlitPage:
    """The six pages in the sidebar menu; returns the page the URL asks for."""
    # No icons: Streamlit fetches Material icons from fonts.gstatic.com, and the app stays offline.
    pages = [
        st.Page("pages/timeline_view.py", title="Timeline", default=True),
        st.Page("pages/events_table.py", title="Events"),
        st.Page("pages/sources.py", title="Sources"),
        st.Page("pages/add_articles.py", title="Add articles"),
        st.Page("pages/export.py", title="Export"),
        st.Page("pages/present.py", title="Present"),
    ]
    return st.navigation(pages)


if __name__ == "__main__":
    st.set_page_config(page_title="Supply Lines", layout="wide")
    navigation().run()
else:  # imported by `streamlit run` to serve the app
    from starlette.middleware import Middleware

    from timeline.serve import PreloadChart, lifespan

    server = st.App(__file__, lifespan=lifespan, middleware=[Middleware(PreloadChart)])
