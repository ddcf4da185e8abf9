"""The one base of every training run (core.training.TrainingRun): the same loop, statuses,
history rows and time budget for forecasting, denoising, sequence tasks, blanks and the LM."""
from dataclasses import replace

import pytest

from core import TrainingDiverged
from core.lstm import bidir, blank, seqtasks
from core.lstm.data import make_series, make_windows
from core.lstm.lm import RNNLMRun, lm_config
from core.lstm.train import ForecastRun, RNNConfig
from core.training import TrainingRun

TINY = dict(hidden=4, epochs=1)


def _runs():
    return {
        "forecast": lambda cfg: ForecastRun(make_windows(make_series("sine", 200), 10), replace(RNNConfig(), **cfg)),
        "denoise": lambda cfg: bidir.DenoiseRun(replace(bidir.BIDIR_DEFAULTS, **cfg), True),
        "sequence": lambda cfg: seqtasks.SequenceRun("label", replace(seqtasks.SEQ_DEFAULTS, **cfg)),
        "blank": lambda cfg: blank.BlankRun(True, replace(blank.BLANK_DEFAULTS, **cfg)),
        "lm": lambda cfg: RNNLMRun(None, "char", lm_config(**cfg)),
    }


@pytest.mark.parametrize("kind", list(_runs()))
def test_every_run_shares_the_loop(kind):
    run = _runs()[kind](TINY)
    assert isinstance(run, TrainingRun) and run.status == "new"
    seen = []
    run.fit(lambda s, n, m: seen.append((s, n, sorted(m))), prefix="x_")
    assert run.status == "done" and run.epochs_done == 1 and seen == [(1, 1, ["x_loss", "x_val_loss"])]
    row = run.history[-1]
    assert row["val_loss"] == pytest.approx(run.validate()) and 0 < row["seconds"] <= run.seconds
    run.fit(seconds=1e-9)  # a wall-clock budget for this call, checked after every mini-batch
    assert run.status == "time" and run.history[-1]["partial"] and run.epochs_done == 1


@pytest.mark.parametrize("kind", ["forecast", "denoise", "blank"])  # the losses lr = 100 blows up
def test_runs_report_divergence(kind):
    run = _runs()[kind]({**TINY, "epochs": 5, "lr": 100.0})
    with pytest.raises(TrainingDiverged, match="発散"):
        run.fit()
    assert run.status == "diverged"


def test_a_stop_ends_the_whole_comparison():
    calls = []
    runs = bidir.compare_directions(replace(bidir.BIDIR_DEFAULTS, **TINY),
                                    should_stop=lambda: calls.append(1) or len(calls) >= 2)
    assert list(runs) == ["uni"] and runs["uni"].status == "stopped"  # the second run never started
