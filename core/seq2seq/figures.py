"""Plotly figures of the seq2seq page (no streamlit here): training curves, exact match by
input length, attention heatmaps. Each returns (figure, DataFrame for the CSV export)."""
from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots


def curves(histories: dict[str, list[dict]], labels: dict[str, str], title: str = ""):
    """Loss (left) and validation exact match (right) per epoch, one line per run (overlaid)."""
    fig = make_subplots(rows=1, cols=2, subplot_titles=(labels.get("loss", "loss"), labels.get("em", "exact match")))
    rows = []
    colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]
    for i, (name, hist) in enumerate(histories.items()):
        if not hist:
            continue
        ep = [h["epoch"] for h in hist]
        c = colors[i % len(colors)]
        fig.add_trace(go.Scatter(x=ep, y=[h["loss"] for h in hist], mode="lines+markers", name=name,
                                 legendgroup=name, line=dict(color=c)), row=1, col=1)
        fig.add_trace(go.Scatter(x=ep, y=[h["val_exact_match"] for h in hist], mode="lines+markers", name=name,
                                 legendgroup=name, showlegend=False, line=dict(color=c)), row=1, col=2)
        rows += [{"run": name, **h} for h in hist]
    fig.update_xaxes(title_text=labels.get("epoch", "epoch"), dtick=1)
    fig.update_yaxes(type="log", row=1, col=1)
    fig.update_yaxes(range=[0, 1.02], tickformat=".0%", row=1, col=2)
    fig.update_layout(height=360, title=title, margin=dict(t=60, b=40, l=40, r=20))
    return fig, pd.DataFrame(rows)


def by_length(results: dict[str, list[dict]], labels: dict[str, str]):
    """Exact match against input-length group, one bar series per model."""
    fig = go.Figure()
    rows = []
    for name, groups in results.items():
        fig.add_trace(go.Bar(x=[g["length"] for g in groups], y=[g["exact_match"] for g in groups], name=name,
                             customdata=[g["n"] for g in groups],
                             hovertemplate="%{x}: %{y:.1%} (n=%{customdata})<extra>" + name + "</extra>"))
        rows += [{"model": name, **g} for g in groups]
    fig.update_layout(barmode="group", height=340, yaxis=dict(range=[0, 1.02], tickformat=".0%"),
                      xaxis_title=labels.get("len", "input length"), yaxis_title=labels.get("em", "exact match"),
                      margin=dict(t=30, b=40, l=40, r=20))
    return fig, pd.DataFrame(rows)


def _label(token: str) -> str:
    """Plotly reads a few HTML tags in labels: "</s>" would break the layout and user text must
    never become markup, so < > & are escaped."""
    return html.escape(str(token), quote=False)


def attention_heatmap(att: np.ndarray, src_tokens: list[str], out_tokens: list[str], title: str = "",
                      hover: str = "output %{customdata[0]} ← input %{customdata[1]}: %{z:.3f}"):
    """Rows: output tokens (top to bottom), columns: source tokens. Positions index the axes,
    so repeated tokens (the two 9s of 1994) stay separate cells; labels come from ticktext."""
    att = np.asarray(att, dtype=float)
    T, S = att.shape
    src = [_label("␣" if s in ("▁", " ") else s) for s in src_tokens][:S]
    out = [_label(o) for o in out_tokens][:T]
    custom = np.empty((T, S, 2), dtype=object)
    for i in range(T):
        for j in range(S):
            custom[i, j] = (out[i], src[j])
    fig = go.Figure(go.Heatmap(z=att, x=list(range(S)), y=list(range(T)), colorscale="Blues", zmin=0,
                               zmax=max(1e-9, float(att.max()) if att.size else 1.0),
                               customdata=custom, hovertemplate=hover + "<extra></extra>",
                               colorbar=dict(title="a")))
    fig.update_xaxes(tickmode="array", tickvals=list(range(S)), ticktext=src, side="top", tickangle=0)
    fig.update_yaxes(tickmode="array", tickvals=list(range(T)), ticktext=out, autorange="reversed")
    fig.update_layout(height=max(300, 30 * T + 140), title=title, margin=dict(t=90, b=20, l=60, r=20))
    df = pd.DataFrame(att, index=[f"{i}:{o}" for i, o in enumerate(out_tokens[:T])],
                      columns=[f"{j}:{s}" for j, s in enumerate(src_tokens[:S])])
    return fig, df


def model_view(cross: np.ndarray, src_tokens: list[str], out_tokens: list[str], title: str = ""):
    """bertviz-style "model view" of cross-attention: a grid of small heatmaps, one row per
    layer and one column per head (L, H, out, src)."""
    cross = np.asarray(cross, dtype=float)
    L, H, T, S = cross.shape
    fig = make_subplots(rows=L, cols=H, horizontal_spacing=0.01, vertical_spacing=0.02,
                        row_titles=[f"L{layer + 1}" for layer in range(L)], column_titles=[f"H{h + 1}" for h in range(H)])
    src = [_label(s) for s in src_tokens][:S]
    out = [_label(o) for o in out_tokens][:T]
    custom = np.empty((T, S, 2), dtype=object)  # positions index the axes: repeated tokens stay apart
    for i in range(T):
        for j in range(S):
            custom[i, j] = (out[i], src[j])
    rows = []
    for layer in range(L):
        for h in range(H):
            fig.add_trace(go.Heatmap(z=cross[layer, h], x=list(range(S)), y=list(range(T)), customdata=custom,
                                     colorscale="Blues", zmin=0, zmax=1, showscale=False,
                                     hovertemplate=f"L{layer + 1} H{h + 1}: " + "%{customdata[0]} ← %{customdata[1]}: "
                                     "%{z:.3f}<extra></extra>"),
                          row=layer + 1, col=h + 1)
            for i in range(T):
                for j in range(S):
                    rows.append({"layer": layer + 1, "head": h + 1, "out": i, "out_token": out_tokens[i],
                                 "src": j, "src_token": src_tokens[j], "weight": float(cross[layer, h, i, j])})
    fig.update_xaxes(showticklabels=False)
    fig.update_yaxes(showticklabels=False, autorange="reversed")
    fig.update_layout(height=max(300, 110 * L + 80), title=title, margin=dict(t=70, b=10, l=10, r=40))
    return fig, pd.DataFrame(rows)
