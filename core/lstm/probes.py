"""Looking inside: gate values over time, and how the gradient flows back through time.

Gradient lab. One cell (input size 1, hidden size H, torch's initialisation with seed S) reads a
fixed random sequence x_1 … x_T; the loss looks only at the last step,
L_T = ½ (v·h_T − 1)². Backpropagation through time gives ∂L_T/∂h_k for every k; for the simple
RNN it is a product of Jacobians

    ∂L_T/∂h_k = ∂L_T/∂h_T · Π_{i=k+1..T} ∂h_i/∂h_{i−1},   ∂h_i/∂h_{i−1} = diag(1 − h_i²) W_h,

so its norm shrinks (vanishing) or grows (exploding) geometrically with T − k. The LSTM's
cell path c_t = f_t ⊙ c_{t−1} + … multiplies by f_t instead, which stays close to 1 when the
forget gate is open (its bias starts at +1, the usual initialisation; the GRU's update gate
likewise). ``scale`` multiplies every W_h; ``clip`` applies g ← g·V/‖g‖ to the parameter
gradient g = ∂L_T/∂θ.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import torch

from core import InvalidInput
from core.limits import CLASSROOM, check_clip, check_int
from core.lstm.cells import CELLS, Recurrent
from core.lstm.limits import LIMITS, check_cell
from core.training import clip_gradient, single_thread

DEFAULT_STEPS = 50
DEFAULT_HIDDEN = 32
DEFAULT_GATE_BIAS = 1.0


@dataclass
class GradientNorms:
    cell: str
    norms: list[float]  # ‖∂L_T/∂h_k‖ for k = 1 … T
    grad_norm: float  # ‖g‖ = ‖∂L_T/∂θ‖ before clipping
    clipped_norm: float  # after clipping (= grad_norm when no clipping happened)
    clip: float | None
    loss: float
    settings: dict = field(default_factory=dict)

    @property
    def factor(self) -> float:
        return self.clipped_norm / self.grad_norm if self.grad_norm > 0 else 1.0

    def decay(self) -> float:
        """‖∂L_T/∂h_1‖ / ‖∂L_T/∂h_T‖: ≪ 1 vanishing, ≫ 1 exploding."""
        return self.norms[0] / self.norms[-1] if self.norms[-1] > 0 else float("inf")


def gradient_norms(cell: str = "rnn", steps: int = DEFAULT_STEPS, *, hidden: int = DEFAULT_HIDDEN,
                   scale: float = 1.0, gate_bias: float = DEFAULT_GATE_BIAS, clip: float | None = None,
                   seed: int = 0) -> GradientNorms:
    """‖∂L_T/∂h_k‖ for k = 1 … T (the same sequence and readout for every cell type)."""
    cell = check_cell(cell)
    T = check_int(steps, "系列の長さ T (steps)", 2, LIMITS.max_steps)
    H = check_int(hidden, "隠れ状態の次元 (hidden size)", 1, CLASSROOM.max_hidden)
    try:
        scale, gate_bias = float(scale), float(gate_bias)
    except (TypeError, ValueError):
        raise InvalidInput("W_h の倍率とバイアスは数値で指定してください。",
                           en="Give the W_h scale and the biases as numbers.") from None
    if not (0.0 <= scale <= 10.0) or not math.isfinite(scale):
        raise InvalidInput(f"W_h の倍率 {scale:g} は範囲外です。0〜10 にしてください。",
                           en=f"The W_h scale {scale:g} is out of range. Use 0–10.")
    if not (-5.0 <= gate_bias <= 5.0):
        raise InvalidInput("ゲートのバイアスは −5〜5 にしてください。",
                           en="The gate biases must be −5 to 5.")
    clip = check_clip(clip)

    torch.manual_seed(seed)
    c = CELLS[cell](1, H)
    with torch.no_grad():
        c.W_h.mul_(scale)
        if cell in ("lstm", "gru"):  # forget gate f (LSTM rows H:2H) / update gate z (GRU rows H:2H)
            c.b_h[H:2 * H] += gate_bias
    gen = torch.Generator().manual_seed(seed)
    x = torch.randn(T, 1, 1, generator=gen)
    v = torch.randn(H, generator=gen) / math.sqrt(H)
    state = c.zero_state(1)
    hs = []
    for t in range(T):
        state = c(x[t], state)
        h_t = state[0] if cell == "lstm" else state
        h_t.retain_grad()
        hs.append(h_t)
    loss = 0.5 * (hs[-1][0] @ v - 1.0) ** 2
    loss.backward()
    norms = [float(h.grad.norm()) for h in hs]
    before, after = clip_gradient(c.parameters(), clip)
    return GradientNorms(cell, norms, before, after, clip, loss.item(),
                         {"steps": T, "hidden": H, "scale": scale, "gate_bias": gate_bias, "seed": seed})


def compare_gradients(steps: int = DEFAULT_STEPS, **kwargs) -> dict[str, GradientNorms]:
    with single_thread():
        return {cell: gradient_norms(cell, steps, **kwargs) for cell in ("rnn", "lstm", "gru")}


@torch.no_grad()
def trace_gates(rnn: Recurrent, x: np.ndarray, layer: int = 0) -> list[dict]:
    """Run ``rnn`` with the explicit cells on one sequence x (T,) or (T, F) and return, per
    direction of ``layer``, {"direction", gate: array (H, T)} (units × time, for heatmaps)."""
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[:, None]
    if len(x) < 1:
        raise InvalidInput("系列が空です。",
                           en="The sequence is empty.")
    param = next(rnn.parameters())
    out = rnn(torch.as_tensor(x, device=param.device)[None], record=True)
    traces = []
    for tr in out.trace:
        if tr["layer"] != layer:
            continue
        traces.append({"direction": tr["direction"],
                       **{k: v[0].T.cpu().numpy() for k, v in tr.items() if k not in ("layer", "direction")}})
    return traces


# --- BPTT in full: the t × k triangle ------------------------------------------------------------

MAX_BPTT_STEPS = 40


@dataclass
class BPTTMap:
    """C[t, k] = ‖(∂L_t/∂h_t)(Π_{i=k+1..t} ∂h_i/∂h_{i−1})(∂h_k/∂W_h)‖ for k ≤ t (NaN above the diagonal):
    the part of ∂L/∂W_h that the loss at time t sends back to the use of W_h at time k.
    Σ_t Σ_k of the (matrix) terms is ∂L/∂W_h with L = Σ_t L(t)."""

    cell: str
    C: np.ndarray  # (T, T)
    losses: list[float]  # L(t)
    total_grad: np.ndarray  # Σ_t Σ_k term = ∂L/∂W_h
    autograd_grad: np.ndarray  # ∂L/∂W_h from one backward of L = Σ_t L(t)

    @property
    def max_diff(self) -> float:
        return float(np.abs(self.total_grad - self.autograd_grad).max())

    def reach(self, lag: int) -> float:
        """Mean of C[t, t − lag] over t: how much a loss sends back ``lag`` steps."""
        T = self.C.shape[0]
        vals = [self.C[t, t - lag] for t in range(lag, T)]
        return float(np.mean(vals)) if vals else float("nan")


def bptt_map(model, x: np.ndarray, steps: int = 30) -> BPTTMap:
    """For a trained forecaster (first layer's cell, its linear head): run x_1 … x_T, predict x_{t+1}
    from h_t with L(t) = ½(head(h_t) − x_{t+1})², and split ∂L/∂W_h into its t × k terms by giving
    each time step its own copy W_h^(k) of the same weights (∂L_t/∂W_h^(k) is exactly the term k)."""
    T = check_int(steps, "時刻の数 T", 2, MAX_BPTT_STEPS)
    x = np.asarray(x, dtype=np.float32).reshape(-1)
    if len(x) < T + 1:
        raise InvalidInput(f"系列が短すぎます（{len(x)} 点、{T + 1} 点以上必要です）。",
                           en=f"The sequence is too short ({len(x)} points; needs {T + 1}).")
    rnn, head = model.rnn, model.head
    cell, kind = rnn.cells[0], rnn.kind
    param = next(cell.parameters())
    xs = torch.as_tensor(x[:T + 1], device=param.device).view(T + 1, 1, 1)
    Ws = [cell.W_h.detach().clone().requires_grad_(True) for _ in range(T)]
    with single_thread():
        state = cell.zero_state(1, device=param.device, dtype=param.dtype)
        losses = []
        for t in range(T):
            state = torch.func.functional_call(cell, {"W_h": Ws[t]}, (xs[t], state))
            h_t = state[0] if kind == "lstm" else state
            losses.append(0.5 * (head(h_t)[0, 0] - xs[t + 1, 0, 0]) ** 2)
        C = np.full((T, T), np.nan)
        total = torch.zeros_like(cell.W_h)
        for t in range(T):
            grads = torch.autograd.grad(losses[t], Ws[:t + 1], retain_graph=True)
            for k, g in enumerate(grads):
                C[t, k] = float(g.norm())
                total += g
        W = cell.W_h.detach().clone().requires_grad_(True)
        state = cell.zero_state(1, device=param.device, dtype=param.dtype)
        L = 0.0
        for t in range(T):
            state = torch.func.functional_call(cell, {"W_h": W}, (xs[t], state))
            h_t = state[0] if kind == "lstm" else state
            L = L + 0.5 * (head(h_t)[0, 0] - xs[t + 1, 0, 0]) ** 2
        (auto,) = torch.autograd.grad(L, W)
    return BPTTMap(kind, C, [float(v.detach()) for v in losses], total.cpu().numpy(), auto.cpu().numpy())
