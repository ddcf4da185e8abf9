"""NLP Playground: the router. Sets the page config, the navigation over pages/, the sidebar.

Keep this file light: no torch / transformers import here (the home page must render fast).
"""
import streamlit as st

from core import registry

registry.limit_arenas()  # before the page runs' threads take malloc arenas of their own (once per process)

from pages.common import classroom, sidebar  # noqa: E402
from pages.common.legacy import CLOSE_LEGACY_NOT_FOUND, legacy_first_run  # noqa: E402
from pages.common.ui import t  # noqa: E402

# Presenter mode (?presenter=true in the instructor's link) opens with the sidebar collapsed.
_presenting = str(st.query_params.get("presenter", "")).lower() in ("true", "1")
st.set_page_config(page_title="NLP Playground", page_icon=":material/psychology:", layout="wide",
                   initial_sidebar_state="collapsed" if _presenting else "auto")

# Streamlit quirk (measured with 1.67): on the very first request of a fresh server the legacy
# multipage mode is still on (a pages/ folder exists), so a deep link such as /lstm first gets a
# "Page not found" modal before st.navigation below opens the right page. Close that one modal
# on that one run. The script is static (no user text).
if legacy_first_run():
    st.html(CLOSE_LEGACY_NOT_FOUND, unsafe_allow_javascript=True)

PAGES = {
    t("nav.section.start"): [
        st.Page("pages/home/page.py", title=t("nav.home"), icon=":material/map:", default=True),
    ],
    t("nav.section.pages"): [
        st.Page("pages/basics/page.py", title=t("nav.basics"), icon=":material/school:", url_path="basics"),
        st.Page("pages/word2vec/page.py", title=t("nav.word2vec"), icon=":material/abc:", url_path="word2vec"),
        st.Page("pages/lstm/page.py", title=t("nav.lstm"), icon=":material/repeat:", url_path="lstm"),
        st.Page("pages/seq2seq/page.py", title=t("nav.seq2seq"), icon=":material/swap_horiz:", url_path="seq2seq"),
        st.Page("pages/attention/page.py", title=t("nav.attention"), icon=":material/center_focus_strong:", url_path="attention"),
        st.Page("pages/bert/page.py", title=t("nav.bert"), icon=":material/smart_toy:", url_path="bert"),
    ],
}

current = st.navigation(PAGES)
with classroom.follow_slot(current):  # a follower's run after the instructor's change waits its turn
    sidebar.render()
    classroom.top(current)
    current.run()
    classroom.bottom(current)
