"""Sentiment tab: which words drove the prediction — [CLS] attention (BERT), gradient × input
and integrated gradients (BERT and the word-vector baseline), with the caveat that attention is
not explanation. Numbers from core.bert.explain."""
from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from core.bert import explain
from pages.common.ui import chart, guard, t


def figure(a: explain.Attribution, title: str) -> go.Figure:
    """Tokens × methods, each method scaled to its largest |score| (signed: red = towards the
    predicted class, blue = against; attention is ≥ 0). Tokens escaped for plotly text."""
    methods = list(a.scores)
    Z = np.stack([a.scores[m] / (np.abs(a.scores[m]).max() or 1.0) for m in methods])  # (methods, n)
    fig = go.Figure(go.Heatmap(z=Z, x=list(range(len(a.tokens))), y=[t(f"bert.ex.m.{m}") for m in methods],
                               colorscale="RdBu_r", zmin=-1, zmax=1, zmid=0,
                               customdata=np.stack([np.array([html.escape(x) for x in a.tokens])] * len(methods)),
                               hovertemplate="%{customdata}: %{z:.2f}<extra>%{y}</extra>"))
    fig.update_xaxes(tickmode="array", tickvals=list(range(len(a.tokens))), ticktext=[html.escape(x) for x in a.tokens])
    fig.update_yaxes(autorange="reversed")  # methods top to bottom in the order of the table
    fig.update_layout(title=title, height=120 + 60 * len(methods), margin=dict(l=10, r=10, t=50, b=10))
    return fig


def _show(a: explain.Attribution, key: str) -> None:
    chart(figure(a, t("bert.ex.fig", label=a.label)), key=key, filename="attributions", data=a.frame())
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
