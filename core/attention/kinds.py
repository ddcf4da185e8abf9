"""Attention as the notes explain it (issue 27, items 2–3): additive vs dot-product scores, and
attention as a soft dictionary look-up.

Additive (Bahdanau):   e_s = v_aᵀ tanh(W_1 q + W_2 k_s)   — the notes' softmax(vᵀ tanh(W[q; k])), W = [W_1 W_2]
Dot-product:           e_s = qᵀ k_s  (Luong; the Transformer scales it: qᵀ k_s / √d)
    a = softmax(e),  c = Σ_s a_s v_s

A dictionary returns the value of the key equal to the query. Attention softens that: with
weights a = softmax(β · q Kᵀ) every value contributes by how well its key matches; as the scale β
grows the weights become one-hot and the soft look-up turns into the hard one (the value of the
best-matching key). Keys and values may be different tables (K ≠ V, the Memory-Networks view) or
the same (K = V, as in the seq2seq model where the encoder states are both).
"""
from __future__ import annotations

import time

import numpy as np
import torch

from core import InvalidInput

KINDS = ("dot", "general", "additive")
MAX_ROWS, MAX_DIM = 12, 8
MAX_SCALE = 1000.0


def param_count(kind: str, d: int) -> int:
    """Parameters of the score function for states of size d (core.seq2seq.model.Attention):
    dot 0 · general W_a d² · additive W_1 d², W_2 d² + bias d, v_a d → 2d² + 2d."""
    if kind == "dot":
        return 0
    if kind == "general":
        return d * d
    if kind == "additive":
        return 2 * d * d + 2 * d
    raise InvalidInput(f"注意の種類は {', '.join(KINDS)} です（{kind!r}）。", en=f"The kinds are {', '.join(KINDS)} ({kind!r}).")


@torch.no_grad()
def time_per_step(kind: str, d: int = 64, S: int = 20, T: int = 12, B: int = 64, repeats: int = 20) -> float:
    """Median seconds of one batched score + softmax + context computation (B sentences, T decoder
    steps × S encoder states) with the seq2seq model's own Attention module."""
    from core.seq2seq.model import Attention

    torch.manual_seed(0)
    att = Attention(kind, d).eval()
    h, enc = torch.randn(B, T, d), torch.randn(B, S, d)
    times = []
    for _ in range(max(3, int(repeats))):
        t0 = time.perf_counter()
        att(h, enc, None)
        times.append(time.perf_counter() - t0)
    return float(np.median(times))


def lookup(q, K, V, scale: float = 1.0) -> dict:
    """Soft look-up: weights softmax(scale · q Kᵀ) over the rows of K, output Σ w_i V_i; and the
    hard look-up V[argmax q Kᵀ]. q: (d,), K: (n, d), V: (n, d_v)."""
    q, K, V = (np.asarray(x, dtype=np.float64) for x in (q, K, V))
    if K.ndim != 2 or V.ndim != 2 or q.ndim != 1 or K.shape[1] != q.shape[0] or len(K) != len(V) or not len(K):
        raise InvalidInput("クエリ・キー・値の形が合いません（キーと値は同じ行数、キーとクエリは同じ次元にしてください）。",
                           en="The shapes of query, keys and values do not match (keys and values need the same rows; "
                              "keys and query the same dimension).")
    if not all(np.isfinite(x).all() for x in (q, K, V)):
        raise InvalidInput("表に数でない値があります。すべてのセルに数を入れてください。",
                           en="The table has a cell that is not a number. Fill every cell with a number.")
    if not 0 <= float(scale) <= MAX_SCALE:
        raise InvalidInput(f"スケール β は 0〜{MAX_SCALE:g} にしてください。", en=f"The scale β must be 0–{MAX_SCALE:g}.")
    scores = K @ q  # (n,)
    z = float(scale) * scores
    w = np.exp(z - z.max())
    w /= w.sum()
    best = int(scores.argmax())
    return {"scores": scores, "weights": w, "output": w @ V, "hard_index": best, "hard_output": V[best],
            "entropy": float(-(w * np.log(np.clip(w, 1e-300, None))).sum())}
