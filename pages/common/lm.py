"""The language-model views both LM sections share (the LSTM page's 「次の文字予測」 and the
attention page's 「ミニGPT」): the regularisation controls (dropout, weight decay, early stopping),
the loss curve with its best epoch and the unigram baseline, the over-fitting note, and a prompt
the model can read."""
from __future__ import annotations

import streamlit as st

from core.lm.figures import lm_loss_figure
from pages.common.ui import chart, guard, show_error, t


def regularization_controls(prefix: str, defaults) -> dict:
    """Dropout p, weight decay λ and early-stopping patience (URL-bound, checked by core);
    the run always keeps its best-validation weights."""
    c = st.columns(3)
    dropout = c[0].number_input(t("lm.dropout"), 0.0, 1.0, float(defaults.dropout), step=0.05, format="%.2f",
                                key=f"{prefix}_dropout", bind="query-params", help=t("lm.dropout.help"))
    wd = c[1].number_input(t("lm.wd"), 0.0, 10.0, float(defaults.weight_decay), step=0.01, format="%.3f",
                           key=f"{prefix}_wd", bind="query-params", help=t("lm.wd.help"))
    patience = c[2].number_input(t("lm.patience"), 0, 100_000, int(defaults.patience), key=f"{prefix}_patience",
                                 bind="query-params", help=t("lm.patience.help"))
    return {"dropout": float(dropout), "weight_decay": float(wd), "patience": int(patience), "keep_best": True}


def loss_view(run, *, key: str, title: str, train_label: str, val_label: str) -> None:
    """The loss curve (best epoch marked, unigram baseline), the kept model's line and, when the
    validation loss has risen since its best epoch, the over-fitting note."""
    with guard():
        uni = run.unigram_ppl()
        if run.best_epoch is not None and uni is not None:
            verdict = t("lm.best.below") if run.best_val_ppl < uni else t("lm.best.above")
            st.caption(t("lm.best", epoch=run.best_epoch, loss=run.best_val_loss, ppl=run.best_val_ppl, uni=uni,
                         verdict=verdict))
        if run.overfitting:
            st.warning(t("lm.overfit", epoch=run.best_epoch), icon="📈")
        labels = {"train_loss": train_label, "val_loss": val_label, "epoch": t("lstm.lab.epoch"),
                  "loss": "cross entropy", "best": t("lm.fig.best"), "unigram": t("lm.fig.unigram")}
        fig, df = lm_loss_figure(run.history, labels, title, best_epoch=run.best_epoch, unigram_ppl=uni)
        chart(fig, key=key, data=df)


def known_prompt(run, prompt: str) -> str:
    """``prompt`` when the model knows all its tokens; else the message that says which it does
    not know, a note, and the start of the training text instead (generation never fails)."""
    usable, unknown = run.usable_prompt(prompt)
    if unknown is not None:
        show_error(unknown)
        st.info(t("lm.prompt.reset"), icon="↩️")
    return usable
