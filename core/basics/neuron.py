"""One neuron, activations, depth, and the fully connected layer as a matrix product.

    u = w1·x1 + w2·x2 + b,    y = f(u)                       ニューロン
    ReLU(u) = max(0, u), σ(u) = 1 / (1 + e^(−u)), tanh(u), step(u) = [u > 0]
    Linear layers stack into one:  (x W1) W2 = x (W1 W2)      多層化には非線形が必要
    Fully connected layer: y = x W,  (1 × 3)·(3 × 2) → (1 × 2);  mini-batch X: (N × 3)·(3 × 2) → (N × 2)
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import InvalidInput

ACTIVATIONS = {
    "relu": lambda u: np.maximum(0.0, u),
    "sigmoid": lambda u: 1.0 / (1.0 + np.exp(-u)),
    "tanh": np.tanh,
    "step": lambda u: (np.asarray(u) > 0).astype(np.float64),
    "identity": lambda u: np.asarray(u, dtype=np.float64),
}


def activation(name: str):
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise InvalidInput(f"活性化関数「{name}」はありません。{', '.join(ACTIVATIONS)} から選んでください。",
                           en=f"There is no activation function \"{name}\". Choose one of {', '.join(ACTIVATIONS)}.") from None


def neuron(x: np.ndarray, w: np.ndarray, b: float, act: str = "relu") -> tuple[float, float]:
    """u = w·x + b, y = f(u). x, w: (n,). Returns (u, y)."""
    u = float(np.dot(np.asarray(w, dtype=np.float64), np.asarray(x, dtype=np.float64)) + b)
    return u, float(activation(act)(np.float64(u)))


def linearity_check(a: float = -1.0, b: float = 1.0, act: str = "relu") -> dict:
    """The notes' check: a linear f has f(a + b) = f(a) + f(b). ReLU(−1 + 1) = 0 but
    ReLU(−1) + ReLU(1) = 1, so ReLU is not linear (and that is what lets depth help)."""
    f = activation(act)
    whole, parts = float(f(np.float64(a + b))), float(f(np.float64(a)) + f(np.float64(b)))
    return {"a": a, "b": b, "f(a+b)": whole, "f(a)+f(b)": parts, "linear_here": bool(np.isclose(whole, parts))}


# --- depth ----------------------------------------------------------------------------------

# The depth demo: x (1 input) → 2 hidden units → 1 output, row-vector convention y = x W
W1_DEMO = np.array([[1.0, -1.0]])  # (1 × 2)
W2_DEMO = np.array([[1.0], [1.0]])  # (2 × 1)


def collapse(weights: list[np.ndarray]) -> np.ndarray:
    """The product W1 W2 … Wn: stacked linear layers are this one matrix. Shapes (d0 × d1),
    (d1 × d2), … → (d0 × dn); raises InvalidInput when a shape does not chain."""
    W = np.asarray(weights[0], dtype=np.float64)
    for i, Wi in enumerate(weights[1:], start=2):
        Wi = np.asarray(Wi, dtype=np.float64)
        if W.shape[1] != Wi.shape[0]:
            raise InvalidInput(f"W{i} の行数 {Wi.shape[0]} が前の列数 {W.shape[1]} と合いません。",
                               en=f"W{i} has {Wi.shape[0]} rows, which does not match the {W.shape[1]} columns before it.")
        W = W @ Wi  # (d0 × d_{i-1}) · (d_{i-1} × d_i) → (d0 × d_i)
    return W


@dataclass
class DepthDemo:
    x: np.ndarray  # (N,) inputs
    linear: np.ndarray  # (N,) x W1 W2 without activation (= x · collapsed)
    collapsed: np.ndarray  # (1 × 1) W1 W2
    relu: np.ndarray  # (N,) ReLU(x W1) W2 = |x| for the demo weights
    best_line: np.ndarray  # (N,) least-squares a·x + c fitted to the ReLU net's output
    line_error: float  # mean squared error of that best line: no single layer makes |x|


def depth_demo(W1: np.ndarray = W1_DEMO, W2: np.ndarray = W2_DEMO, n: int = 81) -> DepthDemo:
    """Two layers without a non-linearity are one matrix; with ReLU between them the same
    weights make ReLU(x) + ReLU(−x) = |x|, a bend no single linear layer (a·x + c) can make."""
    x = np.linspace(-2.0, 2.0, n)
    X = x[:, None]  # (N × 1)
    W = collapse([W1, W2])  # (1 × 1)
    linear = (X @ W1 @ W2)[:, 0]  # (N,)
    relu = (np.maximum(0.0, X @ W1) @ W2)[:, 0]  # (N × 2) hidden → (N,)
    A = np.stack([x, np.ones_like(x)], axis=1)  # (N × 2) for a·x + c
    coef, *_ = np.linalg.lstsq(A, relu, rcond=None)
    best = A @ coef
    return DepthDemo(x=x, linear=linear, collapsed=W, relu=relu, best_line=best,
                     line_error=float(((best - relu) ** 2).mean()))


# --- fully connected layer = matrix product ---------------------------------------------------

X_DEMO = np.array([[1.0, 2.0, 3.0]])  # (1 × 3): x1, x2, x3
W_DEMO = np.array([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]])  # (3 × 2): w11 … w32
BATCH_DEMO = np.array([[1.0, 2.0, 3.0], [0.0, 1.0, 0.0], [-1.0, 0.5, 2.0]])  # (3 × 3): 3 examples


def symbolic_product(n_in: int = 3, n_out: int = 2) -> list[str]:
    """The entries of (x1 … x_n) · (w_ij): y_j = x1 w1j + x2 w2j + … (as text, one per output)."""
    return [" + ".join(f"x{i}·w{i}{j}" for i in range(1, n_in + 1)) for j in range(1, n_out + 1)]


def matmul_or_error(a_shape: tuple[int, int], b_shape: tuple[int, int]) -> tuple[tuple | None, str | None]:
    """Multiply zeros of these shapes in PyTorch: (result shape, None) or (None, torch's own
    error message). The rule: columns of the left = rows of the right."""
    import torch

    try:
        out = torch.zeros(*a_shape) @ torch.zeros(*b_shape)
    except RuntimeError as exc:
        return None, str(exc).splitlines()[0]
    return tuple(out.shape), None
