"""Home: the lecture map (every concept of the course → the page and tab that shows it).

No torch / transformers here: this page must render fast on a fresh server.
"""
import streamlit as st

from pages.common.ui import lang, t
from pages.home.lecture_map import CHAPTERS, CONCEPTS

st.title(t("home.title"))
st.write(t("home.lead"))
st.caption(t("home.howto"))
st.subheader(t("home.map"))

english = lang() == "en"
for chapter, name_ja, name_en in CHAPTERS:
    with st.container(border=True):
        st.markdown(f"#### {t('home.chapter', n=chapter, name=name_en if english else name_ja)}")
        for ch, concept_ja, concept_en, page, tab_key, what_ja, what_en in CONCEPTS:
            if ch != chapter:
                continue
            left, right = st.columns([2, 3], vertical_alignment="center")
            with left:
                st.page_link(page, label=f"{concept_en if english else concept_ja} → {t(tab_key)}",
                             query_params={"tab": t(tab_key)})
            right.caption(what_en if english else what_ja)

from pages.common import slips  # noqa: E402  (issue 27, item 13: the notes' slips with exact values)

slips.render()
