"""The fixed-window MLP as a 4th model of the forecast compare (issue 16 item 8)."""
import pytest
import torch

from core import InvalidInput
from core.lstm.data import make_series, make_windows
from core.lstm.lm import RNNLMRun
from core.lstm.models import WindowMLP
from core.lstm.train import ForecastRun, RNNConfig, compare_cells


def test_window_mlp_formula_and_fixed_inputs():
    torch.manual_seed(0)
    m = WindowMLP(4, 3)
    x = torch.randn(2, 6, 1)
    want = m.head(torch.tanh(x[:, -4:, 0] @ m.hidden.weight.T + m.hidden.bias)).squeeze(-1)
    torch.testing.assert_close(m(x), want)
    x2 = x.clone()
    x2[:, :2] = 100.0  # values older than the window never matter
    torch.testing.assert_close(m(x2), m(x))


def test_mlp_trains_and_forecasts_beside_the_cells():
    d = make_windows(make_series("sine", 200), 10)
    runs = compare_cells(d, RNNConfig(hidden=8, epochs=2), cells=("rnn", "mlp"))
    assert list(runs) == ["rnn", "mlp"] and isinstance(runs["mlp"].model, WindowMLP)
    assert runs["mlp"].epochs_done == 2 and runs["mlp"].forecast(5).shape == (5,)
    assert runs["mlp"].history[-1]["loss"] < runs["mlp"].history[0]["loss"] * 10


def test_mlp_is_a_forecasting_model_only():
    with pytest.raises(InvalidInput):
        RNNLMRun(None, "char", RNNConfig(cell="mlp"))
    assert ForecastRun(make_windows(make_series("sine", 200), 10), RNNConfig(cell="mlp")).cfg.cell == "mlp"
