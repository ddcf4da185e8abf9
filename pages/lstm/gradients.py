"""Tab 5: vanishing / exploding gradient lab — ‖∂L_T/∂h_k‖ against k, W_h scale, clipping."""
from __future__ import annotations

import streamlit as st

from core.lstm import CELL_LABELS
from core.lstm.probes import DEFAULT_GATE_BIAS, DEFAULT_STEPS, compare_gradients
from core.lstm.figures import gradnorm_figure
from pages.common.ui import chart, guard, t
from pages.lstm import vanishing


def render() -> None:
    st.markdown(t("lstm.grad.intro"))
    st.latex(r"\frac{\partial L_T}{\partial h_k}=\frac{\partial L_T}{\partial h_T}\prod_{i=k+1}^{T}"
             r"\frac{\partial h_i}{\partial h_{i-1}},\qquad"
             r"\frac{\partial h_i}{\partial h_{i-1}}=\mathrm{diag}(1-h_i^2)\,W_h\quad(\text{RNN}),\qquad"
             r"\frac{\partial c_i}{\partial c_{i-1}}=\mathrm{diag}(f_i)\quad(\text{LSTM})")
    c1, c2, c3 = st.columns(3)
    T = c1.slider(t("lstm.grad.steps"), 5, 200, DEFAULT_STEPS, key="lstm_grad_T", bind="query-params")
    scale = c2.slider(t("lstm.grad.scale"), 0.25, 5.0, 1.0, step=0.25, key="lstm_grad_scale", bind="query-params",
                      help=t("lstm.grad.scale.help"))
    bias = c3.slider(t("lstm.grad.bias"), -2.0, 4.0, DEFAULT_GATE_BIAS, step=0.5, key="lstm_grad_bias",
                     bind="query-params", help=t("lstm.grad.bias.help"))
    d1, d2, d3 = st.columns(3)
    clip_on = d1.toggle(t("lstm.grad.clip"), value=False, key="lstm_grad_clip", bind="query-params")
    V = d2.number_input(t("lstm.grad.V"), 0.01, 100.0, 1.0, step=0.5, key="lstm_grad_V", bind="query-params",
                        disabled=not clip_on)
    seed = d3.number_input(t("lstm.seed"), 0, 9999, 0, key="lstm_grad_seed", bind="query-params")
    with guard():
        results = compare_gradients(T, scale=scale, gate_bias=bias, clip=V if clip_on else None, seed=int(seed))
        labels = {**CELL_LABELS, "k": t("lstm.grad.k"), "clipped": t("lstm.grad.clipped")}
        fig, df = gradnorm_figure(results, labels, t("lstm.grad.fig"), clip_on=clip_on)
        chart(fig, key="lstm_grad_fig", data=df)
        st.markdown(t("lstm.grad.summary", **{c: g.decay() for c, g in results.items()}))
        st.markdown(f"**{t('lstm.grad.clip_title')}**")
        st.latex(r"\text{if } \|g\| > V:\quad g \leftarrow g\cdot\frac{V}{\|g\|}")
        if not clip_on:
            st.caption(t("lstm.grad.clip_off"))
        else:
            for cell, g in results.items():
                name = CELL_LABELS[cell]
                if g.grad_norm > V:
                    st.latex(rf"\text{{{name}}}:\ \|g\| = {g.grad_norm:.4g} > V = {V:g}\ \Rightarrow\ "
                             rf"g \leftarrow g\cdot\frac{{{V:g}}}{{{g.grad_norm:.4g}}}\ "
                             rf"(\times {g.factor:.3g}),\quad \|g\| = {g.clipped_norm:.4g}")
                else:
                    st.caption(t("lstm.grad.clip_none", cell=name, norm=g.grad_norm, V=V))
        st.caption(t("lstm.grad.explain"))
    vanishing.render(T)
    _bptt()


def _bptt() -> None:
    """L = Σ_t L(t) and the t × k triangle of ∂L_t/∂W_h terms from the trained RNN and LSTM."""
    from dataclasses import replace

    from core.lstm.data import make_series, make_windows
    from core.lstm.figures import bptt_figure
    from core.lstm.probes import MAX_BPTT_STEPS, bptt_map
    from core.lstm.train import ForecastRun
    from pages.common.longrun import LiveRun
    from pages.common import training
    from pages.lstm import gates

    st.subheader(t("lstm.bptt.title"))
    st.latex(r"L=\sum_t L(t),\qquad \frac{\partial L}{\partial W}=\sum_t\sum_{k\le t}"
             r"\frac{\partial L_t}{\partial h_t}\Bigl(\prod_{i=k+1}^{t}\frac{\partial h_i}{\partial h_{i-1}}\Bigr)"
             r"\frac{\partial h_k}{\partial W}")
    st.markdown(t("lstm.bptt.intro"))
    T = st.slider(t("lstm.bptt.steps"), 10, MAX_BPTT_STEPS, 30, key="lstm_bptt_T")
    live = LiveRun("lstm_bptt", total=2 * gates.QUICK.epochs)
    with guard():
        if live.start_button(t("lstm.bptt.train")):
            runs = st.session_state.setdefault(gates.QUICK_KEY, {})
            with live:
                for i, cell in enumerate(("rnn", "lstm")):
                    run = ForecastRun(make_windows(make_series("sine"), 20), replace(gates.QUICK, cell=cell))
                    runs[cell] = run
                    offset = i * gates.QUICK.epochs
                    run.fit(lambda s, n, m=None, o=offset: live.on_progress(o + s, 2 * gates.QUICK.epochs, m),
                            live.should_stop)
        training.finish_interrupted("lstm_bptt", *st.session_state.get(gates.QUICK_KEY, {}).values())
        cols, maps = st.columns(2), {}
        for col, cell in zip(cols, ("rnn", "lstm")):
            run, _ = gates.trained_run(cell)
            with col:
                if run is None:
                    st.info(t("lstm.bptt.untrained", cell=CELL_LABELS[cell]))
                    run = ForecastRun(make_windows(make_series("sine"), 20), replace(gates.QUICK, cell=cell))
                m = maps[cell] = bptt_map(run.model, run.data.z, T)
                fig, df = bptt_figure(m.C, t("lstm.bptt.fig", cell=CELL_LABELS[cell]))
                chart(fig, key=f"lstm_bptt_{cell}", data=df)
                st.metric(t("lstm.bptt.reach", cell=CELL_LABELS[cell]), f"{m.reach(10):.3g}")
        st.caption(t("lstm.bptt.check", rnn=f"{maps['rnn'].max_diff:.1e}", lstm=f"{maps['lstm'].max_diff:.1e}"))
