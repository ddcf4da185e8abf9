"""Plotly figures of the word2vec page (tokens enter only as plotly text, never as HTML); the
neighbour / analogy / probability bars are core.figures.bars."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from core.i18n import t

PALETTE = px.colors.qualitative.Safe + px.colors.qualitative.Set2
COSINE_RANGE = (-0.2, 1.0)  # the x axis of cosine-similarity bars (core.figures.bars), widened to fit


def scatter(coords: np.ndarray, words: list[str], groups: list[str], *, title: str,
            arrows: list[tuple[str, str, str]] | None = None) -> go.Figure:
    """WebGL scatter (Scattergl in 2D, Scatter3d in 3D) coloured by group, labels on hover and
    as text; ``arrows`` = [(start word, end word, label)] drawn as arrows (2D) / lines (3D)."""
    dims = coords.shape[1]
    pos = {w: coords[i] for i, w in enumerate(words)}
    fig = go.Figure()
    for gi, group in enumerate(dict.fromkeys(groups)):
        idx = [i for i, g in enumerate(groups) if g == group]
        color = PALETTE[gi % len(PALETTE)]
        text = [words[i] for i in idx]
        show_text = len(words) <= 150
        if dims == 2:
            fig.add_trace(go.Scattergl(x=coords[idx, 0], y=coords[idx, 1], mode="markers+text" if show_text else "markers",
                                       text=text, textposition="top center", name=group,
                                       marker=dict(size=9, color=color), hovertemplate="%{text}<extra>" + group + "</extra>"))
        else:
            fig.add_trace(go.Scatter3d(x=coords[idx, 0], y=coords[idx, 1], z=coords[idx, 2],
                                       mode="markers+text" if show_text else "markers", text=text, name=group,
                                       marker=dict(size=4, color=color), hovertemplate="%{text}<extra>" + group + "</extra>"))
    for k, (a, b, label) in enumerate(arrows or []):
        if a not in pos or b not in pos:
            continue
        p, q = pos[a], pos[b]
        color = ["#d62728", "#9467bd", "#8c564b"][k % 3]
        if dims == 2:
            fig.add_annotation(x=float(q[0]), y=float(q[1]), ax=float(p[0]), ay=float(p[1]), xref="x", yref="y",
                               axref="x", ayref="y", showarrow=True, arrowhead=3, arrowsize=1.5, arrowwidth=2.5,
                               arrowcolor=color, text="")
            fig.add_trace(go.Scatter(x=[p[0], q[0]], y=[p[1], q[1]], mode="lines", name=label,
                                     line=dict(color=color, width=0.1), hoverinfo="skip"))
        else:
            fig.add_trace(go.Scatter3d(x=[p[0], q[0]], y=[p[1], q[1]], z=[p[2], q[2]], mode="lines", name=label,
                                       line=dict(color=color, width=7), hoverinfo="skip"))
            d = q - p
            fig.add_trace(go.Cone(x=[q[0]], y=[q[1]], z=[q[2]], u=[d[0]], v=[d[1]], w=[d[2]], sizemode="absolute",
                                  sizeref=float(np.linalg.norm(d) * 0.15 + 1e-6), anchor="tip", showscale=False,
                                  colorscale=[[0, color], [1, color]], hoverinfo="skip", name=label))
    fig.update_layout(title=title, height=640, legend=dict(itemsizing="constant"), margin=dict(l=10, r=10, t=50, b=10))
    return fig


def heatmap(matrix: np.ndarray, rows: list[str], cols: list[str], *, title: str, zmid: float | None = 0.0) -> go.Figure:
    fig = go.Figure(go.Heatmap(z=matrix, x=cols, y=rows, colorscale="RdBu", reversescale=True, zmid=zmid,
                               texttemplate="%{z:.2f}",
                               hovertemplate="%{y} / %{x}: %{z:.3f}<extra></extra>"))
    fig.update_layout(title=title, yaxis=dict(autorange="reversed", type="category"), xaxis=dict(type="category"),
                      height=max(300, 26 * len(rows) + 120), margin=dict(l=10, r=10, t=50, b=40))
    return fig


def lines(df: pd.DataFrame, x: str, ys: list[str], *, title: str, y_title: str = "") -> go.Figure:
    fig = go.Figure()
    for y in ys:
        fig.add_trace(go.Scatter(x=df[x], y=df[y], mode="lines+markers" if len(df) < 60 else "lines", name=y))
    fig.update_layout(title=title, xaxis_title=x, yaxis_title=y_title, height=340, margin=dict(l=10, r=10, t=50, b=40))
    return fig


def pairs_scatter(df: pd.DataFrame, *, title: str, lang: str = "ja") -> go.Figure:
    ok = df.dropna(subset=["cosine"])
    fig = go.Figure(go.Scattergl(x=ok["score"], y=ok["cosine"], mode="markers",
                                 text=ok["word1"] + " – " + ok["word2"],
                                 hovertemplate="%{text}<br>score=%{x}<br>cos=%{y:.3f}<extra></extra>"))
    fig.update_layout(title=title, xaxis_title=t("w2v.axis.human", lang), yaxis_title=t("w2v.axis.cosine", lang),
                      height=420, margin=dict(l=10, r=10, t=50, b=40))
    return fig


def grouped_bars(df: pd.DataFrame, x: str, ys: list[str], *, title: str, y_title: str = "") -> go.Figure:
    fig = go.Figure()
    for y in ys:
        fig.add_trace(go.Bar(x=df[x], y=df[y], name=y))
    fig.update_layout(title=title, barmode="group", yaxis_title=y_title, xaxis=dict(type="category"),
                      height=360, margin=dict(l=10, r=10, t=50, b=40))
    return fig


def dendrogram(d: dict, colors: dict[str, str] | None = None, *, title: str, y_title: str = "") -> go.Figure:
    """scipy's dendrogram layout (core.word2vec.cluster.dendrogram) as plotly lines; leaf labels
    escaped (plotly text understands a few HTML tags), coloured by ``colors`` (word → colour)."""
    import html

    fig = go.Figure()
    for xs, ys in zip(d["icoord"], d["dcoord"]):
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color="#555", width=1.5), hoverinfo="skip",
                                 showlegend=False))
    leaves = d["leaves"]
    ticks = [f"<span style='color:{(colors or {}).get(w, '#222')}'>{html.escape(w)}</span>" for w in leaves]
    fig.update_xaxes(tickmode="array", tickvals=[5 + 10 * i for i in range(len(leaves))], ticktext=ticks,
                     tickangle=-60)
    fig.update_layout(title=title, yaxis_title=y_title, height=460, margin=dict(l=10, r=10, t=50, b=10))
    return fig
