"""Sentiment tab: which words drove the prediction — [CLS] attention (BERT), gradient × input
and integrated gradients (BERT and the word-vector baseline), with the caveat that attention is
not explanation. Numbers from core.bert.explain."""
from __future__ import annotations

import streamlit as st

from core.bert import explain
from core.bert.figures import attributions_figure
from pages.common.ui import chart, guard, t


def _show(a: explain.Attribution, key: str) -> None:
    fig = attributions_figure(a.tokens, a.scores, [t(f"bert.ex.m.{m}") for m in a.scores], t("bert.ex.fig", label=a.label))
    chart(fig, key=key, filename="attributions", data=a.frame())
    st.caption(t("bert.ex.ig_delta", delta=a.ig_delta))
    st.info(t("bert.ex.caveat"), icon=":material/info:")


def bert(loaded, text: str) -> None:
    st.markdown(f"**{t('bert.ex.title')}**")
    st.caption(t("bert.ex.lead.bert"))
    with guard():
        _show(explain.bert_attributions(loaded, text), "bert_ex_chart")


def baseline(result, kv, text: str) -> None:
    st.markdown(f"**{t('bert.ex.title')}**")
    st.caption(t("bert.ex.lead.baseline"))
    with guard():
        _show(explain.baseline_attributions(result, kv, text), "base_ex_chart")
