import streamlit as st

st.title("Present")
st.info("Coming soon.")
