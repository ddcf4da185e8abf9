"""Language-model tab: the truncation length k of truncated BPTT (the notes: k ≈ 10–100) and
what it changes — loss, time per epoch, how far back the gradient reaches (core.lstm.truncated)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core.lstm import truncated
from core.lstm.figures import reach_figure
from pages.common.ui import chart, guard, t

RUNS_KEY = "lstm_lm_k_runs"  # one summary row per finished training: k, loss, seconds


def k_slider() -> int:
    return st.slider(t("lstm.tb.k"), truncated.MIN_K, 128, 48, key="lstm_lm_k_bptt", bind="query-params",
                     help=t("lstm.tb.k.help"))


def remember(run) -> None:
    """Keep a summary of a finished run so runs with different k can be compared."""
    if not run.history:
        return
    rows = st.session_state.setdefault(RUNS_KEY, [])
    rows.append({"k": run.seq_len, t("lstm.tb.col.cell"): run.cfg.cell.upper(), t("lstm.tb.col.epochs"): run.epochs_done,
                 t("lstm.tb.col.loss"): round(run.history[-1].get("val_loss", float("nan")), 4),
                 t("lstm.tb.col.sec"): round(run.seconds / max(1, run.epochs_done), 3)})
    del rows[:-8]


def effects(run) -> None:
    if run is None or not run.history:
        return
    st.subheader(t("lstm.tb.title"))
    st.markdown(t("lstm.tb.intro", k=run.seq_len))
    with guard():
        ids = run.val_ids if run.val_ids is not None and len(run.val_ids) > 40 else run.train_ids
        ids = ids[: min(len(ids), 151)]  # T ≤ 150 predictions
        T = len(ids) - 1
        curves = {t("lstm.tb.trunc", k=run.seq_len): truncated.gradient_reach(run.model, ids, run.seq_len),
                  t("lstm.tb.full"): truncated.gradient_reach(run.model, ids, None)}
        fig, df = reach_figure(curves, {"distance": t("lstm.tb.distance")}, t("lstm.tb.fig", T=T))
        chart(fig, key="lstm_tb_reach", data=df)
        reach = int((list(curves.values())[0] > 0).sum())
        st.caption(t("lstm.tb.reach", n=reach, T=T, k=run.seq_len))
    rows = st.session_state.get(RUNS_KEY, [])
    if rows:
        st.markdown(f"**{t('lstm.tb.table')}**")
        st.dataframe(pd.DataFrame(rows), hide_index=True)
        st.caption(t("lstm.tb.table.help"))
