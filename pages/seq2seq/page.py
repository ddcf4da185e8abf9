"""seq2seq page (issue #5): encoder–decoder with and without attention, trained live; beam
search and attention heatmaps; pretrained MarianMT when it is available."""
import streamlit as st

from pages.common.ui import t, tabbed

st.title(t("s2s.title"))
st.caption(t("s2s.intro"))

SECTIONS = [("s2s.tab.train", "pages.seq2seq.train"), ("s2s.tab.compare", "pages.seq2seq.compare"),
            ("s2s.tab.reversal", "pages.seq2seq.reversal"), ("s2s.tab.multitask", "pages.seq2seq.multitask"),
            ("s2s.tab.translate", "pages.seq2seq.translate"), ("s2s.tab.pretrained", "pages.seq2seq.pretrained")]

tabbed(SECTIONS)
