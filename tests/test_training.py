"""core/training.py: the one loop every run shares — early stopping, the kept best-validation
weights, weight decay (AdamW), and the generic settings' checks (classroom vs machine caps)."""
from __future__ import annotations

import pytest
import torch

from core import InvalidInput
from core.limits import CLASSROOM, MACHINE, cli_limits
from core.training import TrainConfig, TrainingRun


class Scripted(TrainingRun):
    """A linear model whose validation loss follows a script, so the loop's decisions are exact."""

    def __init__(self, vals, **cfg):
        super().__init__(TrainConfig(**{"epochs": 20, "batch_size": 4, **cfg}).validated())
        X = torch.linspace(-1, 1, 16)[:, None]
        self._data(X, 3 * X + 1, X, 3 * X + 1)
        self._init_model()
        self.vals = list(vals)
        self.weights: dict[int, torch.Tensor] = {}  # the weights after each epoch

    def _build_model(self):
        return torch.nn.Linear(1, 1)

    def validate(self) -> float:
        self.weights[len(self.history) + 1] = self.model.weight.detach().clone()
        return self.vals.pop(0)


def test_early_stopping_keeps_the_best_epoch_and_stops_after_patience():
    run = Scripted([5, 4, 3, 3.5, 3.6, 3.7, 3.8], patience=2, keep_best=True).fit()
    assert run.status == "early" and run.epochs_done == 5  # epochs 4 and 5 were not better than 3
    assert (run.best_epoch, run.best_val_loss) == (3, 3)
    assert run.overfitting and run.last_val_loss == 3.6
    assert torch.equal(run.model.weight, run.weights[3])  # the weights of epoch 3, not of epoch 5
    assert not torch.equal(run.weights[5], run.weights[3])


def test_without_keep_best_the_last_weights_stay_and_patience_off_runs_every_epoch():
    run = Scripted([5, 4, 3, 3.5, 3.6], epochs=5, patience=0, keep_best=False).fit()
    assert run.status == "done" and run.epochs_done == 5 and run.best_epoch == 3 and run.overfitting
    assert torch.equal(run.model.weight, run.weights[5])


def test_a_later_better_epoch_resets_the_patience():
    run = Scripted([5, 4, 4.5, 3, 3.2, 3.1, 3.3], patience=3, keep_best=True).fit()
    assert run.status == "early" and run.best_epoch == 4 and run.epochs_done == 7
    assert run.overfitting and run.last_val_loss == 3.3


def test_weight_decay_uses_adamw_and_shrinks_the_weights():
    plain = Scripted([1.0] * 5, epochs=5, lr=0.05)
    decayed = Scripted([1.0] * 5, epochs=5, lr=0.05, weight_decay=1.0)
    assert type(plain._optimizer()) is torch.optim.Adam and type(decayed._optimizer()) is torch.optim.AdamW
    plain.fit(), decayed.fit()
    assert decayed.model.weight.abs().item() < plain.model.weight.abs().item()


@pytest.mark.parametrize("field, value", [("dropout", 0.95), ("dropout", -0.1), ("weight_decay", 2.0),
                                          ("patience", -1), ("dropout", "abc")])
def test_bad_regularisation_settings_are_refused_with_a_message(field, value):
    with pytest.raises(InvalidInput) as info:
        TrainConfig(**{field: value}).validated()
    assert info.value.message and info.value.en


def test_classroom_caps_on_the_pages_machine_caps_on_the_command_line(monkeypatch):
    with pytest.raises(InvalidInput, match="教室用サーバー"):
        TrainConfig(epochs=CLASSROOM.max_epochs + 1).validated()
    assert TrainConfig(epochs=CLASSROOM.max_epochs + 1).validated(MACHINE).epochs == CLASSROOM.max_epochs + 1
    with pytest.raises(InvalidInput) as info:
        TrainConfig(epochs=MACHINE.max_epochs + 1).validated(MACHINE)
    assert "教室" not in info.value.message and "このマシン" in info.value.message
    monkeypatch.delenv("PLAYGROUND_CLASSROOM_LIMITS", raising=False)
    assert cli_limits() is MACHINE and cli_limits(True) is CLASSROOM
    monkeypatch.setenv("PLAYGROUND_CLASSROOM_LIMITS", "1")
    assert cli_limits() is CLASSROOM
