"""Section 7: backpropagation (chain rule) on y = σ(w·x + b), E = cross entropy — forward values and
backward gradients written on the graph, checked against PyTorch autograd; the model(inputs) idiom."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core.basics import backprop
from core.basics.figures import curves_figure, graph_figure
from pages.common.ui import chart, guard, lang, t

TOL = 1e-6


def render() -> None:
    st.markdown(t("basics.bp.intro"))
    st.latex(r"u = wx + b,\quad y = \sigma(u),\quad E = -[t\log y + (1-t)\log(1-y)]")
    st.latex(r"\frac{\partial E}{\partial w} = \frac{\partial E}{\partial y}\cdot\frac{\partial y}{\partial u}"
             r"\cdot\frac{\partial u}{\partial w} = \left(-\frac{t}{y} + \frac{1-t}{1-y}\right) y(1-y)\, x = (y - t)\,x")
    c = st.columns(4)
    lim = backprop.LIMIT
    x = c[0].slider("x", -lim, lim, backprop.DEFAULTS["x"], 0.1, key="bb_x", bind="query-params")
    w = c[1].slider("w", -lim, lim, backprop.DEFAULTS["w"], 0.1, key="bb_w", bind="query-params")
    b = c[2].slider("b", -lim, lim, backprop.DEFAULTS["b"], 0.1, key="bb_b", bind="query-params")
    target = c[3].radio(t("basics.bp.t"), [1, 0], key="bb_t", bind="query-params", horizontal=True)
    with guard():
        g = backprop.forward_backward(x, w, b, float(target))
        chart(graph_figure(g, t("basics.bp.graph")), key="bb_graph",
              data=pd.DataFrame({"forward": pd.Series(g.forward), "gradient": pd.Series(g.manual)}))
        rows = pd.DataFrame({t("basics.bp.manual"): pd.Series(g.manual),
                             t("basics.bp.autograd"): pd.Series(g.autograd)})
        rows[t("basics.bp.diff")] = (rows.iloc[:, 0] - rows.iloc[:, 1]).abs()
        st.dataframe(rows.style.format("{:.10f}"), width="stretch")
        if g.max_abs_diff < TOL:
            st.success(t("basics.bp.match", d=f"{g.max_abs_diff:.1e}"))
        else:  # a real disagreement would be a bug; say so rather than hide it
            st.error(t("basics.bp.mismatch", d=f"{g.max_abs_diff:.1e}"))

        st.subheader(t("basics.bp.idiom"))
        st.markdown(t("basics.bp.idiom.intro"))
        st.code(backprop.MODEL_IDIOM_EN if lang() == "en" else backprop.MODEL_IDIOM, language="python")
        r = backprop.run_model_idiom(x, w, b, float(target))
        cc = st.columns(5)
        cc[0].metric("outputs", f"{r['outputs']:.4f}")
        cc[1].metric("loss", f"{r['loss']:.4f}")
        cc[2].metric(t("basics.bp.calls"), r["forward_calls"])
        cc[3].metric(t("basics.bp.step", p="w"), f"{r['w_new']:.4f}")
        cc[4].metric(t("basics.bp.step", p="b"), f"{r['b_new']:.4f}")
        st.caption(t("basics.bp.idiom.grads", gw=f"{r['grads']['∂E/∂w']:.4f}", gb=f"{r['grads']['∂E/∂b']:.4f}"))

    _deep_chain()


def _deep_chain() -> None:
    """ReLU′ = 1 vs σ′ ≤ 0.25: the local derivative of each activation along a deep chain and the
    product that reaches the first layer."""
    st.subheader(t("basics.bp.deep"))
    st.markdown(t("basics.bp.deep.intro"))
    st.latex(r"\sigma'(u) = \sigma(u)(1 - \sigma(u)) \le 0.25,\qquad \mathrm{ReLU}'(u) = 1\ (u > 0),\qquad"
             r"\frac{\partial y_L}{\partial y_0} = \prod_{l=1}^{L} w\, f'(u_l)")
    L = st.slider(t("basics.bp.deep.L"), 1, backprop.MAX_DEPTH, 10, key="bb_L", bind="query-params")
    with guard():
        chain = backprop.deep_chain(L)
        names = {"sigmoid": t("basics.act.sigmoid"), "tanh": t("basics.act.tanh"), "relu": t("basics.act.relu")}
        m = st.columns(3)
        for col, (k, name) in zip(m, names.items()):
            col.metric(t("basics.bp.deep.reach", act=name), f"{chain[k]['reach'][0]:.3g}")
        local = pd.DataFrame({f"{names[k]} f′(u_l)": chain[k]["local"] for k in names},
                             index=pd.RangeIndex(1, L + 1, name="l"))
        st.dataframe(local.head(12).T.style.format("{:.4f}"), width="stretch")
        reach = pd.DataFrame({names[k]: chain[k]["reach"] for k in names}, index=pd.RangeIndex(1, L + 1, name="l"))
        chart(curves_figure(reach, t("basics.bp.deep.chart"), t("basics.bp.deep.layer"), "∂y_L/∂y_(l−1)", log_y=True),
              key="bb_deep", data=reach)
        st.caption(t("basics.bp.deep.why", L=L, q=f"{0.25 ** L:.3g}"))
