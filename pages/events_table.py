import streamlit as st

st.title("Events")
st.info("Coming soon.")
