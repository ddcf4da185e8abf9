"""The recurrent runs' settings (``RNNConfig``: cell, hidden size, layers, direction, fused kernels,
peephole) and their base (``RNNRun``), and the forecasting run.

The loop itself is core/training.py's TrainingRun.fit (Adam, clipping, progress, Stop, time
budget, NaN check); ForecastRun (here), DenoiseRun (bidir.py), SequenceRun (seqtasks.py),
BlankRun (blank.py) and the LSTM language model RNNLMRun (lm.py) add their model, data, loss
target and evaluation.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import torch

from core import InvalidInput
from core.limits import CLASSROOM, Limits, check_int
from core.lstm.data import ForecastData
from core.lstm.limits import check_cell
from core.lstm.models import Forecaster, WindowMLP
from core.training import Progress, Stop, TrainConfig, TrainingRun, single_thread, train_in_turn

FORECAST_MODELS = ("rnn", "lstm", "gru", "mlp")  # mlp: the fixed-window MLP (forecasting only)

BIDIRECTIONAL_FORECAST = (
    "双方向 (bidirectional) は自己回帰の予測には使えません: 逆方向の RNN は系列の最後（未来）から読むので、"
    "予測したい未来の値がまだ無い時点では計算できません。双方向は文の穴埋めやノイズ除去のように"
    "系列全体が先に与えられる課題で使います（「セルの中」タブで試せます）。")
BIDIRECTIONAL_FORECAST_EN = (
    "A bidirectional RNN cannot forecast autoregressively: its backward RNN reads from the end of the "
    "sequence (the future), which does not exist yet when the future value is to be predicted. Use "
    "bidirectional models for tasks that get the whole sequence first, such as filling blanks or "
    "denoising (try them in the \"Inside the cell\" tab).")
BIDIRECTIONAL_LM = (
    "双方向 (bidirectional) は次の文字予測には使えません: 逆方向の RNN は答えの文字そのもの（未来）を"
    "読んでしまうので、予測ではなくカンニングになります。")
BIDIRECTIONAL_LM_EN = (
    "A bidirectional RNN cannot predict the next character: its backward RNN reads the answer itself "
    "(the future), so it would be cheating, not predicting.")


@dataclass
class RNNConfig(TrainConfig):
    """TrainConfig plus the recurrent network's shape and kernels."""
    cell: str = "lstm"
    hidden: int = 32
    layers: int = 1
    bidirectional: bool = False
    fused: bool = True  # torch's fused kernels (the explicit cells give the same numbers, slower)
    peephole: bool = False  # LSTM with peephole connections (explicit cells only)

    def validated(self, models: tuple[str, ...] = ("rnn", "lstm", "gru"), limits: Limits = CLASSROOM) -> "RNNConfig":
        return replace(
            super().validated(limits),
            cell=check_cell(self.cell, models),
            hidden=check_int(self.hidden, "隠れ状態の次元 (hidden size)", 1, limits.max_hidden, shared=limits.shared),
            layers=check_int(self.layers, "層の数 (layers)", 1, limits.max_layers, shared=limits.shared),
        )


class RNNRun(TrainingRun):
    """A TrainingRun of a recurrent model: the forward pass uses cfg.fused (torch's kernels or the
    cells written from the equations)."""

    cfg: RNNConfig

    def forward(self, model, X):
        return model(X, fused=self.cfg.fused)


class ForecastRun(RNNRun):
    """A forecaster (window → next value) on windows of one series."""

    def __init__(self, data: ForecastData, cfg: RNNConfig | None = None, *, limits: Limits = CLASSROOM):
        cfg = (cfg or RNNConfig()).validated(FORECAST_MODELS, limits)
        if cfg.bidirectional:
            raise InvalidInput(BIDIRECTIONAL_FORECAST, en=BIDIRECTIONAL_FORECAST_EN)
        super().__init__(cfg)
        self.data = data
        self._init_model()
        self._data(data.X_train, data.y_train, data.X_val, data.y_val)

    def _build_model(self) -> torch.nn.Module:
        cfg = self.cfg
        if cfg.cell == "mlp":  # the fixed-window MLP the notes start from, on the same windows
            return WindowMLP(self.data.window, cfg.hidden)
        return Forecaster(cfg.cell, cfg.hidden, cfg.layers, peephole=cfg.peephole and cfg.cell == "lstm")

    def val_mse(self) -> float:
        """One-step-ahead mean squared error on the validation targets, in the series' units."""
        return self.val_loss() * self.data.std ** 2

    def validate(self) -> float:
        return self.val_mse()

    @torch.no_grad()
    def one_step(self) -> np.ndarray:
        """Teacher-forced one-step predictions for every target t ≥ window (series units)."""
        self.model.eval()
        X = torch.cat([self._Xt, self._Xv])
        return self.data.denorm(self.model(X, fused=self.cfg.fused).cpu().numpy())

    @torch.no_grad()
    def forecast(self, steps: int | None = None) -> np.ndarray:
        """Autoregressive forecast from the split: start from the last ``window`` true training
        values, predict one step, append the prediction, slide, repeat ``steps`` times."""
        d = self.data
        steps = len(d.z) - d.split if steps is None else int(steps)
        key = (steps, len(self.history))
        if getattr(self, "_fc_cache", (None,))[0] != key:
            with single_thread():
                self._fc_cache = (key, self._forecast(steps))
        return self._fc_cache[1].copy()

    def _forecast(self, steps: int) -> np.ndarray:
        self.model.eval()
        d = self.data
        window = list(d.z[d.split - d.window:d.split])
        out = []
        for _ in range(steps):
            x = torch.tensor(window[-d.window:], device=self.device, dtype=torch.float32).view(1, -1, 1)
            y = float(self.model(x, fused=self.cfg.fused)[0])
            out.append(y)
            window.append(y)
        return d.denorm(np.array(out, dtype=np.float32))

    def forecast_mse(self) -> float:
        truth = self.data.series.values[self.data.split:]
        return float(np.mean((self.forecast(len(truth)) - truth) ** 2))


def train_forecaster(data: ForecastData, cfg: RNNConfig | None = None, *,
                     on_progress: Progress | None = None, should_stop: Stop | None = None,
                     limits: Limits = CLASSROOM) -> ForecastRun:
    return ForecastRun(data, cfg, limits=limits).fit(on_progress, should_stop)


def compare_cells(data: ForecastData, cfg: RNNConfig | None = None, cells=("rnn", "lstm", "gru"), *,
                  runs: dict | None = None, on_progress: Progress | None = None,
                  should_stop: Stop | None = None) -> dict[str, ForecastRun]:
    """Train each cell on the same data, seed and budget (epochs, hidden size, lr). ``runs`` (a
    dict the page keeps in its session) receives each run before it trains."""
    cfg = (cfg or RNNConfig()).validated(FORECAST_MODELS)
    makers = {cell: (lambda c=cell: ForecastRun(data, replace(cfg, cell=c))) for cell in cells}
    return train_in_turn(makers, cfg.epochs, runs=runs, on_progress=on_progress, should_stop=should_stop)
