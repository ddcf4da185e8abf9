"""Section 2: why depth needs a non-linearity — linear layers collapse into one matrix; with ReLU
between them the same weights make |x|, which one linear layer cannot."""
from __future__ import annotations

import numpy as np
import streamlit as st

from core.basics import neuron
from core.basics.figures import lines, matrix
from pages.common.ui import chart, guard, t


def render() -> None:
    st.markdown(t("basics.depth.intro"))
    st.latex(r"(x W_1) W_2 = x (W_1 W_2) = x W \qquad\text{but}\qquad \mathrm{ReLU}(x W_1) W_2 \ne x W")
    c = st.columns(4)
    w11 = c[0].number_input("W1[1,1]", -5.0, 5.0, float(neuron.W1_DEMO[0, 0]), 0.5, key="bd_w11", bind="query-params")
    w12 = c[1].number_input("W1[1,2]", -5.0, 5.0, float(neuron.W1_DEMO[0, 1]), 0.5, key="bd_w12", bind="query-params")
    v1 = c[2].number_input("W2[1,1]", -5.0, 5.0, float(neuron.W2_DEMO[0, 0]), 0.5, key="bd_v1", bind="query-params")
    v2 = c[3].number_input("W2[2,1]", -5.0, 5.0, float(neuron.W2_DEMO[1, 0]), 0.5, key="bd_v2", bind="query-params")
    W1, W2 = np.array([[w11, w12]]), np.array([[v1], [v2]])
    with guard():
        d = neuron.depth_demo(W1, W2)
        cols = st.columns(3)
        cols[0].caption("W1 (1 × 2)")
        cols[0].dataframe(matrix(W1), width="content")
        cols[1].caption("W2 (2 × 1)")
        cols[1].dataframe(matrix(W2), width="content")
        cols[2].caption(t("basics.depth.product"))
        cols[2].dataframe(matrix(d.collapsed), width="content")
        st.markdown(t("basics.depth.collapsed", w=f"{float(d.collapsed[0, 0]):g}"))
        fig, df = lines(d.x, {t("basics.depth.linear"): d.linear, t("basics.depth.relu"): d.relu,
                              t("basics.depth.bestline"): d.best_line}, t("basics.depth.chart"), "x", "y",
                        dash=(t("basics.depth.bestline"),))
        chart(fig, key="bd_chart", data=df)
        st.metric(t("basics.depth.error"), f"{d.line_error:.4f}")
        st.caption(t("basics.depth.explain"))
