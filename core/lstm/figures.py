"""Plotly figures of the LSTM page (each returns (figure, DataFrame) for chart() and CSV export).

Labels come in as arguments (the page translates them); tokens are plotly text, never HTML.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from core.figures import bars

COLORS = {"rnn": "#d62728", "lstm": "#1f77b4", "gru": "#2ca02c", "mlp": "#7f7f7f", "uni": "#ff7f0e", "bi": "#9467bd"}
GATE_SCALES = {  # colour scale and range per recorded quantity
    "i": ("Viridis", 0, 1), "f": ("Viridis", 0, 1), "o": ("Viridis", 0, 1), "r": ("Viridis", 0, 1),
    "z": ("Viridis", 0, 1), "n": ("RdBu_r", -1, 1), "h": ("RdBu_r", -1, 1), "c": ("RdBu_r", None, None),
}


def forecast_figure(run, labels: dict, title: str = "") -> tuple[go.Figure, pd.DataFrame]:
    """Truth over the whole series, one-step predictions, the autoregressive forecast from the
    split, and the training / validation boundary."""
    d = run.data
    x = d.series.x
    truth = d.series.values
    one = np.full(len(truth), np.nan, dtype=np.float32)
    one[d.window:] = run.one_step()
    fc = np.full(len(truth), np.nan, dtype=np.float32)
    fc[d.split:] = run.forecast(len(truth) - d.split)
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=x, y=truth, name=labels["truth"], line=dict(color="#444", width=1.5)))
    fig.add_trace(go.Scatter(x=x, y=one, name=labels["one_step"], line=dict(color="#8fbbe0", width=1, dash="dot")))
    fig.add_trace(go.Scatter(x=x, y=fc, name=labels["forecast"], line=dict(color="#d62728", width=2.5)))
    _split_marker(fig, float(x[d.split]), labels)
    fig.update_layout(title=title, xaxis_title=d.series.x_label, yaxis_title=labels.get("value", "x_t"),
                      height=420, legend=dict(orientation="h", y=-0.2), margin=dict(t=50, b=10))
    df = pd.DataFrame({"x": x, "truth": truth, "one_step": one, "forecast": fc,
                       "part": np.where(np.arange(len(truth)) < d.split, "train", "validation")})
    return fig, df


def _split_marker(fig: go.Figure, x_split: float, labels: dict) -> None:
    fig.add_vline(x=x_split, line=dict(color="#888", dash="dash"))
    fig.add_annotation(x=x_split, y=1.06, yref="paper", text=f"← {labels['train']} | {labels['val']} →",
                       showarrow=False, font=dict(size=12))


def loss_figure(histories: dict[str, list[dict]], labels: dict, title: str = "") -> tuple[go.Figure, pd.DataFrame]:
    """Training (solid) and validation (dashed) loss per epoch, log scale."""
    fig = go.Figure()
    rows = []
    for name, hist in histories.items():
        hist = [h for h in hist if not h.get("partial")]
        if not hist:
            continue
        ep = [h["epoch"] for h in hist]
        color = COLORS.get(name)
        fig.add_trace(go.Scatter(x=ep, y=[h["loss"] for h in hist], name=f"{labels.get(name, name)} {labels['train_loss']}",
                                 line=dict(color=color)))
        fig.add_trace(go.Scatter(x=ep, y=[h["val_loss"] for h in hist], name=f"{labels.get(name, name)} {labels['val_loss']}",
                                 line=dict(color=color, dash="dash")))
        rows += [{"model": name, **h} for h in hist]
    fig.update_layout(title=title, xaxis_title=labels.get("epoch", "epoch"), yaxis_title=labels.get("loss", "loss"),
                      yaxis_type="log", height=360, legend=dict(orientation="h", y=-0.25), margin=dict(t=50, b=10))
    return fig, pd.DataFrame(rows)


def compare_forecast_figure(runs: dict, labels: dict, title: str = "") -> tuple[go.Figure, pd.DataFrame]:
    first = next(iter(runs.values()))
    d = first.data
    x, truth = d.series.x, d.series.values
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=x, y=truth, name=labels["truth"], line=dict(color="#444", width=1.5)))
    df = pd.DataFrame({"x": x, "truth": truth})
    for cell, run in runs.items():
        fc = np.full(len(truth), np.nan, dtype=np.float32)
        fc[d.split:] = run.forecast(len(truth) - d.split)
        fig.add_trace(go.Scatter(x=x, y=fc, name=labels.get(cell, cell), line=dict(color=COLORS.get(cell), width=2)))
        df[f"forecast_{cell}"] = fc
    _split_marker(fig, float(x[d.split]), labels)
    fig.update_layout(title=title, xaxis_title=d.series.x_label, height=420, legend=dict(orientation="h", y=-0.2),
                      margin=dict(t=50, b=10))
    return fig, df


def gates_figure(trace: dict, x: np.ndarray, gate_labels: dict, input_label: str,
                 title: str = "", cell: str = "lstm") -> tuple[go.Figure, pd.DataFrame]:
    """One heatmap per recorded quantity (rows: hidden units, columns: time steps), with the
    input sequence on top. Gates σ(·) on 0…1 (Viridis); candidate and h_t on −1…1, c_t
    symmetric around 0 (red/blue)."""
    names = [k for k in trace if k != "direction"]
    fig = make_subplots(rows=len(names) + 1, cols=1, shared_xaxes=True, vertical_spacing=0.02,
                        row_heights=[0.6] + [1.0] * len(names),
                        subplot_titles=[input_label] + [gate_labels.get(n, n) for n in names])
    T = len(x)
    steps = np.arange(1, T + 1)
    fig.add_trace(go.Scatter(x=steps, y=x, showlegend=False, line=dict(color="#444")), row=1, col=1)
    rows = {"t": steps, "x": x}
    for r, name in enumerate(names, start=2):
        z = trace[name]
        scale, lo, hi = GATE_SCALES.get(name, ("RdBu_r", None, None))
        if cell == "lstm" and name == "c_tilde":  # the LSTM's c̃_t is the tanh candidate, not a gate
            scale, lo, hi = "RdBu_r", -1, 1
        if lo is None:
            m = float(np.abs(z).max()) or 1.0
            lo, hi = -m, m
        fig.add_trace(go.Heatmap(z=z, x=steps, y=np.arange(z.shape[0]), colorscale=scale, zmin=lo, zmax=hi,
                                 showscale=True, colorbar=dict(thickness=10, len=0.5, tickfont=dict(size=9)),
                                 hovertemplate=f"{name}: t=%{{x}}, unit=%{{y}}, %{{z:.3f}}<extra></extra>"),
                      row=r, col=1)
        for u in range(min(z.shape[0], 8)):
            rows[f"{name}_{u}"] = z[u]
    fig.update_layout(title=title, height=170 * len(names) + 160, margin=dict(t=70, b=10))
    fig.update_xaxes(title_text="t", row=len(names) + 1, col=1)
    # one colour bar beside each heatmap, as tall as its row
    for r, trace in enumerate(fig.data[1:], start=2):
        lo_d, hi_d = fig.layout[f"yaxis{r}"].domain
        trace.colorbar.update(y=(lo_d + hi_d) / 2, len=(hi_d - lo_d), yanchor="middle")
    return fig, pd.DataFrame(rows)


def bidir_figure(fwd: np.ndarray, bwd: np.ndarray, labels: dict, title: str = "") -> tuple[go.Figure, pd.DataFrame]:
    T = fwd.shape[1]
    steps = np.arange(1, T + 1)
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08,
                        subplot_titles=[labels["fwd"], labels["bwd"]])
    for r, z in enumerate((fwd, bwd), start=1):
        fig.add_trace(go.Heatmap(z=z, x=steps, colorscale="RdBu_r", zmin=-1, zmax=1, showscale=r == 1), row=r, col=1)
    fig.update_layout(title=title, height=460, margin=dict(t=70, b=10))
    fig.update_xaxes(title_text="t", row=2, col=1)
    df = pd.DataFrame({"t": steps, **{f"fwd_{u}": fwd[u] for u in range(fwd.shape[0])},
                       **{f"bwd_{u}": bwd[u] for u in range(bwd.shape[0])}})
    return fig, df


def denoise_figure(examples: dict[str, dict], labels: dict, title: str = "") -> tuple[go.Figure, pd.DataFrame]:
    first = next(iter(examples.values()))
    steps = np.arange(1, len(first["x"]) + 1)
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=steps, y=first["x"], name=labels["noisy"], mode="markers",
                             marker=dict(color="#999", size=5)))
    fig.add_trace(go.Scatter(x=steps, y=first["target"], name=labels["clean"], line=dict(color="#444")))
    df = pd.DataFrame({"t": steps, "noisy": first["x"], "clean": first["target"]})
    for name, ex in examples.items():
        fig.add_trace(go.Scatter(x=steps, y=ex["pred"], name=labels[name], line=dict(color=COLORS[name], width=2)))
        df[name] = ex["pred"]
    fig.update_layout(title=title, xaxis_title="t", height=360, legend=dict(orientation="h", y=-0.25),
                      margin=dict(t=50, b=10))
    return fig, df


def gradnorm_figure(results: dict, labels: dict, title: str = "", clip_on: bool = False) -> tuple[go.Figure, pd.DataFrame]:
    """‖∂L_T/∂h_k‖ against k, log y; with clipping, the same curves scaled by V/‖g‖ (dotted)."""
    fig = go.Figure()
    df = pd.DataFrame()
    for cell, g in results.items():
        k = np.arange(1, len(g.norms) + 1)
        df["k"] = k
        df[cell] = g.norms
        fig.add_trace(go.Scatter(x=k, y=g.norms, name=labels.get(cell, cell), mode="lines+markers",
                                 marker=dict(size=4), line=dict(color=COLORS[cell], width=2)))
        if clip_on and g.factor < 1.0:
            scaled = np.asarray(g.norms) * g.factor
            df[f"{cell}_clipped"] = scaled
            fig.add_trace(go.Scatter(x=k, y=scaled, name=f"{labels.get(cell, cell)} {labels['clipped']}",
                                     line=dict(color=COLORS[cell], dash="dot")))
    fig.update_layout(title=title, xaxis_title=labels["k"], yaxis_title="‖∂L_T/∂h_k‖", yaxis_type="log",
                      yaxis_exponentformat="power", height=440, legend=dict(orientation="h", y=-0.2),
                      margin=dict(t=50, b=10))
    return fig, df


def topk_figure(items: list[tuple[str, float]], title: str = "") -> tuple[go.Figure, pd.DataFrame]:
    """The k most likely next tokens as ranked bars (core.figures.bars); newline and space shown as ⏎ / ␣."""
    shown = ["⏎" if tok == "\n" else ("␣" if tok == " " else tok) for tok, _ in items]
    probs = [p for _, p in items]
    fig = bars([f"{i + 1}. {s}" for i, s in enumerate(shown)], probs, title=title, x_title="P", x_range=(0.0, 1.0))
    return fig, pd.DataFrame({"token": [tok for tok, _ in items], "p": probs})


def derivative_figure(curves: dict, labels: dict, title: str = "") -> tuple[go.Figure, pd.DataFrame]:
    """σ′(a) and tanh′(a) with their maxima 0.25 and 1 marked."""
    fig = go.Figure()
    for name, color, peak in (("sigmoid", "#d62728", 0.25), ("tanh", "#1f77b4", 1.0)):
        fig.add_trace(go.Scatter(x=curves["a"], y=curves[name], name=labels[name], line=dict(color=color, width=2.5)))
        fig.add_hline(y=peak, line=dict(color=color, dash="dot"), annotation_text=f"max {peak:g}",
                      annotation_position="top right")
    fig.update_layout(title=title, xaxis_title="a", yaxis_title="f′(a)", yaxis_range=[0, 1.1], height=340,
                      legend=dict(orientation="h", y=-0.25), margin=dict(t=50, b=10))
    return fig, pd.DataFrame({"a": curves["a"], "sigmoid_prime": curves["sigmoid"], "tanh_prime": curves["tanh"]})


def product_figure(prods: dict, labels: dict, title: str = "") -> tuple[go.Figure, pd.DataFrame]:
    """|Π w f′(a_i)| over t (log y), with the bound (|w| max f′)^t dashed."""
    fig = go.Figure()
    t = prods["t"]
    for name, color in (("sigmoid", "#d62728"), ("tanh", "#1f77b4")):
        fig.add_trace(go.Scatter(x=t, y=np.abs(prods[name]), name=labels[name], line=dict(color=color, width=2.5)))
        fig.add_trace(go.Scatter(x=t, y=prods[f"{name}_bound"], name=labels[f"{name}_bound"],
                                 line=dict(color=color, dash="dash", width=1)))
    fig.update_layout(title=title, xaxis_title="T", yaxis_title="|Π w f′(a_i)|", yaxis_type="log",
                      yaxis_exponentformat="power", height=380, legend=dict(orientation="h", y=-0.25),
                      margin=dict(t=50, b=10))
    return fig, pd.DataFrame({k: v for k, v in prods.items()})


def reach_figure(curves: dict[str, np.ndarray], labels: dict, title: str = "") -> tuple[go.Figure, pd.DataFrame]:
    """‖∂L_T/∂x_t‖ against the distance T − t (log y); exact zeros (cut by truncation) leave gaps."""
    fig = go.Figure()
    df = pd.DataFrame()
    styles = (dict(color="#d62728", width=3), dict(color="#1f77b4", width=1.5, dash="dot"))
    for (name, g), line in reversed(list(zip(curves.items(), styles))):  # the first curve drawn on top
        dist = np.arange(len(g))[::-1]  # T − t for t = 1 … T
        df["distance"] = dist
        df[name] = g
        fig.add_trace(go.Scatter(x=dist, y=np.where(g > 0, g, np.nan), name=name, mode="lines+markers",
                                 marker=dict(size=6 if line["width"] > 2 else 3), line=line))
    fig.update_layout(title=title, xaxis_title=labels["distance"], yaxis_title="‖∂L_T/∂x_t‖", yaxis_type="log",
                      yaxis_exponentformat="power", height=380, legend=dict(orientation="h", y=-0.25),
                      margin=dict(t=50, b=10))
    return fig, df


def steps_figure(ex: dict, labels: dict, title: str = "") -> tuple[go.Figure, pd.DataFrame]:
    """One 0/1 sequence: the inputs x_t (bars), the step labels y_t, P(y_t = 1) from every h_t,
    and the one P(y = 1) read from h_N (a single marker at t = N)."""
    t = np.arange(1, len(ex["x"]) + 1)
    fig = go.Figure()
    fig.add_trace(go.Bar(x=t, y=ex["x"], name=labels["x"], marker_color="#c7c7c7", opacity=0.7))
    fig.add_trace(go.Scatter(x=t, y=ex["y_steps"], name=labels["y_steps"], mode="markers",
                             marker=dict(symbol="square-open", size=11, color="#444")))
    fig.add_trace(go.Scatter(x=t, y=ex["p_steps"], name=labels["p_steps"], mode="lines+markers",
                             line=dict(color=COLORS["lstm"], width=2)))
    fig.add_trace(go.Scatter(x=[t[-1]], y=[ex["p_class"]], name=labels["p_class"], mode="markers",
                             marker=dict(symbol="star", size=18, color=COLORS["rnn"])))
    fig.update_layout(title=title, xaxis_title="t", yaxis_range=[-0.05, 1.1], height=360,
                      legend=dict(orientation="h", y=-0.25), margin=dict(t=50, b=10))
    df = pd.DataFrame({"t": t, "x": ex["x"], "y_t": ex["y_steps"], "p_t": ex["p_steps"]})
    df["p_from_h_N"] = np.where(t == t[-1], ex["p_class"], np.nan)
    return fig, df


# --- the notes' architecture figures, drawn from a trained model (issue 26) ---------------------------

def _vec(v: np.ndarray, n: int = 4) -> str:
    """A hidden vector for hover text: the first n units and the mean."""
    v = np.asarray(v, dtype=float).ravel()
    head = ", ".join(f"{a:+.3f}" for a in v[:n]) + (", …" if len(v) > n else "")
    return f"[{head}]<br>mean {v.mean():+.3f}"


def _arrows(fig: go.Figure, pos: dict, edges: list[tuple[str, str]], color: str = "#555") -> None:
    for a, b in edges:
        (x0, y0), (x1, y1) = pos[a], pos[b]
        fig.add_annotation(x=x1, y=y1, ax=x0, ay=y0, xref="x", yref="y", axref="x", ayref="y", text="",
                           showarrow=True, arrowhead=3, arrowsize=1.2, arrowwidth=1.5, arrowcolor=color,
                           standoff=16, startstandoff=16)


def _nodes(fig: go.Figure, pos: dict, labels: dict, hover: dict, colors: dict | None = None) -> None:
    keys = list(pos)
    fig.add_trace(go.Scatter(x=[pos[k][0] for k in keys], y=[pos[k][1] for k in keys], mode="markers+text",
                             text=[labels[k] for k in keys], textposition="middle center", showlegend=False,
                             marker={"size": 48, "color": [(colors or {}).get(k, "#eef3fb") for k in keys],
                                     "line": {"color": "#1f77b4", "width": 2}},
                             hovertext=[hover.get(k, labels[k]) for k in keys], hoverinfo="text"))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)


def unroll_figure(trace: dict, x: np.ndarray, cell: str, t_end: int, n: int = 4,
                  title: str = "") -> tuple[go.Figure, pd.DataFrame]:
    """The RNN loop (left) and its unrolling in time for t_end − n + 1 … t_end (right), in the notes'
    symbols: x_t → h_t (→ c_t for the LSTM) → ŷ_t, h_{t−1} → h_t; hover shows the current values.
    trace: {name: (H, T)} from core.lstm.probes.trace_gates; t_end is 1-based."""
    T = trace["h"].shape[1]
    t_end = int(min(max(t_end, n), T))
    steps = list(range(t_end - n + 1, t_end + 1))
    pos = {"x_loop": (0, 0), "h_loop": (0, 1.5), "y_loop": (0, 3)}
    labels = {"x_loop": "x", "h_loop": "h" if cell != "lstm" else "h, c", "y_loop": "ŷ"}
    hover = {"h_loop": "h_t = f(W_h h_{t−1} + W_x x_t + b)"}
    edges = [("x_loop", "h_loop"), ("h_loop", "y_loop")]
    rows = []
    for j, t in enumerate(steps):
        X = 2.5 + 1.8 * j
        pos[f"x{t}"], pos[f"h{t}"], pos[f"y{t}"] = (X, 0), (X, 1.5), (X, 3)
        labels[f"x{t}"], labels[f"h{t}"], labels[f"y{t}"] = f"x_{t}", f"h_{t}", f"ŷ_{t}"
        hover[f"x{t}"] = f"x_{t} = {float(x[t - 1]):+.3f}"
        hover[f"h{t}"] = f"h_{t} = {_vec(trace['h'][:, t - 1])}"
        if cell == "lstm":
            hover[f"h{t}"] += f"<br>c_{t} = {_vec(trace['c'][:, t - 1])}"
        edges += [(f"x{t}", f"h{t}"), (f"h{t}", f"y{t}")] + ([(f"h{t - 1}", f"h{t}")] if j else [])
        rows.append({"t": t, "x": float(x[t - 1]), "h_mean": float(trace["h"][:, t - 1].mean()),
                     **({"c_mean": float(trace["c"][:, t - 1].mean())} if cell == "lstm" else {})})
    fig = go.Figure()
    _arrows(fig, pos, edges)
    # the loop h → h: an arc drawn as a line
    a = np.linspace(-0.4 * np.pi, 1.4 * np.pi, 40)
    fig.add_trace(go.Scatter(x=0.55 + 0.35 * np.cos(a), y=1.5 + 0.45 * np.sin(a), mode="lines", showlegend=False,
                             line={"color": "#555"}, hoverinfo="skip"))
    _nodes(fig, pos, labels, hover)
    fig.add_annotation(x=1.45, y=1.5, text="=", showarrow=False, font={"size": 28})
    fig.update_layout(title=title, height=330, margin={"l": 10, "r": 10, "t": 50, "b": 10})
    return fig, pd.DataFrame(rows)


LSTM_POS = {"c_prev": (0, 3), "mul_f": (2, 3), "add": (4.3, 3), "c": (7.2, 3), "h_prev": (0, 0), "x": (1.2, -1.1),
            "f": (2, 1.3), "i": (3.3, 1.3), "c_tilde": (4.6, 1.3), "o": (5.9, 1.3), "mul_i": (4.3, 2.2),
            "tanh_c": (7.2, 2), "mul_o": (7.2, 0.9), "h": (8.7, 0)}


def lstm_unit_figure(trace: dict, t: int, title: str = "") -> tuple[go.Figure, pd.DataFrame]:
    """The notes' LSTM block at time t (1-based): c_{t−1} →×f_t→ + → c_t → tanh →×o_t→ h_t, with
    i_t × c̃_t into the +, every gate fed by [h_{t−1}, x_t]; the gates coloured by their mean value
    and every node's current values on hover."""
    T = trace["h"].shape[1]
    k = int(min(max(t, 1), T)) - 1
    H = trace["h"].shape[0]
    prev = (lambda name: trace[name][:, k - 1]) if k else (lambda name: np.zeros(H))
    vals = {"c_prev": prev("c"), "h_prev": prev("h"), "f": trace["f"][:, k], "i": trace["i"][:, k],
            "c_tilde": trace["c_tilde"][:, k], "o": trace["o"][:, k], "c": trace["c"][:, k], "h": trace["h"][:, k]}
    labels = {"c_prev": "c_{t−1}", "mul_f": "×", "add": "+", "c": "c_t", "h_prev": "h_{t−1}", "x": "x_t",
              "f": "f σ", "i": "i σ", "c_tilde": "c̃ tanh", "o": "o σ", "mul_i": "×", "tanh_c": "tanh",
              "mul_o": "×", "h": "h_t"}
    names = {"f": "f_t（忘却ゲート）", "i": "i_t（入力ゲート）", "c_tilde": "c̃_t（候補）", "o": "o_t（出力ゲート）",
             "c": "c_t（記憶セル）", "h": "h_t", "c_prev": "c_{t−1}", "h_prev": "h_{t−1}"}
    hover = {n: f"{names[n]} = {_vec(v)}" for n, v in vals.items()}
    hover.update({"mul_f": "f_t ⊙ c_{t−1}", "mul_i": "i_t ⊙ c̃_t", "add": "c_t = f_t ⊙ c_{t−1} + i_t ⊙ c̃_t",
                  "tanh_c": "tanh(c_t)", "mul_o": "h_t = o_t ⊙ tanh(c_t)", "x": "x_t"})
    colors = {}
    for g in ("f", "i", "o"):
        m = float(vals[g].mean())  # 0 → white, 1 → blue
        colors[g] = f"rgba(31, 119, 180, {0.15 + 0.75 * m:.2f})"
    edges = [("c_prev", "mul_f"), ("f", "mul_f"), ("mul_f", "add"), ("i", "mul_i"), ("c_tilde", "mul_i"),
             ("mul_i", "add"), ("add", "c"), ("c", "tanh_c"), ("tanh_c", "mul_o"), ("o", "mul_o"), ("mul_o", "h")]
    edges += [(src, g) for src in ("h_prev", "x") for g in ("f", "i", "c_tilde", "o")]
    fig = go.Figure()
    _arrows(fig, LSTM_POS, edges)
    _nodes(fig, LSTM_POS, labels, hover, colors)
    fig.update_layout(title=title, height=380, margin={"l": 10, "r": 10, "t": 50, "b": 10})
    return fig, pd.DataFrame({n: v for n, v in vals.items()})


def bptt_figure(C: np.ndarray, title: str = "", t_label: str = "t", k_label: str = "k") -> tuple[go.Figure, pd.DataFrame]:
    """The t × k triangle of BPTT contributions ‖∂L_t/∂W_h via step k‖ (log10 colour; empty above
    the diagonal, where k > t contributes nothing)."""
    T = C.shape[0]
    with np.errstate(divide="ignore"):
        Z = np.log10(np.where(C > 0, C, np.nan))
    steps = np.arange(1, T + 1)
    fig = go.Figure(go.Heatmap(z=Z, x=steps, y=steps, customdata=C, colorscale="Magma", reversescale=True,
                               colorbar={"title": "log₁₀"},
                               hovertemplate=f"{t_label}=%{{y}}, {k_label}=%{{x}}: %{{customdata:.3g}}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", title=t_label)
    fig.update_xaxes(title=k_label, range=[0.5, T + 0.5])
    fig.update_layout(title=title, height=420, margin={"l": 10, "r": 10, "t": 50, "b": 40})
    df = pd.DataFrame(C, index=pd.Index(steps, name=t_label), columns=[f"{k_label}={k}" for k in steps])
    return fig, df


def encdec_figure(src_tokens: list[str], out_tokens: list[str], attention: np.ndarray | None,
                  title: str = "", min_weight: float = 0.05) -> tuple[go.Figure, pd.DataFrame]:
    """The notes' encoder–decoder: encoder states h_1…h_S over the input tokens (bottom), decoder states
    s_1…s_T over the output (top). Without attention (attention None) only h_S reaches the decoder
    (the context vector c = h_S); with attention every s_t looks at every h_s with weight a_t(s)
    (line opacity; weights below ``min_weight`` are not drawn; all weights on hover)."""
    import html

    S, T = len(src_tokens), len(out_tokens)
    esc = [html.escape(tok) for tok in src_tokens]
    outs = [html.escape(tok) for tok in out_tokens]
    pos = {f"h{j}": (j, 0.0) for j in range(S)}
    pos.update({f"s{i}": (i * max(S - 1, 1) / max(T - 1, 1), 3.0) for i in range(T)})
    fig = go.Figure()
    rows = []
    if attention is not None:
        A = np.asarray(attention, dtype=float)[:T, :S]
        for i in range(T):
            for j in range(S):
                w = float(A[i, j])
                rows.append({"t": i + 1, "s": j + 1, "a_t(s)": w})
                if w < min_weight:
                    continue
                (x0, y0), (x1, y1) = pos[f"h{j}"], pos[f"s{i}"]
                fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", showlegend=False, hoverinfo="text",
                                         hovertext=f"a_{i + 1}({j + 1}) = {w:.3f}: {outs[i]} ← {esc[j]}",
                                         line={"color": f"rgba(214, 39, 40, {min(1.0, 0.1 + w):.2f})",
                                               "width": 1 + 6 * w}))
    edges = [(f"h{j}", f"h{j + 1}") for j in range(S - 1)] + [(f"s{i}", f"s{i + 1}") for i in range(T - 1)]
    if attention is None and S and T:
        edges.append((f"h{S - 1}", "s0"))  # the one context vector c = h_S
    _arrows(fig, pos, edges)
    labels = {f"h{j}": f"h_{j + 1}" for j in range(S)} | {f"s{i}": f"s_{i + 1}" for i in range(T)}
    hover = {f"h{j}": f"h_{j + 1}: {esc[j]}" for j in range(S)} | {f"s{i}": f"s_{i + 1}: {outs[i]}" for i in range(T)}
    _nodes(fig, pos, labels, hover)
    for j in range(S):
        fig.add_annotation(x=pos[f"h{j}"][0], y=-0.75, text=esc[j], showarrow=False)
    for i in range(T):
        fig.add_annotation(x=pos[f"s{i}"][0], y=3.75, text=outs[i], showarrow=False)
    fig.update_layout(title=title, height=330, margin={"l": 10, "r": 10, "t": 50, "b": 10})
    return fig, pd.DataFrame(rows or [{"context": f"h_{S}"}])
