"""Widgets shared by the tabs of the LSTM page: series choice and training settings (the text
source and the header of a trained view are shared with other pages: pages/common/text_source.py,
pages/common/training.py).

Every main widget has a page-prefixed key bound to the URL (a copied link reproduces the demo).
Number inputs accept out-of-range values on purpose: core checks them and the page shows the
Japanese message (zero hidden size, epochs 0, learning rate 0 …).
"""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from core.limits import CLASSROOM
from core.lstm import CELL_LABELS, CELL_TYPES
from core.lstm.data import REAL, SERIES, series_label
from core.lstm.limits import LIMITS
from core.lstm.train import RNNConfig
from pages.common.ui import lang, t


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
