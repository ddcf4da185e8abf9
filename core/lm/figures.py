"""The language models' loss curve (returns (figure, DataFrame) for chart() and CSV export).

Training (solid) and validation (dashed) cross entropy per epoch, the best epoch marked (the
weights the run keeps), and the unigram baseline ln(unigram perplexity): what a model without
context achieves, the line a language model has to get below. Labels come in as arguments.
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go


def lm_loss_figure(history: list[dict], labels: dict, title: str = "", *, best_epoch: int | None = None,
                   unigram_ppl: float | None = None, color: str = "#1f77b4") -> tuple[go.Figure, pd.DataFrame]:
    """``labels``: train_loss, val_loss, epoch, loss, best (with {epoch}), unigram."""
    rows = [h for h in history if not h.get("partial")] or list(history)
    fig = go.Figure()
    ep = [h["epoch"] for h in rows]
    fig.add_trace(go.Scatter(x=ep, y=[h["loss"] for h in rows], name=labels["train_loss"], line=dict(color=color)))
    fig.add_trace(go.Scatter(x=ep, y=[h["val_loss"] for h in rows], name=labels["val_loss"],
                             line=dict(color=color, dash="dash")))
    best = next((h for h in history if h["epoch"] == best_epoch), None) if best_epoch is not None else None
    if best is not None:
        fig.add_trace(go.Scatter(x=[best["epoch"]], y=[best["val_loss"]], mode="markers",
                                 name=labels["best"].format(epoch=best["epoch"]),
                                 marker=dict(symbol="star", size=16, color="#ff7f0e", line=dict(color="#333", width=1))))
        fig.add_vline(x=best["epoch"], line=dict(color="#ff7f0e", dash="dot"))
    unigram_loss = math.log(unigram_ppl) if unigram_ppl else None
    if unigram_loss is not None and ep:
        fig.add_trace(go.Scatter(x=[min(ep), max(ep)], y=[unigram_loss, unigram_loss], mode="lines",
                                 name=labels["unigram"], line=dict(color="#7f7f7f", dash="dashdot")))
    fig.update_layout(title=title, xaxis_title=labels.get("epoch", "epoch"), yaxis_title=labels.get("loss", "loss"),
                      yaxis_type="log", height=380, legend=dict(orientation="h", y=-0.25), margin=dict(t=50, b=10))
    df = pd.DataFrame([{**h, "best": h["epoch"] == best_epoch, "unigram_loss": unigram_loss} for h in history])
    return fig, df
