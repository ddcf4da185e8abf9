"""BERT page (issue #7): fill-mask, how MLM (and NSP) data is made, sentiment, fine-tuning.
UI only: the numbers come from core.bert, the models from core.resources (sources: core.hub)."""
import streamlit as st

from pages.bert import fill_mask, finetune, mlm, pretrain, sentiment, sources
from pages.common.ui import t, tabbed

st.title(t("bert.title"))
st.caption(t("bert.lead"))

with st.sidebar:
    st.divider()
    st.caption(t("bert.source.sidebar"))
sources.source_field("fill-mask")
sources.source_field("sentiment")

SECTIONS = [("bert.tab.fillmask", fill_mask), ("bert.tab.mlm", mlm),
            ("bert.tab.sentiment", sentiment), ("bert.tab.finetune", finetune),
            ("bert.tab.pretrain", pretrain)]

tabbed(SECTIONS)
