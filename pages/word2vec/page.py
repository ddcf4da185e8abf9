"""word2vec page (issue #3): pretrained Japanese vectors (chiVe), similarity, analogy,
projection, evaluation, training your own, and the CBOW mechanics.
UI only: every number comes from core.word2vec; the shared vectors from core.resources."""
import streamlit as st

from pages.common.ui import t, tabbed
from pages.word2vec import analogy, evaluation, mechanics, neighbors, projection, sources, training
from pages.word2vec import clustering, countbased, skipgram

st.title(t("w2v.title"))
st.caption(t("w2v.lead"))

SECTIONS = [("w2v.tab.neighbors", neighbors), ("w2v.tab.analogy", analogy),
            ("w2v.tab.projection", projection), ("w2v.tab.eval", evaluation),
            ("w2v.tab.train", training), ("w2v.tab.mechanics", mechanics)]
SECTIONS += [("w2v.tab.count", countbased), ("w2v.tab.skipgram", skipgram), ("w2v.tab.cluster", clustering)]
OWN_DATA = {"w2v.tab.mechanics", "w2v.tab.train", "w2v.tab.count", "w2v.tab.skipgram"}  # tabs without the vector-source picker

tabbed(SECTIONS, lambda key, section: section.render() if key in OWN_DATA else section.render(sources.picker(key)))
