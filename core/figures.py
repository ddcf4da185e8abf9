"""Figures drawn the same way on several pages: horizontal bars of scores (probabilities,
similarities) and the confusion matrix. Each area's own figures live in ``core/<area>/figures.py``.

Labels come in as arguments (the page translates them; core never imports streamlit); tokens
and class names are plotly text, never HTML.
"""
from __future__ import annotations

from typing import Collection, Sequence

import plotly.graph_objects as go

BLUE = "#1f77b4"
RED = "#d62728"


def bars(labels: Sequence[str], values: Sequence[float], *, title: str = "", x_title: str = "",
         highlight: Collection[str] | None = None,
         x_range: tuple[float, float] | None = None) -> go.Figure:
    """Horizontal bars in the order given, the first on top (pass them best first); labels in
    ``highlight`` red, the others blue; each bar shows its value.

    ``x_range=None`` fits the axis to the values (0 … 1.15 × the largest, so small probabilities
    stay readable); ``x_range=(lo, hi)`` shows at least lo … hi, widened to fit the values
    (cosine similarities: (-0.2, 1.0); probabilities on a fixed scale: (0.0, 1.0))."""
    labels, values = [str(lab) for lab in labels], [float(v) for v in values]
    highlight = set(highlight or ())
    fig = go.Figure(go.Bar(x=values, y=labels, orientation="h",
                           marker_color=[RED if lab in highlight else BLUE for lab in labels],
                           text=[f"{v:.3f}" for v in values], textposition="auto",
                           hovertemplate="%{y}: %{x:.4f}<extra></extra>"))
    fig.update_layout(title=title, xaxis_title=x_title, yaxis=dict(autorange="reversed", type="category"),
                      height=max(180, 32 * len(labels) + 100), margin=dict(l=10, r=30, t=50, b=40))
    if x_range is None:
        fig.update_xaxes(range=[min(0.0, min(values, default=0.0)), max(values + [0.01]) * 1.15])
    else:
        lo = min(x_range[0], min(values, default=0.0) - 0.05)
        fig.update_xaxes(range=[lo, max(x_range[1], max(values, default=0.0) + 0.1)])
    return fig


def confusion(matrix: Sequence[Sequence[int]], labels: Sequence[str], *, true_title: str, pred_title: str,
              title: str = "") -> go.Figure:
    """Counts of examples of true class i (row) predicted as j (column), in the order of
    ``labels`` (core.metrics' ``confusion``); each cell shows its count."""
    names = [str(lab) for lab in labels]
    fig = go.Figure(go.Heatmap(z=matrix, x=names, y=names, colorscale="Blues", text=matrix, texttemplate="%{text}",
                               showscale=False,
                               hovertemplate=f"{true_title} %{{y}} → {pred_title} %{{x}}: %{{z}}<extra></extra>"))
    fig.update_layout(title=title, xaxis=dict(title=pred_title, type="category"),
                      yaxis=dict(title=true_title, type="category", autorange="reversed"),
                      height=140 + 70 * len(names), margin=dict(l=10, r=10, t=40 if title else 30, b=30))
    return fig
