"""Section 3: a fully connected layer is a matrix product — 1×3 · 3×2 → 1×2 in symbols and numbers,
the shape rule with PyTorch's own error, and a mini-batch as 3×3 · 3×2 with the same weights."""
from __future__ import annotations

import streamlit as st

from core.basics import neuron
from core.basics.figures import matrix
from pages.common.ui import guard, t

XS, WS, YS = ["x1", "x2", "x3"], ["y1", "y2"], ["1"]


def render() -> None:
    st.markdown(t("basics.mm.intro"))
    st.latex(r"\begin{pmatrix} x_1 & x_2 & x_3 \end{pmatrix}"
             r"\begin{pmatrix} w_{11} & w_{12} \\ w_{21} & w_{22} \\ w_{31} & w_{32} \end{pmatrix}"
             r"= \begin{pmatrix} x_1 w_{11} + x_2 w_{21} + x_3 w_{31} & x_1 w_{12} + x_2 w_{22} + x_3 w_{32}"
             r"\end{pmatrix}")
    st.caption(t("basics.mm.symbols", y1=neuron.symbolic_product()[0], y2=neuron.symbolic_product()[1]))

    st.subheader(t("basics.mm.numbers"))
    x, W = neuron.X_DEMO, neuron.W_DEMO
    c = st.columns([3, 2, 2])
    c[0].caption("x (1 × 3)")
    c[0].dataframe(matrix(x, ["x"], XS), width="content")
    c[1].caption("W (3 × 2)")
    c[1].dataframe(matrix(W, XS, WS), width="content")
    c[2].caption("y = xW (1 × 2)")
    c[2].dataframe(matrix(x @ W, ["y"], WS), width="content")
    st.latex(rf"y_1 = 1\cdot0.1 + 2\cdot0.3 + 3\cdot0.5 = {float((x @ W)[0, 0]):.1f},\quad "
             rf"y_2 = 1\cdot0.2 + 2\cdot0.4 + 3\cdot0.6 = {float((x @ W)[0, 1]):.1f}")

    st.subheader(t("basics.mm.rule"))
    st.markdown(t("basics.mm.rule.intro"))
    c = st.columns(4)
    ar = c[0].number_input(t("basics.mm.left_rows"), 1, 8, 1, key="bm_ar", bind="query-params")
    ac = c[1].number_input(t("basics.mm.left_cols"), 1, 8, 3, key="bm_ac", bind="query-params")
    br = c[2].number_input(t("basics.mm.right_rows"), 1, 8, 2, key="bm_br", bind="query-params")
    bc = c[3].number_input(t("basics.mm.right_cols"), 1, 8, 3, key="bm_bc", bind="query-params")
    with guard():
        shape, error = neuron.matmul_or_error((int(ar), int(ac)), (int(br), int(bc)))
        if error:
            st.warning(t("basics.mm.fails", a=f"{ar} × {ac}", b=f"{br} × {bc}"), icon=":material/block:")
            st.code(f">>> torch.zeros({ar}, {ac}) @ torch.zeros({br}, {bc})\nRuntimeError: {error}", language="text")
        else:
            st.success(t("basics.mm.ok", a=f"{ar} × {ac}", b=f"{br} × {bc}", c=f"{shape[0]} × {shape[1]}"))

    st.subheader(t("basics.mm.batch"))
    st.markdown(t("basics.mm.batch.intro"))
    X = neuron.BATCH_DEMO
    c = st.columns([3, 2, 2])
    c[0].caption(t("basics.mm.batch.X"))
    c[0].dataframe(matrix(X, ["1", "2", "3"], XS), width="content")
    c[1].caption("W (3 × 2)")
    c[1].dataframe(matrix(W, XS, WS), width="content")
    c[2].caption("Y = XW (3 × 2)")
    c[2].dataframe(matrix(X @ W, ["1", "2", "3"], WS), width="content")
    st.caption(t("basics.mm.batch.same"))
