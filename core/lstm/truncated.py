"""Truncated BPTT: how far back the gradient reaches with truncation length k.

The language model trains on chunks of k tokens (core.lstm.lm.RNNLMRun, ``seq_len`` = k): each chunk
is one backpropagation through time, so a loss at step t gets a gradient from at most the k
inputs of its chunk (the notes: k ≈ 10–100; a smaller k is cheaper per update and cannot learn
dependencies longer than k).

``gradient_reach`` shows it on one sequence: the state is carried across segments of k steps but
detached at each boundary (h ← h.detach(), the usual stateful truncated BPTT), and
‖∂L_T/∂x_t‖ is measured for every input x_t; it is exactly 0 before the last boundary.
"""
from __future__ import annotations

import numpy as np
import torch

from core import InvalidInput
from core.training import single_thread

MIN_K, MAX_K = 4, 200


def check_k(k) -> int:
    try:
        k = int(k)
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"打ち切りの長さ k は {MIN_K}〜{MAX_K} の整数で指定してください。",
                           en=f"The truncation length k must be an integer from {MIN_K} to {MAX_K}.") from exc
    if not MIN_K <= k <= MAX_K:
        raise InvalidInput(f"打ち切りの長さ k は {MIN_K}〜{MAX_K} で指定してください（{k} が指定されました）。",
                           en=f"The truncation length k must be {MIN_K}–{MAX_K} ({k} was given).")
    return k


def _detach(state):
    if state is None:
        return None
    return tuple(s.detach() for s in state) if isinstance(state, tuple) else state.detach()


def gradient_reach(model, ids: torch.Tensor, k: int | None) -> np.ndarray:
    """‖∂L_T/∂x_t‖ for t = 1 … T, L_T = the cross entropy of the last prediction, with the
    gradient cut every ``k`` steps (k = None: full BPTT). ``model``: a core.lstm.models.TokenLM."""
    ids = ids[None, :]  # (1, T + 1)
    T = ids.shape[1] - 1
    was_training = model.training
    model.eval()
    try:
        with single_thread(), torch.enable_grad():
            x = model.embed(ids[:, :-1]).detach().requires_grad_()  # (1, T, E): the inputs x_t
            seg = T if k is None else int(k)
            starts = list(range(T % seg or seg, T, seg))  # segments end at T: the last is k long
            bounds = [0] + starts + [T]
            state, out = None, None
            for a, b in zip(bounds[:-1], bounds[1:]):
                r = model.rnn(x[:, a:b], _detach(state), fused=False)
                state = (r.h_n, r.c_n) if r.c_n is not None else r.h_n
                out = r.output
            logits = model.head(out[:, -1])  # the last step's prediction
            loss = torch.nn.functional.cross_entropy(logits, ids[:, -1])
            (g,) = torch.autograd.grad(loss, x)
    finally:
        model.train(was_training)
    return g[0].norm(dim=-1).cpu().numpy()  # (T,)
