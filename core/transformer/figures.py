"""Figures of the Transformer sections (issue #13); the attention heatmaps themselves are
core.attention.figures.heatmap / model_view. Builders return ``(fig, DataFrame)`` or, for the
stack diagram, a Graphviz DOT string (no user text in it)."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from core.i18n import t

COLORS = {"gpt": "#e07b39", "lstm": "#1f77b4"}


def stack_diagram(n_layers: int, *, norm_first: bool, residual: bool = True, lang: str = "ja") -> str:
    """Encoder (N × [self-attention, FFN]) and decoder (N × [masked self-attention,
    source–target attention, FFN]) as Graphviz DOT, each sub-layer with its Add & LN."""
    n = max(1, int(n_layers))

    def sub(prefix: str, i: int, names: list[tuple[str, str]]) -> list[str]:
        lines = []
        for j, (name, color) in enumerate(names):
            node = f"{prefix}{i}_{j}"
            if norm_first:
                label = f"LN → {name}" + (" → ＋" if residual else "")
            else:
                label = f"{name}" + (" → ＋" if residual else "") + " → LN"
            lines.append(f'{node} [label="{label}", fillcolor="{color}"];')
        return lines

    enc_names = [("self-attention", "#dbe9f6"), ("FFN", "#fde2c8")]
    dec_names = [("masked self-attention", "#dbe9f6"), ("source–target attention", "#e4d7f5"),
                 ("FFN", "#fde2c8")]
    out = ["digraph G {", "rankdir=BT; nodesep=0.3; ranksep=0.2; newrank=true;",
           'node [shape=box, style="rounded,filled", fontsize=10, fontname="sans-serif"];',
           f'src [label="{t("tf.fig.src", lang)}", fillcolor="#eeeeee"]; tgt [label="{t("tf.fig.tgt", lang)}", fillcolor="#eeeeee"];']
    for side, names, first in (("e", enc_names, "src"), ("d", dec_names, "tgt")):
        prev = first
        title = t("tf.fig.encoder" if side == "e" else "tf.fig.decoder", lang)
        out.append(f'subgraph cluster_{side} {{ label="{title}  × {n}"; style=dashed; fontsize=11;')
        for i in range(1, n + 1):
            out.append(f'subgraph cluster_{side}{i} {{ label="{t("tf.fig.layer", lang, i=i)}"; style=rounded; fontsize=9;')
            out += sub(side, i, names)
            out.append("}")
            for j in range(len(names)):
                node = f"{side}{i}_{j}"
                out.append(f"{prev} -> {node};")
                prev = node
        out.append("}")
        if side == "e":
            enc_top = prev
        else:
            dec_top = prev
    for i in range(1, n + 1):
        out.append(f'{enc_top} -> d{i}_1 [style=dashed, color="#7b52ab", label="K, V", fontsize=8, constraint=false];')
    head = ("LN → " if norm_first else "") + t("tf.fig.head", lang)
    out.append(f'head [label="{head}", fillcolor="#eeeeee"];')
    out.append(f"{dec_top} -> head;")
    out.append("}")
    return "\n".join(out)


def curves_figure(histories: dict[str, list[dict]], names: dict[str, str], title: str = "",
                  *, ppl: bool = True, lang: str = "ja") -> tuple[go.Figure, pd.DataFrame]:
    """Validation perplexity (or loss) against wall-clock training seconds, one line per model."""
    fig = go.Figure()
    rows = []
    for key, hist in histories.items():
        pts = [h for h in hist if "seconds" in h and math.isfinite(h.get("val_loss", math.nan))]
        if not pts:
            continue
        ys = [math.exp(min(50.0, h["val_loss"])) if ppl else h["val_loss"] for h in pts]
        fig.add_trace(go.Scatter(x=[h["seconds"] for h in pts], y=ys, mode="lines+markers",
                                 name=names.get(key, key), line=dict(color=COLORS.get(key))))
        rows += [{"model": key, "seconds": h["seconds"], "epoch": h["epoch"], "val_loss": h["val_loss"],
                  "val_ppl": math.exp(min(50.0, h["val_loss"]))} for h in pts]
    fig.update_layout(title=title, xaxis_title=t("tf.fig.seconds", lang), height=360,
                      yaxis_title=t("tf.fig.val_ppl" if ppl else "tf.fig.val_loss", lang),
                      yaxis_type="log", legend=dict(orientation="h", y=-0.25), margin=dict(t=50, b=10))
    return fig, pd.DataFrame(rows)


def parallel_frame(rows: list[dict], lang: str = "ja") -> pd.DataFrame:
    """parallel_vs_autoregressive rows as a table (st.dataframe shows text, never HTML)."""
    def c(key: str) -> str:
        return t(f"tf.col.{key}", lang)

    return pd.DataFrame([{"t": r["t"], c("prefix"): "".join(r["prefix"]).replace("\n", "⏎"),
                          c("target"): r["target"].replace("\n", "⏎"),
                          c("parallel"): r["parallel"].replace("\n", "⏎"),
                          c("step"): r["step"].replace("\n", "⏎"),
                          c("p_parallel"): round(r["p_parallel"], 4), c("p_step"): round(r["p_step"], 4),
                          c("max_diff"): r["max_diff"]} for r in rows])
