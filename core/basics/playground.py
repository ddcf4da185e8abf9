"""2D 分類プレイグラウンド: 2-D datasets and a small MLP trained live (TensorFlow Playground style).

Model (row-vector convention, as in the notes):
    h_0 = x ∈ R²,   h_l = f(h_{l−1} W_l + b_l)   (l = 1 … L hidden layers, f = ReLU / tanh / sigmoid)
    ŷ = σ(h_L w_out + b_out) = P(class 1 | x),     E = −(1/N) Σ_n [t_n log ŷ_n + (1 − t_n) log(1 − ŷ_n)]
L = 0 is logistic regression: one straight decision boundary (it cannot learn XOR or circles).
Three classes (blobs3, spirals3): the output layer has K = 3 units and a softmax,
    ŷ = softmax(h_L W_out + b_out) ∈ R³,   E = −(1/N) Σ_n log ŷ_{n, t_n}   (cross entropy)
and the decision map colours each point of the plane by argmax_k ŷ_k.
Deterministic for a seed (data, split, initial weights, mini-batch order).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from core import InvalidInput

DATASETS = ("circles", "xor", "spirals", "blobs", "blobs3", "spirals3")
MULTICLASS = {"blobs3": 3, "spirals3": 3}  # data set → number of classes (the others have 2)
ACTIVATIONS = ("tanh", "relu", "sigmoid")
OPTIMIZERS = ("adam", "sgd")
MAX_POINTS, MAX_LAYERS, MAX_UNITS, MAX_EPOCHS, MAX_LR = 1000, 4, 32, 1000, 1e6
DIVERGED_LOSS = 1e3  # a cross entropy this large means the weights blew up


@dataclass(frozen=True)
class PlaygroundConfig:
    dataset: str = "circles"
    n_points: int = 400
    noise: float = 0.1
    test_fraction: float = 0.3
    layers: int = 2
    units: int = 8
    activation: str = "tanh"
    optimizer: str = "adam"
    lr: float = 0.03
    batch_size: int = 32
    epochs: int = 60
    seed: int = 0

    def checked(self) -> "PlaygroundConfig":
        if self.dataset not in DATASETS:
            raise InvalidInput(f"データ「{self.dataset}」はありません。{', '.join(DATASETS)} から選んでください。",
                               en=f"There is no data set \"{self.dataset}\". Choose one of {', '.join(DATASETS)}.")
        if self.activation not in ACTIVATIONS:
            raise InvalidInput(f"活性化関数「{self.activation}」は使えません。{', '.join(ACTIVATIONS)} から選んでください。",
                               en=f"The activation function \"{self.activation}\" cannot be used. Choose one of {', '.join(ACTIVATIONS)}.")
        if self.optimizer not in OPTIMIZERS:
            raise InvalidInput(f"最適化手法「{self.optimizer}」は使えません。adam か sgd を選んでください。",
                               en=f"The optimizer \"{self.optimizer}\" cannot be used. Choose adam or sgd.")
        if not 20 <= self.n_points <= MAX_POINTS:
            raise InvalidInput(f"点の数が {self.n_points} です。20〜{MAX_POINTS} にしてください。",
                               en=f"The number of points is {self.n_points}. Use 20–{MAX_POINTS}.")
        if not 0 <= self.noise <= 1:
            raise InvalidInput(f"ノイズが {self.noise} です。0〜1 にしてください。",
                               en=f"The noise is {self.noise}. Use 0–1.")
        if not 0 <= self.layers <= MAX_LAYERS:
            raise InvalidInput(f"隠れ層の数が {self.layers} です。0〜{MAX_LAYERS} にしてください。",
                               en=f"The number of hidden layers is {self.layers}. Use 0–{MAX_LAYERS}.")
        if self.layers and not 1 <= self.units <= MAX_UNITS:
            raise InvalidInput(f"隠れ層のユニット数が {self.units} です。1〜{MAX_UNITS} にしてください"
                               f"（隠れ層をなくすなら「隠れ層の数」を 0 にします）。",
                               en=f"The number of hidden units is {self.units}. Use 1–{MAX_UNITS} "
                                  f"(for no hidden layer, set the number of hidden layers to 0).")
        if not (math.isfinite(self.lr) and 0 <= self.lr <= MAX_LR):
            raise InvalidInput(f"学習率が {self.lr:g} です。0〜{MAX_LR:g} にしてください（普通は 0.001〜0.1）。",
                               en=f"The learning rate is {self.lr:g}. Use 0–{MAX_LR:g} (usually 0.001–0.1).")
        if not 1 <= self.epochs <= MAX_EPOCHS:
            raise InvalidInput(f"エポック数が {self.epochs} です。1〜{MAX_EPOCHS} にしてください。",
                               en=f"The number of epochs is {self.epochs}. Use 1–{MAX_EPOCHS}.")
        if not 1 <= self.batch_size <= MAX_POINTS:
            raise InvalidInput(f"ミニバッチの大きさが {self.batch_size} です。1〜{MAX_POINTS} にしてください。",
                               en=f"The mini-batch size is {self.batch_size}. Use 1–{MAX_POINTS}.")
        return self


# --- data ------------------------------------------------------------------------------------

def n_classes(name: str) -> int:
    return MULTICLASS.get(name, 2)


def make_dataset(name: str, n: int = 400, noise: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """X: (n × 2) in about [−1, 1]², t: (n,) labels 0 / 1 (half of each), or 0 / 1 / 2 for the
    three-class sets (a third of each)."""
    rng = np.random.default_rng(seed)
    if name in MULTICLASS:
        K = MULTICLASS[name]
        t = np.arange(n) % K
        if name == "blobs3":  # three blobs at 90°, 210°, 330°
            angle = np.pi / 2 + 2 * np.pi * t / K
            X = 0.55 * np.c_[np.cos(angle), np.sin(angle)] + 0.22 * rng.normal(size=(n, 2))
        else:  # three interleaved spiral arms, 1.25 turns each
            s = rng.uniform(0, 1, n)
            a = 1.25 * 2 * np.pi * s + 2 * np.pi * t / K
            X = np.c_[s * np.cos(a), s * np.sin(a)] * 0.95
        X = X + noise * 0.3 * rng.normal(size=X.shape)
        return X.astype(np.float32), t.astype(np.float32)
    half = n // 2
    t = np.r_[np.zeros(n - half), np.ones(half)]
    if name == "circles":  # class 1 inside r < 0.4, class 0 on the ring 0.6 < r < 1
        r = np.r_[rng.uniform(0.6, 1.0, n - half), rng.uniform(0.0, 0.4, half)]
        a = rng.uniform(0, 2 * np.pi, n)
        X = np.c_[r * np.cos(a), r * np.sin(a)]
    elif name == "xor":  # class 1 where x1·x2 > 0 (1st and 3rd quadrant)
        X = rng.uniform(-1, 1, (n, 2))
        X += np.sign(X) * 0.05  # a small gap at the axes, as TensorFlow Playground does
        t = (X[:, 0] * X[:, 1] > 0).astype(np.float64)
    elif name == "spirals":  # two interleaved spirals, 1.75 turns each
        s = np.r_[rng.uniform(0, 1, n - half), rng.uniform(0, 1, half)]
        a = 1.75 * 2 * np.pi * s + np.where(t == 1, np.pi, 0.0)
        X = np.c_[s * np.cos(a), s * np.sin(a)] * 0.95
    elif name == "blobs":
        centre = np.where(t[:, None] == 1, 0.45, -0.45)
        X = centre + 0.25 * rng.normal(size=(n, 2))
    else:
        raise InvalidInput(f"データ「{name}」はありません。{', '.join(DATASETS)} から選んでください。",
                           en=f"There is no data set \"{name}\". Choose one of {', '.join(DATASETS)}.")
    X = X + noise * 0.3 * rng.normal(size=X.shape)
    return X.astype(np.float32), t.astype(np.float32)


def split(X: np.ndarray, t: np.ndarray, test_fraction: float, seed: int):
    """A fixed-seed shuffle, then the last ``test_fraction`` as the test set."""
    order = np.random.default_rng(seed + 1).permutation(len(X))
    n_test = max(1, int(round(len(X) * test_fraction)))
    tr, te = order[:-n_test], order[-n_test:]
    return X[tr], t[tr], X[te], t[te]


# --- model -----------------------------------------------------------------------------------

def build_mlp(cfg: PlaygroundConfig):
    """nn.Sequential: [Linear(2, H), f] × L, Linear(H, 1) → the logit of class 1."""
    import torch
    from torch import nn

    torch.manual_seed(cfg.seed)
    f = {"tanh": nn.Tanh, "relu": nn.ReLU, "sigmoid": nn.Sigmoid}[cfg.activation]
    layers, d = [], 2
    for _ in range(cfg.layers):
        layers += [nn.Linear(d, cfg.units), f()]  # h_l = f(h_{l−1} W_l + b_l)
        d = cfg.units
    K = n_classes(cfg.dataset)
    layers.append(nn.Linear(d, 1 if K == 2 else K))  # logit u; ŷ = σ(u), or K logits; ŷ = softmax
    return nn.Sequential(*layers)


def grid(extent: float = 1.3, res: int = 50) -> tuple[np.ndarray, np.ndarray]:
    xs = np.linspace(-extent, extent, res, dtype=np.float32)
    return xs, xs.copy()


ProgressFn = Callable[[int, int, dict], None]


@dataclass
class PlaygroundRun:
    """One session's training: data, model, optimiser and history. Kept in st.session_state
    before ``fit`` starts, so Stop keeps the partly trained model."""
    cfg: PlaygroundConfig
    X_train: np.ndarray = field(init=False)
    t_train: np.ndarray = field(init=False)
    X_test: np.ndarray = field(init=False)
    t_test: np.ndarray = field(init=False)
    history: list[dict] = field(default_factory=list)
    epoch: int = 0
    status: str = "ready"  # ready | running | stopped | done | diverged
    seconds: float = 0.0

    def __post_init__(self):
        import torch

        self.cfg = self.cfg.checked()
        X, t = make_dataset(self.cfg.dataset, self.cfg.n_points, self.cfg.noise, self.cfg.seed)
        self.X_train, self.t_train, self.X_test, self.t_test = split(X, t, self.cfg.test_fraction, self.cfg.seed)
        self.model = build_mlp(self.cfg)
        params = self.model.parameters()
        self.optimizer = (torch.optim.Adam(params, lr=self.cfg.lr) if self.cfg.optimizer == "adam"
                          else torch.optim.SGD(params, lr=self.cfg.lr))
        self.generator = torch.Generator().manual_seed(self.cfg.seed)

    @property
    def n_classes(self) -> int:
        return n_classes(self.cfg.dataset)

    def _loss(self, logits, t):
        """Binary cross entropy on the one logit, or cross entropy on K logits (softmax inside)."""
        from torch.nn.functional import binary_cross_entropy_with_logits as bce
        from torch.nn.functional import cross_entropy

        return bce(logits[:, 0], t) if self.n_classes == 2 else cross_entropy(logits, t.long())

    def evaluate(self, X: np.ndarray, t: np.ndarray) -> tuple[float, float]:
        """(mean cross entropy, accuracy) on (X, t)."""
        import torch

        with torch.inference_mode():
            logits = self.model(torch.from_numpy(X))  # (N, 1) or (N, K)
            tt = torch.from_numpy(t)
            pred = (logits[:, 0] > 0).float() if self.n_classes == 2 else logits.argmax(dim=1).float()
            return float(self._loss(logits, tt)), float((pred == tt).float().mean())

    def probabilities(self, extent: float = 1.3, res: int = 50) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """P(class 1) on a res × res grid: (xs, ys, Z) with Z: (res × res), rows = ys; for K classes
        the softmax: Z: (res × res × K)."""
        import torch

        xs, ys = grid(extent, res)
        G = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)  # (res² × 2)
        with torch.inference_mode():
            logits = self.model(torch.from_numpy(G))
            if self.n_classes == 2:
                Z = torch.sigmoid(logits)[:, 0].numpy().reshape(res, res)
            else:
                Z = torch.softmax(logits, dim=1).numpy().reshape(res, res, self.n_classes)
        return xs, ys, Z

    def fit(self, on_progress: ProgressFn | None = None, should_stop: Callable[[], bool] | None = None) -> "PlaygroundRun":
        """Train ``cfg.epochs`` epochs of shuffled mini-batches (one CPU thread: the model is tiny)."""
        import time

        import torch

        X, t = torch.from_numpy(self.X_train), torch.from_numpy(self.t_train)
        B, total = self.cfg.batch_size, self.cfg.epochs
        self.status = "running"
        t0 = time.perf_counter()
        try:
            self._loop(X, t, B, total, on_progress, should_stop)
        finally:  # an interruption raised from on_progress (a page rerun) also ends as "stopped"
            if self.status == "running":
                self.status = "stopped"
            self.seconds += time.perf_counter() - t0
        return self

    def _loop(self, X, t, B: int, total: int, on_progress: ProgressFn | None,
              should_stop: Callable[[], bool] | None) -> None:
        import torch

        from core.device import cpu_threads

        with cpu_threads(1):
            while self.epoch < total:
                if should_stop is not None and should_stop():
                    self.status = "stopped"
                    break
                self.model.train()
                order = torch.randperm(len(X), generator=self.generator)
                for start in range(0, len(X), B):
                    idx = order[start:start + B]
                    loss = self._loss(self.model(X[idx]), t[idx])  # E on the mini-batch
                    self.optimizer.zero_grad()
                    loss.backward()
                    self.optimizer.step()  # p′ = p − η ∂E/∂p (Adam: with per-weight step sizes)
                self.model.eval()
                self.epoch += 1
                tr_loss, tr_acc = self.evaluate(self.X_train, self.t_train)
                te_loss, te_acc = self.evaluate(self.X_test, self.t_test)
                row = {"epoch": self.epoch, "loss": tr_loss, "test_loss": te_loss,
                       "train_acc": tr_acc, "test_acc": te_acc}
                self.history.append(row)
                if not (math.isfinite(tr_loss) and tr_loss < DIVERGED_LOSS):
                    self.status = "diverged"
                    break
                if on_progress is not None:
                    on_progress(self.epoch, total, {k: v for k, v in row.items() if k != "epoch"})
            else:
                self.status = "done"

    @property
    def last(self) -> dict:
        return self.history[-1] if self.history else {}
