"""Tab 4: inside the cell — gates and states over time; the bidirectional RNN's two directions."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from core.lstm import CELL_LABELS, CELL_TYPES
from core.lstm.bidir import BIDIR_DEFAULTS, DenoiseRun, compare_directions
from core.lstm.data import make_series, make_windows
from core.lstm.probes import trace_gates
from core.lstm.train import ForecastRun, RNNConfig
from core.lstm.figures import (bidir_figure, denoise_figure, encdec_figure, gates_figure, loss_figure,
                               lstm_unit_figure, unroll_figure)
from pages.common import training
from pages.common.longrun import LiveRun
from pages.common.ui import chart, guard, t
from pages.lstm.peephole import peephole_equations, peephole_key, peephole_toggle, peephole_values
from pages.lstm.labels import curve_labels, gate_labels

QUICK_KEY = "lstm_gates_runs"
BI_KEY = "lstm_bi_runs"
QUICK = RNNConfig(hidden=16, epochs=15)
EQUATIONS = {
    "rnn": r"h_t=\tanh(W_h h_{t-1}+W_x x_t+b)",
    "lstm": r"\begin{aligned}i_t&=\sigma(W_i[h_{t-1},x_t]+b_i),\; f_t=\sigma(W_f[h_{t-1},x_t]+b_f),\;"
            r"o_t=\sigma(W_o[h_{t-1},x_t]+b_o)\\ \tilde c_t&=\tanh(W_c[h_{t-1},x_t]+b_c),\;"
            r"c_t=f_t\odot c_{t-1}+i_t\odot\tilde c_t,\; h_t=o_t\odot\tanh(c_t)\end{aligned}",
    "gru": r"\begin{aligned}r_t&=\sigma(W_r[h_{t-1},x_t]+b_r),\; z_t=\sigma(W_z[h_{t-1},x_t]+b_z)\\"
           r"\tilde h_t&=\tanh(W_{xh}x_t+r_t\odot(W_{hh}h_{t-1})+b),\; h_t=(1-z_t)\odot\tilde h_t+z_t\odot h_{t-1}"
           r"\end{aligned}",
}


def trained_run(cell: str, peephole: bool = False):
    """The most recent model of this cell type the session trained, with where it came from."""
    quick = st.session_state.get(QUICK_KEY, {}).get(peephole_key(cell, peephole))
    if quick is not None and quick.history and quick.status != "diverged":
        return quick, t("lstm.tab.gates")
    if peephole:  # only this tab trains the peephole variant
        return None, None
    fc = st.session_state.get("lstm_fc_run")
    if fc is not None and fc.cfg.cell == cell and fc.history and fc.status != "diverged":
        return fc, t("lstm.tab.forecast")
    cmp = st.session_state.get("lstm_cmp_runs", {}).get(cell)
    if cmp is not None and cmp.history and cmp.status != "diverged":
        return cmp, t("lstm.tab.compare")
    return None, None


def render() -> None:
    st.markdown(t("lstm.gates.intro"))
    c1, c2 = st.columns([2, 1])
    cell = c1.radio(t("lstm.cell"), CELL_TYPES, index=1, format_func=CELL_LABELS.get, horizontal=True,
                    key="lstm_gates_cell", bind="query-params")
    T = c2.slider(t("lstm.gates.steps"), 10, 150, 60, key="lstm_gates_T", bind="query-params")
    peephole = peephole_toggle(cell)
    if peephole:
        peephole_equations()
    else:
        st.latex(EQUATIONS[cell])
    with guard():
        live = LiveRun("lstm_gates", total=QUICK.epochs)
        if live.start_button(t("lstm.gates.quick", cell=CELL_LABELS[cell], epochs=QUICK.epochs)):
            quick = ForecastRun(make_windows(make_series("sine"), 20), replace(QUICK, cell=cell, peephole=peephole))
            st.session_state.setdefault(QUICK_KEY, {})[peephole_key(cell, peephole)] = quick
            with live:
                quick.fit(live.on_progress, live.should_stop)
        training.finish_interrupted("lstm_gates", *st.session_state.get(QUICK_KEY, {}).values())
        run, source = trained_run(cell, peephole)
        if run is None:
            st.info(t("lstm.gates.untrained", cell=CELL_LABELS[cell]))
            run = ForecastRun(make_windows(make_series("sine"), 20), replace(QUICK, cell=cell, peephole=peephole))
        else:
            st.caption(t("lstm.gates.trained", cell=CELL_LABELS[cell], source=source, epochs=run.epochs_done))
        x = run.data.z[:T]
        trace = trace_gates(run.model.rnn, x)[0]
        fig, df = gates_figure(trace, x, gate_labels(cell), t("lstm.gates.input"),
                               t("lstm.gates.fig", cell=CELL_LABELS[cell]), cell=cell)
        chart(fig, key="lstm_gates_fig", data=df)
        if peephole:
            peephole_values(run.model.rnn)
        _architecture(cell, trace, x)
    st.divider()
    _bidirectional(cell)


def _architecture(cell: str, trace: dict, x) -> None:
    """The notes' figures drawn from the model above: the RNN loop and its unrolling in time, and
    (LSTM) the unit with its gates and memory cell, with the current values on hover."""
    st.subheader(t("lstm.arch.title"))
    st.caption(t("lstm.arch.intro"))
    T = trace["h"].shape[1]
    step = st.slider(t("lstm.arch.t"), 4, T, min(10, T), key="lstm_arch_t")
    fig, df = unroll_figure(trace, x, cell, step, title=t("lstm.arch.unroll", t=step))
    chart(fig, key="lstm_arch_unroll", data=df)
    if cell == "lstm":
        fig, df = lstm_unit_figure(trace, step, title=t("lstm.arch.unit", t=step))
        chart(fig, key="lstm_arch_unit", data=df)
        st.caption(t("lstm.arch.unit.note", f=f"{trace['f'][:, step - 1].mean():.3f}",
                     i=f"{trace['i'][:, step - 1].mean():.3f}", o=f"{trace['o'][:, step - 1].mean():.3f}"))
    _encoder_decoder()


S2S_COMPARE_KEY = "s2s_compare"  # the /seq2seq 注意あり・なし tab's trained pair (pages/seq2seq/compare.py)


def _encoder_decoder() -> None:
    """The encoder–decoder without and with attention, drawn from the pair the student trained on
    /seq2seq (注意あり・なしの比較) on one input: only h_S reaches the decoder vs a_t(s) to every h_s."""
    from core.seq2seq.decode import translate

    st.markdown(f"**{t('lstm.arch.encdec')}**")
    pair = st.session_state.get(S2S_COMPARE_KEY) or {}
    models = {k: getattr(pair.get(k), "model", None) for k in ("without", "with")}
    if not all(models.values()):
        st.info(t("lstm.arch.encdec.none"), icon=":material/translate:")
        st.page_link("pages/seq2seq/page.py", label=t("s2s.tab.compare"), query_params={"tab": t("s2s.tab.compare")})
        return
    val = getattr(pair["with"], "val_pairs", None)
    example = val.raw[0][0] if val is not None and len(val) else ""
    text = st.text_input(t("lstm.arch.encdec.input"), example, key="lstm_arch_src", max_chars=60)
    with guard():
        cols = st.columns(2)
        for col, key in zip(cols, ("without", "with")):
            out = translate(models[key], text)
            with col:
                fig, df = encdec_figure(out.src_tokens, out.out_tokens, out.attention if key == "with" else None,
                                        t(f"lstm.arch.encdec.{key}", out=out.output))
                chart(fig, key=f"lstm_arch_encdec_{key}", data=df)


def _bidirectional(cell: str) -> None:
    st.subheader(t("lstm.bi.title"))
    st.markdown(t("lstm.bi.intro"))
    st.latex(r"\overrightarrow{h}_t=f(\overrightarrow{h}_{t-1},x_t),\quad "
             r"\overleftarrow{h}_t=f(\overleftarrow{h}_{t+1},x_t),\quad "
             r"y_t=W_{out}[\overrightarrow{h}_t;\overleftarrow{h}_t]+b")
    cfg = replace(BIDIR_DEFAULTS, cell=cell)
    live = LiveRun("lstm_bi", total=2 * cfg.epochs, chart_metrics=("uni_val_loss", "bi_val_loss"))
    with guard():
        if live.start_button(t("lstm.bi.train", cell=CELL_LABELS[cell])):
            runs: dict = {}
            st.session_state[BI_KEY] = runs
            with live:
                compare_directions(cfg, runs=runs, on_progress=live.on_progress, should_stop=live.should_stop)
        runs = st.session_state.get(BI_KEY) or {}
        training.finish_interrupted("lstm_bi", *runs.values())
        bi = runs.get("bi")
        if bi is None or not bi.history:
            st.info(t("lstm.bi.untrained"))
            bi = DenoiseRun(cfg, True)
        x = bi.example()["x"]
        tr = trace_gates(bi.model.rnn, x)
        fwd = next(d["h"] for d in tr if d["direction"] == "forward")
        bwd = next(d["h"] for d in tr if d["direction"] == "backward")
        labels = {"fwd": t("lstm.bi.fwd"), "bwd": t("lstm.bi.bwd")}
        fig, df = bidir_figure(fwd, bwd, labels, f"{t('lstm.bi.fig')} ({CELL_LABELS[bi.cfg.cell]})")
        chart(fig, key="lstm_bi_fig", data=df)
        done = {k: r for k, r in runs.items() if r.history}
        if len(done) == 2:
            st.markdown(t("lstm.bi.result", uni=done["uni"].val_mse(), bi=done["bi"].val_mse()))
            lab = {"noisy": t("lstm.bi.noisy"), "clean": t("lstm.bi.clean"), "uni": t("lstm.bi.uni"),
                   "bi": t("lstm.bi.bi")}
            fig, df = denoise_figure({k: r.example() for k, r in done.items()}, lab, t("lstm.bi.fig.denoise"))
            chart(fig, key="lstm_bi_denoise", data=df)
            fig, df = loss_figure({k: r.history for k, r in done.items()}, curve_labels(), t("lstm.fig.loss"))
            chart(fig, key="lstm_bi_loss", data=df)
