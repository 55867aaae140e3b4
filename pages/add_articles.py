import streamlit as st

st.title("Add articles")
st.info("Coming soon.")
