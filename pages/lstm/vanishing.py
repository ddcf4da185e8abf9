"""Gradients tab, part 2: why gradients vanish — σ′ ≤ 0.25, tanh′ ≤ 1, and the product of T
derivatives (core.lstm.vanishing), beside the gradient-norm lab."""
from __future__ import annotations

import streamlit as st

from core.lstm import vanishing
from core.lstm.figures import derivative_figure, product_figure
from pages.common.ui import chart, guard, t


def _labels() -> dict:
    return {k: t(f"lstm.why.{k}") for k in ("sigmoid", "tanh", "sigmoid_bound", "tanh_bound")}


def _verdict(name: str, value: float) -> str:
    kind = "vanish" if abs(value) < 1e-2 else ("explode" if abs(value) > 1e2 else "keep")
    return t(f"lstm.why.verdict.{kind}", name=name, value=value)


def render(T: int) -> None:
    st.subheader(t("lstm.why.title"))
    st.markdown(t("lstm.why.intro"))
    st.caption(t("lstm.history"))
    st.latex(r"\sigma'(a)=\sigma(a)\,(1-\sigma(a))\le 0.25,\qquad \tanh'(a)=1-\tanh^2(a)\le 1,\qquad"
             r"\Bigl|\prod_{i=1}^{T} w\,f'(a_i)\Bigr|\le\bigl(|w|\max f'\bigr)^{T}")
    labels = _labels()
    left, right = st.columns(2)
    with left:
        fig, df = derivative_figure(vanishing.derivative_curves(), labels, t("lstm.why.curves"))
        chart(fig, key="lstm_why_curves", data=df)
        m1, m2 = st.columns(2)
        m1.metric(t("lstm.why.max_sigmoid"), f"{vanishing.SIGMOID_MAX:g}")
        m2.metric(t("lstm.why.max_tanh"), f"{vanishing.TANH_MAX:g}")
    with right:
        c1, c2 = st.columns(2)
        w = c1.slider(t("lstm.why.w"), 0.5, 6.0, 1.0, step=0.25, key="lstm_why_w", bind="query-params")
        spread = c2.slider(t("lstm.why.spread"), 0.0, 3.0, 0.0, step=0.25, key="lstm_why_spread",
                           bind="query-params")
        with guard():
            prods = vanishing.derivative_products(T, w=w, spread=spread)
            fig, df = product_figure(prods, labels, t("lstm.why.product"))
            chart(fig, key="lstm_why_product", data=df)
            st.caption(t("lstm.why.after", T=T) + " — " + " / ".join(
                _verdict(n, float(prods[k][-1])) for n, k in (("σ′", "sigmoid"), ("tanh′", "tanh"))))
