"""Where the output comes from: sequence classification (from h_N) vs per-step labelling (from
every h_t), on the same 0/1 sequences — the notes' two ways of reading an RNN.

Task (majority): x_1 … x_T ∈ {0, 1} (T = 21).
- classification: one label per sequence, y = [Σ_t x_t > T/2], read from the last state:
      P(y = 1) = σ(w · h_N + b)                       one loss per sequence
- labelling: one label per step, y_t = [Σ_{s≤t} x_s > t/2] (the majority so far), read from
  every state:  P(y_t = 1) = σ(w · h_t + b)             T losses per sequence
The classifier's label is the labeller's last one: the same question, asked once or at every t.
"""
from __future__ import annotations

import time
import numpy as np
import torch
from torch import Tensor, nn

from core.rnn.cells import Recurrent
from core.rnn.train import Progress, Stop, TrainConfig, _device, fit

SEQ_T = 21
N_TRAIN, N_VAL = 1000, 300
SEQ_DEFAULTS = TrainConfig(cell="gru", hidden=16, epochs=6, lr=0.01, batch_size=32)
MODES = ("classify", "label")


class SequenceModel(nn.Module):
    """Recurrent → a linear head on h_N (``per_step=False``) or on every h_t (``per_step=True``)."""

    def __init__(self, cell: str, hidden: int, per_step: bool):
        super().__init__()
        self.per_step = per_step
        self.rnn = Recurrent(cell, 1, hidden)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: Tensor, *, fused: bool = True) -> Tensor:
        h = self.rnn(x, fused=fused).output  # (B, T, H)
        if self.per_step:
            return self.head(h).squeeze(-1)  # (B, T): a logit per step
        return self.head(h[:, -1]).squeeze(-1)  # (B,): one logit from h_N


def majority_data(n: int, T: int = SEQ_T, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(X (n, T, 1), y_sequence (n,), y_steps (n, T)) of random 0/1 sequences."""
    rng = np.random.default_rng(seed)
    p = rng.uniform(0.3, 0.7, size=(n, 1))  # vary the balance so both classes are common
    bits = (rng.uniform(size=(n, T)) < p).astype(np.float32)
    ones = np.cumsum(bits, axis=1)
    steps = (ones > np.arange(1, T + 1) / 2).astype(np.float32)
    return bits[..., None], steps[:, -1].copy(), steps


class TaskRun:
    """A small model, its data, training history and accuracy (kept in the page's session)."""

    def __init__(self, model: nn.Module, cfg: TrainConfig, Xt, Yt, Xv, Yv):
        self.cfg, self.device = cfg, _device()
        d = self.device
        self._Xt, self._Yt = torch.as_tensor(Xt, device=d), torch.as_tensor(Yt, device=d)
        self._Xv, self._Yv = torch.as_tensor(Xv, device=d), torch.as_tensor(Yv, device=d)
        self.model = model.to(d)
        self.history: list[dict] = []
        self.status = "new"
        self.seconds = 0.0

    @property
    def epochs_done(self) -> int:
        return sum(1 for r in self.history if not r.get("partial"))

    def _batches(self, gen):
        perm = torch.randperm(len(self._Xt), generator=gen).to(self.device)
        for s in range(0, len(perm), self.cfg.batch_size):
            i = perm[s:s + self.cfg.batch_size]
            yield self._Xt[i], self._Yt[i]

    def _loss(self, model, X, Y):
        return self.loss(model(X, fused=self.cfg.fused), Y)

    def loss(self, out, Y):
        return nn.functional.binary_cross_entropy_with_logits(out, Y)

    @torch.no_grad()
    def val_loss(self) -> float:
        self.model.eval()
        return float(self._loss(self.model, self._Xv, self._Yv))

    @torch.no_grad()
    def accuracy(self) -> float:
        self.model.eval()
        return float(((self.model(self._Xv) > 0).float() == self._Yv).float().mean())

    def fit(self, on_progress: Progress | None = None, should_stop: Stop | None = None, prefix: str = ""):
        t0 = time.perf_counter()
        self.status = "running"
        try:
            self.status = fit(self.model, self._batches, self._loss, self.val_loss, self.cfg, self.history,
                              on_progress=on_progress, should_stop=should_stop, prefix=prefix)
        finally:
            self.seconds += time.perf_counter() - t0
            if self.status == "running":
                self.status = "stopped"
        return self


def sequence_run(mode: str, cfg: TrainConfig | None = None) -> TaskRun:
    """mode "classify" (one label from h_N) or "label" (a label from every h_t)."""
    cfg = (cfg or SEQ_DEFAULTS).validated()
    X, y_seq, y_steps = majority_data(N_TRAIN + N_VAL, seed=cfg.seed)
    Y = y_steps if mode == "label" else y_seq
    torch.manual_seed(cfg.seed)
    model = SequenceModel(cfg.cell, cfg.hidden, per_step=mode == "label")
    return TaskRun(model, cfg, X[:N_TRAIN], Y[:N_TRAIN], X[N_TRAIN:], Y[N_TRAIN:])


def compare_outputs(cfg: TrainConfig | None = None, *, runs: dict | None = None,
                    on_progress: Progress | None = None, should_stop: Stop | None = None) -> dict[str, TaskRun]:
    """Train the classifier and the labeller with the same cell, data and budget."""
    cfg = (cfg or SEQ_DEFAULTS).validated()
    runs = {} if runs is None else runs
    for i, mode in enumerate(MODES):
        run = sequence_run(mode, cfg)
        runs[mode] = run

        def progress(step, _total, metrics, _i=i):
            if on_progress is not None:
                on_progress(_i * cfg.epochs + step, len(MODES) * cfg.epochs, metrics)

        run.fit(progress, should_stop, prefix=f"{mode}_")
        if run.status == "stopped":
            break
    return runs


@torch.no_grad()
def example(runs: dict[str, TaskRun], index: int = 0) -> dict:
    """One validation sequence: x_t, the step labels y_t, P(y_t = 1) from every h_t, and the
    single P(y = 1) from h_N."""
    lab, cls = runs["label"], runs["classify"]
    x = lab._Xv[index:index + 1]
    lab.model.eval(), cls.model.eval()
    return {"x": x[0, :, 0].cpu().numpy(), "y_steps": lab._Yv[index].cpu().numpy(),
            "p_steps": torch.sigmoid(lab.model(x))[0].cpu().numpy(),
            "p_class": float(torch.sigmoid(cls.model(x))[0]), "y_class": float(cls._Yv[index])}
