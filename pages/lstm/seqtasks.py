"""Tab: where the output comes from — sequence classification (h_N) vs per-step labelling
(every h_t); and filling a blank in a sentence, forward-only vs bidirectional (char level)."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from core.lstm import CELL_LABELS, CELL_TYPES, blank, seqtasks
from core.lstm.figures import steps_figure, topk_figure
from pages.common import training
from pages.common.longrun import LiveRun
from pages.common.ui import chart, checked, guard, t

SEQ_KEY = "lstm_seq_runs"
BLANK_KEY = "lstm_blank_runs"


def _trained_pair(prefix: str, key: str, defaults, compare, label: str, names: tuple[str, str]) -> dict | None:
    """Cell and epochs, the train button for ``compare`` (two runs one after the other, kept in
    st.session_state[key] as they start) and, once both have trained, the two runs."""
    c1, c2 = st.columns([2, 1])
    cell = c1.radio(t("lstm.cell"), CELL_TYPES, index=CELL_TYPES.index(defaults.cell), format_func=CELL_LABELS.get,
                    horizontal=True, key=f"{prefix}_cell", bind="query-params")
    epochs = int(c2.number_input(t("lstm.epochs"), 0, 100, defaults.epochs, key=f"{prefix}_epochs",
                                 bind="query-params"))
    live = LiveRun(prefix, total=max(1, 2 * epochs), chart_metrics=tuple(f"{n}_loss" for n in names))
    if live.start_button(label):
        with guard():
            cfg = replace(defaults, cell=cell, epochs=epochs).validated()
            runs: dict = {}
            st.session_state[key] = runs
            with live:
                compare(cfg, runs=runs, on_progress=live.on_progress, should_stop=live.should_stop)
    runs = st.session_state.get(key)
    training.finish_interrupted(prefix, *(runs or {}).values())
    if not runs or len(runs) < 2 or not all(r.history for r in runs.values()):
        st.info(t("lstm.no_model"))
        return None
    return runs


def render() -> None:
    _classify_vs_label()
    st.divider()
    _blank()


def _classify_vs_label() -> None:
    st.subheader(t("lstm.seq.title"))
    st.markdown(t("lstm.seq.intro"))
    st.latex(r"\text{classification: } P(y=1)=\sigma(w^{\top}h_N+b)\qquad"
             r"\text{labelling: } P(y_t=1)=\sigma(w^{\top}h_t+b),\ t=1\dots N")
    runs = _trained_pair("lstm_seq", SEQ_KEY, seqtasks.SEQ_DEFAULTS, seqtasks.compare_outputs,
                         t("lstm.seq.train"), seqtasks.MODES)
    if runs is None:
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
    runs = _trained_pair("lstm_blank", BLANK_KEY, blank.BLANK_DEFAULTS, blank.compare_blank,
                         t("lstm.blank.train"), blank.DIRECTIONS)
    if runs is None:
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
