"""Issue 26 items 13–15 on the LSTM page: the notes' architecture figures drawn from the trained model
(values on hover, the notes' symbols), the BPTT t × k triangle of the trained RNN vs LSTM, the history line."""
import json
from dataclasses import replace

import numpy as np
import pytest

from core.lstm.data import make_series, make_windows
from core.lstm.probes import bptt_map, trace_gates
from core.lstm.train import ForecastRun, RNNConfig
from tests.conftest import assert_no_exception
from tests.lstm.helpers import lstm_app, texts


def _spec(at, key_part: str) -> dict:
    for c in at.get("plotly_chart"):
        spec = json.loads(c.proto.spec)
        if key_part in json.dumps(spec["layout"].get("title", ""), ensure_ascii=False):
            return spec
    raise AssertionError(key_part)


@pytest.mark.parametrize("cell", ["rnn", "lstm"])
def test_bptt_terms_sum_to_the_full_gradient_and_live_in_the_lower_triangle(cell):
    run = ForecastRun(make_windows(make_series("sine"), 20), RNNConfig(cell=cell, hidden=6, epochs=1)).fit()
    m = bptt_map(run.model, run.data.z, 12)
    assert m.C.shape == (12, 12) and np.isnan(m.C[np.triu_indices(12, 1)]).all()
    assert not np.isnan(m.C[np.tril_indices(12)]).any()
    assert m.max_diff < 1e-5  # Σ_t Σ_k term = ∂L/∂W_h of L = Σ_t L(t)
    assert (m.C[:, 0] == 0).all()  # h_0 = 0: the first use of W_h gets nothing


def test_gates_tab_draws_the_loop_unrolled_and_the_lstm_unit_from_the_model():
    run = ForecastRun(make_windows(make_series("sine"), 20), RNNConfig(cell="lstm", hidden=6, epochs=1)).fit()
    at = lstm_app("gates", session={"lstm_fc_run": run})
    assert_no_exception(at)
    at.slider(key="lstm_arch_t").set_value(12).run()
    unit = _spec(at, "LSTM のユニット（t = 12）")
    hover = " ".join(t for tr in unit["data"] for t in (tr.get("hovertext") or []))
    for symbol in ("f_t（忘却ゲート）", "i_t（入力ゲート）", "o_t（出力ゲート）", "c̃_t（候補）", "c_t（記憶セル）", "h_{t−1}"):
        assert symbol in hover, symbol
    tr = trace_gates(run.model.rnn, run.data.z[:60])[0]
    assert f"mean {tr['f'][:, 11].mean():+.3f}" in hover  # the trained model's forget gate at t = 12
    unroll = _spec(at, "t = 12 まで")
    labels = unroll["data"][-1]["text"]
    assert {"x_9", "h_9", "ŷ_9", "h_12", "h, c"} <= set(labels)
    assert f"{tr['f'][:, 11].mean():.3f}" in texts(at)


def test_gradients_tab_bptt_triangles_and_the_history_line(monkeypatch):
    from pages.lstm import gates

    monkeypatch.setattr(gates, "QUICK", replace(gates.QUICK, hidden=4, epochs=1))
    at = lstm_app("gradients", query={})
    assert_no_exception(at)
    assert "1997 年" in texts(at) and "2 通り" in texts(at)
    assert "初期値のモデル" in texts(at)
    at.slider(key="lstm_bptt_T").set_value(12).run()
    at.button(key="lstm_bptt__start").click().run()
    assert_no_exception(at)
    runs = at.session_state["lstm_gates_runs"]
    assert runs["rnn"].epochs_done == 1 and runs["lstm"].epochs_done == 1
    assert "初期値のモデル" not in texts(at)
    for cell in ("RNN", "LSTM"):
        spec = _spec(at, f"{cell}: ‖∂L_t/∂W_h")
        assert spec["data"][0]["type"] == "heatmap" and spec["data"][0]["customdata"]["shape"].replace(" ", "") == "12,12"
    assert "（一致）" in texts(at)


def test_encoder_decoder_without_and_with_attention_from_the_seq2seq_pair():
    import torch

    from core.seq2seq.data import Pairs, split
    from core.seq2seq.train import TrainConfig as S2SConfig
    from core.seq2seq.train import Trainer

    train, val = split(Pairs([(f"{i} {i % 7}", f"{i % 7}-{i}") for i in range(80)]), 0.2)
    pair = {k: Trainer(train, val, S2SConfig(epochs=1, batch_size=32), hidden=8, emb=4, attention=a,
                       device=torch.device("cpu")) for k, a in (("with", "additive"), ("without", "none"))}
    at = lstm_app("gates")
    assert "注意あり・なしの比較" in texts(at)  # not trained yet: says where to train the pair
    at = lstm_app("gates", session={"s2s_compare": pair})
    assert_no_exception(at)
    without, with_ = _spec(at, "注意なし: c = h_S"), _spec(at, "注意あり: 線の濃さ")
    lines = [tr for tr in with_["data"] if tr.get("mode") == "lines" and "a_" in str(tr.get("hovertext", ""))]
    assert lines and not [tr for tr in without["data"] if "a_" in str(tr.get("hovertext", ""))]
    context = [a for a in without["layout"]["annotations"] if a.get("ay") == 0 and a.get("y") == 3]
    assert len(context) == 1  # without attention: the one arrow c = h_S → s_1
    assert not [a for a in with_["layout"]["annotations"] if a.get("ay") == 0 and a.get("y") == 3]
