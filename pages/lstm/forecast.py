"""Tab 1: time-series forecasting — train on windows, forecast autoregressively, live loss."""
from __future__ import annotations

import streamlit as st

from core.lstm import CELL_LABELS
from core.lstm.data import make_series, make_windows
from core.lstm.train import BIDIRECTIONAL_FORECAST, ForecastRun, RNNConfig
from core.lstm.figures import forecast_figure, loss_figure
from pages.common import training
from pages.common.longrun import LiveRun
from pages.common.ui import chart, guard, t
from pages.lstm import controls
from pages.lstm.labels import curve_labels

RUN_KEY = "lstm_fc_run"


def render() -> None:
    st.markdown(t("lstm.fc.intro"))
    st.latex(r"h_t = \tanh(W_h h_{t-1} + W_x x_t + b),\qquad \hat{x}_{t+1} = W_{out} h_t + b_{out}")
    s = controls.series_controls("lstm_fc")
    cfg = controls.train_controls("lstm_fc", RNNConfig(), bidir_reason=t("lstm.bidir.off_forecast"))
    live = LiveRun("lstm_fc", total=max(1, cfg.epochs), chart_metrics=("loss", "val_loss"))
    if live.start_button(t("lstm.train")):
        with guard():
            data = make_windows(make_series(s["name"], s["length"], s["noise"], cfg.seed), s["window"])
            if cfg.bidirectional:  # the toggle is disabled; a crafted URL still gets the reason
                st.warning(BIDIRECTIONAL_FORECAST)
                return
            run = ForecastRun(data, cfg)
            st.session_state[RUN_KEY] = run  # kept even if Stop interrupts the loop
            with live:
                run.fit(live.on_progress, live.should_stop)
    draw(st.session_state.get(RUN_KEY))


def draw(run) -> None:
    if not training.ready("lstm_fc", run):
        return
    labels = curve_labels()
    with guard():
        c1, c2, c3 = st.columns(3)
        c1.metric(t("lstm.val_mse"), f"{run.val_mse():.4g}")
        c2.metric(t("lstm.fc_mse"), f"{run.forecast_mse():.4g}")
        c3.metric(t("lstm.cell"), f"{CELL_LABELS[run.cfg.cell]} · H={run.cfg.hidden} · L={run.cfg.layers}")
        fig, df = forecast_figure(run, labels, t("lstm.fig.forecast"))
        chart(fig, key="lstm_fc_forecast", data=df)
        fig, df = loss_figure({run.cfg.cell: run.history}, labels, t("lstm.fig.loss"))
        chart(fig, key="lstm_fc_loss", data=df)
        st.caption(t("lstm.device", device=str(run.device)))
