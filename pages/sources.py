import streamlit as st

st.title("Sources")
st.info("Coming soon.")
