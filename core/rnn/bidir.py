"""Where the bidirectional RNN makes sense: the whole sequence is given, each position is labelled.

Task (denoising): the input is a noisy series x_t = s_t + ε_t, the target at every step is the
clean value s_t. A unidirectional model must guess s_t from x_1 … x_t; a bidirectional one
sees [h→_t ; h←_t], the past and the future of t, and does better, most of all at the start.
"""
from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
import torch

from core.rnn.data import make_series
from core.rnn.models import Denoiser
from core.rnn.train import Progress, Stop, TrainConfig, _device, fit

SEQ_LEN = 40
BIDIR_DEFAULTS = TrainConfig(cell="gru", hidden=16, epochs=12, lr=0.01, batch_size=16)


def denoise_data(series: str = "sines", length: int = 800, noise: float = 0.4, seed: int = 0):
    clean = make_series(series, length, 0.0, seed).values
    rng = np.random.default_rng(seed + 1)
    noisy = (clean + rng.normal(0.0, noise, size=len(clean))).astype(np.float32)
    starts = np.arange(0, len(clean) - SEQ_LEN + 1, SEQ_LEN // 4)
    X = np.stack([noisy[s:s + SEQ_LEN] for s in starts])[..., None]
    Y = np.stack([clean[s:s + SEQ_LEN] for s in starts])
    n_val = max(1, len(starts) // 5)
    return X[:-n_val], Y[:-n_val], X[-n_val:], Y[-n_val:]


class DenoiseRun:
    def __init__(self, cfg: TrainConfig | None = None, bidirectional: bool = True, series: str = "sines",
                 noise: float = 0.4):
        self.cfg = replace((cfg or BIDIR_DEFAULTS).validated(), bidirectional=bidirectional)
        self.device = _device()
        Xt, Yt, Xv, Yv = denoise_data(series, noise=noise, seed=self.cfg.seed)
        d = self.device
        self._Xt, self._Yt = torch.as_tensor(Xt, device=d), torch.as_tensor(Yt, device=d)
        self._Xv, self._Yv = torch.as_tensor(Xv, device=d), torch.as_tensor(Yv, device=d)
        torch.manual_seed(self.cfg.seed)
        self.model = Denoiser(self.cfg.cell, self.cfg.hidden, bidirectional).to(d)
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
        return torch.mean((model(X, fused=self.cfg.fused) - Y) ** 2)

    @torch.no_grad()
    def val_mse(self) -> float:
        self.model.eval()
        return torch.mean((self.model(self._Xv) - self._Yv) ** 2).item()

    @torch.no_grad()
    def example(self) -> dict:
        """The first validation sequence: noisy input, clean target, prediction."""
        self.model.eval()
        x = self._Xv[:1]
        return {"x": x[0, :, 0].cpu().numpy(), "target": self._Yv[0].cpu().numpy(),
                "pred": self.model(x)[0].cpu().numpy()}

    def fit(self, on_progress: Progress | None = None, should_stop: Stop | None = None, prefix: str = ""):
        t0 = time.perf_counter()
        self.status = "running"
        try:
            self.status = fit(self.model, self._batches, self._loss, self.val_mse, self.cfg, self.history,
                              on_progress=on_progress, should_stop=should_stop, prefix=prefix)
        finally:
            self.seconds += time.perf_counter() - t0
            if self.status == "running":
                self.status = "stopped"
        return self


def compare_directions(cfg: TrainConfig | None = None, *, runs: dict | None = None,
                       on_progress: Progress | None = None, should_stop: Stop | None = None) -> dict:
    """Train a unidirectional and a bidirectional denoiser with the same budget."""
    runs = {} if runs is None else runs
    cfg = (cfg or BIDIR_DEFAULTS).validated()
    for i, (name, bi) in enumerate((("uni", False), ("bi", True))):
        run = DenoiseRun(cfg, bi)
        runs[name] = run

        def progress(step, _total, metrics, _i=i):
            if on_progress is not None:
                on_progress(_i * cfg.epochs + step, 2 * cfg.epochs, metrics)

        run.fit(progress, should_stop, prefix=f"{name}_")
        if run.status == "stopped":
            break
    return runs
