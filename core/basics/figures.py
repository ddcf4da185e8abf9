"""Plotly figures of the basics page (/basics): small layout helpers (lines with markers, matrices as
tables) and one builder per section's chart. Titles and names come in translated (the page's t()).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.i18n import t

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


# --- section figures (the page passes translated titles and names) ------------------------------

def activations_figure(grid: np.ndarray, curves: dict[str, tuple[str, np.ndarray]], chosen: str, u: float, y: float,
                       title: str) -> go.Figure:
    """f(u) of each activation (``curves``: key → (name, values); the chosen one thick) and the
    neuron's point (u, y)."""
    fig = go.Figure()
    for key, (name, values) in curves.items():
        fig.add_trace(go.Scatter(x=grid, y=values, mode="lines", name=name, line=dict(width=4 if key == chosen else 1.5)))
    fig.add_trace(go.Scatter(x=[u], y=[y], mode="markers", name="(u, y)", marker=dict(size=12, color="black")))
    return layout(fig, title, "u", "f(u)")


def softmax_figure(labels: list[str], p: np.ndarray, title: str) -> go.Figure:
    """The softmax output y_k as bars on 0 … 1."""
    fig = go.Figure(go.Bar(x=labels, y=p, text=[f"{v:.2f}" for v in p], textposition="outside"))
    fig.update_yaxes(range=[0, 1.1])
    return layout(fig, title, "", "y_k")


def information_figure(labels: list[str], p: np.ndarray, bits: np.ndarray, title: str, x_title: str) -> go.Figure:
    """A distribution p (bars) and each outcome's information −log2 p (line, right axis)."""
    fig = go.Figure([go.Bar(x=labels, y=p, name="p"),
                     go.Scatter(x=labels, y=bits, name="−log2 p (bits)", yaxis="y2", mode="lines+markers")])
    fig.update_layout(yaxis2=dict(overlaying="y", side="right", title="bits"))
    return layout(fig, title, x_title, "p")


def cross_entropy_figure(xs: np.ndarray, ys: np.ndarray, p: float, E: float, here: str, title: str,
                         x_title: str) -> go.Figure:
    """E = −log p over p, with the prediction's point marked."""
    fig = go.Figure([go.Scatter(x=xs, y=ys, mode="lines", name="−log p"),
                     go.Scatter(x=[p], y=[E], mode="markers", marker=dict(size=12), name=here)])
    fig.update_yaxes(range=[0, 5.5])
    return layout(fig, title, x_title, "E")


def descent_1d_figure(ps: np.ndarray, E: np.ndarray, path: np.ndarray, losses: np.ndarray, path_name: str,
                      title: str) -> go.Figure:
    """E(p) and the numbered steps of gradient descent on it."""
    fig = go.Figure([go.Scatter(x=ps, y=E, mode="lines", name="E(p)"),
                     go.Scatter(x=path[:, 0], y=losses, mode="lines+markers+text", name=path_name,
                                text=[str(i) for i in range(len(path))], textposition="top center")])
    return layout(fig, title, "p", "E")


def descent_2d_figure(g: np.ndarray, Z: np.ndarray, path: np.ndarray, path_name: str, title: str) -> go.Figure:
    """Contours of E(p1, p2) on the grid ``g`` × ``g`` and the descent path."""
    fig = go.Figure([go.Contour(x=g, y=g, z=Z, colorscale="Blues", showscale=False,
                                contours=dict(start=0, end=150, size=10)),
                     go.Scatter(x=path[:, 0], y=path[:, 1], mode="lines+markers", name=path_name,
                                line=dict(color="orangered"))])
    fig.update_xaxes(range=[-5, 5])
    fig.update_yaxes(range=[-5, 5], scaleanchor="x")
    return layout(fig, title, "p1", "p2", height=420)


def curves_figure(df: pd.DataFrame, title: str, x: str, y: str, *, log_y: bool = False,
                  y_range: tuple[float, float] | None = None, mode: str = "lines+markers",
                  names: dict[str, str] | None = None, height: int = HEIGHT) -> go.Figure:
    """One line per column of ``df`` over its index (``names``: column → legend name, and only those)."""
    names = names or {col: col for col in df.columns}
    fig = go.Figure([go.Scatter(x=df.index, y=df[col], mode=mode, name=name) for col, name in names.items()])
    if log_y:
        fig.update_yaxes(type="log")
    if y_range:
        fig.update_yaxes(range=list(y_range))
    return layout(fig, title, x, y, height=height)


def fit_figure(x: np.ndarray, y: np.ndarray, data_name: str, fits: list[tuple[str, float, float]], title: str) -> go.Figure:
    """The data points and each fitted line y = w x + b (``fits``: (name, w, b)); a line that
    diverged (not finite or |w|, |b| ≥ 1000) is left out."""
    fig = go.Figure([go.Scatter(x=x, y=y, mode="markers", name=data_name, marker=dict(size=5))])
    xs = np.array([-1.0, 1.0])
    for name, w, b in fits:
        if np.isfinite([w, b]).all() and max(abs(w), abs(b)) < 1e3:
            fig.add_trace(go.Scatter(x=xs, y=w * xs + b, mode="lines", name=f"{name}: y = {w:.2f}x + {b:.2f}"))
    return layout(fig, title, "x", "y")


# the backpropagation graph: node → (x, y) position on the drawing
NODES = {"x": (0, 2), "w": (0, 1), "b": (0, 0), "u": (1.4, 1), "y": (2.8, 1), "E": (4.2, 1), "t": (3.2, 2.3)}
EDGES = [("x", "u"), ("w", "u"), ("b", "u"), ("u", "y"), ("y", "E"), ("t", "E")]


def graph_figure(g, title: str) -> go.Figure:
    """The computation graph of y = σ(w·x + b), E = BCE(y, t) (core.basics.backprop.Graph) with each
    node's forward value (blue) and gradient ∂E/∂node (red)."""
    f, m = g.forward, g.manual
    grad = {"x": m["∂E/∂x"], "w": m["∂E/∂w"], "b": m["∂E/∂b"], "u": m["∂E/∂u"], "y": m["∂E/∂y"], "E": 1.0}
    fig = go.Figure()
    for a, b in EDGES:
        (x0, y0), (x1, y1) = NODES[a], NODES[b]
        fig.add_annotation(x=x1 - 0.25, y=y1 + (y0 - y1) * 0.18, ax=x0 + 0.25, ay=y0, xref="x", yref="y",
                           axref="x", ayref="y", showarrow=True, arrowhead=2, arrowwidth=1.5, arrowcolor="#888")
    names = {"u": "u = w·x + b", "y": "y = σ(u)", "E": "E = BCE(y, t)"}
    xs, ys, text, hover = [], [], [], []
    for n, (x, y) in NODES.items():
        xs.append(x)
        ys.append(y)
        val = f"<b>{names.get(n, n)}</b><br><span style='color:#1f77b4'>= {f[n]:.4f}</span>"
        if n in grad:
            val += f"<br><span style='color:#d62728'>∂E/∂{n} = {grad[n]:.4f}</span>"
        text.append(val)
        hover.append(n)
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="markers+text", text=text, textposition="bottom center",
                             marker=dict(size=26, color="#eef3fb", line=dict(color="#1f77b4", width=2)),
                             hovertext=hover, hoverinfo="text", showlegend=False))
    fig.update_xaxes(visible=False, range=[-0.6, 4.9])
    fig.update_yaxes(visible=False, range=[-0.9, 2.8])
    return layout(fig, title, height=380)


CLASS_COLORS = {0: "#d62728", 1: "#1f77b4", 2: "#2ca02c"}  # the playground's classes (red, blue, green)
MAP_COLORS = ("#f4b6b6", "#b6cfee", "#bfe5bf")  # the same classes, light, for the decision map


def boundary_figure(run, title: str, train_name: str, test_name: str, lang: str = "ja") -> go.Figure:
    """The playground's decision boundary P(class 1 | x) on a grid (core.basics.playground.PlaygroundRun)
    with the training points (circles) and the test points (crosses)."""
    xs, ys, Z = run.probabilities()
    if Z.ndim == 3:  # K classes: colour = argmax_k ŷ_k, hover = the softmax
        K = Z.shape[2]
        scale = [[v, MAP_COLORS[k]] for k in range(K) for v in (k / K, (k + 1) / K)]
        fig = go.Figure(go.Heatmap(x=xs, y=ys, z=Z.argmax(axis=2), zmin=-0.5, zmax=K - 0.5, colorscale=scale,
                                   showscale=False, customdata=Z,
                                   hovertemplate="x1=%{x:.2f}, x2=%{y:.2f}<br>" + "<br>".join(
                                       f"P({k})=%{{customdata[{k}]:.2f}}" for k in range(K)) + "<extra></extra>"))
    else:
        fig = go.Figure(go.Heatmap(x=xs, y=ys, z=Z, zmin=0, zmax=1, colorscale="RdBu", opacity=0.75,
                                   colorbar=dict(title=t("basics.pg.p_blue", lang), len=0.8)))
    for X, tt, name, symbol in ((run.X_train, run.t_train, train_name, "circle"),
                                (run.X_test, run.t_test, test_name, "x")):
        fig.add_trace(go.Scatter(x=X[:, 0], y=X[:, 1], mode="markers", name=name,
                                 marker=dict(symbol=symbol, size=6, color=[CLASS_COLORS[int(v)] for v in tt],
                                             line=dict(width=0.5, color="white"))))
    fig.update_xaxes(range=[xs[0], xs[-1]], constrain="domain")
    fig.update_yaxes(range=[ys[0], ys[-1]], scaleanchor="x")
    return layout(fig, title, "x1", "x2", height=440)


def points_figure(X: np.ndarray, tt: np.ndarray, title: str) -> go.Figure:
    """A playground data set before training, coloured by class."""
    fig = go.Figure(go.Scatter(x=X[:, 0], y=X[:, 1], mode="markers", showlegend=False,
                               marker=dict(size=6, color=[CLASS_COLORS[int(v)] for v in tt])))
    fig.update_yaxes(scaleanchor="x")
    return layout(fig, title, "x1", "x2", height=400)


# --- CNN ----------------------------------------------------------------------------------------

def grid_figure(M: np.ndarray, title: str, box: tuple[int, int, int] | None = None, *, colorscale: str = "Greys",
                zmid: float | None = None, height: int = 300, digits: int = 0) -> go.Figure:
    """A small matrix as an image with its values written in the cells (row 0 on top), and the
    window ``box = (top, left, k)`` outlined (the convolution's current step)."""
    M = np.asarray(M, dtype=float)
    text = [["" if not np.isfinite(v) else f"{v:.{digits}f}" for v in row] for row in M]
    fig = go.Figure(go.Heatmap(z=M, text=text, texttemplate="%{text}", colorscale=colorscale, zmid=zmid,
                               showscale=False, hovertemplate="row %{y}, col %{x}: %{z}<extra></extra>"))
    if box is not None:
        r, c, k = box
        fig.add_shape(type="rect", x0=c - 0.5, x1=c + k - 0.5, y0=r - 0.5, y1=r + k - 0.5,
                      line={"color": "orangered", "width": 3})
    fig.update_yaxes(autorange="reversed", scaleanchor="x", showgrid=False, dtick=1)
    fig.update_xaxes(showgrid=False, dtick=1, side="top")
    return layout(fig, title, height=height)


def bars_figure(names: list[str], values: list[float], title: str, y: str, *, log_y: bool = False) -> go.Figure:
    """One bar per name (a comparison of a few numbers: accuracies, parameter counts, gradient norms)."""
    fig = go.Figure(go.Bar(x=names, y=values, text=[f"{v:.3g}" for v in values], textposition="auto"))
    if log_y:
        fig.update_yaxes(type="log")
    return layout(fig, title, "", y)
