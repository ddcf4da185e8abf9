"""The word-vector sentiment baseline (issue #9) inside the BERT page.

Public functions (called by the BERT page's tabs):
- ``render_baseline_panel(note=None)``: the whole baseline section (data, training with live
  curves, test metrics, confusion matrix, typed-sentence prediction with the words found).
- ``current_result()``: this session's trained baseline (core.bert.baseline.BaselineResult) or None.
- ``render_comparison(rows, data=None, key=...)``: BERT vs baseline on the same split, one
  table + chart (accuracy, macro-F1, training time).
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core.bert import baseline
from core.bert import data as bert_data
from core.bert import pn
from core.bert.figures import comparison_figure, history_figure
from core.figures import bars, confusion
from pages.common.longrun import LiveRun
from pages.common.ui import chart, checked, guard, local, t

RESULT_KEY = "base_result"  # BaselineResult of this session (never a cached object)
LRS = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0]
BATCHES = [8, 16, 32, 64, 128, 256]
MAX_EPOCHS_UI = 100  # per-session cap (a class shares the server)
DEFAULT_TEXT = "部屋がきれいで、スタッフもとても親切でした。"


def current_result() -> baseline.BaselineResult | None:
    return st.session_state.get(RESULT_KEY)


def _vectors():
    from core import resources

    return resources.word_vectors()


# --- data -----------------------------------------------------------------------------------

def _choose_data() -> bert_data.LabelledData | None:
    options = ["sample", "pn", "upload"]
    choice = st.radio(t("base.data"), options, key="base_data", bind="query-params", horizontal=True,
                      format_func=lambda o: t(f"base.data.{o}"))
    if choice == "sample":
        return bert_data.sample_dataset()
    if choice == "pn":
        path = pn.find_pn()
        if path is None:
            st.info(t("base.pn.missing"), icon="ℹ️")
            st.caption(pn.PN_NOTICE)
            if st.button(t("base.pn.download"), key="base_pn_download"):
                with guard():
                    path = pn.download_pn()
                    st.success(t("base.pn.downloaded", path=str(path)))
            if path is None:
                return None
        return pn.load_pn(path)
    upload = st.file_uploader(t("base.upload"), type=["tsv", "csv", "txt"], key="base_upload",
                              help=t("base.upload.help"))
    if upload is None:
        st.caption(t("base.upload.none"))
        return None
    return bert_data.load_labelled(upload)


def _label_spec(data: bert_data.LabelledData) -> str:
    options = ["all"]
    if {1, -1} <= set(data.polarities) and data.n_classes > 2:
        options.append("pos,neg")
    value = st.session_state.get("base_labels")
    if value is not None and value not in options:
        st.session_state["base_labels"] = "all"
    return st.radio(t("base.labels"), options, key="base_labels", bind="query-params", horizontal=True,
                    format_func=lambda o: t("base.labels.all", names=", ".join(data.label_names)) if o == "all"
                    else t("base.labels.posneg"))


def _summary_table(data: bert_data.LabelledData) -> None:
    df = pd.DataFrame(data.summary()).T
    df[t("base.col.total")] = df.sum(axis=1)
    st.caption(t("base.summary"))
    st.dataframe(df, width="content")
    if data.notice:
        st.caption(local(data.notice))
    for note in data.notes:
        st.caption(t("base.note", note=local(note)))


# --- training -------------------------------------------------------------------------------

def _hyperparameters() -> dict:
    c1, c2, c3 = st.columns(3)
    epochs = c1.slider(t("base.epochs"), 1, MAX_EPOCHS_UI, 30, key="base_epochs", bind="query-params")
    lr = c2.select_slider(t("base.lr"), LRS, value=0.01, key="base_lr", bind="query-params")
    optimizer = c3.radio(t("base.optimizer"), ["adam", "sgd"], key="base_opt", bind="query-params",
                         horizontal=True, format_func=lambda o: {"adam": "Adam", "sgd": "SGD"}[o])
    c4, c5, c6 = st.columns(3)
    batch = c4.select_slider(t("base.batch"), BATCHES, value=32, key="base_batch", bind="query-params")
    use_hidden = c5.toggle(t("base.hidden"), key="base_hidden", bind="query-params")
    hidden = c5.number_input(t("base.hidden.units"), 8, baseline.MAX_HIDDEN, 64, step=8, key="base_units",
                             bind="query-params") if use_hidden else 0
    seed = c6.number_input(t("base.seed"), 0, 10_000, 0, key="base_seed", bind="query-params")
    return {"epochs": int(epochs), "lr": float(lr), "optimizer": optimizer, "batch_size": int(batch),
            "hidden": int(hidden), "seed": int(seed)}


def train_with_liverun(data: bert_data.LabelledData, params: dict, *, key: str = "base_train",
                       label: str | None = None) -> baseline.BaselineResult | None:
    """Start button + LiveRun (progress, live loss, Stop); stores the result in the session."""
    run = LiveRun(key, total=params["epochs"], chart_metrics=("loss", "dev_loss"))
    if not run.start_button(label or t("base.train")):
        return None
    result = None
    with guard():
        kv = _vectors()
        with run, st.spinner(t("base.featurizing")):
            result = baseline.train_baseline(data, kv, on_progress=run.on_progress, should_stop=run.should_stop,
                                      **params)
        st.session_state[RESULT_KEY] = result
    return result


# --- results --------------------------------------------------------------------------------

def _curves(result: baseline.BaselineResult) -> None:
    hist = pd.DataFrame(result.history).set_index("epoch")
    c1, c2 = st.columns(2)
    with c1:
        fig = history_figure(hist, (("loss", "train loss"), ("dev_loss", "dev loss")), title=t("base.curves.loss"),
                             y_title="cross-entropy")
        chart(fig, key="base_loss_chart", filename="baseline-loss", data=hist)
    with c2:
        fig = history_figure(hist, (("train_acc", "train accuracy"), ("dev_acc", "dev accuracy")),
                             title=t("base.curves.acc"), y_title="accuracy",
                             hline=(result.majority_rate, t("base.m.majority")))
        chart(fig, key="base_acc_chart", filename="baseline-accuracy")


def _results(result: baseline.BaselineResult) -> None:
    st.subheader(t("base.results"))
    if result.stopped:
        st.info(t("base.stopped", n=len(result.history)), icon="⏹️")
    m = st.columns(5)
    m[0].metric(t("base.m.acc"), f"{result.test.accuracy:.1%}",
                delta=f"{(result.test.accuracy - result.majority_rate) * 100:+.1f} pt")
    m[1].metric(t("base.m.majority"), f"{result.majority_rate:.1%}",
                help=t("base.m.majority.help", label=result.majority_label))
    m[2].metric(t("base.m.f1"), f"{result.test.macro_f1:.3f}")
    m[3].metric(t("base.m.coverage"), f"{result.token_coverage:.1%}", help=t("base.m.coverage.help"))
    m[4].metric(t("base.m.time"), f"{result.seconds:.1f} s")
    if result.test.accuracy <= result.majority_rate + 0.02:
        st.warning(t("base.near_majority"), icon="⚖️")
    for note in result.notes:
        st.caption(t("base.note", note=local(note)))
    if result.history:
        _curves(result)
    c1, c2 = st.columns([3, 2])
    with c1:
        st.caption(t("base.confusion"))
        conf = pd.DataFrame(result.test.confusion, index=result.label_names, columns=result.label_names)
        chart(confusion(result.test.confusion, result.label_names, true_title=t("base.confusion.true"),
                        pred_title=t("base.confusion.pred")), key="base_confusion",
              filename="baseline-confusion", data=conf)
    with c2:
        st.caption(t("base.per_class"))
        st.dataframe(pd.DataFrame(result.test.per_class).set_index("label").round(3), width="stretch")


def _predict(result: baseline.BaselineResult) -> None:
    st.subheader(t("base.predict"))
    text = checked(st.text_input(t("base.predict.text"), DEFAULT_TEXT, key="base_text", bind="query-params"))
    with guard():
        pred = baseline.predict(result, _vectors(), text)
        labels = list(pred.scores)
        values = [pred.scores[k] for k in labels]
        fig = bars(labels, values, title=t("base.predict.chart", label=pred.label), highlight={pred.label},
                   x_title=t("bert.chart.prob"), x_range=(0.0, 1.0))
        chart(fig, key="base_pred_chart", filename="baseline-prediction",
              data=pd.DataFrame({"probability": values}, index=labels))
        found = sum(tok.found for tok in pred.tokens)
        st.caption(t("base.predict.words", found=found, total=len(pred.tokens)))
        st.dataframe(pd.DataFrame([{t("base.predict.col.word"): tok.surface,
                                    t("base.predict.col.key"): tok.key or "—",
                                    t("base.predict.col.found"): "✓" if tok.found else "✗"}
                                   for tok in pred.tokens]).T, width="stretch")


# --- the panel ------------------------------------------------------------------------------

def render_baseline_panel(note: str | None = None) -> None:
    """Everything of issue #9 inside the BERT page's sentiment tab. ``note`` (e.g. "no BERT
    is available, so the baseline is shown") is displayed on top."""
    st.subheader(t("base.title"))
    if note:
        st.info(note, icon="ℹ️")
    st.markdown(t("base.lead"))
    st.latex(r"\bar{x} = \frac{1}{T}\sum_{t=1}^{T} x_t,\qquad "
             r"\hat{y} = \mathrm{softmax}(W\bar{x} + b),\quad W \in \mathbb{R}^{K \times 300}")
    data = None
    with guard():
        data = _choose_data()
        if data is not None:
            spec = _label_spec(data)
            data = bert_data.select_labels(data, spec)
            _summary_table(data)
    params = _hyperparameters()
    if data is not None:
        train_with_liverun(data, params)
    result = current_result()
    if result is None:
        st.info(t("base.untrained"), icon="ℹ️")
        return
    if data is not None and result.config.get("split") != data.split_id():
        st.caption(t("base.other_data", split=result.config.get("split", "?")))
    _results(result)
    st.divider()
    _predict(result)


# --- BERT vs baseline -----------------------------------------------------------------------

def render_comparison(rows: list[dict], *, data: bert_data.LabelledData | None = None, key: str = "base_cmp") -> None:
    """One table (and bar chart) of models measured on the same test split.

    ``rows``: dicts made with ``core.bert.baseline.comparison_row(model, accuracy, macro_f1,
    seconds, train_examples=..., split=data.split_id())`` (e.g. the fine-tuned BERT). With
    ``data`` (the LabelledData the BERT was evaluated on) the session's baseline row is added
    when it was trained on the same split; otherwise a button trains it there (seconds)."""
    st.subheader(t("base.compare"))
    rows = list(rows)
    result = current_result()
    if data is not None:
        split = data.split_id()
        if result is None or result.config.get("split") != split:
            trained = train_with_liverun(data, {"epochs": 30, "lr": 0.01, "optimizer": "adam",
                                                "batch_size": 32, "hidden": 0, "seed": 0},
                                         key=f"{key}_train", label=t("base.compare.train"))
            result = trained or (result if result is not None and result.config.get("split") == split else None)
        if result is not None and result.config.get("split") == split:
            rows.append(baseline.baseline_row(result, t("base.compare.baseline")))
    elif result is not None:
        rows.append(baseline.baseline_row(result, t("base.compare.baseline")))
    if not rows:
        st.caption(t("base.compare.none"))
        return
    if len({r.get("split", "") for r in rows}) > 1:
        st.warning(t("base.compare.mismatch"), icon="⚠️")
    df = pd.DataFrame([{t("base.compare.col.model"): r["model"], t("base.compare.col.acc"): round(r["accuracy"], 4),
                        t("base.compare.col.f1"): round(r["macro_f1"], 4), t("base.compare.col.sec"): round(r["seconds"], 1),
                        t("base.compare.col.n"): r.get("train_examples")} for r in rows])
    st.dataframe(df, hide_index=True, width="stretch")
    fig = comparison_figure(df, t("base.compare.col.model"), (t("base.compare.col.acc"), t("base.compare.col.f1")))
    chart(fig, key=f"{key}_chart", filename="bert-vs-baseline", data=df.set_index(t("base.compare.col.model")))
    if rows and rows[0].get("split"):
        st.caption(rows[0]["split"])

