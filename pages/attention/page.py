"""attention page (issue #6): scaled dot-product step by step, multi-head, positional encoding,
BERT's model view / head view, and the seq2seq model's attention. UI only: the numbers come from
core.attention, the figures from core.attention.figures."""
import streamlit as st

from pages.attention import assemble, bert, family, gpt, heads, kinds, multihead, posenc, sdpa, seq2seq
from pages.attention import pretrained_gpt
from pages.common.ui import t, tabbed

st.title(t("att.title"))
st.caption(t("att.lead"))

SECTIONS = [("att.tab.sdpa", sdpa), ("att.tab.kinds", kinds), ("att.tab.multihead", multihead), ("att.tab.posenc", posenc),
            ("att.tab.bert", bert), ("att.tab.heads", heads), ("att.tab.seq2seq", seq2seq),
            ("att.tab.assemble", assemble), ("att.tab.gpt", gpt), ("att.tab.pgpt", pretrained_gpt),
            ("att.tab.family", family)]

tabbed(SECTIONS)
