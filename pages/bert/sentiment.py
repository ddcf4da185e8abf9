"""Tab 3 — 感情分析 (sentiment): one sentence → label probabilities; many lines → table + CSV.
The model selector offers the shared BERT classifier, this session's fine-tuned model, and the
word-vector baseline of issue #9 (the default when no BERT is available)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core import ModelUnavailable, hub
from core.bert import sentiment
from core.figures import bars
from pages.bert import explain
from pages.bert.common import untrained_banner
from pages.common import model_source
from pages.common.ui import chart, checked, guard, show_error, t

FT_KEY = "bert_ft_result"  # written by the fine-tuning tab


def _bert_available(source: str) -> ModelUnavailable | None:
    try:
        hub.locate(source)
    except ModelUnavailable as exc:
        return exc
    return None


def render() -> None:
    st.markdown(t("bert.sent.lead"))
    source = model_source.current_source("sentiment")
    missing = _bert_available(source)
    options = ["bert"]
    if st.session_state.get(FT_KEY) is not None:
        options.append("finetuned")
    options.append("baseline")
    default = "baseline" if missing is not None else "bert"
    if st.session_state.get("bert_sent_model") not in options:
        st.session_state.pop("bert_sent_model", None)
    choice = st.radio(t("bert.sent.model"), options, index=options.index(default), key="bert_sent_model",
                      format_func=lambda o: t(f"bert.sent.model.{o}", source=source), horizontal=True)
    if missing is not None and choice != "finetuned":
        st.info(t("bert.sent.no_bert", source=source), icon="ℹ️")
        if choice == "bert":
            show_error(missing)
            from pages.common.download import offer

            offer(source, key="bert_sent_download")
            return
    if choice == "baseline":
        _baseline()
        return
    if choice == "finetuned":
        loaded = st.session_state[FT_KEY].loaded
        st.caption(t("bert.sent.ft_caption", base=st.session_state[FT_KEY].base))
    else:
        from core import resources

        try:
            loaded = resources.bert_sentiment_model(source)
        except ModelUnavailable as exc:
            show_error(exc)
            return
        model_source.model_caption("sentiment")
    untrained_banner(loaded)
    st.caption(t("bert.sent.labels", labels="、".join(loaded.labels)))
    _single(loaded, shared=choice == "bert")
    st.divider()
    _batch(loaded)


def _baseline() -> None:
    from pages.bert.baseline import render_baseline_panel

    render_baseline_panel()
    _baseline_explain()


def _baseline_explain() -> None:
    from core import resources
    from pages.bert.baseline import DEFAULT_TEXT, current_result

    result = current_result()
    if result is not None:
        st.divider()
        explain.baseline(result, resources.word_vectors(), st.session_state.get("base_text", DEFAULT_TEXT))


def _single(loaded, *, shared: bool) -> None:
    text = checked(st.text_input(t("bert.sent.text"), "このホテルはスタッフの対応がとても丁寧で、また泊まりたいです。",
                         key="bert_sent_text", bind="query-params"))
    with guard():
        pred = sentiment.classify_one(loaded, text)
        labels = list(pred.scores)
        fig = bars(labels, [pred.scores[k] for k in labels], title=t("bert.sent.chart", label=pred.label),
                   highlight={pred.label}, x_title=t("bert.chart.prob"))
        chart(fig, key="bert_sent_chart", filename="sentiment",
              data=pd.DataFrame({"probability": [pred.scores[k] for k in labels]}, index=labels))
        if pred.truncated:
            st.info(t("bert.sent.truncated"), icon="✂️")
        explain.bert(loaded, text, shared=shared)


def _batch(loaded) -> None:
    st.markdown(f"**{t('bert.sent.batch')}**")
    text = checked(st.text_area(t("bert.sent.batch.text"), "部屋が広くて快適でした。\n朝食が冷めていて残念でした。\n駅から近い。",
                        key="bert_sent_batch", height=120, help=t("bert.sent.batch.help", n=sentiment.MAX_LINES)), area=True)
    if not st.button(t("bert.sent.batch.run"), key="bert_sent_batch_run"):
        return
    with guard():
        lines = sentiment.parse_lines(text)
        preds = sentiment.classify(loaded, lines)
        df = pd.DataFrame(sentiment.to_rows(preds))
        st.dataframe(df, hide_index=True, width="stretch")
        st.download_button(t("common.download_csv"), df.to_csv(index=False).encode("utf-8-sig"),
                           file_name="sentiment.csv", mime="text/csv", key="bert_sent_batch_csv")
        counts = df["label"].value_counts()
        st.caption(" · ".join(f"{k}: {v}" for k, v in counts.items()))
