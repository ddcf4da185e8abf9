"""注意あり・なしの比較: same data and budget, trained in turn one epoch each; overlaid curves and
exact match against input length. The third model is the Transformer encoder–decoder (d_model =
the hidden size, 4 heads, 2 layers) on the same epochs and time budget."""
from __future__ import annotations

import streamlit as st

from core.seq2seq import figures
from core.seq2seq.transformer import LR as TRANSFORMER_LR
from core.seq2seq.train import TrainConfig, Trainer, accuracy_by_length
from pages.common.longrun import LiveRun
from pages.common.ui import chart, guard, t
from pages.seq2seq import widgets

KEY = "s2s_compare"


def render() -> None:
    st.caption(t("s2s.cmp.explain"))
    with guard():
        data = widgets.pick_data("s2s_cmp", allow_upload=False, default_n=10_000)
        opts = widgets.model_options("s2s_cmp", with_none=False, transformer=False)
        bud = widgets.budget("s2s_cmp", default_epochs=4, teacher_forcing=False)
        if data is None:
            return
        train, val = data
        names = ("em_with", "em_without", "em_transformer")
        run = LiveRun("s2s_cmp_run", total=3 * bud["epochs"], chart_metrics=names)
        if run.start_button(t("s2s.cmp.start")):
            a = Trainer(train, val, TrainConfig(**bud), **opts)
            b = Trainer(train, val, TrainConfig(**bud), **{**opts, "attention": "none"})
            c = Trainer(train, val, TrainConfig(**{**bud, "lr": TRANSFORMER_LR}), cell="transformer",
                        hidden=opts["hidden"], heads=4, layers=2)
            st.session_state[KEY] = {"with": a, "without": b, "transformer": c, "groups": None}
            with run:
                for e in range(bud["epochs"]):
                    for i, (name, tr) in enumerate(zip(names, (a, b, c))):
                        if run.should_stop():
                            break
                        row = tr.one_epoch(run.should_stop)
                        run.on_progress(3 * e + i + 1, 3 * bud["epochs"], {name: row["val_exact_match"]})
                    if run.should_stop() or sum(x.result.seconds for x in (a, b, c)) >= bud["max_seconds"]:
                        break
            for tr in (a, b, c):
                tr.model.eval()
                tr.release()
    state = st.session_state.get(KEY)
    if not state or not state["with"].result.history:
        st.info(t("s2s.cmp.none"))
        return
    runs = {t("s2s.cmp.with") + f" ({state['with'].model.config.attention})": state["with"],
            t("s2s.cmp.without"): state["without"]}
    if state.get("transformer") is not None:
        runs[t("s2s.cmp.transformer")] = state["transformer"]
    labels = {"loss": t("s2s.metric.loss"), "em": t("s2s.metric.em"), "epoch": t("s2s.axis.epoch"),
              "len": t("s2s.axis.len")}
    fig, df = figures.curves({name: tr.result.history for name, tr in runs.items()}, labels)
    chart(fig, key="s2s_cmp_curves", data=df)
    with guard():
        epochs = tuple(tr.result.epochs_run for tr in runs.values())
        if state.get("groups") is None or state.get("epochs") != epochs:
            state["groups"] = {name: accuracy_by_length(tr.model, tr.val_pairs) for name, tr in runs.items()}
            state["epochs"] = epochs
        groups = state["groups"]
        st.markdown(f"**{t('s2s.train.by_len')}**")
        fig, df = figures.by_length(groups, labels)
        chart(fig, key="s2s_cmp_bylen", data=df)
        (la, a), (lb, b) = list(runs.items())[:2]
        longest = {name: g[-1]["exact_match"] if g else 0.0 for name, g in groups.items()}
        st.info(t("s2s.cmp.summary", a=a.result.val_exact_match, b=b.result.val_exact_match,
                  la=longest[la], lb=longest[lb]))
        if len(runs) == 3:
            lc, c = list(runs.items())[2]
            st.info(t("s2s.cmp.tf_summary", c=c.result.val_exact_match, lc=longest[lc]))
