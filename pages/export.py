import streamlit as st

st.title("Export")
st.info("Coming soon.")
