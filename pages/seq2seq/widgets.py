"""Shared widgets of the seq2seq page: dataset picker, model options, budget."""
from __future__ import annotations

import streamlit as st

from core.seq2seq.addition import n_questions
from core.seq2seq.data import Pairs, dataset, read_tsv_bytes, split
from core.seq2seq.model import ATTENTIONS, CELLS, RNN_CELLS
from pages.common.ui import t

# per-session limits (a class of 40 shares the server)
MAX_PAIRS = 50_000
MAX_EPOCHS = 30
MAX_SECONDS = 240  # one run stops after the epoch that passes this wall-clock budget
MAX_UPLOAD_PAIRS = 20_000
HIDDEN_CHOICES = [16, 32, 64, 128, 256]
EMB_CHOICES = [8, 16, 32, 64, 128]
HEAD_CHOICES = [1, 2, 4, 8]  # all divide every HIDDEN_CHOICES entry ≥ 16 (d_k = d_model / h)
LAYER_CHOICES = [1, 2, 3, 4]
DATASETS = ["dates", "toy", "addition", "upload"]
DIGIT_CHOICES = [1, 2, 3, 4]


def pick_data(prefix: str, *, allow_upload: bool = True, default_n: int = 20_000,
              default: str = "dates") -> tuple[Pairs, Pairs] | None:
    """Dataset radio + size (or uploader) → (train, val), or None while no file is chosen.
    Raises PlaygroundError for a bad upload."""
    options = DATASETS if allow_upload else [d for d in DATASETS if d != "upload"]
    name = st.radio(t("s2s.data"), options, index=options.index(default), format_func=lambda k: t(f"s2s.data.{k}"),
                    key=f"{prefix}_data", bind="query-params", horizontal=True)
    if name == "upload":
        file = st.file_uploader(t("s2s.data.file"), type=["tsv", "txt", "csv"], key=f"{prefix}_file")
        level = st.radio(t("s2s.data.tokens"), ["char", "word"], format_func=lambda k: t(f"s2s.data.{k}"),
                         key=f"{prefix}_tokens", horizontal=True)
        if file is None:
            st.info(t("s2s.data.need_file"))
            return None
        raw = read_tsv_bytes(file.getvalue(), max_pairs=MAX_UPLOAD_PAIRS)
        pairs = Pairs(raw, level, level)
    elif name == "addition":
        digits = st.select_slider(t("s2s.add.digits"), DIGIT_CHOICES, value=2, key=f"{prefix}_digits",
                                  bind="query-params")
        hi = min(30_000, n_questions(digits))
        lo = min(200, hi)
        n = st.slider(t("s2s.data.n"), lo, hi, min(max(default_n, lo), hi), step=10 if hi < 1000 else 100,
                      key=f"{prefix}_n", bind="query-params")
        st.caption(t("s2s.add.explain"))
        pairs = dataset(name, n, seed=0, digits=digits)
    else:
        hi = MAX_PAIRS if name == "dates" else 30_000
        n = st.slider(t("s2s.data.n"), 200, hi, min(default_n, hi), step=100, key=f"{prefix}_n",
                      bind="query-params")
        pairs = dataset(name, n, seed=0)
    train, val = split(pairs, 0.1)
    st.caption(t("s2s.data.summary", train=len(train), val=len(val), pct=10))
    with st.expander(t("s2s.data.examples")):
        st.dataframe({t("s2s.col.source"): [s for s, _ in pairs.raw[:8]],
                      t("s2s.col.target"): [g for _, g in pairs.raw[:8]]}, hide_index=True)
    return train, val


def model_options(prefix: str, *, attention: bool = True, with_none: bool = True,
                  transformer: bool = True, reverse: bool = True) -> dict:
    """Cell (GRU / LSTM, and the Transformer unless ``transformer=False``), attention, sizes.
    For the Transformer: d_model (the hidden slider), heads and layers instead of attention / emb."""
    c1, c2, c3 = st.columns(3)
    opts = {}
    cells = list(CELLS if transformer else RNN_CELLS)
    with c1:
        opts["cell"] = st.radio(t("s2s.cell"), cells, format_func=lambda c: t(f"s2s.cell.{c}"),
                                key=f"{prefix}_cell", bind="query-params", horizontal=True)
        is_tf = opts["cell"] == "transformer"
        if attention and not is_tf:
            choices = list(ATTENTIONS) if with_none else [a for a in ATTENTIONS if a != "none"]
            opts["attention"] = st.selectbox(t("s2s.attention"), choices, index=len(choices) - 1,
                                             format_func=lambda k: t(f"s2s.att.{k}"), key=f"{prefix}_att",
                                             bind="query-params")
        elif is_tf:
            st.caption(t("s2s.tf_model.explain"))
    with c2:
        opts["hidden"] = st.select_slider(t("s2s.d_model") if is_tf else t("s2s.hidden"), HIDDEN_CHOICES, value=64,
                                          key=f"{prefix}_hidden", bind="query-params")
        if is_tf:
            opts["heads"] = st.select_slider(t("s2s.heads"), HEAD_CHOICES, value=4, key=f"{prefix}_heads")
        else:
            opts["emb"] = st.select_slider(t("s2s.emb"), EMB_CHOICES, value=32, key=f"{prefix}_emb")
    with c3:
        if is_tf:
            opts["layers"] = st.select_slider(t("s2s.layers"), LAYER_CHOICES, value=2, key=f"{prefix}_layers")
        elif reverse:
            opts["reverse_input"] = st.checkbox(t("s2s.reverse"), key=f"{prefix}_reverse", help=t("s2s.reverse.help"))
    return opts


def budget(prefix: str, *, default_epochs: int = 5, teacher_forcing: bool = True, default_lr: float = 5e-3) -> dict:
    c1, c2, c3 = st.columns(3)
    out = {}
    with c1:
        out["epochs"] = int(st.number_input(t("s2s.epochs"), min_value=1, max_value=MAX_EPOCHS,
                                            value=default_epochs, key=f"{prefix}_epochs", bind="query-params"))
        out["lr"] = float(st.select_slider(t("s2s.lr"), [1e-3, 2e-3, 5e-3, 1e-2], value=default_lr, key=f"{prefix}_lr"))
    with c2:
        out["batch_size"] = int(st.select_slider(t("s2s.batch"), [32, 64, 128, 256], value=128, key=f"{prefix}_batch"))
        out["clip"] = float(st.number_input(t("s2s.clip"), min_value=0.0, max_value=100.0, value=1.0, step=0.5,
                                            key=f"{prefix}_clip"))
    with c3:
        if teacher_forcing:
            out["teacher_forcing"] = float(st.slider(t("s2s.tf"), 0.0, 1.0, 1.0, 0.1, key=f"{prefix}_tf",
                                                     help=t("s2s.tf.help")))
    st.caption(t("s2s.limits", pairs=MAX_PAIRS, epochs=MAX_EPOCHS, minutes=MAX_SECONDS // 60))
    out["max_seconds"] = MAX_SECONDS
    return out
