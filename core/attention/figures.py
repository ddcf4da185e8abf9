"""Plotly figures (and their CSV tables) of the attention page (issue #6).

Every figure builder returns ``(fig, frame)``: the plotly figure and a pandas DataFrame with the
numbers behind it (the page passes both to pages.common.ui.chart → PNG + CSV export).

Tokens become plotly text (tick labels, hover). Plotly renders a subset of HTML in text, so each
token goes through ``label()`` (html.escape): ``<img src=x onerror=…>`` shows literally and
nothing is interpreted. The CSV keeps the raw tokens (a CSV is not HTML).
"""
from __future__ import annotations

import html
from typing import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.i18n import t

ANNOTATE_MAX_CELLS = 600  # above this, heatmaps show colours only (values stay in hover and CSV)
ANNOTATE_MAX_COLS = 24  # wider matrices (Q with d_k = 64, chiVe's 300 dims) are too narrow for numbers
MAX_TICKS = 32  # tick labels beyond this are thinned (every k-th)
WEIGHT_SCALE = "Blues"
SIGNED_SCALE = "RdBu_r"


def label(token: str) -> str:
    """A token made safe for plotly text (which understands a few HTML tags)."""
    return html.escape(str(token), quote=True)


def labels(tokens: Sequence[str]) -> list[str]:
    return [label(t) for t in tokens]


def _np(x) -> np.ndarray:
    if hasattr(x, "detach"):
        x = x.detach().float().cpu().numpy()
    return np.asarray(x, dtype=np.float32)


def frame(M, rows: Sequence[str], cols: Sequence[str]) -> pd.DataFrame:
    """The matrix as a table for CSV: raw tokens as row / column names."""
    return pd.DataFrame(_np(M), index=list(rows), columns=list(cols))


def dims(n: int, prefix: str = "d") -> list[str]:
    return [f"{prefix}{i}" for i in range(n)]


def heatmap(M, rows: Sequence[str], cols: Sequence[str], *, title: str = "", signed: bool = False,
            annotate: bool | None = None, fmt: str = ".2f", masked=None, zmin=None, zmax=None,
            height: int | None = None, row_title: str = "", col_title: str = "",
            colorscale: str | None = None) -> tuple[go.Figure, pd.DataFrame]:
    """An annotated heatmap with the actual values in the cells.

    ``masked`` (bool array, True = hidden) cells show "−∞". ``signed`` uses a diverging
    colour scale centred on 0 (scores); otherwise a sequential one (weights).
    """
    Z = _np(M)
    n_r, n_c = Z.shape
    hidden = np.zeros_like(Z, dtype=bool) if masked is None else _np(masked).astype(bool)
    show = np.where(hidden | ~np.isfinite(Z), np.nan, Z)
    if annotate is None:
        annotate = n_r * n_c <= ANNOTATE_MAX_CELLS and n_c <= ANNOTATE_MAX_COLS
    rl, cl = labels(rows), labels(cols)
    text = np.array([["−∞" if hidden[i, j] else format(Z[i, j], fmt) for j in range(n_c)]
                     for i in range(n_r)], dtype=object)
    custom = np.dstack(np.broadcast_arrays(np.array(rl, dtype=object)[:, None],
                                           np.array(cl, dtype=object)[None, :], text))
    tr = dict(z=show, x=list(range(n_c)), y=list(range(n_r)), customdata=custom,
              hovertemplate="%{customdata[0]} → %{customdata[1]}: %{customdata[2]}<extra></extra>",
              colorscale=colorscale or (SIGNED_SCALE if signed else WEIGHT_SCALE),
              xgap=0 if n_c > ANNOTATE_MAX_COLS else 1, ygap=1)
    if signed:
        lim = float(np.nanmax(np.abs(show))) if np.isfinite(show).any() else 1.0
        tr.update(zmid=0, zmin=-lim, zmax=lim)
    if zmin is not None:
        tr["zmin"] = zmin
    if zmax is not None:
        tr["zmax"] = zmax
    if annotate:
        tr.update(text=text, texttemplate="%{text}", textfont=dict(size=11))
    fig = go.Figure(go.Heatmap(**tr))
    wide = n_c > ANNOTATE_MAX_COLS
    kx, ky = -(-n_c // (8 if wide else MAX_TICKS)), -(-n_r // MAX_TICKS)
    fig.update_xaxes(tickmode="array", tickvals=list(range(0, n_c, kx)), ticktext=cl[::kx], side="top",
                     title_text=col_title, showgrid=False)
    fig.update_yaxes(tickmode="array", tickvals=list(range(0, n_r, ky)), ticktext=rl[::ky], autorange="reversed",
                     title_text=row_title, showgrid=False)
    fig.update_layout(title=dict(text=title, y=0.99 if col_title else None), margin=dict(l=10, r=10, t=70, b=10),
                      height=height or max(220, min(900, 60 + 32 * n_r)))
    return fig, frame(np.where(hidden, -np.inf, Z), rows, cols)


def weights_bar(weights, tokens: Sequence[str], query: str, *, hard=None, sampled=None, title: str = "",
                lang: str = "ja") -> tuple[go.Figure, pd.DataFrame]:
    """The attention weights of one query over the keys (soft), with the hard picks beside it:
    ``hard`` = argmax, ``sampled`` = one key drawn from the weights (the notes' hard attention)."""
    w = _np(weights)
    x = list(range(len(tokens)))
    fig = go.Figure(go.Bar(x=x, y=w, name="soft (softmax)", marker_color="#3b7dd8",
                           text=[f"{v:.2f}" for v in w], textposition="outside",
                           customdata=labels(tokens), hovertemplate="%{customdata}: %{y:.3f}<extra></extra>"))
    data = {"soft": w}
    if hard is not None:
        hw = _np(hard)
        fig.add_bar(x=x, y=hw, name="hard (argmax)", marker_color="#e07b39", opacity=0.8,
                    customdata=labels(tokens), hovertemplate="%{customdata}: %{y:.0f}<extra></extra>")
        data["hard"] = hw
    if sampled is not None:
        sw = _np(sampled)
        fig.add_bar(x=x, y=sw, name="hard (sampling)", marker_color="#2a9d5c", opacity=0.8,
                    customdata=labels(tokens), hovertemplate="%{customdata}: %{y:.0f}<extra></extra>")
        data["hard_sampled"] = sw
    fig.update_xaxes(tickmode="array", tickvals=x, ticktext=labels(tokens))
    fig.update_yaxes(range=[0, 1.15], title_text=t("att.fig.weight", lang))
    fig.update_layout(title=title or t("att.fig.weights_of", lang, q=label(query)), barmode="group", height=320,
                      margin=dict(l=10, r=10, t=50, b=10), legend=dict(orientation="h", y=1.12))
    return fig, pd.DataFrame(data, index=list(tokens))


# --- positional encoding -------------------------------------------------------------------------

def pe_heatmap(pe, *, transpose: bool = False, lang: str = "ja") -> tuple[go.Figure, pd.DataFrame]:
    """PE as a heatmap in the slide's orientation: position pos on the horizontal axis, dimension
    i on the vertical axis (dimension 0 at the bottom). ``transpose=True`` swaps the axes
    (position down the side, as a table of rows = positions). The frame follows the figure."""
    P = _np(pe)  # (max_len, d_model)
    if transpose:
        z, x_title, y_title = P, t("att.fig.dim", lang), t("att.fig.pos", lang)
        hover = "pos %{y}, dim %{x}: %{z:.3f}<extra></extra>"
        frame = pd.DataFrame(P, index=pd.RangeIndex(P.shape[0], name="pos"), columns=dims(P.shape[1]))
    else:
        z, x_title, y_title = P.T, t("att.fig.pos", lang), t("att.fig.dim", lang)  # (d_model, max_len)
        hover = "pos %{x}, dim %{y}: %{z:.3f}<extra></extra>"
        frame = pd.DataFrame(P.T, index=pd.RangeIndex(P.shape[1], name="dim"), columns=dims(P.shape[0], "pos"))
    fig = go.Figure(go.Heatmap(z=z, colorscale=SIGNED_SCALE, zmin=-1, zmax=1, zmid=0,
                               colorbar=dict(title="PE"), hovertemplate=hover))
    fig.update_xaxes(title_text=x_title)
    fig.update_yaxes(title_text=y_title, autorange="reversed" if transpose else True)
    fig.update_layout(title=t("att.fig.pe", lang, n=P.shape[0], d=P.shape[1]), height=520,
                      margin=dict(l=10, r=10, t=50, b=10))
    return fig, frame


def pe_lines(pe, chosen: Sequence[int], lang: str = "ja") -> tuple[go.Figure, pd.DataFrame]:
    P = _np(pe)
    pos = np.arange(P.shape[0])
    fig = go.Figure()
    cols = {}
    for d in chosen:
        kind = "sin" if d % 2 == 0 else "cos"
        fig.add_scatter(x=pos, y=P[:, d], mode="lines", name=f"dim {d} ({kind})")
        cols[f"d{d}"] = P[:, d]
    fig.update_xaxes(title_text=t("att.fig.pos_short", lang))
    fig.update_yaxes(title_text="PE(pos, i)", range=[-1.1, 1.1])
    fig.update_layout(title=t("att.fig.pe_lines", lang), height=360,
                      margin=dict(l=10, r=10, t=50, b=10))
    return fig, pd.DataFrame(cols, index=pd.RangeIndex(P.shape[0], name="pos"))


def pe_dot(offsets, dots, p: int, lang: str = "ja") -> tuple[go.Figure, pd.DataFrame]:
    o, d = _np(offsets).astype(int), _np(dots)
    fig = go.Figure(go.Scatter(x=o, y=d, mode="lines+markers", marker=dict(size=4),
                               hovertemplate="q − p = %{x}: %{y:.2f}<extra></extra>"))
    fig.update_xaxes(title_text=t("att.fig.pe_dot_x", lang, p=p))
    fig.update_yaxes(title_text="PE(p) · PE(q)")
    fig.update_layout(title=t("att.fig.pe_dot", lang), height=360,
                      margin=dict(l=10, r=10, t=50, b=10))
    return fig, pd.DataFrame({"q_minus_p": o, "dot": d})


# --- BERT: model view and head view --------------------------------------------------------------

MODEL_VIEW_CSV_MAX = 400_000  # weights; above this the page asks to narrow the filters for a CSV


def model_grid(attn, layers: Sequence[int], heads: Sequence[int] | None, average: bool = False,
               lang: str = "ja"):
    """The (layers × heads × n × n) block the model view shows, and its column names."""
    A = _np(attn)
    heads = list(range(A.shape[1])) if heads is None else list(heads)
    layers = list(layers)
    if average:
        return A[layers][:, heads].mean(axis=1, keepdims=True), [t("att.fig.mean", lang)], ["mean"]
    return A[layers][:, heads], [f"H{h}" for h in heads], heads


def model_view(attn, tokens: Sequence[str], *, layers: Sequence[int], heads: Sequence[int] | None,
               average: bool = False, cell_px: int = 90, with_data: bool = True,
               lang: str = "ja") -> tuple[go.Figure, pd.DataFrame | None]:
    """bertviz's model view: a grid of small heatmaps, one per (layer, head).

    ``attn`` is (L, H, n, n) (query rows, key columns). With ``average`` each layer shows the
    mean over the selected heads (one column). The grid is ONE heatmap trace over a tiled
    matrix with NaN gaps between the tiles (a 12 × 12 grid of 128 × 128 tiles builds in
    milliseconds; 144 subplots would take seconds); hover names layer, head, query and key.
    The CSV is long-form (layer, head, query, key, weight); ``with_data=False`` skips it.
    """
    grid, col_names, head_ids = model_grid(attn, layers, heads, average, lang)
    layers = list(layers)
    n_l, n_h, n = grid.shape[0], grid.shape[1], grid.shape[-1]
    gap = max(1, n // 12)
    step = n + gap
    tiled = np.full((n_l * step - gap, n_h * step - gap), np.nan, dtype=np.float32)
    for r in range(n_l):
        for c in range(n_h):
            tiled[r * step:r * step + n, c * step:c * step + n] = grid[r, c]
    lab = labels(tokens)
    # unique category labels: the hover shows them; gaps get invisible unique names
    xs, ys = [], []
    for c in range(n_h):
        xs += [f"{col_names[c]} {t('att.fig.key', lang)} {j}: {lab[j]}" for j in range(n)]
        if c < n_h - 1:
            xs += [" " * (k + 1) + f"\u200b{c}" for k in range(gap)]
    for r in range(n_l):
        ys += [f"L{layers[r]} {t('att.fig.query', lang)} {i}: {lab[i]}" for i in range(n)]
        if r < n_l - 1:
            ys += [" " * (k + 1) + f"\u200c{r}" for k in range(gap)]
    top = float(np.nanmax(grid)) if grid.size else 1.0
    fig = go.Figure(go.Heatmap(z=tiled, x=xs, y=ys, colorscale=WEIGHT_SCALE, zmin=0, zmax=max(top, 1e-6),
                               hoverongaps=False, colorbar=dict(thickness=10, len=0.5),
                               hovertemplate="%{y}<br>→ %{x}<br>" + t("att.fig.weight_short", lang) + " %{z:.3f}<extra></extra>"))
    fig.update_xaxes(showticklabels=False, ticks="", showgrid=False, zeroline=False, type="category")
    fig.update_yaxes(showticklabels=False, ticks="", showgrid=False, zeroline=False, type="category",
                     autorange="reversed")
    ann = [dict(x=c * step + (n - 1) / 2, y=-0.5, xref="x", yref="y", text=col_names[c], showarrow=False,
                yanchor="bottom", font=dict(size=11)) for c in range(n_h)]
    ann += [dict(x=-0.5, y=r * step + (n - 1) / 2, xref="x", yref="y", text=f"L{layers[r]}", showarrow=False,
                 xanchor="right", font=dict(size=11)) for r in range(n_l)]
    fig.update_layout(annotations=ann, height=max(300, 40 + n_l * cell_px),
                      margin=dict(l=40, r=10, t=30, b=10), title=None, plot_bgcolor="rgba(0,0,0,0)")
    if not with_data:
        return fig, None
    idx = np.arange(n)
    L_, H_, Qi, Ki = np.meshgrid(np.array(layers), np.arange(n_h), idx, idx, indexing="ij")
    uniq, inv = np.unique(np.array([str(x) for x in tokens], dtype=object), return_inverse=True)
    heads_col = np.array([str(h) for h in head_ids], dtype=object)
    data = pd.DataFrame({"layer": L_.ravel(), "head": pd.Categorical.from_codes(H_.ravel(), heads_col),
                         "query_index": Qi.ravel(), "query": pd.Categorical.from_codes(inv[Qi.ravel()], uniq),
                         "key_index": Ki.ravel(), "key": pd.Categorical.from_codes(inv[Ki.ravel()], uniq),
                         "weight": grid.ravel()})
    return fig, data


def head_view_lines(weights, tokens: Sequence[str], *, threshold: float = 0.15, title: str = "",
                    lang: str = "ja") -> go.Figure:
    """bertviz's head view: tokens on the left attend to tokens on the right; line opacity = weight."""
    W = _np(weights)
    n = W.shape[0]
    lab = labels(tokens)
    raw = W
    W = W / max(float(W.max()), 1e-12)  # line strength relative to the strongest weight shown
    fig = go.Figure()
    # one trace per opacity band keeps the figure small (no trace per line)
    bands = np.linspace(threshold, 1.0, 9)
    for lo, hi in zip(bands[:-1], bands[1:]):
        xs, ys = [], []
        for i in range(n):
            for j in range(n):
                if lo <= W[i, j] < hi or (hi == 1.0 and W[i, j] >= hi):
                    xs += [0, 1, None]
                    ys += [i, j, None]
        if xs:
            fig.add_scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                            line=dict(color=f"rgba(59,125,216,{min(1.0, (lo + hi) / 2 + 0.1):.2f})",
                                      width=1 + 4 * (lo + hi) / 2))
    best = W.argmax(-1)
    fig.add_scatter(x=[0] * n, y=list(range(n)), mode="text", text=lab, textposition="middle left",
                    customdata=[[lab[i], lab[best[i]], f"{raw[i, best[i]]:.3f}"] for i in range(n)],
                    hovertemplate="%{customdata[0]} → " + t("att.fig.max", lang) + ": %{customdata[1]} (%{customdata[2]})<extra></extra>",
                    showlegend=False)
    fig.add_scatter(x=[1] * n, y=list(range(n)), mode="text", text=lab, textposition="middle right",
                    hoverinfo="skip", showlegend=False)
    fig.update_xaxes(visible=False, range=[-0.6, 1.6])
    fig.update_yaxes(visible=False, autorange="reversed")
    fig.update_layout(title=title, height=max(260, 60 + 22 * n), margin=dict(l=10, r=10, t=40, b=10),
                      plot_bgcolor="white")
    return fig


def params_by_heads(d_model: int, h: int, lang: str = "ja") -> tuple[go.Figure, pd.DataFrame]:
    """Multi-head parameter count as the number of heads h varies (d_model fixed, d_k = d_model / h):
    4·d_model² + 4·d_model whatever h — splitting into heads costs no parameters. The chosen h marked."""
    from core import attention

    hs = [x for x in attention.divisors(d_model) if x <= 64]
    df = pd.DataFrame([attention.multi_head_params(d_model, x) for x in hs]).set_index("h")[["d_k", "W_QKV", "W_O", "bias", "total"]]
    fig = go.Figure(go.Scatter(x=hs, y=df["total"], mode="lines+markers", name=t("att.mh.p.total", lang),
                               hovertemplate="h = %{x}: %{y:,}<extra></extra>"))
    fig.add_scatter(x=[h], y=[attention.multi_head_params(d_model, h)["total"]], mode="markers",
                    marker=dict(size=14, color="#e07b39"), name=f"h = {h}", hoverinfo="skip")
    fig.update_xaxes(title_text=t("att.mh.axis.h", lang), type="category")
    fig.update_yaxes(title_text=t("att.mh.axis.params", lang), rangemode="tozero")
    fig.update_layout(title=t("att.mh.p.chart", lang, d=d_model), height=300, margin=dict(l=10, r=10, t=50, b=10))
    return fig, df
