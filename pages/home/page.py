"""Home: the lecture map (every concept of the course → the page and tab that shows it).

No torch / transformers here: this page must render fast on a fresh server.
"""
import streamlit as st

from pages.common.ui import local, t
from pages.home.lecture_map import CHAPTERS, CONCEPTS

st.title(t("home.title"))
st.write(t("home.lead"))
st.caption(t("home.howto"))
st.subheader(t("home.map"))

for chapter in CHAPTERS:
    with st.container(border=True):
        st.markdown(f"#### {t('home.chapter', n=chapter, name=t(f'home.ch.{chapter}'))}")
        for concept in CONCEPTS:
            if concept.chapter != chapter:
                continue
            left, right = st.columns([2, 3], vertical_alignment="center")
            with left:
                st.page_link(concept.page, label=f"{local(concept.name)} → {t(concept.tab)}",
                             query_params={"tab": t(concept.tab)})
            right.caption(local(concept.what))

from pages.common import slips  # noqa: E402  (issue 27, item 13: the notes' slips with exact values)

slips.render()
