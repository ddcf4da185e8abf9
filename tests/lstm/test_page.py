"""AppTest: every tab of the LSTM page and every control path, bad input included."""
import json

import pytest

from core.i18n import t
from core.lstm.data import make_series, make_windows
from core.lstm.train import ForecastRun, RNNConfig
from tests.conftest import another_user_training, assert_no_exception
from tests.lstm.helpers import charts, lstm_app, texts, warnings

TABS = ["forecast", "text", "compare", "gates", "gradients"]


@pytest.mark.parametrize("tab", TABS)
def test_tab_renders(tab):
    at = lstm_app(tab)
    assert_no_exception(at)


def _train_forecast(at, **values):
    for key, value in values.items():
        w = at.number_input(key=key) if key in ("lstm_fc_epochs", "lstm_fc_hidden", "lstm_fc_lr", "lstm_fc_layers",
                                                 "lstm_fc_clip") else at.slider(key=key)
        w.set_value(value)
    at.button(key="lstm_fc__start").click().run()
    assert_no_exception(at)
    return at


def test_forecast_trains_and_draws():
    at = lstm_app("forecast")
    assert "まだ学習していません" in texts(at)
    _train_forecast(at, lstm_fc_epochs=3, lstm_fc_hidden=8)
    assert "学習完了" in texts(at)
    assert charts(at) == 2  # forecast vs truth, loss curves
    assert len(at.metric) == 3
    run = at.session_state["lstm_fc_run"]
    assert run.epochs_done == 3 and run.cfg.hidden == 8
    # GRU, two layers, a real series
    at.radio(key="lstm_fc_cell").set_value("gru")
    at.selectbox(key="lstm_fc_series").set_value("sunspots")
    _train_forecast(at, lstm_fc_epochs=2, lstm_fc_layers=2)
    run = at.session_state["lstm_fc_run"]
    assert run.cfg.cell == "gru" and run.cfg.layers == 2 and run.data.series.name == "sunspots"
    assert charts(at) == 2


def test_bidirectional_is_disabled_with_reason_for_forecasting():
    at = lstm_app("forecast")
    toggle = at.toggle(key="lstm_fc_bidir")
    assert toggle.disabled
    assert "未来" in toggle.help


BAD_INPUTS = [
    ({"lstm_fc_hidden": 0}, "隠れ状態の次元"),
    ({"lstm_fc_hidden": 5000}, "256"),
    ({"lstm_fc_epochs": 0}, "エポック数"),
    ({"lstm_fc_epochs": 100_000}, "300"),
    ({"lstm_fc_lr": 0.0}, "学習率"),
    ({"lstm_fc_lr": 100.0}, "発散"),
    ({"lstm_fc_length": 50, "lstm_fc_window": 100}, "窓の長さ"),
]
GOOD = {"lstm_fc_hidden": 8, "lstm_fc_epochs": 2, "lstm_fc_lr": 0.01, "lstm_fc_length": 400, "lstm_fc_window": 20}


def test_forecast_bad_input_gives_message_and_page_stays_usable():
    at = lstm_app("forecast")
    for values, expected in BAD_INPUTS:
        _train_forecast(at, **{**GOOD, **values})
        assert expected in warnings(at), (values, warnings(at))
        assert charts(at) == 0, values
    # NaN loss: explained, and the diverged model is not drawn on later reruns either
    assert "NaN" in warnings(at) or "発散" in warnings(at)
    _train_forecast(at, **GOOD)
    assert charts(at) == 2 and not warnings(at)


def test_lr_100_gives_nan_explanation_after_rerun():
    at = lstm_app("forecast")
    _train_forecast(at, **{**GOOD, "lstm_fc_lr": 100.0})
    assert "学習率を 0.01 くらいに下げて" in warnings(at)
    at.run()
    assert "発散しました" in texts(at)  # status line on the next rerun, no charts of a broken model
    assert charts(at) == 0


def test_stop_keeps_partial_model(stop_after_checks):
    stop_after_checks(3)
    at = lstm_app("forecast")
    _train_forecast(at, lstm_fc_epochs=50)
    assert "停止しました" in texts(at)
    run = at.session_state["lstm_fc_run"]
    assert run.status == "stopped" and run.epochs_done == 0 and run.history[-1]["partial"]


def test_two_users_training_at_once_wait_their_turn():
    """Another session holds the heavy-work lock; this one waits for it, then trains (no error)."""
    with another_user_training():
        at = lstm_app("forecast")
        _train_forecast(at, lstm_fc_epochs=1)
    assert_no_exception(at)
    assert charts(at) == 2


def test_text_tab_char_and_word():
    at = lstm_app("text")
    at.number_input(key="lstm_lm_epochs").set_value(2)
    at.number_input(key="lstm_lm_hidden").set_value(16)
    at.button(key="lstm_lm__start").click().run()
    assert_no_exception(at)
    assert charts(at) == 3  # top-k, loss, gradient reach (truncated BPTT)
    assert at.text and at.text[-1].value.startswith("猫は")
    at.slider(key="lstm_lm_temp").set_value(0.0)
    at.button(key="lstm_lm_gen").click().run()
    greedy = at.text[-1].value
    at.button(key="lstm_lm_gen").click().run()
    assert at.text[-1].value == greedy  # τ = 0 is deterministic
    # prompt with a character the text never uses
    at.text_input(key="lstm_lm_prompt").set_value("猫はZ").run()
    assert "学習テキストに出てこない" in warnings(at)
    # word level
    at.radio(key="lstm_lm_level").set_value("word")
    at.text_input(key="lstm_lm_prompt").set_value("猫は")
    at.button(key="lstm_lm__start").click().run()
    assert_no_exception(at)
    assert at.session_state["lstm_lm_run"].level == "word"
    assert charts(at) == 3


@pytest.mark.parametrize("text,expected", [("", "空"), ("あ", "短すぎ"), ("ああああああああああああああああああああああ", "短すぎ")])
def test_text_tab_bad_pasted_text(text, expected):
    at = lstm_app("text")
    at.radio(key="lstm_lm_source").set_value("paste").run()
    at.text_area(key="lstm_lm_text").set_value(text)
    at.number_input(key="lstm_lm_epochs").set_value(1)
    at.button(key="lstm_lm__start").click().run()
    assert_no_exception(at)
    assert expected in warnings(at), warnings(at)


def test_text_tab_pasted_and_uploaded_text():
    at = lstm_app("text")
    at.radio(key="lstm_lm_source").set_value("paste").run()
    at.text_area(key="lstm_lm_text").set_value("きょうは はれ。あしたは あめ。あさっては くもり。" * 4)
    at.number_input(key="lstm_lm_epochs").set_value(1)
    at.number_input(key="lstm_lm_hidden").set_value(8)
    at.button(key="lstm_lm__start").click().run()
    assert_no_exception(at)
    # the default prompt 「猫は」 is not in this text: a message, and generation from the text's start
    assert "学習テキストに出てこない" in warnings(at) and "学習テキストの冒頭" in texts(at)
    assert at.text[-1].value.startswith("きょ")
    at.text_input(key="lstm_lm_prompt").set_value("あした").run()
    at.button(key="lstm_lm_gen").click().run()
    assert_no_exception(at)
    assert charts(at) == 3  # top-k, loss, gradient reach (truncated BPTT)
    assert at.text[-1].value.startswith("あした")
    at.radio(key="lstm_lm_source").set_value("upload").run()
    at.file_uploader(key="lstm_lm_upload").set_value(("t.txt", "ねこがすき。いぬもすき。".encode("cp932") * 5, "text/plain"))
    at.run()
    at.button(key="lstm_lm__start").click().run()
    assert_no_exception(at)
    assert "いぬ" in at.session_state["lstm_lm_run"].text
    at.file_uploader(key="lstm_lm_upload").set_value(("b.txt", b"\x00\x01\x02binary", "text/plain"))
    at.run()
    assert "バイナリ" in warnings(at)


def test_compare_tab_trains_three_cells_and_the_mlp():
    at = lstm_app("compare")
    at.number_input(key="lstm_cmp_epochs").set_value(2)
    at.number_input(key="lstm_cmp_hidden").set_value(8)
    at.button(key="lstm_cmp__start").click().run()
    assert_no_exception(at)
    runs = at.session_state["lstm_cmp_runs"]
    assert set(runs) == {"rnn", "lstm", "gru", "mlp"}
    assert all(r.epochs_done == 2 and r.cfg.hidden == 8 and r.cfg.seed == 0 for r in runs.values())
    assert charts(at) == 2 and len(at.dataframe) == 1
    assert "固定窓 MLP" in at.dataframe[0].value.iloc[:, 0].tolist() and "w = " in texts(at)
    at.number_input(key="lstm_cmp_lr").set_value(0.0)
    at.button(key="lstm_cmp__start").click().run()
    assert "学習率" in warnings(at)
    assert charts(at) == 2  # the earlier comparison is still shown


def test_gates_tab_heatmaps_for_each_cell(monkeypatch):
    from pages.lstm import gates

    monkeypatch.setattr(gates, "QUICK", gates.QUICK.__class__(hidden=4, epochs=1))
    at = lstm_app("gates")
    for cell in ("rnn", "gru", "lstm"):
        at.radio(key="lstm_gates_cell").set_value(cell).run()
        assert_no_exception(at)
        assert "ランダムな初期重み" in texts(at)
        # gates, the loop unrolled in time, the LSTM unit (LSTM only; issue 26), bidirectional hidden states
        assert charts(at) == (4 if cell == "lstm" else 3)
        titles = [a["text"] for c in at.get("plotly_chart") for a in json.loads(c.proto.spec)["layout"].get("annotations", [])]
        # the LSTM's candidate is c̃_t (the lecture's symbol); z_t is the GRU's update gate only
        assert (t("lstm.gate.c_tilde", "ja") in titles) == (cell == "lstm")
        assert (t("lstm.gate.z_gru", "ja") in titles) == (cell == "gru")
    at.button(key="lstm_gates__start").click().run()
    assert_no_exception(at)
    assert "学習した" in texts(at)
    assert at.session_state["lstm_gates_runs"]["lstm"].epochs_done == 1


def test_gates_uses_the_forecast_model_and_trains_bidirectional(monkeypatch):
    from dataclasses import replace

    from pages.lstm import gates

    monkeypatch.setattr(gates, "BIDIR_DEFAULTS", replace(gates.BIDIR_DEFAULTS, epochs=2, hidden=4))
    run = ForecastRun(make_windows(make_series("sine"), 20), RNNConfig(cell="lstm", hidden=6, epochs=1)).fit()
    at = lstm_app("gates", session={"lstm_fc_run": run})
    assert_no_exception(at)
    assert "時系列予測" in texts(at)  # "trained in the forecasting tab"
    assert at.session_state["lstm_fc_run"] is run
    at.button(key="lstm_bi__start").click().run()
    assert_no_exception(at)
    assert "検証 MSE: 一方向" in texts(at)
    assert charts(at) == 6  # gates, unrolled loop, LSTM unit (issue 26), bidirectional h, denoising, loss
    assert at.session_state["lstm_bi_runs"]["bi"].model.rnn.bidirectional


def test_gradients_tab_scale_and_clipping():
    at = lstm_app("gradients")
    assert "RNN で" in texts(at)
    assert "オフ" in texts(at)
    at.slider(key="lstm_grad_scale").set_value(3.0)
    at.toggle(key="lstm_grad_clip").set_value(True).run()
    assert_no_exception(at)
    assert any("Rightarrow" in str(x.value) for x in at.latex)
    at.slider(key="lstm_grad_T").set_value(120).run()
    assert_no_exception(at)
    assert charts(at) == 5  # the lab, σ′ / tanh′ and their product, the BPTT triangles of RNN and LSTM


def test_english_ui():
    at = lstm_app("gradients", query={"lang": "English"}, lang="en")
    assert_no_exception(at)
    assert "RNN" in texts(at)


def test_text_tab_regularization_best_epoch_and_unigram_line():
    """Dropout, weight decay and patience reach the run; the loss curve marks the kept (best)
    epoch and the unigram baseline, and the caption compares the two perplexities."""
    import json

    at = lstm_app("text")
    at.number_input(key="lstm_lm_epochs").set_value(3)
    at.number_input(key="lstm_lm_hidden").set_value(16)
    at.number_input(key="lstm_lm_dropout").set_value(0.3)
    at.number_input(key="lstm_lm_wd").set_value(0.05)
    at.number_input(key="lstm_lm_patience").set_value(7)
    at.button(key="lstm_lm__start").click().run()
    assert_no_exception(at)
    run = at.session_state["lstm_lm_run"]
    assert (run.cfg.dropout, run.cfg.weight_decay, run.cfg.patience, run.cfg.keep_best) == (0.3, 0.05, 7, True)
    assert run.best_epoch is not None and run.val_loss() == pytest.approx(run.best_val_loss, abs=1e-5)
    chart = next(c for c in at.get("plotly_chart") if c.proto.id.endswith("lstm_lm_loss"))
    names = [tr.get("name", "") for tr in json.loads(chart.proto.spec)["data"]]
    assert any(f"エポック {run.best_epoch}" in n for n in names) and any("ユニグラム" in n for n in names)
    assert f"{run.unigram_ppl():.1f}" in texts(at)
