"""Section 「BERT · GPT · T5」: which mask, objective and direction each model family uses, and
which mini model of this app embodies it (issue #13, item 6). Static text from core/i18n."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from pages.common.ui import t

MODELS = ("bert", "gpt", "t5")
ROWS = ("arch", "mask", "objective", "direction", "here")


def render() -> None:
    st.markdown(t("tf.fam.intro"))
    table = pd.DataFrame({t(f"tf.fam.{m}"): [t(f"tf.fam.{m}.{r}") for r in ROWS] for m in MODELS},
                         index=[t(f"tf.fam.row.{r}") for r in ROWS])
    st.table(table)  # plain text cells, never HTML
    cols = st.columns(3)
    for col, m in zip(cols, MODELS):
        with col.container(border=True):
            st.markdown(f"**{t(f'tf.fam.{m}')}**")
            st.caption(t(f"tf.fam.{m}.example"))
