"""Softmax, information content, entropy and cross entropy (情報量・エントロピー・交差エントロピー).

    softmax(a)_k = exp(a_k / T) / Σ_j exp(a_j / T)        (T: temperature, T = 1 in the notes)
    I(p)  = −log2 p                       [bits]   情報量
    H(p)  = −Σ_k p_k log2 p_k             [bits]   エントロピー
    CE(t, y) = −Σ_k t_k log y_k           [nats]   交差エントロピー; one-hot t → −log y_correct
"""
from __future__ import annotations

import numpy as np

from core.basics.numbers import check_distribution, check_positive

MAX_TEMPERATURE = 100.0

# The notes' examples: equally likely outcomes → log2(n) bits
EXAMPLES = (("coin", 2), ("suit", 4), ("direction", 8))


def softmax(a: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Numerically stable softmax over the last axis: subtract max_k a_k first (same result,
    exp never overflows). a: (..., K) → (..., K), each row sums to 1."""
    T = check_positive(temperature, "温度 (temperature)", 0.0, MAX_TEMPERATURE)
    z = np.asarray(a, dtype=np.float64) / T
    z = z - z.max(axis=-1, keepdims=True)  # (..., K), max is 0 → exp(z) ≤ 1
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def naive_softmax(a: np.ndarray) -> np.ndarray:
    """exp(a_k) / Σ exp(a_j) as written, without subtracting the max: overflows to inf / nan
    for logits around 710 and more (float64). Only to show why the stable form exists."""
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(np.asarray(a, dtype=np.float64))
        return e / e.sum(axis=-1, keepdims=True)


def information_bits(p: float | np.ndarray) -> np.ndarray:
    """I(p) = −log2 p: a 1-in-2 event carries 1 bit, 1-in-4 two, 1-in-8 three."""
    with np.errstate(divide="ignore"):
        return -np.log2(np.asarray(p, dtype=np.float64))


def entropy_bits(p: np.ndarray) -> float:
    """H(p) = −Σ p_k log2 p_k (0 log 0 = 0). p: (K,) a distribution (checked)."""
    p = check_distribution(p)
    nz = p[p > 0]
    return float(-(nz * np.log2(nz)).sum()) + 0.0  # + 0.0: no "-0.0" for a certain outcome


def uniform_bits(n: int) -> float:
    """Entropy of n equally likely outcomes = log2 n (coin 1, suit 2, eight directions 3)."""
    return float(np.log2(n))


def cross_entropy(y: np.ndarray, target: int | np.ndarray) -> float:
    """CE = −Σ_k t_k log y_k in nats (natural log, as torch.nn.functional.cross_entropy).

    y: (K,) predicted distribution; target: a class index (one-hot t) or a distribution t (K,).
    """
    y = np.asarray(y, dtype=np.float64)
    t = np.zeros_like(y)
    if np.ndim(target) == 0:
        t[int(target)] = 1.0
    else:
        t = check_distribution(target, what="正解の分布")
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(t > 0, -t * np.log(y), 0.0)
    return float(terms.sum())


def minus_log_curve(n: int = 200) -> tuple[np.ndarray, np.ndarray]:
    """The curve −log p for p in (0, 1]: the loss of the correct class as its probability grows."""
    p = np.linspace(0.005, 1.0, n)
    return p, -np.log(p)
