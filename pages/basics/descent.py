"""Section 6: gradient descent p′ = p − η ∂E/∂p step by step on a 1D and a 2D loss surface, the
learning rate (too small, good, diverging), and SGD vs full batch on the same data."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.basics import descent
from core.basics.figures import curves_figure, descent_1d_figure, descent_2d_figure, fit_figure
from pages.common.ui import chart, guard, t


def _eta(key: str, default: float, rng: descent.StableRange, label_key: str = "basics.gd.eta") -> float:
    """η with this surface's own stable range in the tooltip and below the field (2 / curvature)."""
    help_text = t("basics.gd.eta.help", best=f"{rng.eta_best:.3g}", top=f"{rng.eta_max:.3g}")
    eta = st.number_input(t(label_key), 0.0, descent.MAX_LR, default, format="%g", step=0.01, key=key,
                          bind="query-params", help=help_text)
    lam = "、".join(f"{c:.3g}" for c in rng.curvatures)
    st.caption(t("basics.gd.range", lam=lam, lmax=f"{rng.curvatures[0]:.3g}", top=f"{rng.eta_max:.3g}",
                 best=f"{rng.eta_best:.3g}"))
    return eta


def _verdict(run) -> None:
    v = run.verdict
    if v == "diverged":
        st.warning(t("basics.gd.diverged", eta=f"{run.eta:g}", n=len(run.path) - 1), icon=":material/trending_up:")
    elif v == "stuck":
        st.info(t("basics.gd.stuck"), icon=":material/pause:")
    elif v == "converged":
        st.success(t("basics.gd.converged", n=len(run.path) - 1))
    else:
        st.info(t("basics.gd.slow", E=f"{run.losses[-1]:.3g}"), icon=":material/hourglass_bottom:")


def render() -> None:
    st.markdown(t("basics.gd.intro"))
    st.latex(r"p' = p - \eta \frac{\partial E}{\partial p}")
    _one_d()
    _two_d()
    _batches()


def _one_d() -> None:
    st.subheader(t("basics.gd.1d"))
    st.latex(r"E(p) = (p - 2)^2,\qquad \frac{\partial E}{\partial p} = 2(p - 2)")
    c = st.columns(2)
    with c[0]:
        eta = _eta("bg_eta", 0.3, descent.stable_range("1d"))
    steps = c[1].slider(t("basics.gd.steps"), 1, 50, 15, key="bg_steps", bind="query-params")
    with guard():
        run = descent.descend("1d", eta, steps)
        _verdict(run)
        lo, hi = min(-3.0, float(run.path.min())), max(7.0, float(run.path.max()))
        ps = np.linspace(lo, hi, 200)
        fig = descent_1d_figure(ps, descent.loss("1d", ps[:, None]), run.path, run.losses, t("basics.gd.path"),
                                t("basics.gd.1d.chart", eta=f"{eta:g}"))
        table = pd.DataFrame({"p": run.path[:-1, 0], "∂E/∂p": run.grads[:, 0],
                              "p′ = p − η∂E/∂p": run.path[1:, 0], "E(p′)": run.losses[1:]},
                             index=pd.RangeIndex(1, len(run.path), name="step"))
        chart(fig, key="bg_1d", data=table)
        st.dataframe(table.head(10).style.format("{:.4g}"), width="stretch")


def _two_d() -> None:
    st.subheader(t("basics.gd.2d"))
    st.latex(r"E(p_1, p_2) = p_1^2 + 5 p_2^2,\qquad \nabla E = (2 p_1,\; 10 p_2)")
    c = st.columns(2)
    with c[0]:
        eta = _eta("bg_eta2", 0.08, descent.stable_range("2d"))
    steps = c[1].slider(t("basics.gd.steps"), 1, 50, 40, key="bg_steps2", bind="query-params")
    with guard():
        run = descent.descend("2d", eta, steps)
        _verdict(run)
        g = np.linspace(-5, 5, 101)
        P1, P2 = np.meshgrid(g, g)
        Z = descent.loss("2d", np.stack([P1, P2], axis=-1))
        shown = run.path[np.abs(run.path).max(axis=1) < 50]  # points far outside the view are not drawn
        fig = descent_2d_figure(g, Z, shown, t("basics.gd.path"), t("basics.gd.2d.chart", eta=f"{eta:g}"))
        data = pd.DataFrame(run.path, columns=["p1", "p2"]).assign(E=run.losses)
        chart(fig, key="bg_2d", data=data)


def _batches() -> None:
    st.subheader(t("basics.gd.batch"))
    st.markdown(t("basics.gd.batch.intro"))
    c = st.columns(3)
    with c[0]:
        eta = _eta("bg_eta3", 0.1, descent.line_stable_range())
    epochs = c[1].slider(t("basics.gd.epochs"), 1, 50, 20, key="bg_epochs", bind="query-params")
    B = c[2].select_slider(t("basics.gd.B"), [1, 2, 4, 8, 16, 32], 8, key="bg_B", bind="query-params")
    with guard():
        cmp = descent.compare_batches(eta, epochs, int(B))
        full, sgd = cmp.runs["full"], cmp.runs["sgd"]
        if full.diverged or sgd.diverged:
            st.warning(t("basics.gd.batch.diverged", eta=f"{eta:g}"), icon=":material/trending_up:")
        df = pd.DataFrame({t("basics.gd.full"): full.loss_per_epoch}).join(
            pd.DataFrame({t("basics.gd.sgd", B=B): sgd.loss_per_epoch}), how="outer")
        df.index.name = "epoch"
        cc = st.columns(2)
        with cc[0]:
            chart(curves_figure(df, t("basics.gd.batch.chart"), "epoch", t("basics.gd.E_all"), log_y=True), key="bg_batch",
                  data=df)
        with cc[1]:
            fits = [(name, *run.path[-1]) for run, name in ((full, t("basics.gd.full")), (sgd, t("basics.gd.sgd", B=B)))]
            chart(fit_figure(cmp.x, cmp.y, t("basics.gd.data"), fits, t("basics.gd.batch.fit")), key="bg_fit",
                  data=pd.DataFrame({"x": cmp.x, "y": cmp.y}))
        st.caption(t("basics.gd.batch.updates", full=full.updates_per_epoch * epochs, sgd=sgd.updates_per_epoch * epochs,
                     B=B))
