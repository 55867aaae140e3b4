import streamlit as st

st.title("Timeline")
st.info("Coming soon.")
