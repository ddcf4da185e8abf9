"""BERT page (issue #7): fill-mask, how MLM (and NSP) data is made, sentiment, fine-tuning.
UI only: the numbers come from core.bert, the models from core.resources (sources: core.hub)."""
import streamlit as st

from pages.bert import fill_mask, finetune, mlm, pretrain, sentiment
from pages.common import model_source
from pages.common.ui import t, tabbed

st.title(t("bert.title"))
st.caption(t("bert.lead"))

with st.sidebar:
    st.divider()
    st.caption(t("bert.source.sidebar"))
model_source.source_field("fill-mask")
model_source.source_field("sentiment")

SECTIONS = [("bert.tab.fillmask", fill_mask), ("bert.tab.mlm", mlm),
            ("bert.tab.sentiment", sentiment), ("bert.tab.finetune", finetune),
            ("bert.tab.pretrain", pretrain)]

tabbed(SECTIONS)
