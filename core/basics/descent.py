"""Gradient descent (勾配降下法): p′ = p − η ∂E/∂p, step by step.

    1D:  E(p) = (p − 2)²,           ∂E/∂p = 2(p − 2)            converges for 0 < η < 1
    2D:  E(p1, p2) = p1² + 5 p2²,   ∂E/∂p = (2 p1, 10 p2)       converges for 0 < η < 0.2
    SGD vs full batch on y ≈ w x + b: E = (1/2N) Σ (w x_n + b − y_n)²; full batch takes one step per
    epoch with the gradient of all N examples, SGD one step per mini-batch of B examples.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from core import InvalidInput

MAX_LR = 1e6
MAX_STEPS = 200
BLOW_UP = 1e6  # |p| beyond this: diverged, stop stepping (the page shows it, nothing crashes)

SURFACES = {
    "1d": {"target": np.array([2.0]), "scale": np.array([1.0]), "start": np.array([-2.0])},
    "2d": {"target": np.array([0.0, 0.0]), "scale": np.array([1.0, 5.0]), "start": np.array([-4.0, 2.0])},
}


def loss(surface: str, p: np.ndarray) -> np.ndarray:
    """E(p) = Σ_i s_i (p_i − c_i)²; p: (..., d) → (...)."""
    s = SURFACES[surface]
    return (s["scale"] * (np.asarray(p) - s["target"]) ** 2).sum(axis=-1)


def grad(surface: str, p: np.ndarray) -> np.ndarray:
    """∂E/∂p = 2 s (p − c); p: (d,) → (d,)."""
    s = SURFACES[surface]
    return 2.0 * s["scale"] * (np.asarray(p) - s["target"])


@dataclass(frozen=True)
class StableRange:
    """Gradient descent on a quadratic converges iff 0 < η < 2 / λ_max (λ: the curvatures, the
    Hessian's eigenvalues); η = 2 / (λ_max + λ_min) is the fastest, 1 / λ for a 1-D parabola."""

    curvatures: tuple[float, ...]  # eigenvalues of ∂²E/∂p², largest first
    eta_max: float  # 2 / λ_max: at or above it the largest direction oscillates and grows
    eta_best: float  # 2 / (λ_max + λ_min)


def _stable(curvatures) -> StableRange:
    lam = tuple(sorted((float(c) for c in curvatures), reverse=True))
    return StableRange(curvatures=lam, eta_max=2.0 / lam[0], eta_best=2.0 / (lam[0] + lam[-1]))


def stable_range(surface: str) -> StableRange:
    """The surface's own range: E = Σ s_i (p_i − c_i)² has curvatures 2 s_i
    (1-D: 2 → η < 1; 2-D: 2 and 10 → η < 0.2)."""
    return _stable(2.0 * SURFACES[surface]["scale"])


def line_stable_range(n: int = 64, seed: int = 0) -> StableRange:
    """For E = (1/2N) Σ (w x_n + b − y_n)²: the Hessian [[mean x², mean x], [mean x, 1]]."""
    x, _ = line_data(n, seed=seed)
    H = np.array([[np.mean(x * x), np.mean(x)], [np.mean(x), 1.0]])
    return _stable(np.linalg.eigvalsh(H))


def check_lr(eta: float) -> float:
    try:
        eta = float(eta)
    except (TypeError, ValueError):
        raise InvalidInput("学習率 η は数で指定してください（例: 0.1）。",
                           en="Give the learning rate η as a number (e.g. 0.1).") from None
    if not math.isfinite(eta) or eta < 0 or eta > MAX_LR:
        raise InvalidInput(f"学習率 η が {eta:g} です。0 以上 {MAX_LR:g} 以下にしてください（よく使うのは 0.001〜0.5）。",
                           en=f"The learning rate η is {eta:g}. Use a value from 0 to {MAX_LR:g} (0.001–0.5 is common).")
    return eta


def check_steps(steps: int) -> int:
    steps = int(steps)
    if not 1 <= steps <= MAX_STEPS:
        raise InvalidInput(f"ステップ数が {steps} です。1〜{MAX_STEPS} にしてください。",
                           en=f"The number of steps is {steps}. Use 1–{MAX_STEPS}.")
    return steps


@dataclass
class Descent:
    path: np.ndarray  # (S + 1, d): p after 0, 1, …, S steps (fewer when it diverged)
    losses: np.ndarray  # (S + 1,)
    grads: np.ndarray  # (S, d): ∂E/∂p used at each step
    eta: float
    diverged: bool = False  # the loss grew, or |p| blew past BLOW_UP (then stepping stopped): η too large
    stuck: bool = False  # η = 0: p never moves

    @property
    def verdict(self) -> str:
        """"diverged" | "stuck" | "converged" | "slow" (a quick label for the page)."""
        if self.diverged:
            return "diverged"
        if self.stuck:
            return "stuck"
        return "converged" if self.losses[-1] < 1e-3 else "slow"


def descend(surface: str = "1d", eta: float = 0.1, steps: int = 20, start: np.ndarray | None = None) -> Descent:
    """Run p′ = p − η ∂E/∂p for ``steps`` steps from ``start`` (the surface's default)."""
    eta, steps = check_lr(eta), check_steps(steps)
    p = np.array(SURFACES[surface]["start"] if start is None else start, dtype=np.float64)
    path, gs, diverged = [p.copy()], [], False
    for _ in range(steps):
        g = grad(surface, p)
        p = p - eta * g  # p′ = p − η ∂E/∂p
        gs.append(g)
        path.append(p.copy())
        if not np.isfinite(p).all() or np.abs(p).max() > BLOW_UP:
            diverged = True
            break
    P = np.array(path)
    with np.errstate(over="ignore", invalid="ignore"):
        L = loss(surface, P)
    diverged = diverged or bool(L[-1] > L[0])  # each step overshoots further: the loss grows
    return Descent(path=P, losses=L, grads=np.array(gs), eta=eta, diverged=diverged, stuck=eta == 0.0)


# --- SGD vs full batch ------------------------------------------------------------------------

@dataclass
class BatchRun:
    name: str  # "full" | "sgd"
    path: np.ndarray  # (U + 1, 2): (w, b) after each update
    loss_per_update: np.ndarray  # (U + 1,) full-data E after each update
    loss_per_epoch: np.ndarray  # (epochs + 1,)
    updates_per_epoch: int
    diverged: bool = False


@dataclass
class BatchComparison:
    x: np.ndarray  # (N,)
    y: np.ndarray  # (N,)
    runs: dict[str, BatchRun] = field(default_factory=dict)
    w_true: float = 2.0
    b_true: float = 1.0


def line_data(n: int = 64, noise: float = 0.3, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """y = 2x + 1 + ε, x ~ U(−1, 1), ε ~ N(0, noise²)."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, n)
    return x, 2.0 * x + 1.0 + noise * rng.normal(size=n)


def _line_loss(w: float, b: float, x: np.ndarray, y: np.ndarray) -> float:
    return float(0.5 * np.mean((w * x + b - y) ** 2))


def compare_batches(eta: float = 0.1, epochs: int = 20, batch_size: int = 8, seed: int = 0,
                    n: int = 64) -> BatchComparison:
    """Full batch (one step per epoch, gradient of all N) vs SGD (N / B steps per epoch, each on a
    shuffled mini-batch of B) from (w, b) = (−1, −1), the same η and epochs."""
    eta = check_lr(eta)
    if not 1 <= epochs <= MAX_STEPS:
        raise InvalidInput(f"エポック数が {epochs} です。1〜{MAX_STEPS} にしてください。",
                           en=f"The number of epochs is {epochs}. Use 1–{MAX_STEPS}.")
    if not 1 <= batch_size <= n:
        raise InvalidInput(f"ミニバッチの大きさが {batch_size} です。1〜{n} にしてください。",
                           en=f"The mini-batch size is {batch_size}. Use 1–{n}.")
    x, y = line_data(n, seed=seed)
    out = BatchComparison(x=x, y=y)
    for name, B in (("full", n), ("sgd", batch_size)):
        rng = np.random.default_rng(seed + 1)
        w, b = -1.0, -1.0
        path, per_update, per_epoch, diverged = [(w, b)], [_line_loss(w, b, x, y)], [_line_loss(w, b, x, y)], False
        for _ in range(epochs):
            order = rng.permutation(n)
            for start in range(0, n, B):
                idx = order[start:start + B]  # (B,)
                r = w * x[idx] + b - y[idx]  # (B,) residuals
                w, b = w - eta * float(np.mean(r * x[idx])), b - eta * float(np.mean(r))  # ∂E/∂w, ∂E/∂b
                path.append((w, b))
                per_update.append(_line_loss(w, b, x, y))
                if not (math.isfinite(w) and math.isfinite(b)) or max(abs(w), abs(b)) > BLOW_UP:
                    diverged = True
                    break
            per_epoch.append(per_update[-1])
            if diverged:
                break
        out.runs[name] = BatchRun(name=name, path=np.array(path), loss_per_update=np.array(per_update),
                                  loss_per_epoch=np.array(per_epoch), updates_per_epoch=math.ceil(n / B),
                                  diverged=diverged)
    return out
