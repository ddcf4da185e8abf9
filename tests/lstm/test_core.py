"""core.lstm without Streamlit: data, training loop, LM, probes, clipping, limits."""
import math

import numpy as np
import pytest
import torch

from core import InputTooLong, InvalidInput, OutOfVocabulary, TrainingDiverged
from core.lstm.data import SERIES, make_series, make_windows
from core.lstm.lm import RNNLMRun, lm_config
from core.lstm.probes import compare_gradients, gradient_norms, trace_gates
from core.lstm.train import ForecastRun, RNNConfig, compare_cells, train_forecaster
from core.training import clip_gradient

SMALL = RNNConfig(hidden=8, epochs=2)


@pytest.mark.parametrize("name", list(SERIES))
def test_every_series_loads_offline(name):
    s = make_series(name, 300, 0.1)
    assert len(s.values) >= 200 and np.isfinite(s.values).all()
    d = make_windows(s, 12)
    assert d.X_train.shape[1:] == (12, 1) and len(d.X_train) == d.split - 12
    assert len(d.y_val) == len(s.values) - d.split
    # z-scored with the training part only
    assert abs(d.z[:d.split].mean()) < 1e-4


def test_windows_are_the_past_values():
    d = make_windows(make_series("sine", 200), 5)
    assert np.allclose(d.X_train[0, :, 0], d.z[0:5]) and d.y_train[0] == d.z[5]
    assert np.allclose(d.X_val[0, :, 0], d.z[d.split - 5:d.split]) and d.y_val[0] == d.z[d.split]


def test_noise_length_and_bad_series_input():
    a, b = make_series("sine", 100, 0.0), make_series("sine", 100, 0.3)
    assert len(a.values) == 100 and np.std(a.values - b.values) > 0.2
    with pytest.raises(InvalidInput, match="窓の長さ"):
        make_windows(make_series("sine", 100), 100)
    with pytest.raises(InvalidInput, match="窓の長さ"):
        make_windows(make_series("sine", 100), 75)
    with pytest.raises(InvalidInput):
        make_series("nope")
    with pytest.raises(InvalidInput):
        make_series("sine", 10_000_000)
    with pytest.raises(InvalidInput):
        make_series("sine", 100, noise=5)


def test_training_lowers_the_validation_error():
    d = make_windows(make_series("sine"), 20)
    run = ForecastRun(d, RNNConfig(hidden=16, epochs=6))
    before = run.val_mse()
    run.fit()
    assert run.status == "done" and run.epochs_done == 6
    assert run.val_mse() < before / 5
    assert run.forecast().shape == (len(d.z) - d.split,)
    assert np.isfinite(run.one_step()).all()
    assert run.forecast_mse() < 0.5


def test_explicit_and_fused_training_give_the_same_model():
    d = make_windows(make_series("sines", 200), 10)
    a = train_forecaster(d, RNNConfig(cell="gru", hidden=6, epochs=1, fused=True))
    b = train_forecaster(d, RNNConfig(cell="gru", hidden=6, epochs=1, fused=False))
    for p, q in zip(a.model.parameters(), b.model.parameters()):
        assert torch.allclose(p, q, atol=1e-4)


@pytest.mark.parametrize("field,value,match", [
    ("hidden", 0, "隠れ状態"), ("hidden", 100_000, "256"), ("epochs", 0, "エポック"),
    ("lr", 0.0, "学習率"), ("lr", 1e6, "学習率"), ("layers", 0, "層"), ("cell", "lstmx", "セル"),
    ("clip", -1.0, "クリッピング"),
])
def test_bad_training_settings(field, value, match):
    d = make_windows(make_series("sine", 200), 10)
    with pytest.raises(InvalidInput, match=match):
        ForecastRun(d, RNNConfig(**{**SMALL.as_dict(), field: value}))


def test_learning_rate_100_diverges_with_an_explanation():
    d = make_windows(make_series("sine"), 20)
    run = ForecastRun(d, RNNConfig(hidden=8, epochs=3, lr=100.0))
    with pytest.raises(TrainingDiverged, match="学習率"):
        run.fit()
    assert run.status == "diverged"


def test_bidirectional_forecasting_is_refused_with_the_reason():
    d = make_windows(make_series("sine", 200), 10)
    with pytest.raises(InvalidInput, match="未来"):
        ForecastRun(d, RNNConfig(bidirectional=True))


def test_stop_mid_epoch_keeps_the_partial_model():
    d = make_windows(make_series("sine"), 20)
    calls = []
    run = ForecastRun(d, RNNConfig(hidden=8, epochs=5, batch_size=8))
    w0 = run.model.head.weight.detach().clone()
    run.fit(should_stop=lambda: calls.append(1) or len(calls) >= 3)
    assert run.status == "stopped" and len(calls) == 3  # stopped after the third mini-batch
    assert run.epochs_done == 0 and run.history[-1]["partial"]
    assert not torch.equal(w0, run.model.head.weight)


def test_time_limit_stops_training():
    d = make_windows(make_series("sine"), 20)
    run = ForecastRun(d, RNNConfig(hidden=8, epochs=50, max_seconds=1e-6)).fit()
    assert run.status == "time" and run.epochs_done == 1


def test_progress_reports_every_epoch():
    d = make_windows(make_series("sine", 200), 10)
    seen = []
    train_forecaster(d, RNNConfig(hidden=4, epochs=3), on_progress=lambda s, n, m: seen.append((s, n, sorted(m))))
    assert seen == [(i, 3, ["loss", "val_loss"]) for i in (1, 2, 3)]


def test_compare_cells_same_budget_and_seed():
    d = make_windows(make_series("sine", 200), 10)
    steps = []
    runs = compare_cells(d, RNNConfig(hidden=4, epochs=2), on_progress=lambda s, n, m: steps.append((s, n)))
    assert list(runs) == ["rnn", "lstm", "gru"]
    assert [s for s, _ in steps] == [1, 2, 3, 4, 5, 6] and steps[-1][1] == 6
    assert all(r.epochs_done == 2 and r.cfg.hidden == 4 for r in runs.values())


def test_clip_gradient_matches_formula_and_torch():
    torch.manual_seed(0)
    a = torch.nn.Linear(5, 3)
    b = torch.nn.Linear(5, 3)
    b.load_state_dict(a.state_dict())
    x = torch.randn(4, 5) * 10
    a(x).pow(2).sum().backward()
    b(x).pow(2).sum().backward()
    before, after = clip_gradient(a.parameters(), 0.5)
    ref = torch.nn.utils.clip_grad_norm_(b.parameters(), 0.5)
    assert math.isclose(before, float(ref), rel_tol=1e-5) and after == 0.5
    for p, q in zip(a.parameters(), b.parameters()):
        assert torch.allclose(p.grad, q.grad, atol=1e-6)
    total = math.sqrt(sum(float(p.grad.pow(2).sum()) for p in a.parameters()))
    assert math.isclose(total, 0.5, rel_tol=1e-4)
    assert clip_gradient(a.parameters(), 10.0) == pytest.approx((0.5, 0.5), rel=1e-4)  # below V: unchanged


# --- gradient lab ---------------------------------------------------------------------------

def test_rnn_gradient_vanishes_orders_of_magnitude_faster_than_lstm():
    """The default setting: ‖∂L_T/∂h_1‖/‖∂L_T/∂h_T‖ is ≥ 1000× smaller for the RNN than for the LSTM."""
    g = compare_gradients()
    assert len(g["rnn"].norms) == 50
    assert g["rnn"].decay() < 1e-3 * g["lstm"].decay()
    assert g["rnn"].decay() < 1e-6  # vanishing
    assert g["rnn"].decay() < 1e-3 * g["gru"].decay()


def test_gradient_norms_follow_the_chain_rule_for_a_linear_rnn():
    """For one unit with W_x = 0, b = 0: h stays 0, ∂h_i/∂h_{i−1} = w, so ‖∂L/∂h_k‖ = |w|^{T−k}·‖∂L/∂h_T‖."""
    g = gradient_norms("rnn", 10, hidden=1, scale=1.0)
    ratios = np.array(g.norms[:-1]) / np.array(g.norms[1:])
    assert np.allclose(ratios, ratios[0], rtol=0.2)  # geometric decay
    big = gradient_norms("rnn", 40, scale=3.0)
    assert big.decay() > 10  # exploding


def test_gate_bias_and_clipping_in_the_lab():
    g0 = gradient_norms("lstm", 50, gate_bias=0.0)
    g2 = gradient_norms("lstm", 50, gate_bias=2.0)
    assert g2.decay() > 100 * g0.decay()
    c = gradient_norms("rnn", 40, scale=3.0, clip=1.0)
    assert c.grad_norm > 1.0 and c.clipped_norm == 1.0 and math.isclose(c.factor, 1.0 / c.grad_norm)
    with pytest.raises(InvalidInput):
        gradient_norms("rnn", 1)
    with pytest.raises(InvalidInput):
        gradient_norms("rnn", 50, scale=-1)


@pytest.mark.parametrize("cell,gates", [("rnn", {"h"}), ("lstm", {"i", "f", "c_tilde", "o", "c", "h"}),
                                        ("gru", {"r", "z", "n", "h"})])
def test_trace_gates(cell, gates):
    from core.lstm.cells import Recurrent

    tr = trace_gates(Recurrent(cell, 1, 5, bidirectional=True), np.sin(np.arange(12)))
    assert [d["direction"] for d in tr] == ["forward", "backward"]
    assert set(tr[0]) - {"direction"} == gates
    assert tr[0]["h"].shape == (5, 12)


# --- language model -------------------------------------------------------------------------

def test_char_lm_learns_and_predicts():
    run = RNNLMRun(None, "char", lm_config(hidden=32, epochs=3))
    before = run.val_loss()
    run.fit()
    assert run.val_loss() < before
    top = run.top_k("猫は", 5)
    assert len(top) == 5 and all(0 <= p <= 1 for _, p in top)
    assert [p for _, p in top] == sorted((p for _, p in top), reverse=True)
    probs = run.top_k("猫は", len(run.vocab))
    assert math.isclose(sum(p for _, p in probs), 1.0, rel_tol=1e-4)
    text = run.generate("猫は", 20, temperature=0.8, seed=1)
    assert len(text) == 20 and all(ch in run.vocab.stoi for ch in text)
    assert run.generate("猫は", 15, 0.0) == run.generate("猫は", 15, 0.0)
    assert run.top_k("猫は", 1, 0.0)[0][1] == 1.0


def test_word_lm_uses_fugashi_tokens():
    run = RNNLMRun(None, "word", lm_config(hidden=16, epochs=1)).fit()
    assert "ことば" in run.vocab.stoi and "猫" in run.vocab.stoi
    assert len(run.vocab) < 400
    assert run.top_k("猫 は", 3)


@pytest.mark.parametrize("text,exc", [("", InvalidInput), ("あ", InvalidInput), ("  \n ", InvalidInput),
                                      ("あ" * 30, InvalidInput), ("あい" * 20000, InputTooLong)])
def test_lm_bad_text(text, exc):
    with pytest.raises(exc):
        RNNLMRun(text, "char", lm_config(epochs=1))


def test_lm_bad_prompt_and_settings():
    run = RNNLMRun("きょうは はれ。あしたは あめ。" * 3, "char", lm_config(hidden=8, epochs=1))
    with pytest.raises(OutOfVocabulary, match="出てこない"):
        run.top_k("猫")
    with pytest.raises(InvalidInput, match="温度"):
        run.generate("きょう", 5, temperature=-1)
    with pytest.raises(InvalidInput):
        run.generate("きょう", 0)
    with pytest.raises(InvalidInput, match="カンニング"):
        RNNLMRun(None, "char", lm_config(bidirectional=True))
    assert run.top_k("", 3)  # an empty prompt starts after a line break


def test_gate_heatmap_colour_ranges():
    from core.lstm.cells import Recurrent
    from core.lstm.figures import gates_figure

    x = np.sin(np.arange(20) / 3)
    fig, df = gates_figure(trace_gates(Recurrent("lstm", 1, 4), x)[0], x, {}, "x", cell="lstm")
    heat = {tr.name or i: tr for i, tr in enumerate(fig.data[1:])}
    ranges = [(tr.zmin, tr.zmax) for tr in heat.values()]
    # i, f, c̃ (candidate), o, c, h
    assert ranges[0] == (0, 1) and ranges[1] == (0, 1) and ranges[2] == (-1, 1) and ranges[3] == (0, 1)
    assert ranges[4][0] == -ranges[4][1] and ranges[5] == (-1, 1)
    fig, _ = gates_figure(trace_gates(Recurrent("gru", 1, 4), x)[0], x, {}, "x", cell="gru")
    assert [(tr.zmin, tr.zmax) for tr in fig.data[1:]] == [(0, 1), (0, 1), (-1, 1), (-1, 1)]  # r, z, h̃, h
    assert len(df) == 20
