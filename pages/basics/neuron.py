"""Section 1: one neuron u = w1·x1 + w2·x2 + b, y = f(u); activations; the linearity check."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.basics import neuron
from core.basics.figures import activations_figure
from pages.common.ui import chart, guard, t

ACTS = ("relu", "sigmoid", "tanh", "step")


def render() -> None:
    st.markdown(t("basics.neuron.intro"))
    st.latex(r"u = w_1 x_1 + w_2 x_2 + b,\qquad y = f(u)")
    c = st.columns(5)
    x1 = c[0].slider("x1", -3.0, 3.0, 1.0, 0.1, key="bn_x1", bind="query-params")
    x2 = c[1].slider("x2", -3.0, 3.0, 0.5, 0.1, key="bn_x2", bind="query-params")
    w1 = c[2].slider("w1", -3.0, 3.0, 0.8, 0.1, key="bn_w1", bind="query-params")
    w2 = c[3].slider("w2", -3.0, 3.0, -0.6, 0.1, key="bn_w2", bind="query-params")
    b = c[4].slider(t("basics.neuron.bias"), -3.0, 3.0, 0.1, 0.1, key="bn_b", bind="query-params")
    act = st.radio(t("basics.activation"), ACTS, key="bn_act", bind="query-params", horizontal=True,
                   format_func=lambda a: t(f"basics.act.{a}"))
    with guard():
        u, y = neuron.neuron(np.array([x1, x2]), np.array([w1, w2]), b, act)
        st.latex(rf"u = {w1:g}\cdot{x1:g} + ({w2:g})\cdot{x2:g} + ({b:g}) = {u:.3f},\qquad "
                 rf"y = \mathrm{{{act}}}({u:.3f}) = {y:.3f}")
        m = st.columns(2)
        m[0].metric(t("basics.neuron.u"), f"{u:.3f}")
        m[1].metric(t("basics.neuron.y"), f"{y:.3f}")
        grid = np.linspace(-4, 4, 161)
        fig = activations_figure(grid, {a: (t(f"basics.act.{a}"), neuron.activation(a)(grid)) for a in ACTS}, act, u, y,
                                 t("basics.neuron.curves"))
        chart(fig, key="bn_curves",
              data=pd.DataFrame({"u": grid, **{a: neuron.activation(a)(grid) for a in ACTS}}).set_index("u"))

    st.subheader(t("basics.linear.title"))
    st.markdown(t("basics.linear.intro"))
    c = st.columns(2)
    a = c[0].number_input("a", -10.0, 10.0, -1.0, 1.0, key="bn_la", bind="query-params")
    bb = c[1].number_input("b", -10.0, 10.0, 1.0, 1.0, key="bn_lb", bind="query-params")
    rows = []
    for name in ACTS + ("identity",):
        r = neuron.linearity_check(a, bb, name)
        rows.append({t("basics.activation"): t(f"basics.act.{name}"), "f(a+b)": r["f(a+b)"],
                     "f(a)+f(b)": r["f(a)+f(b)"], t("basics.linear.same"): "✓" if r["linear_here"] else "✗"})
    st.dataframe(pd.DataFrame(rows).style.format({"f(a+b)": "{:.3f}", "f(a)+f(b)": "{:.3f}"}), hide_index=True)
    relu = neuron.linearity_check(a, bb, "relu")
    st.info(t("basics.linear.relu", a=f"{a:g}", b=f"{bb:g}", whole=f"{relu['f(a+b)']:g}",
              parts=f"{relu['f(a)+f(b)']:g}"), icon=":material/functions:")
