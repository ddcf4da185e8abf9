"""Small plotly figures shared by the basics sections (lines with markers, matrices as tables)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

HEIGHT = 340


def layout(fig: go.Figure, title: str, x: str = "", y: str = "", height: int = HEIGHT) -> go.Figure:
    small = height < 300  # keep the legend clear of the x-axis title in short charts
    fig.update_layout(title=title, xaxis_title=x, yaxis_title=y, height=height,
                      margin=dict(l=10, r=10, t=50, b=70 if small else 40),
                      legend=dict(orientation="h", y=-0.5 if small else -0.25))
    return fig


def lines(x: np.ndarray, ys: dict[str, np.ndarray], title: str, xt: str = "", yt: str = "",
          dash: tuple[str, ...] = ()) -> tuple[go.Figure, pd.DataFrame]:
    fig = go.Figure()
    for name, y in ys.items():
        fig.add_trace(go.Scatter(x=x, y=y, mode="lines", name=name,
                                 line=dict(dash="dash" if name in dash else "solid")))
    return layout(fig, title, xt, yt), pd.DataFrame({xt or "x": x, **ys}).set_index(xt or "x")


def matrix(M: np.ndarray, rows: list[str] | None = None, cols: list[str] | None = None) -> pd.DataFrame:
    M = np.atleast_2d(np.asarray(M, dtype=float))
    return pd.DataFrame(M, index=rows or [str(i + 1) for i in range(M.shape[0])],
                        columns=cols or [str(j + 1) for j in range(M.shape[1])])
