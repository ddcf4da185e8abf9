"""Where the bidirectional RNN makes sense: the whole sequence is given, each position is labelled.

Task (denoising): the input is a noisy series x_t = s_t + ε_t, the target at every step is the
clean value s_t. A unidirectional model must guess s_t from x_1 … x_t; a bidirectional one
sees [h→_t ; h←_t], the past and the future of t, and does better, most of all at the start.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import torch

from core.lstm.data import make_series
from core.lstm.models import Denoiser
from core.lstm.train import RNNConfig, RNNRun
from core.training import Progress, Stop, train_in_turn

SEQ_LEN = 40
BIDIR_DEFAULTS = RNNConfig(cell="gru", hidden=16, epochs=12, lr=0.01, batch_size=16)


def denoise_data(series: str = "sines", length: int = 800, noise: float = 0.4, seed: int = 0):
    clean = make_series(series, length, 0.0, seed).values
    rng = np.random.default_rng(seed + 1)
    noisy = (clean + rng.normal(0.0, noise, size=len(clean))).astype(np.float32)
    starts = np.arange(0, len(clean) - SEQ_LEN + 1, SEQ_LEN // 4)
    X = np.stack([noisy[s:s + SEQ_LEN] for s in starts])[..., None]
    Y = np.stack([clean[s:s + SEQ_LEN] for s in starts])
    n_val = max(1, len(starts) // 5)
    return X[:-n_val], Y[:-n_val], X[-n_val:], Y[-n_val:]


class DenoiseRun(RNNRun):
    """A denoiser, one direction or both, on the noisy windows (target: the clean series)."""

    def __init__(self, cfg: RNNConfig | None = None, bidirectional: bool = True, series: str = "sines",
                 noise: float = 0.4):
        super().__init__(replace((cfg or BIDIR_DEFAULTS).validated(), bidirectional=bidirectional))
        self._data(*denoise_data(series, noise=noise, seed=self.cfg.seed))
        self._init_model()

    def _build_model(self) -> Denoiser:
        return Denoiser(self.cfg.cell, self.cfg.hidden, self.cfg.bidirectional)

    def val_mse(self) -> float:
        """Mean squared error against the clean series on the validation windows."""
        return self.val_loss()

    @torch.no_grad()
    def example(self) -> dict:
        """The first validation sequence: noisy input, clean target, prediction."""
        self.model.eval()
        x = self._Xv[:1]
        return {"x": x[0, :, 0].cpu().numpy(), "target": self._Yv[0].cpu().numpy(),
                "pred": self.model(x)[0].cpu().numpy()}


def compare_directions(cfg: RNNConfig | None = None, *, runs: dict | None = None,
                       on_progress: Progress | None = None, should_stop: Stop | None = None) -> dict:
    """Train a unidirectional and a bidirectional denoiser with the same budget."""
    cfg = (cfg or BIDIR_DEFAULTS).validated()
    makers = {"uni": lambda: DenoiseRun(cfg, False), "bi": lambda: DenoiseRun(cfg, True)}
    return train_in_turn(makers, cfg.epochs, runs=runs, on_progress=on_progress, should_stop=should_stop)
