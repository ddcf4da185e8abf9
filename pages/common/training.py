"""The header of a live-trained view, shared by every page that trains (LSTM, mini-GPT, the
/basics playground): stop an interrupted run (the stop flag its LiveRun polls), then say that
there is no model yet or how the last run ended."""
from __future__ import annotations

import time

import streamlit as st

from pages.common.ui import t


def finish_interrupted(key: str, *runs, timeout_s: float = 60.0) -> None:
    """A run still "running" while the page draws was interrupted by a rerun (Stop, or any
    widget change): Streamlit starts the new script run while the old one is still inside its
    training loop. Ask that loop to stop (the LiveRun flag it polls after every mini-batch) and
    wait until it has, so the page shows the partial model instead of an empty space."""
    running = [r for r in runs if r is not None and getattr(r, "status", None) == "running"]
    if not running:
        return
    st.session_state[f"{key}__stop"] = True
    deadline = time.monotonic() + timeout_s
    with st.spinner(t("lstm.stopping")):
        while any(r.status == "running" for r in running) and time.monotonic() < deadline:
            time.sleep(0.1)


def ready(key: str, run, *others) -> bool:
    """The header of a trained view: wait for an interrupted run (``finish_interrupted``), then
    say that there is no model yet or how the last run ended. True when ``run`` has a model worth
    drawing (trained at least one mini-batch, not diverged)."""
    finish_interrupted(key, run, *others)
    if run is None:
        st.info(t("lstm.no_model"))
        return False
    status_line(run)
    return run.status != "diverged" and bool(run.history)


def status_line(run) -> None:
    """One line on how the last run ended."""
    epochs = run.epochs_done if hasattr(run, "epochs_done") else len(run.history)
    if run.status == "done":
        st.success(t("lstm.status.done", epochs=epochs, seconds=run.seconds))
    elif run.status == "time":
        st.info(t("lstm.status.time", epochs=epochs, seconds=run.seconds))
    elif run.status == "stopped":
        st.info(t("lstm.status.stopped", epochs=epochs))
    elif run.status == "early":
        st.info(t("lm.status.early", best=run.best_epoch, epochs=epochs, seconds=run.seconds))
    elif run.status == "diverged":
        st.warning(t("lstm.status.diverged"))
