"""注意あり・なしの比較: same data and budget, trained alternately; overlaid curves and exact
match against input length."""
from __future__ import annotations

import streamlit as st

from core.seq2seq import figures
from core.seq2seq.train import TrainConfig, Trainer, accuracy_by_length
from pages.common.longrun import LiveRun
from pages.common.ui import chart, guard, t
from pages.seq2seq import widgets

KEY = "s2s_compare"


def render() -> None:
    st.caption(t("s2s.cmp.explain"))
    with guard():
        data = widgets.pick_data("s2s_cmp", allow_upload=False, default_n=10_000)
        opts = widgets.model_options("s2s_cmp", with_none=False)
        bud = widgets.budget("s2s_cmp", default_epochs=4, teacher_forcing=False)
        if data is None:
            return
        train, val = data
        run = LiveRun("s2s_cmp_run", total=2 * bud["epochs"], chart_metrics=("em_with", "em_without"))
        if run.start_button(t("s2s.cmp.start")):
            cfg = TrainConfig(**bud)
            a = Trainer(train, val, cfg, **opts)
            b = Trainer(train, val, TrainConfig(**bud), **{**opts, "attention": "none"})
            st.session_state[KEY] = {"with": a, "without": b, "groups": None}
            with run:
                for e in range(bud["epochs"]):
                    for i, (name, tr) in enumerate((("em_with", a), ("em_without", b))):
                        if run.should_stop():
                            break
                        row = tr.one_epoch(run.should_stop)
                        run.on_progress(2 * e + i + 1, 2 * bud["epochs"], {name: row["val_exact_match"]})
                    if run.should_stop() or a.result.seconds + b.result.seconds >= bud["max_seconds"]:
                        break
            for tr in (a, b):
                tr.model.eval()
                tr.release()
    state = st.session_state.get(KEY)
    if not state or not state["with"].result.history:
        st.info(t("s2s.cmp.none"))
        return
    a, b = state["with"], state["without"]
    la, lb = t("s2s.cmp.with") + f" ({a.model.config.attention})", t("s2s.cmp.without")
    labels = {"loss": t("s2s.metric.loss"), "em": t("s2s.metric.em"), "epoch": t("s2s.axis.epoch"),
              "len": t("s2s.axis.len")}
    fig, df = figures.curves({la: a.result.history, lb: b.result.history}, labels)
    chart(fig, key="s2s_cmp_curves", data=df)
    with guard():
        if state.get("groups") is None or state.get("epochs") != (a.result.epochs_run, b.result.epochs_run):
            state["groups"] = {la: accuracy_by_length(a.model, a.val_pairs), lb: accuracy_by_length(b.model, b.val_pairs)}
            state["epochs"] = (a.result.epochs_run, b.result.epochs_run)
        groups = state["groups"]
        st.markdown(f"**{t('s2s.train.by_len')}**")
        fig, df = figures.by_length(groups, labels)
        chart(fig, key="s2s_cmp_bylen", data=df)
        ga, gb = groups[la], groups[lb]
        st.info(t("s2s.cmp.summary", a=a.result.val_exact_match, b=b.result.val_exact_match,
                  la=ga[-1]["exact_match"] if ga else 0.0, lb=gb[-1]["exact_match"] if gb else 0.0))
