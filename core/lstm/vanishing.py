"""Why gradients vanish: the derivatives of the activations and their product over T steps.

BPTT multiplies one factor per time step (the notes: ∂L/∂h_k contains Π ∂h(i)/∂h(i−1)). For a
scalar unit h_i = f(w h_{i−1} + …) each factor is w · f′(a_i), so after T steps

    Π_{i=1..T} w f′(a_i)  ≤  (|w| · max f′)^T,

    σ′(a) = σ(a)(1 − σ(a)) ≤ 0.25 (at a = 0),     tanh′(a) = 1 − tanh²(a) ≤ 1 (at a = 0).

With σ and |w| < 4 the product goes to 0 geometrically (勾配消失, vanishing); with |w| f′ > 1 it
grows without bound (勾配爆発 / 勾配発散, exploding / diverging).
"""
from __future__ import annotations

import numpy as np

from core import InvalidInput

SIGMOID_MAX = 0.25  # σ′(0)
TANH_MAX = 1.0  # tanh′(0)
MAX_T = 1000


def sigmoid_prime(a: np.ndarray) -> np.ndarray:
    """σ′(a) = σ(a)(1 − σ(a))."""
    s = 1.0 / (1.0 + np.exp(-np.asarray(a, dtype=np.float64)))
    return s * (1.0 - s)


def tanh_prime(a: np.ndarray) -> np.ndarray:
    """tanh′(a) = 1 − tanh²(a)."""
    return 1.0 - np.tanh(np.asarray(a, dtype=np.float64)) ** 2


DERIVATIVES = {"sigmoid": sigmoid_prime, "tanh": tanh_prime}


def derivative_curves(lo: float = -6.0, hi: float = 6.0, n: int = 241) -> dict[str, np.ndarray]:
    """a, σ′(a), tanh′(a) on a grid (for the plot with the maxima 0.25 and 1 marked)."""
    a = np.linspace(lo, hi, n)
    return {"a": a, "sigmoid": sigmoid_prime(a), "tanh": tanh_prime(a)}


def derivative_products(T: int, *, w: float = 1.0, spread: float = 0.0, seed: int = 0) -> dict[str, np.ndarray]:
    """Π_{i=1..t} w f′(a_i) for t = 1 … T, for σ and tanh.

    The pre-activations a_i are 0 (the best case, f′ at its maximum) when ``spread`` = 0, else
    drawn from N(0, spread²) with ``seed`` (a fixed draw, the same for both functions).
    Returns {"t", "sigmoid", "tanh", "sigmoid_bound", "tanh_bound"}, the bounds (|w|·max f′)^t.
    """
    try:
        T = int(T)
        w, spread = float(w), float(spread)
    except (TypeError, ValueError) as exc:
        raise InvalidInput("T・重み w・ばらつきは数値で指定してください。",
                           en="Give T, the weight w and the spread as numbers.") from exc
    if not 1 <= T <= MAX_T:
        raise InvalidInput(f"時刻の数 T は 1〜{MAX_T} で指定してください（{T} が指定されました）。",
                           en=f"The number of time steps T must be 1–{MAX_T} ({T} was given).")
    if not np.isfinite(w) or not np.isfinite(spread) or spread < 0:
        raise InvalidInput("重み w は有限の数、ばらつきは 0 以上で指定してください。",
                           en="The weight w must be a finite number and the spread 0 or more.")
    a = np.random.default_rng(int(seed)).normal(0.0, spread, size=T) if spread > 0 else np.zeros(T)
    t = np.arange(1, T + 1)
    out = {"t": t}
    for name, fprime in DERIVATIVES.items():
        with np.errstate(over="ignore", under="ignore"):
            out[name] = np.cumprod(w * fprime(a))
    with np.errstate(over="ignore", under="ignore"):
        out["sigmoid_bound"] = (abs(w) * SIGMOID_MAX) ** t
        out["tanh_bound"] = (abs(w) * TANH_MAX) ** t
    return out
