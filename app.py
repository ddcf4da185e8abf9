"""NLP Playground: the router. Sets the page config, the navigation over pages/, the sidebar.

Keep this file light: no torch / transformers import here (the home page must render fast).
"""
import streamlit as st

from pages.common import sidebar
from pages.common.ui import t

# Presenter mode (?presenter=true in the instructor's link) opens with the sidebar collapsed.
_presenting = str(st.query_params.get("presenter", "")).lower() in ("true", "1")
st.set_page_config(page_title="NLP Playground", page_icon=":material/psychology:", layout="wide",
                   initial_sidebar_state="collapsed" if _presenting else "auto")

PAGES = {
    t("nav.section.start"): [
        st.Page("pages/home/page.py", title=t("nav.home"), icon=":material/map:", default=True),
    ],
    t("nav.section.pages"): [
        st.Page("pages/word2vec/page.py", title=t("nav.word2vec"), icon=":material/abc:", url_path="word2vec"),
        st.Page("pages/lstm/page.py", title=t("nav.lstm"), icon=":material/repeat:", url_path="lstm"),
        st.Page("pages/seq2seq/page.py", title=t("nav.seq2seq"), icon=":material/swap_horiz:", url_path="seq2seq"),
        st.Page("pages/attention/page.py", title=t("nav.attention"), icon=":material/center_focus_strong:", url_path="attention"),
        st.Page("pages/bert/page.py", title=t("nav.bert"), icon=":material/smart_toy:", url_path="bert"),
    ],
}

current = st.navigation(PAGES)
sidebar.render()
current.run()
