"""The training loop every run shares (``TrainingRun``) and its generic settings (``TrainConfig``).

``TrainingRun.fit`` is the one loop: Adam on shuffled mini-batches (AdamW with weight decay λ:
θ ← θ − η·λ·θ besides the Adam step), gradient clipping (g ← g·V/‖g‖ when ‖g‖ > V),
``on_progress(epoch, epochs, {"loss": …, "val_loss": …})`` after each epoch, ``should_stop()``
after every mini-batch (Stop works mid-epoch), a time budget, TrainingDiverged when the loss
becomes NaN/∞, and early stopping: the weights of the epoch with the lowest validation loss are
kept (``keep_best``) and training ends after ``patience`` epochs without a better one. The recurrent runs (core/lstm: ForecastRun,
DenoiseRun, SequenceRun, BlankRun, RNNLMRun) and the language-model runs (core/lm.py's LMRun,
the mini-GPT's GPTRun in core/transformer/lm.py) subclass it with their own model, data, loss
target and evaluation. A run is created before training so a page can keep it in its session.
Model-specific settings extend ``TrainConfig`` (core/lstm/train.py: RNNConfig).
"""
from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass, replace
from typing import Callable, Iterable

import torch

from core import TrainingDiverged
from core.i18n import t
from core.limits import CLASSROOM, Limits, check_clip, check_fraction, check_int, check_lr, check_seconds

Progress = Callable[[int, int, dict], None]
Stop = Callable[[], bool]


@dataclass
class TrainConfig:
    """What every run's loop needs: the optimiser's step size, how long, clipping, batches, seed,
    and the regularisation against over-fitting (dropout, weight decay, early stopping)."""
    lr: float = 0.01
    epochs: int = 40
    clip: float | None = 1.0  # V of gradient clipping; None = off
    batch_size: int = 32
    seed: int = 0
    max_seconds: float | None = CLASSROOM.max_seconds
    dropout: float = 0.0  # p of the model's dropout layers while training (models without any ignore it)
    weight_decay: float = 0.0  # λ of AdamW (0: plain Adam)
    keep_best: bool = False  # end with the weights of the epoch with the lowest validation loss
    patience: int = 0  # early stopping: end after this many epochs without a better validation loss (0: off)

    def validated(self, limits: Limits = CLASSROOM) -> "TrainConfig":
        return replace(
            self,
            lr=check_lr(self.lr, limits.max_lr),
            epochs=check_int(self.epochs, "エポック数 (epochs)", 1, limits.max_epochs,
                             "1 エポック = 学習データを 1 周すること。", shared=limits.shared),
            clip=check_clip(self.clip),
            batch_size=check_int(self.batch_size, "ミニバッチの大きさ", 1, 1024),
            dropout=check_fraction(self.dropout, "ドロップアウト率 (dropout)", 0.9),
            weight_decay=check_fraction(self.weight_decay, "重み減衰 (weight decay)", 1.0),
            keep_best=bool(self.keep_best),
            patience=check_int(self.patience or 0, "早期終了の猶予 (patience)", 0, limits.max_epochs,
                               shared=limits.shared),
        )

    def as_dict(self) -> dict:
        return asdict(self)


def device():
    """The device every run trains on (core.device's choice)."""
    from core.device import get_device

    return get_device()


def single_thread():
    """Tiny recurrent models train on one CPU thread (see core.device.cpu_threads)."""
    from core.device import cpu_threads

    return cpu_threads(1)


def clip_gradient(params: Iterable[torch.Tensor], V: float | None) -> tuple[float, float]:
    """Gradient clipping with the L2 norm of all parameters together:
    g ← g · V / ‖g‖  when ‖g‖ > V. Returns (‖g‖ before, ‖g‖ after)."""
    params = [p for p in params if p.grad is not None]
    if not params:
        return 0.0, 0.0
    norm = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(p.grad) for p in params])).item()
    if V is None or not math.isfinite(norm) or norm <= V:
        return norm, norm
    scale = V / (norm + 1e-12)
    for p in params:
        p.grad.mul_(scale)
    return norm, V


def diverged_message(epoch: int, lr: float, loss: float, lang: str = "ja") -> str:
    what = (t("lstm.diverged.nan", lang) if math.isnan(loss) else t("lstm.diverged.inf", lang) if math.isinf(loss)
            else t("lstm.diverged.big", lang, loss=f"{loss:.3g}"))
    return t("lstm.diverged", lang, epoch=epoch, what=what, lr=f"{lr:g}")


class TrainingRun:
    """A model, its data and its training history, kept in the page's session. The model is
    trained in place, so a run interrupted by Stop keeps what it learned.

    This base owns what every run shares: the device, ``history`` (one row per epoch:
    {"epoch", "loss", "val_loss", "seconds"}, a last row with "partial" when stopped mid-epoch),
    shuffled mini-batches of the tensors ``_Xt, _Yt``, the loss of a mini-batch and the loop of
    ``fit`` with its ``status``. A subclass brings only its own: the data (``_data``), the model
    (``_build_model``, built with the seed by ``_init_model``), the loss target ``loss(out, Y)``
    (default: mean squared error), ``validate()`` (default: ``val_loss()``, that loss on
    ``_Xv, _Yv``) and its evaluation."""

    best_epoch: int | None = None  # the epoch (history row) with the lowest validation loss
    best_val_loss: float = math.inf
    _best_state: dict | None = None  # a copy of its weights (with cfg.keep_best)

    def __init__(self, cfg: TrainConfig):
        self.cfg = cfg
        self.device = device()
        self.history: list[dict] = []
        self.status = "new"  # "running", then "done" / "time" / "stopped" / "early" / "diverged"
        self.seconds = 0.0  # training time of all fit calls together

    # --- what a subclass provides -----------------------------------------------------------
    def _data(self, Xt, Yt, Xv, Yv) -> None:
        """Training and validation tensors on the run's device."""
        d = self.device
        self._Xt, self._Yt = torch.as_tensor(Xt, device=d), torch.as_tensor(Yt, device=d)
        self._Xv, self._Yv = torch.as_tensor(Xv, device=d), torch.as_tensor(Yv, device=d)

    def _build_model(self) -> torch.nn.Module:
        raise NotImplementedError

    def _init_model(self) -> None:
        """The model, initialised from cfg.seed (the same seed gives the same weights)."""
        torch.manual_seed(self.cfg.seed)
        self.model = self._build_model().to(self.device)

    def loss(self, out: torch.Tensor, Y: torch.Tensor) -> torch.Tensor:
        """The task's loss of the model's output against its target: here (x̂ − y)² averaged."""
        return torch.mean((out - Y) ** 2)

    @torch.no_grad()
    def val_loss(self) -> float:
        """``loss`` on the validation tensors (the model in eval mode)."""
        self.model.eval()
        return float(self._loss(self.model, self._Xv, self._Yv))

    def validate(self) -> float:
        """The number recorded as "val_loss" after each epoch (lower is better)."""
        return self.val_loss()

    # --- shared -----------------------------------------------------------------------------
    @property
    def epochs_done(self) -> int:
        return sum(1 for r in self.history if not r.get("partial"))

    @property
    def last_val_loss(self) -> float | None:
        """The validation loss of the last row (the last epoch, or the part of one before a Stop)."""
        return self.history[-1]["val_loss"] if self.history else None

    @property
    def overfitting(self) -> bool:
        """The validation loss has risen since its lowest point (the first sign of over-fitting)."""
        last = self.last_val_loss
        return self.best_epoch is not None and last is not None and last > self.best_val_loss \
            and self.history[-1]["epoch"] > self.best_epoch

    def _note(self, epoch: int, val: float) -> None:
        """Remember the lowest validation loss, its epoch and (keep_best) a copy of its weights."""
        if val < self.best_val_loss:
            self.best_val_loss, self.best_epoch = val, epoch
            if self.cfg.keep_best:
                self._best_state = {k: v.detach().clone() for k, v in self.model.state_dict().items()}

    def restore_best(self) -> bool:
        """Put back the weights of the best epoch (with keep_best); True when they differ from the
        last ones."""
        if self._best_state is None or self.history[-1]["epoch"] == self.best_epoch:
            return False
        self.model.load_state_dict(self._best_state)
        return True

    def _optimizer(self) -> torch.optim.Optimizer:
        """Adam; AdamW (decoupled weight decay θ ← θ − η·λ·θ) when cfg.weight_decay > 0."""
        cfg = self.cfg
        if cfg.weight_decay:
            return torch.optim.AdamW(self.model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
        return torch.optim.Adam(self.model.parameters(), lr=cfg.lr)

    def _batches(self, gen: torch.Generator):
        """Mini-batches of (X, Y) in an order drawn from ``gen`` (a new order every epoch)."""
        perm = torch.randperm(len(self._Xt), generator=gen).to(self.device)
        for s in range(0, len(perm), self.cfg.batch_size):
            idx = perm[s:s + self.cfg.batch_size]
            yield self._Xt[idx], self._Yt[idx]

    def forward(self, model, X):
        """The model's output on a batch of inputs (a subclass passes its own options)."""
        return model(X)

    def _loss(self, model, X, Y) -> torch.Tensor:
        return self.loss(self.forward(model, X), Y)

    def fit(self, on_progress: Progress | None = None, should_stop: Stop | None = None, *,
            prefix: str = "", seconds: float | None = None):
        """Train in place for cfg.epochs more epochs; returns the run.

        ``on_progress(epoch, epochs, {prefix + "loss", prefix + "val_loss"})`` after each epoch;
        ``should_stop()`` after every mini-batch (status "stopped", a partial row); cfg.max_seconds
        bounds the run after each epoch and ``seconds`` this call after every mini-batch (status
        "time"); a NaN / ∞ loss, or one above max(1000, 100 × the first), raises TrainingDiverged
        (status "diverged"); cfg.patience epochs without a lower validation loss end it (status
        "early"), and with cfg.keep_best the run ends with the weights of its best epoch
        (``best_epoch``, ``best_val_loss``). Each row gets "seconds": training time so far, so
        curves of different models can share a wall-clock axis."""
        t0 = time.perf_counter()
        deadline = None if seconds is None else t0 + check_seconds(seconds)
        self.status = "running"
        try:
            with single_thread():
                self.status = self._loop(t0, deadline, on_progress, should_stop, prefix)
        except TrainingDiverged:
            self.status = "diverged"
            raise
        finally:
            self.seconds += time.perf_counter() - t0
            if self.status == "running":  # interrupted (e.g. the page reran): keep what was learned
                self.status = "stopped"
            if self.status != "diverged" and self.history:
                self.restore_best()
        return self

    def _loop(self, t0, deadline, on_progress, should_stop, prefix) -> str:
        model, cfg, history = self.model, self.cfg, self.history
        opt = self._optimizer()
        gen = torch.Generator().manual_seed(cfg.seed)
        first = None
        start_epoch = len(history)

        def row(epoch, total, count, val, **extra):
            history.append({"epoch": epoch, "loss": total / max(1, count), "val_loss": val,
                            "seconds": self.seconds + time.perf_counter() - t0, **extra})
            self._note(epoch, val)

        for epoch in range(start_epoch + 1, start_epoch + cfg.epochs + 1):
            model.train()
            total, count = 0.0, 0
            for batch in self._batches(gen):
                opt.zero_grad(set_to_none=True)
                loss = self._loss(model, *batch)
                value = float(loss.detach())
                if first is None:
                    first = value
                if not math.isfinite(value) or value > max(1e3, 100 * first):
                    raise TrainingDiverged(diverged_message(epoch, cfg.lr, value),
                                           en=diverged_message(epoch, cfg.lr, value, "en"))
                loss.backward()
                clip_gradient(model.parameters(), cfg.clip)
                opt.step()
                total += value * len(batch[0])
                count += len(batch[0])
                timed_out = deadline is not None and time.perf_counter() >= deadline
                if timed_out or (should_stop is not None and should_stop()):
                    row(epoch, total, count, self.validate(), partial=True)
                    return "time" if timed_out else "stopped"
            if not all(torch.isfinite(p).all() for p in model.parameters()):
                raise TrainingDiverged(diverged_message(epoch, cfg.lr, float("nan")),
                                       en=diverged_message(epoch, cfg.lr, float("nan"), "en"))
            val = self.validate()
            if not math.isfinite(val):
                raise TrainingDiverged(diverged_message(epoch, cfg.lr, val),
                                       en=diverged_message(epoch, cfg.lr, val, "en"))
            row(epoch, total, count, val)
            if on_progress is not None:
                metrics = {f"{prefix}loss": history[-1]["loss"], f"{prefix}val_loss": val}
                on_progress(epoch - start_epoch, cfg.epochs, metrics)
            if cfg.patience and self.best_epoch is not None and epoch - self.best_epoch >= cfg.patience \
                    and epoch < start_epoch + cfg.epochs:
                return "early"
            if cfg.max_seconds and time.perf_counter() - t0 > cfg.max_seconds and epoch < start_epoch + cfg.epochs:
                return "time"
        return "done"


def train_in_turn(makers: dict[str, Callable[[], TrainingRun]], epochs: int, *, runs: dict | None = None,
                  on_progress: Progress | None = None, should_stop: Stop | None = None) -> dict:
    """Build and train several runs one after the other, with the same budget, on one progress
    bar (run i reports step i·epochs + s of len(makers)·epochs, its metrics prefixed "name_").
    ``runs`` (a dict the page keeps in its session) receives each run before it trains; a Stop
    ends the whole comparison."""
    runs = {} if runs is None else runs
    total = epochs * len(makers)
    for i, (name, make) in enumerate(makers.items()):
        run = runs[name] = make()

        def progress(step, _total, metrics, _i=i):
            if on_progress is not None:
                on_progress(_i * epochs + step, total, metrics)

        run.fit(progress, should_stop, prefix=f"{name}_")
        if run.status == "stopped":
            break
    return runs
