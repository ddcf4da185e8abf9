"""Tab: where the output comes from — sequence classification (h_N) vs per-step labelling
(every h_t); and filling a blank in a sentence, forward-only vs bidirectional (char level)."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from core.rnn import CELL_LABELS, CELL_TYPES, blank, seqtasks
from core.rnn.figures import steps_figure, topk_figure
from pages.common.longrun import LiveRun
from pages.common.ui import chart, checked, guard, t
from pages.lstm import controls

SEQ_KEY = "lstm_seq_runs"
BLANK_KEY = "lstm_blank_runs"


def _settings(prefix: str, defaults) -> tuple[str, int]:
    c1, c2 = st.columns([2, 1])
    cell = c1.radio(t("lstm.cell"), CELL_TYPES, index=CELL_TYPES.index(defaults.cell), format_func=CELL_LABELS.get,
                    horizontal=True, key=f"{prefix}_cell", bind="query-params")
    epochs = c2.number_input(t("lstm.epochs"), 0, 100, defaults.epochs, key=f"{prefix}_epochs", bind="query-params")
    return cell, int(epochs)


def render() -> None:
    _classify_vs_label()
    st.divider()
    _blank()


def _classify_vs_label() -> None:
    st.subheader(t("lstm.seq.title"))
    st.markdown(t("lstm.seq.intro"))
    st.latex(r"\text{classification: } P(y=1)=\sigma(w^{\top}h_N+b)\qquad"
             r"\text{labelling: } P(y_t=1)=\sigma(w^{\top}h_t+b),\ t=1\dots N")
    cell, epochs = _settings("lstm_seq", seqtasks.SEQ_DEFAULTS)
    live = LiveRun("lstm_seq", total=max(1, 2 * epochs), chart_metrics=("classify_loss", "label_loss"))
    if live.start_button(t("lstm.seq.train")):
        with guard():
            cfg = replace(seqtasks.SEQ_DEFAULTS, cell=cell, epochs=epochs).validated()
            runs: dict = {}
            st.session_state[SEQ_KEY] = runs
            with live:
                seqtasks.compare_outputs(cfg, runs=runs, on_progress=live.on_progress, should_stop=live.should_stop)
    runs = st.session_state.get(SEQ_KEY)
    controls.finish_interrupted("lstm_seq", *(runs or {}).values())
    if not runs or len(runs) < 2 or not all(r.history for r in runs.values()):
        st.info(t("lstm.no_model"))
        return
    with guard():
        m = st.columns(2)
        m[0].metric(t("lstm.seq.acc.classify"), f"{runs['classify'].accuracy():.1%}")
        m[1].metric(t("lstm.seq.acc.label"), f"{runs['label'].accuracy():.1%}")
        i = st.number_input(t("lstm.seq.example"), 0, seqtasks.N_VAL - 1, 0, key="lstm_seq_ex", bind="query-params")
        ex = seqtasks.example(runs, int(i))
        labels = {k: t(f"lstm.seq.lab.{k}") for k in ("x", "y_steps", "p_steps", "p_class")}
        fig, df = steps_figure(ex, labels, t("lstm.seq.fig"))
        chart(fig, key="lstm_seq_fig", data=df)
        st.caption(t("lstm.seq.note", p=ex["p_class"], y=int(ex["y_class"])))


def _blank() -> None:
    st.subheader(t("lstm.blank.title"))
    st.markdown(t("lstm.blank.intro", r=blank.R))
    cell, epochs = _settings("lstm_blank", blank.BLANK_DEFAULTS)
    live = LiveRun("lstm_blank", total=max(1, 2 * epochs), chart_metrics=("uni_loss", "bi_loss"))
    if live.start_button(t("lstm.blank.train")):
        with guard():
            cfg = replace(blank.BLANK_DEFAULTS, cell=cell, epochs=epochs).validated()
            runs: dict = {}
            st.session_state[BLANK_KEY] = runs
            with live:
                blank.compare_blank(cfg, runs=runs, on_progress=live.on_progress, should_stop=live.should_stop)
    runs = st.session_state.get(BLANK_KEY)
    controls.finish_interrupted("lstm_blank", *(runs or {}).values())
    if not runs or len(runs) < 2 or not all(r.history for r in runs.values()):
        st.info(t("lstm.no_model"))
        return
    m = st.columns(2)
    m[0].metric(t("lstm.blank.acc.uni"), f"{runs['uni'].accuracy():.1%}")
    m[1].metric(t("lstm.blank.acc.bi"), f"{runs['bi'].accuracy():.1%}")
    text = checked(st.text_input(t("lstm.blank.text"), f"猫が庭で鳴{blank.BLANK}ている。", key="lstm_blank_text",
                         bind="query-params", max_chars=100, help=t("lstm.blank.text.help", blank=blank.BLANK)), limit=100)
    with guard():
        cols = st.columns(2)
        for col, name in zip(cols, blank.DIRECTIONS):
            with col:
                fig, df = topk_figure(runs[name].fill(text), t(f"lstm.blank.fig.{name}"))
                chart(fig, key=f"lstm_blank_{name}", data=df)
        st.caption(t("lstm.blank.note"))
