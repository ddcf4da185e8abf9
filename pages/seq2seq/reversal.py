"""入力の反転 (input reversal): the book's trick on the addition task. Two models identical but
for ``reverse_input`` train in turn one epoch each on the same data and budget; the curves and
the final exact match show what reversing the question buys ("16+75" is read as "57+61")."""
from __future__ import annotations

import streamlit as st

from core.seq2seq import figures
from core.seq2seq.train import TrainConfig, Trainer
from pages.common.longrun import LiveRun
from pages.common.ui import chart, guard, t
from pages.seq2seq import widgets

KEY = "s2s_reversal"
NAMES = ("em_forward", "em_reversed")


def render() -> None:
    st.caption(t("s2s.rev.explain"))
    with guard():
        data = widgets.pick_data("s2s_rev", allow_upload=False, default_n=5_000, default="addition")
        opts = widgets.model_options("s2s_rev", transformer=False, reverse=False)
        bud = widgets.budget("s2s_rev", default_epochs=15, teacher_forcing=False, default_lr=1e-2)
        if data is None:
            return
        train, val = data
        run = LiveRun("s2s_rev_run", total=2 * bud["epochs"], chart_metrics=NAMES)
        if run.start_button(t("s2s.rev.start")):
            fwd = Trainer(train, val, TrainConfig(**bud), **opts, reverse_input=False)
            rev = Trainer(train, val, TrainConfig(**bud), **opts, reverse_input=True)
            st.session_state[KEY] = {"forward": fwd, "reversed": rev}
            with run:
                for e in range(bud["epochs"]):
                    for i, (name, tr) in enumerate(zip(NAMES, (fwd, rev))):
                        if run.should_stop():
                            break
                        row = tr.one_epoch(run.should_stop)
                        run.on_progress(2 * e + i + 1, 2 * bud["epochs"], {name: row["val_exact_match"]})
                    if run.should_stop() or fwd.result.seconds + rev.result.seconds >= bud["max_seconds"]:
                        break
            for tr in (fwd, rev):
                tr.model.eval()
                tr.release()
    state = st.session_state.get(KEY)
    if not state or not state["forward"].result.history:
        st.info(t("s2s.rev.none"))
        return
    fwd, rev = state["forward"], state["reversed"]
    labels = {"loss": t("s2s.metric.loss"), "em": t("s2s.metric.em"), "epoch": t("s2s.axis.epoch")}
    fig, df = figures.curves({t("s2s.rev.forward"): fwd.result.history, t("s2s.rev.reversed"): rev.result.history},
                             labels)
    chart(fig, key="s2s_rev_curves", filename="seq2seq-input-reversal", data=df)
    st.dataframe({t("s2s.rev.col.model"): [t("s2s.rev.forward"), t("s2s.rev.reversed")],
                  t("s2s.rev.col.example"): [train_example(fwd, False), train_example(rev, True)],
                  t("s2s.metric.em"): [f"{fwd.result.val_exact_match:.1%}", f"{rev.result.val_exact_match:.1%}"],
                  t("s2s.rev.col.epochs"): [fwd.result.epochs_run, rev.result.epochs_run],
                  t("s2s.rev.col.seconds"): [round(fwd.result.seconds, 1), round(rev.result.seconds, 1)]},
                 hide_index=True)
    diff = rev.result.val_exact_match - fwd.result.val_exact_match
    st.info(t("s2s.rev.summary", fwd=fwd.result.val_exact_match, rev=rev.result.val_exact_match, diff=diff * 100))


def train_example(trainer: Trainer, reverse: bool) -> str:
    """How the encoder reads the first validation question ("16+75" or, reversed, "57+61")."""
    src = trainer.val_pairs.raw[0][0]
    return f"{src} → {src[::-1]}" if reverse else src
