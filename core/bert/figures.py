"""Plotly figures of the BERT page (fill-mask and sentiment bars and the confusion matrix are the
app-wide core.figures.bars / confusion). Titles and names come in translated (the page's t());
tokens are plotly text, escaped (plotly understands a few HTML tags).
"""
from __future__ import annotations

import html
from typing import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

MARGIN = dict(l=10, r=10, t=40, b=30)


def attributions_figure(tokens: Sequence[str], scores: dict[str, np.ndarray], method_names: Sequence[str],
                        title: str) -> go.Figure:
    """Tokens × methods (core.bert.explain.Attribution's ``scores``, rows named by ``method_names``),
    each method scaled to its largest |score| (signed: red = towards the predicted class, blue =
    against; attention is ≥ 0)."""
    methods = list(scores)
    Z = np.stack([scores[m] / (np.abs(scores[m]).max() or 1.0) for m in methods])  # (methods, n)
    shown = [html.escape(x) for x in tokens]
    fig = go.Figure(go.Heatmap(z=Z, x=list(range(len(tokens))), y=list(method_names),
                               colorscale="RdBu_r", zmin=-1, zmax=1, zmid=0,
                               customdata=np.stack([np.array(shown)] * len(methods)),
                               hovertemplate="%{customdata}: %{z:.2f}<extra>%{y}</extra>"))
    fig.update_xaxes(tickmode="array", tickvals=list(range(len(tokens))), ticktext=shown)
    fig.update_yaxes(autorange="reversed")  # methods top to bottom in the order of the table
    fig.update_layout(title=title, height=120 + 60 * len(methods), margin=dict(l=10, r=10, t=50, b=10))
    return fig


def history_figure(hist: pd.DataFrame, lines: Sequence[tuple[str, str]], *, title: str, y_title: str,
                   x_title: str = "epoch", hline: tuple[float, str] | None = None) -> go.Figure:
    """One line per (column, name) of ``hist`` present (index = epoch); ``hline`` = (y, label)
    marks a reference level (the majority-class rate)."""
    fig = go.Figure()
    for col, name in lines:
        if col in hist:
            fig.add_trace(go.Scatter(x=hist.index, y=hist[col], mode="lines+markers", name=name))
    if hline is not None:
        fig.add_hline(y=hline[0], line_dash="dot", annotation_text=hline[1])
    fig.update_layout(title=title, xaxis_title=x_title, yaxis_title=y_title, height=320, margin=MARGIN)
    return fig


def loss_accuracy_figure(hist: pd.DataFrame, loss: tuple[str, str], accuracies: Sequence[tuple[str, str, str]], *,
                         y_title: str, y2_title: str, title: str = "", height: int = 320) -> go.Figure:
    """Training loss per step (``loss`` = (column, name)) and accuracies on a second axis 0 … 1
    (``accuracies`` = [(column, name, plotly mode)], missing values skipped: measured now and then)."""
    col, name = loss
    fig = go.Figure(go.Scatter(x=hist.index, y=hist[col], name=name, mode="lines"))
    for col, name, mode in accuracies:
        if col in hist:
            v = hist[col].dropna()
            fig.add_trace(go.Scatter(x=v.index, y=v.values, name=name, yaxis="y2", mode=mode))
    fig.update_layout(title=title, height=height, margin=dict(MARGIN, t=40 if title else 30), xaxis_title="step",
                      yaxis_title=y_title, yaxis2=dict(title=y2_title, overlaying="y", side="right", range=[0, 1]))
    return fig


def procedure_figure(names: Sequence[str], observed: Sequence[float], target: Sequence[float], *,
                     observed_name: str, target_name: str, y_title: str) -> go.Figure:
    """MLM masking: the observed shares of each decision next to the recipe's (15 %, 80/10/10)."""
    fig = go.Figure([go.Bar(name=observed_name, x=list(names), y=list(observed), text=[f"{v:.3f}" for v in observed]),
                     go.Bar(name=target_name, x=list(names), y=list(target))])
    fig.update_layout(barmode="group", height=320, margin=dict(MARGIN, t=30), yaxis_title=y_title)
    return fig


def comparison_figure(df: pd.DataFrame, model_col: str, metric_cols: Sequence[str]) -> go.Figure:
    """Models side by side (grouped bars, 0 … 1) on the metrics in ``metric_cols``."""
    fig = go.Figure()
    for col in metric_cols:
        fig.add_trace(go.Bar(x=df[model_col], y=df[col], name=col, text=df[col], textposition="auto"))
    fig.update_layout(barmode="group", yaxis=dict(range=[0, 1.05]), height=340, margin=dict(MARGIN, t=30))
    return fig
