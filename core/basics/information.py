"""Softmax, information content, entropy and cross entropy (情報量・エントロピー・交差エントロピー).

    softmax(a)_k = exp(a_k / T) / Σ_j exp(a_j / T)        (T: temperature, T = 1 in the notes)
    I(p)  = −log2 p                       [bits]   情報量
    H(p)  = −Σ_k p_k log2 p_k             [bits]   エントロピー
    CE(t, y) = −Σ_k t_k log y_k           [nats]   交差エントロピー; one-hot t → −log y_correct
    H(p, q)  = −Σ_k p_k log q_k  ≥  H(p)  [bits or nats]   between two distributions (Gibbs)

The notes' worked example: softmax(6, 4): e⁶ ≈ 403, e⁴ ≈ 55, Σ ≈ 458, 403/458 ≈ 0.88, 55/458 ≈ 0.12.
The notes' coin: a fair coin p = (0.5, 0.5) and a model q = (0.4, 0.6).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import InvalidInput
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


@dataclass(frozen=True)
class SoftmaxSteps:
    """The slide's columns: e^(a_k/T) before normalising, their sum Σ, and e^(a_k/T) / Σ."""

    exp: np.ndarray  # (K,) e^(a_k / T); inf where it overflows
    sum: float  # Σ_j e^(a_j / T)
    p: np.ndarray  # (K,) the stable softmax (equal to exp / sum whenever that is finite)
    shifted_exp: np.ndarray  # (K,) e^(a_k/T − max): the numerically safe path's numerators
    shifted_sum: float

    @property
    def overflow(self) -> bool:
        return not (np.isfinite(self.exp).all() and np.isfinite(self.sum))


def softmax_steps(a: np.ndarray, temperature: float = 1.0) -> SoftmaxSteps:
    """softmax as the slide computes it — e^(a_k/T), Σ, e^(a_k/T)/Σ — next to the safe path
    (subtract the max first). For (6, 4): exp ≈ (403.43, 54.60), Σ ≈ 458.03, p ≈ (0.88, 0.12)."""
    T = check_positive(temperature, "温度 (temperature)", 0.0, MAX_TEMPERATURE)
    z = np.asarray(a, dtype=np.float64) / T
    with np.errstate(over="ignore"):
        e = np.exp(z)
        total = float(e.sum())
    shifted = np.exp(z - z.max())
    return SoftmaxSteps(exp=e, sum=total, p=softmax(a, T), shifted_exp=shifted, shifted_sum=float(shifted.sum()))


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


UNITS = ("bits", "nats")
COIN_P, COIN_Q = (0.5, 0.5), (0.4, 0.6)  # the notes' fair coin and a model of it


def _log(x: np.ndarray, unit: str) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return np.log2(x) if unit == "bits" else np.log(x)


def entropy(p: np.ndarray, unit: str = "bits") -> float:
    """H(p) = −Σ p_k log p_k in bits (log2) or nats (ln)."""
    bits = entropy_bits(p)
    return bits if unit == "bits" else bits * float(np.log(2.0))


def cross_entropy_pq(p: np.ndarray, q: np.ndarray, unit: str = "bits") -> float:
    """H(p, q) = −Σ_k p_k log q_k: the true distribution p coded with the model q.
    H(p, q) ≥ H(p), equal only when q = p; +inf when q gives 0 where p does not."""
    if unit not in UNITS:
        raise InvalidInput(f"単位 {unit} はありません。bits か nats を選んでください。",
                           en=f"There is no unit {unit}. Choose bits or nats.")
    p = check_distribution(p, what="分布 p")
    q = check_distribution(q, what="分布 q")
    if p.shape != q.shape:
        raise InvalidInput(f"p は {len(p)} 個、q は {len(q)} 個です。同じ個数にしてください。",
                           en=f"p has {len(p)} values and q has {len(q)}. Give both the same number.")
    terms = np.where(p > 0, -p * _log(np.where(p > 0, q, 1.0), unit), 0.0)
    return float(terms.sum()) + 0.0


def rounded_cross_entropy(p: np.ndarray, q: np.ndarray, unit: str = "bits", digits: int = 2) -> float:
    """H(p, q) with each log rounded to ``digits`` decimals first, as a hand calculation does —
    the source of a last-digit difference from the exact value."""
    p, q = np.asarray(p, dtype=np.float64), np.asarray(q, dtype=np.float64)
    logs = np.round(_log(np.where(p > 0, q, 1.0), unit), digits)
    return float(np.where(p > 0, -p * logs, 0.0).sum())


# --- the output layer by task ------------------------------------------------------------------

TASKS = ("multiclass", "binary", "regression")


def output_layer(task: str, a: np.ndarray, target: float) -> dict:
    """The output layer and its matching loss, by numpy and by the torch loss the notes use.

    multiclass: y = softmax(a),  E = −log y_t              (nn.CrossEntropyLoss on logits a)
    binary:     y = σ(a),        E = −[t log y + (1 − t) log(1 − y)]   (nn.BCEWithLogitsLoss)
    regression: y = a (identity), E = (y − t)²             (nn.MSELoss)
    a: (K,) logits for multiclass, one value otherwise; target: class index, 0/1, or a number.
    """
    import torch
    from torch import nn

    a = np.asarray(a, dtype=np.float64).ravel()
    if task == "multiclass":
        k = int(target)
        if not 0 <= k < len(a) or k != target:
            raise InvalidInput(f"正解クラスは 0〜{len(a) - 1} の整数にしてください。",
                               en=f"The correct class must be an integer from 0 to {len(a) - 1}.")
        y = softmax(a)
        E = float(-np.log(y[k]))
        torch_E = float(nn.CrossEntropyLoss()(torch.tensor(a[None]), torch.tensor([k])))
    elif task == "binary":
        if target not in (0, 1):
            raise InvalidInput("正解 t は 0 か 1 にしてください。", en="The target t must be 0 or 1.")
        y = 1.0 / (1.0 + np.exp(-a[:1]))
        E = float(-(target * np.log(y[0]) + (1 - target) * np.log(1 - y[0])))
        torch_E = float(nn.BCEWithLogitsLoss()(torch.tensor(a[:1]), torch.tensor([float(target)], dtype=torch.float64)))
    elif task == "regression":
        y = a[:1].copy()
        E = float((y[0] - target) ** 2)
        torch_E = float(nn.MSELoss()(torch.tensor(y), torch.tensor([float(target)], dtype=torch.float64)))
    else:
        raise InvalidInput(f"タスク {task} はありません。{', '.join(TASKS)} から選んでください。",
                           en=f"There is no task {task}. Choose one of {', '.join(TASKS)}.")
    return {"y": y, "loss": E, "torch_loss": torch_E}
