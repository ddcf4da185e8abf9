"""BERT page (issue #7): fill-mask, how MLM (and NSP) data is made, sentiment, fine-tuning.
UI only: the numbers come from core.bert, the models from core.resources (sources: core.hub)."""
import streamlit as st

from pages.bert import fill_mask_tab, finetune_tab, mlm_tab, pretrain_tab, sentiment_tab, sources
from pages.common.ui import t, tabbed

st.title(t("bert.title"))
st.caption(t("bert.lead"))

with st.sidebar:
    st.divider()
    st.caption(t("bert.source.sidebar"))
sources.source_field("fill-mask")
sources.source_field("sentiment")

SECTIONS = [("bert.tab.fillmask", fill_mask_tab), ("bert.tab.mlm", mlm_tab),
            ("bert.tab.sentiment", sentiment_tab), ("bert.tab.finetune", finetune_tab),
            ("bert.tab.pretrain", pretrain_tab)]

tabbed(SECTIONS)
