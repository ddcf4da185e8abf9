"""AppTest of the BERT page's mini-BERT tab (train, fill-mask, save, use; bad input; sessions
apart) and of a saved mini-BERT on the fill-mask tab and the attention page, offline."""
from __future__ import annotations

import pytest

from core.i18n import t
from tests.bert.apptest import open_tab, texts
from tests.conftest import app_test, assert_no_exception

TAB = "bert.tab.pretrain"


@pytest.fixture
def offline(monkeypatch, cache_env):
    for k in ("PLAYGROUND_MODEL_FILL_MASK", "PLAYGROUND_MODEL_SENTIMENT", "PLAYGROUND_MODELS_DIR"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return cache_env


def _quick(at, seconds=5):
    at.select_slider(key="bert_pt_layers").set_value(1)
    at.select_slider(key="bert_pt_d").set_value(64)
    at.slider(key="bert_pt_seconds").set_value(seconds)
    at.select_slider(key="bert_pt_lr").set_value(3e-3)
    return at


def test_pretrain_tab_trains_shows_fill_mask_and_saves(offline, trained):
    at = open_tab(TAB, timeout=600)
    assert_no_exception(at)
    assert "組み込みの例文" in texts(at) and "tiny" in str(at.dataframe[-1].value["name"].tolist())
    _quick(at).run()
    at.button(key="bert_pt__start").click().run()
    assert_no_exception(at)
    res = at.session_state["bert_pt_result"]
    assert res.steps > 0 and res.summary()["mlm_loss_last"] < res.summary()["mlm_loss_first"]
    assert "このセッションで学習" in texts(at)
    assert len(at.get("plotly_chart")) == 4  # MLM curve, NSP curve, fill-mask bars, P(IsNext) bars
    assert res.val_nsp_accuracy is not None and "次文予測 (NSP) の正解率 (val)" in [m.label for m in at.metric]
    snapshots = at.dataframe[0].value
    assert snapshots.iloc[0, 0] == 0 and snapshots.iloc[-1, 0] == res.steps
    at.text_input(key="bert_pt_try").set_value("母は夜に[MASK]を作った。").run()
    assert_no_exception(at)
    assert any(c.value.startswith("母は夜に") and "[MASK]" not in c.value for c in at.code)
    at.text_input(key="bert_pt_save_name").set_value("../bad").run()
    at.button(key="bert_pt_save_btn").click().run()
    assert "保存名" in texts(at)
    at.text_input(key="bert_pt_save_name").set_value("apptest-mini").run()
    at.button(key="bert_pt_save_btn").click().run()
    assert_no_exception(at)
    path = str(offline / "trained" / "mini-bert" / "apptest-mini")
    assert path in texts(at)
    at.button(key="bert_pt_use_btn").click().run()
    assert at.session_state["hub_fill_mask"] == path
    # another session sees none of it (only the saved directory, in the list)
    other = open_tab(TAB, timeout=600)
    assert "bert_pt_result" not in other.session_state and "このセッションで学習" not in texts(other)
    assert "apptest-mini" in other.dataframe[-1].value["name"].tolist()


@pytest.mark.parametrize("text, words", [("今日は良い天気です。明日は雨が降るでしょう。", "文が少なすぎます"),
                                         ("あ" * 3000, "文字の種類が少なすぎます"), ("", "空")])
def test_pretrain_tab_bad_text(offline, text, words):
    at = open_tab(TAB)
    at.radio(key="bert_pt_data").set_value("paste").run()
    at.text_area(key="bert_pt_text").set_value(text).run()
    at.button(key="bert_pt__start").click().run()
    assert_no_exception(at)
    assert words in texts(at) and "bert_pt_result" not in at.session_state


def test_pretrain_tab_bad_probe(offline):
    at = open_tab(TAB)
    at.text_input(key="bert_pt_probe").set_value("マスクのない文。").run()
    at.button(key="bert_pt__start").click().run()
    assert_no_exception(at)
    assert "[MASK] がありません" in texts(at)


def test_saved_mini_bert_on_the_fill_mask_tab_is_labelled_trained_here(offline, trained):
    _, out = trained
    at = open_tab("bert.tab.fillmask", session={"hub_fill_mask": str(out)}, query={"bert_fm_text": "父は昼に[MASK]を食べた。"})
    assert_no_exception(at)
    assert len(at.get("plotly_chart")) == 1
    assert "東北大の BERT ではありません" in texts(at) and "test text" in texts(at)


def test_offline_fill_mask_falls_back_to_the_mini_bert_trained_here(offline, trained):
    at = open_tab("bert.tab.fillmask", query={"bert_fm_text": "父は昼に[MASK]を食べた。"})
    assert_no_exception(at)
    assert "tohoku-nlp/bert-base-japanese-v3" in texts(at)  # the missing model is still named
    assert at.toggle(key="bert_use_trained_fm").value is True
    assert len(at.get("plotly_chart")) == 1 and "東北大の BERT ではありません" in texts(at)
    at.toggle(key="bert_use_trained_fm").set_value(False).run()
    assert_no_exception(at)
    assert len(at.get("plotly_chart")) == 0


def test_saved_mini_bert_in_the_attention_model_view(offline, trained):
    _, out = trained
    at = app_test("attention", query={"tab": t("att.tab.bert", "ja")}, session={"hub_fill_mask": str(out)},
                  timeout=300)
    assert_no_exception(at)
    shown = texts(at)
    assert "東北大の BERT ではありません" in shown
    assert not any("学習していない" in str(w.value) for w in at.warning)
    assert len(at.get("plotly_chart")) >= 1
