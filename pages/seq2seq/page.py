"""seq2seq page (issue #5): encoder–decoder with and without attention, trained live; beam
search and attention heatmaps; pretrained MarianMT when it is available."""
import streamlit as st

from pages.common.ui import t

st.title(t("s2s.title"))
st.caption(t("s2s.intro"))

tabs = st.tabs([t("s2s.tab.train"), t("s2s.tab.compare"), t("s2s.tab.translate"), t("s2s.tab.pretrained")],
               key="tab", bind="query-params")
if tabs[0].open:
    with tabs[0]:
        from pages.seq2seq import train_tab

        train_tab.render()
if tabs[1].open:
    with tabs[1]:
        from pages.seq2seq import compare_tab

        compare_tab.render()
if tabs[2].open:
    with tabs[2]:
        from pages.seq2seq import translate_tab

        translate_tab.render()
if tabs[3].open:
    with tabs[3]:
        from pages.seq2seq import pretrained_tab

        pretrained_tab.render()
