"""AppTest of the Transformer sections of the attention page (issue #13)."""
import pytest

from tests.attention.apptest import open_section
from tests.conftest import assert_no_exception

SMALL = {"tf_gpt_d": 16, "tf_gpt_layers": 1, "tf_gpt_h": 2, "tf_gpt_ctx": 16, "tf_gpt_epochs": 2, "tf_gpt_sec": 60}


def texts(at) -> str:
    return " ".join(str(e.value) for kind in ("markdown", "caption", "info", "warning", "error", "success", "text",
                                              "code", "exception")
                    for e in at.get(kind))


def charts(at) -> list[str]:
    return [c.proto.id for c in at.get("plotly_chart")]


# --- 「Transformer を組み立てる」 ------------------------------------------------------------

def test_assemble_shows_every_step_of_both_layers():
    at = open_section("att.tab.assemble")
    assert_no_exception(at)
    ids = charts(at)
    # X, PE, then x0 + 6 steps of the encoder; x0 + 9 steps of the decoder (post-LN default)
    assert sum("tf_asm_enc_" in i for i in ids) == 7 and sum("tf_asm_dec_" in i for i in ids) == 10
    assert sum("tf_asm_cw" in i for i in ids) == 4  # source–target attention, one heatmap per head
    assert len(at.get("graphviz_chart")) == 1
    assert "\\mathrm{LN}(x + \\mathrm{Sublayer}(x))" in " ".join(str(e.value) for e in at.get("latex"))
    assert "バナナ" in texts(at) and "sweet" in texts(at)


def test_assemble_pre_ln_and_removing_the_residual():
    at = open_section("att.tab.assemble")
    at.radio(key="tf_asm_ln").set_value("pre").run()
    keep = float(at.metric[0].value)
    ids = charts(at)
    assert any(i.endswith("tf_asm_enc_1_ln_1") for i in ids)  # pre-LN: LN comes first
    at.toggle(key="tf_asm_nores").set_value(True).run()
    assert_no_exception(at)
    assert not any("add_" in i for i in charts(at))  # no "+ residual" step any more
    assert float(at.metric[0].value) < keep  # less of the input survives without the skip connection
    assert "Sublayer}(\\mathrm{LN}(x))" in " ".join(str(e.value) for e in at.get("latex"))


@pytest.mark.parametrize("query, words", [({"tf_asm_d": 30, "tf_asm_h": 4}, "割り切れません"),
                                          ({"tf_asm_src": ""}, "空")])
def test_assemble_bad_input(query, words):
    at = open_section("att.tab.assemble", query=query)
    assert_no_exception(at)
    assert words in texts(at)
    assert not charts(at)


# --- 「ミニGPT」 ------------------------------------------------------------------------------

def _gpt(**overrides):
    source = overrides.pop("tf_gpt_source", None)
    at = open_section("att.tab.gpt", query={**SMALL, **overrides})
    if source:
        at.radio(key="tf_gpt_source").set_value(source).run()
    assert_no_exception(at)
    return at


def test_gpt_trains_generates_and_shows_attention():
    at = _gpt()
    assert "まだ学習していません" in texts(at)
    at.button(key="tf_gpt__start").click().run()
    assert_no_exception(at)
    run = at.session_state["tf_gpt_run"]
    assert run.status == "done" and run.epochs_done == 2
    ids = charts(at)
    assert any(i.endswith("tf_gpt_loss") for i in ids) and any(i.endswith("tf_gpt_model_view") for i in ids)
    assert at.session_state["tf_gpt_out"][0] == "猫は" and len(at.session_state["tf_gpt_out"][1]) == 40
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == 9  # parallel vs step by step
    # top-k = 1 is greedy: generating twice gives the same text
    at.number_input(key="tf_gpt_k").set_value(1)
    at.button(key="tf_gpt_gen").click().run()
    first = at.session_state["tf_gpt_out"]
    at.button(key="tf_gpt_gen").click().run()
    assert at.session_state["tf_gpt_out"] == first
    # the LSTM on the same text, tokens and time budget: curves overlaid
    at.button(key="tf_gpt_lstm__start").click().run()
    assert_no_exception(at)
    lstm = at.session_state["tf_gpt_lstm"]
    assert lstm.vocab.itos == run.vocab.itos and lstm.seconds < run.seconds + 30
    assert any(i.endswith("tf_gpt_vs") for i in charts(at)) and len(at.metric) == 2


@pytest.mark.parametrize("query, words", [
    ({"tf_gpt_d": 30, "tf_gpt_h": 4}, "割り切れません"),
    ({"tf_gpt_layers": 0}, "層の数"),
    ({"tf_gpt_ctx": 1000}, "文脈の長さ"),
    ({"tf_gpt_lr": 100.0, "tf_gpt_epochs": 3}, "発散しました"),
])
def test_gpt_bad_input(query, words):
    at = _gpt(**query)
    at.button(key="tf_gpt__start").click().run()
    assert_no_exception(at)
    assert words in texts(at)
    assert not any(i.endswith("tf_gpt_model_view") for i in charts(at))


@pytest.mark.parametrize("text, words", [("猫は窓のそばで目をさまします。" * 3, "文脈の長さ"),  # shorter than the context
                                         ("あ" * 300, "短すぎ"),  # one repeated character
                                         ("猫は窓のそばで目をさまします。" * 2000, "長すぎ")])  # over the text cap
def test_gpt_bad_pasted_text(text, words):
    at = _gpt(tf_gpt_source="paste", tf_gpt_ctx=64)
    at.text_area(key="tf_gpt_text").set_value(text)
    at.button(key="tf_gpt__start").click().run()
    assert_no_exception(at)
    assert words in texts(at) and "tf_gpt_run" not in at.session_state


def test_gpt_stop_keeps_the_partial_model(stop_after_checks):
    stop_after_checks(3)
    at = _gpt(tf_gpt_epochs=50)
    at.button(key="tf_gpt__start").click().run()
    assert_no_exception(at)
    run = at.session_state["tf_gpt_run"]
    assert run.status == "stopped" and run.epochs_done < 50 and run.history[-1]["partial"]
    assert "停止しました" in texts(at)


# --- BERT · GPT · T5 ---------------------------------------------------------------------------

def test_family_card():
    at = open_section("att.tab.family")
    assert_no_exception(at)
    table = at.table[0].value
    assert list(table.columns) == ["BERT", "GPT", "ELMo", "T5"] and len(table) == 5
    assert "因果マスク" in table["GPT"].iloc[1] and "ミニGPT" in table["GPT"].iloc[4]
    assert "LSTM" in table["ELMo"].iloc[0] and "双方向" in table["ELMo"].iloc[4]  # BERT's figure 1 (issue 27, item 9)
    assert "マルチタスク" in table["T5"].iloc[4]
    links = {p.proto.label for p in at.get("page_link")}
    assert {"LSTM ページの双方向 RNN へ", "seq2seq ページのマルチタスク (T5 風) へ"} <= links


def _trace_names(at, key: str) -> list[str]:
    import json

    chart = next(c for c in at.get("plotly_chart") if c.proto.id.endswith(key))
    return [tr.get("name", "") for tr in json.loads(chart.proto.spec)["data"]]


def test_gpt_regularization_early_stopping_and_the_unigram_line():
    """Dropout, weight decay and patience reach the run; with them off and patience 2 the model
    over-fits the small built-in text: training stops early, the page says 過学習, the run keeps
    the best epoch's weights, and the loss curve marks that epoch and the unigram baseline."""
    at = _gpt(tf_gpt_epochs=40, tf_gpt_lr=0.01, tf_gpt_d=32, tf_gpt_ctx=32,
              tf_gpt_dropout=0.0, tf_gpt_wd=0.0, tf_gpt_patience=2)
    at.button(key="tf_gpt__start").click().run()
    assert_no_exception(at)
    run = at.session_state["tf_gpt_run"]
    assert (run.cfg.dropout, run.cfg.weight_decay, run.cfg.patience, run.cfg.keep_best) == (0.0, 0.0, 2, True)
    assert run.status == "early" and run.epochs_done < 40 and run.overfitting
    assert "早期終了" in texts(at) and "検証損失が上がり始めました = 過学習" in texts(at)
    assert run.val_loss() == pytest.approx(run.best_val_loss, abs=1e-5)  # the best epoch's weights
    assert run.best_val_ppl < run.unigram_ppl() and "ユニグラム" in texts(at)
    names = _trace_names(at, "tf_gpt_loss")
    assert any(f"エポック {run.best_epoch}" in n for n in names) and any("ユニグラム" in n for n in names)
    # the defaults regularise: dropout and weight decay on, a fresh start
    at = _gpt()
    at.button(key="tf_gpt__start").click().run()
    run = at.session_state["tf_gpt_run"]
    assert run.cfg.dropout > 0 and run.cfg.weight_decay > 0 and run.cfg.patience > 0


def test_gpt_prompt_with_unknown_characters_is_a_message():
    at = _gpt()
    at.button(key="tf_gpt__start").click().run()
    at.text_input(key="tf_gpt_prompt").set_value("Q猫")
    at.number_input(key="tf_gpt_p").set_value(0.5)
    at.button(key="tf_gpt_gen").click().run()
    assert_no_exception(at)
    assert "学習テキストに出てこない" in texts(at) and "学習テキストの冒頭" in texts(at)
    prompt, out = at.session_state["tf_gpt_out"]
    assert prompt == at.session_state["tf_gpt_run"].default_prompt() and len(out) == 40
