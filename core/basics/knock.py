"""言語処理100本ノック 第8章 (exercises 70–79) for real, on the shipped 4-class Japanese set.

    70  x_i = (1/T_i) Σ_t e(w_t)  ∈ ℝ^300          (mean of chiVe vectors; X ∈ ℝ^{n×300})
    71  ŷ_1 = softmax(x_1 W),  Ŷ = softmax(X_{[1:4]} W),  W ∈ ℝ^{300×4}  (random)
    72  L = −(1/n) Σ_i log ŷ_{i, y_i};   ∂L/∂W = (1/n) Xᵀ (Ŷ − T)     (T one-hot, n = 1 or 4)
    73–75  SGD on the training set; loss and accuracy of train / valid per epoch
    77  mini-batches of B;  78  the device;  79  a multi-layer net (hidden ReLU layers)

The PyTorch idioms the notes use: ``torch.softmax(x, dim=1)`` (dim 0 = the mini-batch, dim 1 = the
classes) and ``nn.CrossEntropyLoss()(logits, labels)`` with 1-D integer labels (it applies
log-softmax itself, so it takes logits, not probabilities). Data: core/basics/knock_news.tsv.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from core import InvalidInput
from core.basics.knock_data import LABELS, PATH

MAX_EPOCHS, MAX_HIDDEN, MAX_LAYERS = 200, 256, 3
_cache: dict[str, "KnockTask"] = {}
_lock = threading.Lock()


@dataclass
class KnockTask:
    """The featurised splits. X_*: (n, 300) float32; y_*: (n,) int64 class indices into LABELS."""

    texts: dict[str, list[str]]
    X: dict[str, np.ndarray]
    y: dict[str, np.ndarray]
    coverage: float  # tokens found in the vectors / all tokens

    @property
    def X_train(self) -> np.ndarray:
        return self.X["train"]


def read_rows() -> list[tuple[str, str, str]]:
    lines = PATH.read_text(encoding="utf-8").splitlines()[1:]
    return [tuple(line.split("\t")) for line in lines if line]


def load_task(kv) -> KnockTask:
    """Exercise 70: every sentence → the mean of its chiVe vectors (core.bert.baseline.featurize).
    Cached per vectors object (the set is fixed; featurising it takes about a second)."""
    from core.bert.baseline import featurize
    from core.word2vec.vectors import uid

    key = uid(kv)
    with _lock:
        if key in _cache:
            return _cache[key]
    rows = read_rows()
    texts, X, y, found, total = {}, {}, {}, 0, 0
    for split in ("train", "valid", "test"):
        part = [(lab, text) for lab, text, s in rows if s == split]
        f = featurize(kv, [text for _, text in part])
        texts[split], X[split] = [text for _, text in part], f.X
        y[split] = np.array([LABELS.index(lab) for lab, _ in part], dtype=np.int64)
        found, total = found + f.n_found, total + f.n_tokens
    task = KnockTask(texts=texts, X=X, y=y, coverage=found / max(total, 1))
    with _lock:
        _cache[key] = task
    return task


@dataclass
class FirstValues:
    """Exercises 71–72 with a random W: the notes' ŷ₁, Ŷ, losses and ∂L/∂W (by hand and autograd)."""

    W: np.ndarray  # (300, 4)
    y1: np.ndarray  # (4,)   softmax(x_1 W)
    Y_1_4: np.ndarray  # (4, 4) softmax(X[1:4] W), one row per example
    loss_x1: float
    loss_x1_4: float
    grad_x1: np.ndarray  # (300, 4) ∂L/∂W for x_1 = x_1ᵀ (ŷ_1 − t_1)
    grad_x1_4: np.ndarray  # (300, 4) (1/4) Xᵀ (Ŷ − T)
    autograd_diff: float  # max |by hand − loss.backward()| over both gradients
    labels_1_4: np.ndarray  # (4,)


def first_values(task: KnockTask, seed: int = 0) -> FirstValues:
    import torch
    from torch import nn

    g = torch.Generator().manual_seed(seed)
    W = torch.randn(300, 4, generator=g)  # W ∈ ℝ^{300×4}, the chapter's random initial weights
    X = torch.from_numpy(task.X_train[:4])  # (4, 300) = X[1:4] in the notes' 1-based numbering
    t = torch.from_numpy(task.y["train"][:4])  # (4,) 1-D integer labels
    diffs, out = [], {}
    for name, n in (("x1", 1), ("x1_4", 4)):
        Wg = W.clone().requires_grad_(True)
        logits = X[:n] @ Wg  # (n, 4)
        loss = nn.CrossEntropyLoss()(logits, t[:n])  # mean over the mini-batch of −log ŷ_{i, y_i}
        loss.backward()
        Yhat = torch.softmax(logits.detach(), dim=1)  # dim 0 = examples, dim 1 = classes
        T = nn.functional.one_hot(t[:n], 4).float()
        manual = X[:n].T @ (Yhat - T) / n  # ∂L/∂W = (1/n) Xᵀ (Ŷ − T)   (300, 4)
        diffs.append(float((manual - Wg.grad).abs().max()))
        out[name] = (Yhat.numpy(), float(loss.detach()), manual.numpy())
    return FirstValues(W=W.numpy(), y1=out["x1"][0][0], Y_1_4=out["x1_4"][0], loss_x1=out["x1"][1],
                       loss_x1_4=out["x1_4"][1], grad_x1=out["x1"][2], grad_x1_4=out["x1_4"][2],
                       autograd_diff=max(diffs), labels_1_4=t.numpy())


@dataclass
class KnockConfig:
    layers: int = 0  # hidden layers (79); 0 = the single layer ŷ = softmax(xW) of 71–77
    hidden: int = 64
    lr: float = 0.5
    epochs: int = 20
    batch_size: int = 8  # 73: B = 1 is SGD one example at a time; 77: mini-batches of B
    seed: int = 0

    def check(self) -> "KnockConfig":
        ok = (0 <= self.layers <= MAX_LAYERS and 1 <= self.hidden <= MAX_HIDDEN and 0 < self.lr <= 100
              and 1 <= self.epochs <= MAX_EPOCHS and 1 <= self.batch_size <= 192)
        if not ok:
            raise InvalidInput(f"設定が範囲外です（隠れ層 0〜{MAX_LAYERS}、ユニット 1〜{MAX_HIDDEN}、学習率 0 より大きく 100 以下、"
                               f"エポック 1〜{MAX_EPOCHS}、ミニバッチ 1〜192）。",
                               en=f"A setting is out of range (hidden layers 0–{MAX_LAYERS}, units 1–{MAX_HIDDEN}, "
                                  f"0 < lr ≤ 100, epochs 1–{MAX_EPOCHS}, batch 1–192).")
        return self


@dataclass
class KnockRun:
    config: KnockConfig
    history: list[dict] = field(default_factory=list)  # per epoch: train/valid loss and accuracy
    test_acc: float = float("nan")  # after the last epoch run (also when stopped)
    device: str = "cpu"
    seconds: float = 0.0
    status: str = "new"  # "running" | "done" | "stopped"


def build_model(cfg: KnockConfig):
    """79: Linear(300, 4) without bias (= W) when layers = 0; else [Linear, ReLU] × layers + Linear."""
    from torch import nn

    if cfg.layers == 0:
        return nn.Linear(300, 4, bias=False)
    mods, d = [], 300
    for _ in range(cfg.layers):
        mods += [nn.Linear(d, cfg.hidden), nn.ReLU()]
        d = cfg.hidden
    return nn.Sequential(*mods, nn.Linear(d, 4))


def train(task: KnockTask, cfg: KnockConfig, *, on_progress: Callable | None = None,
          should_stop: Callable[[], bool] | None = None, device=None, run: KnockRun | None = None) -> KnockRun:
    """73–79: SGD with mini-batches of B, loss/accuracy of train and valid each epoch, then test.
    ``run``: a KnockRun to fill as it goes (a page keeps it, so Stop leaves the partial history)."""
    import torch
    from torch import nn

    from core.device import get_device

    cfg.check()
    dev = device or get_device()
    torch.manual_seed(cfg.seed)
    model = build_model(cfg).to(dev)
    opt = torch.optim.SGD(model.parameters(), lr=cfg.lr)
    loss_fn = nn.CrossEntropyLoss()
    data = {s: (torch.from_numpy(task.X[s]).to(dev), torch.from_numpy(task.y[s]).to(dev)) for s in task.X}
    run = run or KnockRun(config=cfg)
    run.device, run.status, start = str(dev), "running", time.perf_counter()
    gen = torch.Generator().manual_seed(cfg.seed)
    X, y = data["train"]
    try:
        for epoch in range(1, cfg.epochs + 1):
            if should_stop is not None and should_stop():
                run.status = "stopped"
                break
            model.train()
            for idx in torch.randperm(len(y), generator=gen).split(cfg.batch_size):
                opt.zero_grad()
                loss = loss_fn(model(X[idx]), y[idx])  # outputs = model(inputs) calls forward
                loss.backward()
                opt.step()
            row = {"epoch": epoch}
            model.eval()
            with torch.no_grad():
                for s in ("train", "valid"):
                    logits = model(data[s][0])
                    row[f"{s}_loss"] = float(loss_fn(logits, data[s][1]))
                    row[f"{s}_acc"] = float((logits.argmax(dim=1) == data[s][1]).float().mean())
            run.history.append(row)
            run.seconds = time.perf_counter() - start
            if on_progress is not None:
                on_progress(epoch, cfg.epochs, row)
    except BaseException:
        run.status = "stopped"  # never left "running" (a page waits on that)
        raise
    with torch.no_grad():
        run.test_acc = float((model(data["test"][0]).argmax(dim=1) == data["test"][1]).float().mean())
    run.seconds = time.perf_counter() - start
    if run.status == "running":
        run.status = "done"
    return run


def idioms(X_train: np.ndarray, y_train: np.ndarray, seed: int = 0) -> dict:
    """The notes' PyTorch idioms on the first mini-batch; the page shows this function's body
    (IDIOMS) and the values it returns, so the code shown is the code that ran."""
    import torch
    from torch import nn

    X = torch.tensor(X_train[:4])          # (4, 300): 4 examples = one mini-batch
    t = torch.tensor(y_train[:4])          # (4,): 1-D integer labels, not one-hot
    W = torch.randn(300, 4, generator=torch.Generator().manual_seed(seed), requires_grad=True)

    logits = X @ W                          # (4, 4)
    Y = torch.softmax(logits, dim=1)        # dim 0 = mini-batch, dim 1 = classes: each row sums to 1
    loss = nn.CrossEntropyLoss()(logits, t) # takes logits (log-softmax inside) and 1-D labels
    loss.backward()                         # W.grad = (1/4) Xᵀ (Y − T)
    return {"Y": Y.detach().numpy(), "row_sums": Y.detach().sum(dim=1).numpy(), "loss": float(loss.detach()),
            "grad_shape": tuple(W.grad.shape), "grad_00": float(W.grad[0, 0])}


def _body(fn) -> str:
    """The source lines of ``fn`` after its docstring, up to its return statement."""
    import inspect
    import textwrap

    lines = inspect.getsource(fn).splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("import torch"))
    end = next(i for i, line in enumerate(lines) if line.strip().startswith("return "))
    return textwrap.dedent("\n".join(lines[start:end])).strip() + "\n"


IDIOMS = _body(idioms)


def run_idioms(task: KnockTask, seed: int = 0) -> dict:
    """idioms() on the training set (what the page prints next to IDIOMS)."""
    return idioms(task.X_train, task.y["train"], seed)
