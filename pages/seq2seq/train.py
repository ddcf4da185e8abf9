"""学習 (training) tab: pick data, model and budget; live training; curves, length breakdown, examples."""
from __future__ import annotations

import streamlit as st

from core.seq2seq import figures
from core.seq2seq.data import detokenize
from core.seq2seq.transformer import LR as TRANSFORMER_LR
from core.seq2seq.train import TrainConfig, Trainer, accuracy_by_length, exact_matches, predict_ids, encode_pairs
from pages.common.longrun import LiveRun
from pages.common.ui import chart, guard, t
from pages.seq2seq import widgets

KEY = "s2s_user"  # session_state: the user's Trainer (model + history), kept after Stop


def _labels() -> dict:
    return {"loss": t("s2s.metric.loss"), "em": t("s2s.metric.em"), "epoch": t("s2s.axis.epoch"),
            "len": t("s2s.axis.len")}


def render() -> None:
    with guard():
        data = widgets.pick_data("s2s_tr")
        st.subheader(t("s2s.model"))
        opts = widgets.model_options("s2s_tr")
        st.subheader(t("s2s.budget"))
        bud = widgets.budget("s2s_tr", default_lr=TRANSFORMER_LR if opts["cell"] == "transformer" else 5e-3)
        if data is None:
            return
        train, val = data
        run = LiveRun("s2s_train", total=bud["epochs"], chart_metrics=("loss", "val_exact_match"))
        if run.start_button(t("s2s.train.start")):
            cfg = TrainConfig(**bud)
            trainer = Trainer(train, val, cfg, meta={"dataset": st.session_state.get("s2s_tr_data", "")}, **opts)
            st.session_state[KEY] = trainer  # kept even if Stop interrupts the run
            with run:
                trainer.run(on_progress=run.on_progress, should_stop=run.should_stop)
            trainer.release()
    trainer = st.session_state.get(KEY)
    if trainer is None or not trainer.result.history:
        st.info(t("s2s.train.none"))
        return
    show_result(trainer)


def show_result(trainer: Trainer) -> None:
    res = trainer.result
    if res.stopped:
        st.warning(t("s2s.train.stopped", epochs=res.epochs_run))
    st.success(t("s2s.train.done", epochs=res.epochs_run, seconds=res.seconds, em=res.val_exact_match))
    st.caption(t("s2s.params", n=trainer.model.n_parameters()) + " · " + t("s2s.train.use"))
    fig, df = figures.curves({t("s2s.model"): res.history}, _labels(), t("s2s.train.curves"))
    chart(fig, key="s2s_train_curves", data=df)
    with guard():
        groups = accuracy_by_length(trainer.model, trainer.val_pairs)
        fig, df = figures.by_length({t("s2s.model"): groups}, _labels())
        st.markdown(f"**{t('s2s.train.by_len')}**")
        chart(fig, key="s2s_train_bylen", data=df)
        st.markdown(f"**{t('s2s.train.samples')}**")
        sample = trainer.val_pairs.subset(range(min(12, len(trainer.val_pairs))))
        model = trainer.model
        preds = predict_ids(model, encode_pairs(sample, model.src_vocab, model.tgt_vocab, model.config.reverse_input))
        level = model.meta.get("tgt_level", "char")
        ok = exact_matches(model, sample)
        st.dataframe({t("s2s.col.source"): [s for s, _ in sample.raw],
                      t("s2s.col.target"): [g for _, g in sample.raw],
                      t("s2s.col.pred"): [detokenize(model.tgt_vocab.decode(p), level) for p in preds],
                      t("s2s.col.ok"): ["✓" if o else "✗" for o in ok]}, hide_index=True)
