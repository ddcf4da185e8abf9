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

import numpy as np
import torch
from torch import Tensor, nn

from core.lstm.cells import Recurrent
from core.lstm.train import RNNConfig, RNNRun
from core.training import Progress, Stop, train_in_turn

SEQ_T = 21
N_TRAIN, N_VAL = 1000, 300
SEQ_DEFAULTS = RNNConfig(cell="gru", hidden=16, epochs=6, lr=0.01, batch_size=32)
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


class SequenceRun(RNNRun):
    """The classifier (``mode`` "classify": one label from h_N) or the labeller ("label": a label
    from every h_t) on the majority sequences; loss: binary cross entropy on the logits."""

    def __init__(self, mode: str, cfg: RNNConfig | None = None):
        super().__init__((cfg or SEQ_DEFAULTS).validated())
        self.mode = mode
        X, y_seq, y_steps = majority_data(N_TRAIN + N_VAL, seed=self.cfg.seed)
        Y = y_steps if mode == "label" else y_seq
        self._data(X[:N_TRAIN], Y[:N_TRAIN], X[N_TRAIN:], Y[N_TRAIN:])
        self._init_model()

    def _build_model(self) -> SequenceModel:
        return SequenceModel(self.cfg.cell, self.cfg.hidden, per_step=self.mode == "label")

    def loss(self, out, Y):
        return nn.functional.binary_cross_entropy_with_logits(out, Y)

    @torch.no_grad()
    def accuracy(self) -> float:
        self.model.eval()
        return float(((self.model(self._Xv) > 0).float() == self._Yv).float().mean())


def compare_outputs(cfg: RNNConfig | None = None, *, runs: dict | None = None,
                    on_progress: Progress | None = None, should_stop: Stop | None = None) -> dict[str, SequenceRun]:
    """Train the classifier and the labeller with the same cell, data and budget."""
    cfg = (cfg or SEQ_DEFAULTS).validated()
    makers = {mode: (lambda m=mode: SequenceRun(m, cfg)) for mode in MODES}
    return train_in_turn(makers, cfg.epochs, runs=runs, on_progress=on_progress, should_stop=should_stop)


@torch.no_grad()
def example(runs: dict[str, SequenceRun], index: int = 0) -> dict:
    """One validation sequence: x_t, the step labels y_t, P(y_t = 1) from every h_t, and the
    single P(y = 1) from h_N."""
    lab, cls = runs["label"], runs["classify"]
    x = lab._Xv[index:index + 1]
    lab.model.eval(), cls.model.eval()
    return {"x": x[0, :, 0].cpu().numpy(), "y_steps": lab._Yv[index].cpu().numpy(),
            "p_steps": torch.sigmoid(lab.model(x))[0].cpu().numpy(),
            "p_class": float(torch.sigmoid(cls.model(x))[0]), "y_class": float(cls._Yv[index])}
