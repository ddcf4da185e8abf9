"""Section 「BERT · GPT · ELMo · T5」: which mask, objective and direction each model family uses,
and which mini model of this app embodies it (issue #13, item 6; ELMo as in BERT's figure 1 and
T5's multi-task tab: issue 27, items 8–9). Static text from core/i18n."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from pages.common.ui import t

MODELS = ("bert", "gpt", "elmo", "t5")
LINKS = {"elmo": ("pages/lstm/page.py", "lstm.tab.gates"), "t5": ("pages/seq2seq/page.py", "s2s.tab.multitask")}
ROWS = ("arch", "mask", "objective", "direction", "here")


def render() -> None:
    st.markdown(t("tf.fam.intro"))
    table = pd.DataFrame({t(f"tf.fam.{m}"): [t(f"tf.fam.{m}.{r}") for r in ROWS] for m in MODELS},
                         index=[t(f"tf.fam.row.{r}") for r in ROWS])
    st.table(table)  # plain text cells, never HTML
    st.caption(t("tf.fam.elmo.figure"))
    cols = st.columns(len(MODELS))
    for col, m in zip(cols, MODELS):
        with col.container(border=True):
            st.markdown(f"**{t(f'tf.fam.{m}')}**")
            st.caption(t(f"tf.fam.{m}.example"))
            if m in LINKS:
                page, tab = LINKS[m]
                st.page_link(page, label=t(f"tf.fam.{m}.link"), query_params={"tab": t(tab)})
