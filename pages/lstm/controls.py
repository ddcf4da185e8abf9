"""Widgets shared by the tabs of the LSTM page (and the mini-GPT section, which trains on the
same texts): series choice, text source, training settings, and the header of a trained view.

Every main widget has a page-prefixed key bound to the URL (a copied link reproduces the demo).
Number inputs accept out-of-range values on purpose: core checks them and the page shows the
Japanese message (zero hidden size, epochs 0, learning rate 0 …).
"""
from __future__ import annotations

import time
from dataclasses import replace

import streamlit as st

from core.lstm import CELL_LABELS, CELL_TYPES
from core.limits import CLASSROOM
from core.lm.text import BUILTIN_TEXT
from core.lstm.data import REAL, SERIES, series_label
from core.lstm.limits import LIMITS
from core.lstm.train import RNNConfig
from core.text import decode_upload
from pages.common.ui import checked, guard, lang, t

TEXT_SOURCES = ("builtin", "paste", "upload")


def series_controls(prefix: str) -> dict:
    c1, c2, c3, c4 = st.columns([2, 1, 1, 1])
    name = c1.selectbox(t("lstm.series"), list(SERIES), format_func=lambda s: series_label(s, lang()),
                        key=f"{prefix}_series", bind="query-params")
    real = name in REAL
    length = c2.slider(t("lstm.length"), 50, LIMITS.max_length, 400, step=50, key=f"{prefix}_length",
                       bind="query-params", disabled=real)
    noise = c3.slider(t("lstm.noise"), 0.0, 0.5, 0.0, step=0.05, key=f"{prefix}_noise", bind="query-params",
                      disabled=real)
    window = c4.slider(t("lstm.window"), 2, LIMITS.max_window, 20, key=f"{prefix}_window", bind="query-params")
    if real:
        st.caption(t("lstm.real_note"))
    return {"name": name, "length": length, "noise": noise, "window": window}


def text_controls(prefix: str) -> tuple[str | None, str]:
    """Token level (char / word) and the text to train on: the built-in story (None), a pasted
    text or an upload. Returns (text, level)."""
    c1, c2 = st.columns([1, 2])
    level = c1.radio(t("lstm.lm.level"), ("char", "word"), format_func=lambda v: t(f"lstm.lm.level.{v}"),
                     key=f"{prefix}_level", bind="query-params")
    source = c2.radio(t("lstm.lm.source"), TEXT_SOURCES, format_func=lambda v: t(f"lstm.lm.source.{v}"),
                      horizontal=True, key=f"{prefix}_source", bind="query-params")
    text = None
    if source == "builtin":
        with st.expander(t("lstm.lm.builtin_show")):
            st.text(BUILTIN_TEXT)
    elif source == "paste":
        text = checked(st.text_area(t("lstm.lm.paste", n=f"{CLASSROOM.max_text_chars:,}"), key=f"{prefix}_text",
                                    height=150), area=True, limit=CLASSROOM.max_text_chars)
    else:
        up = st.file_uploader(t("lstm.lm.upload"), type=["txt", "csv", "tsv", "md"], key=f"{prefix}_upload")
        text = ""
        if up is not None:
            with guard():
                text = decode_upload(up.getvalue())
    return text, level


def train_controls(prefix: str, defaults: RNNConfig, *, cell: bool = True, bidir_reason: str | None = None) -> RNNConfig:
    cols = st.columns(4)
    chosen = defaults.cell
    if cell:
        chosen = cols[0].radio(t("lstm.cell"), CELL_TYPES, index=CELL_TYPES.index(defaults.cell),
                               format_func=CELL_LABELS.get, horizontal=True, key=f"{prefix}_cell",
                               bind="query-params")
    layers = cols[1].number_input(t("lstm.layers"), 1, CLASSROOM.max_layers, defaults.layers, key=f"{prefix}_layers",
                                  bind="query-params")
    hidden = cols[2].number_input(t("lstm.hidden"), 0, 100_000, defaults.hidden, step=8, key=f"{prefix}_hidden",
                                  bind="query-params")
    bidir = cols[3].toggle(t("lstm.bidir"), value=False, key=f"{prefix}_bidir", disabled=bidir_reason is not None,
                           help=bidir_reason)
    c1, c2, c3, c4 = st.columns(4)
    lr = c1.number_input(t("lstm.lr"), 0.0, 1000.0, float(defaults.lr), step=0.001, format="%.4f",
                         key=f"{prefix}_lr", bind="query-params")
    epochs = c2.number_input(t("lstm.epochs"), 0, 100_000, defaults.epochs, key=f"{prefix}_epochs", bind="query-params")
    clip = c3.number_input(t("lstm.clip"), 0.0, 1000.0, float(defaults.clip or 0.0), step=0.5,
                           key=f"{prefix}_clip", bind="query-params", help=t("lstm.clip.help"))
    seed = c4.number_input(t("lstm.seed"), 0, 9999, defaults.seed, key=f"{prefix}_seed", bind="query-params")
    if bidir_reason:
        st.caption("↔ " + bidir_reason)
    st.caption(t("lstm.limits", epochs=CLASSROOM.max_epochs, hidden=CLASSROOM.max_hidden, layers=CLASSROOM.max_layers,
                 seconds=int(CLASSROOM.max_seconds)))
    return replace(defaults, cell=chosen, layers=int(layers), hidden=int(hidden), bidirectional=bool(bidir),
                   lr=float(lr), epochs=int(epochs), clip=float(clip) or None, seed=int(seed))


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
