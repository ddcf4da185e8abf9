"""Tab 3: RNN vs LSTM vs GRU on the same data, seed and budget."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from core.lstm import CELL_LABELS
from core.lstm.data import make_series, make_windows
from core.lstm.train import ForecastRun, RNNConfig, compare_cells
from core.lstm.figures import compare_forecast_figure, loss_figure
from pages.common import training
from pages.common.longrun import LiveRun
from pages.common.ui import chart, guard, t
from pages.lstm import controls
from pages.lstm.labels import curve_labels

RUNS_KEY = "lstm_cmp_runs"
CELLS = ("rnn", "lstm", "gru", "mlp")  # mlp: the fixed-window MLP (issue 16)


def render() -> None:
    st.markdown(t("lstm.cmp.intro"))
    s = controls.series_controls("lstm_cmp")
    cfg = controls.train_controls("lstm_cmp", replace(RNNConfig(), epochs=30), cell=False,
                                  bidir_reason=t("lstm.bidir.off_forecast"))
    total = max(1, cfg.epochs) * len(CELLS)
    live = LiveRun("lstm_cmp", total=total, chart_metrics=tuple(f"{c}_loss" for c in CELLS))
    if live.start_button(t("lstm.cmp.train")):
        with guard():
            data = make_windows(make_series(s["name"], s["length"], s["noise"], cfg.seed), s["window"])
            ForecastRun(data, replace(cfg, cell="rnn"))  # validate the settings before anything is replaced
            runs: dict = {}
            st.session_state[RUNS_KEY] = runs
            with live:
                compare_cells(data, cfg, CELLS, runs=runs, on_progress=live.on_progress,
                              should_stop=live.should_stop)
    draw(st.session_state.get(RUNS_KEY))


def _label(cell: str) -> str:
    return CELL_LABELS.get(cell) or t("lstm.mlp.name")


def draw(runs: dict | None) -> None:
    training.finish_interrupted("lstm_cmp", *(runs or {}).values())
    if not runs:
        st.info(t("lstm.no_model"))
        return
    trained = {c: r for c, r in runs.items() if r.history and r.status != "diverged"}
    for run in runs.values():
        if run.status in ("stopped", "diverged", "time"):
            training.status_line(run)
            break
    if not trained:
        return
    labels = {**curve_labels(), "mlp": _label("mlp")}
    with guard():
        rows = []
        for cell, run in trained.items():
            rows.append({t("lstm.cell"): _label(cell), t("lstm.val_mse"): run.val_mse(),
                         t("lstm.fc_mse"): run.forecast_mse(), t("lstm.epochs"): run.epochs_done,
                         t("lstm.cmp.params"): sum(p.numel() for p in run.model.parameters()),
                         "seconds": round(run.seconds, 2)})
        st.markdown(f"**{t('lstm.cmp.table')}**")
        st.dataframe(pd.DataFrame(rows), hide_index=True)
        fig, df = loss_figure({c: r.history for c, r in trained.items()}, labels, t("lstm.cmp.fig.loss"))
        chart(fig, key="lstm_cmp_loss", data=df)
        fig, df = compare_forecast_figure(trained, labels, t("lstm.cmp.fig.forecast"))
        chart(fig, key="lstm_cmp_forecast", data=df)
        if "mlp" in trained:
            st.caption(t("lstm.mlp.note", w=trained["mlp"].data.window))
