"""Section 4: the softmax output layer — the notes' (6, 4) → (0.88, 0.12), editable logits,
temperature, and the numerically stable form (subtract the max) with large logits."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.basics import information
from core.basics.numbers import MAX_VALUES, parse_numbers
from core.basics.figures import softmax_figure
from pages.common.ui import chart, checked, guard, t


def render() -> None:
    st.markdown(t("basics.sm.intro"))
    st.latex(r"y_k = \frac{\exp(a_k / T)}{\sum_{j} \exp(a_j / T)}")
    c = st.columns([3, 2])
    text = checked(c[0].text_input(t("basics.sm.logits"), "6, 4", key="bs_logits", bind="query-params", max_chars=4000,
                           help=t("basics.sm.logits.help", n=MAX_VALUES)), limit=4000)
    T = c[1].slider(t("basics.sm.temperature"), 0.1, 5.0, 1.0, 0.1, key="bs_T", bind="query-params",
                    help=t("basics.sm.temperature.help"))
    with guard():
        a = parse_numbers(text)
        p = information.softmax(a, T)
        labels = [f"y{k + 1}" for k in range(len(a))]
        df = pd.DataFrame({t("basics.sm.logit"): a, t("basics.sm.prob"): p}, index=labels)
        shown = ", ".join(f"{v:.4f}" for v in p[:10]) + (", …" if len(p) > 10 else "")
        st.markdown(t("basics.sm.result", p=shown))
        st.dataframe(df.T.style.format("{:.4f}"), width="stretch")
        st.caption(t("basics.sm.sum", s=f"{p.sum():.4f}"))
        chart(softmax_figure(labels, p, t("basics.sm.chart", T=f"{T:g}")), key="bs_bar", data=df)

    st.subheader(t("basics.sm.stable"))
    st.markdown(t("basics.sm.stable.intro"))
    st.latex(r"\frac{\exp(a_k)}{\sum_j \exp(a_j)} = \frac{\exp(a_k - \max_j a_j)}{\sum_j \exp(a_j - \max_j a_j)}")
    big = checked(st.text_input(t("basics.sm.big"), "1000, 998", key="bs_big", bind="query-params", max_chars=4000), limit=4000)
    with guard():
        a = parse_numbers(big)
        naive, stable = information.naive_softmax(a), information.softmax(a)
        fmt = lambda v: "nan" if not np.isfinite(v) else f"{v:.4f}"  # noqa: E731
        rows = pd.DataFrame({t("basics.sm.naive"): [fmt(v) for v in naive],
                             t("basics.sm.stable.col"): [fmt(v) for v in stable],
                             "a − max a": [f"{v:g}" for v in a - a.max()]}, index=[f"y{k + 1}" for k in range(len(a))])
        st.dataframe(rows.T, width="stretch")
        if not np.isfinite(naive).all():
            st.warning(t("basics.sm.overflow"), icon=":material/warning:")
