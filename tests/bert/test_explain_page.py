"""The attribution view of the sentiment tab (issue 16 item 13), BERT and the baseline."""
from __future__ import annotations

import json

from tests.bert.apptest import open_tab, texts
from tests.conftest import assert_no_exception


def _spec(at, key):
    return json.loads(next(c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")).proto.spec)


def test_bert_sentiment_shows_attention_and_gradients_with_caveat(bert_env):
    at = open_tab("bert.tab.sentiment")
    assert_no_exception(at)
    at.button(key="bert_ex_run").click().run()  # an explicit action (issue 24)
    spec = _spec(at, "bert_ex_chart")
    rows = spec["data"][0]["y"]
    assert rows == ["[CLS] からの注意", "勾配 × 入力", "統合勾配"]
    assert "[CLS]" in spec["layout"]["xaxis"]["ticktext"]
    assert "注意は説明ではありません" in texts(at)
    at.text_input(key="bert_sent_text").set_value("<b>最悪</b>").run()
    at.button(key="bert_ex_run").click().run()
    assert_no_exception(at)
    assert "<b>" not in json.dumps(_spec(at, "bert_ex_chart")["layout"]["xaxis"]["ticktext"])


def test_baseline_sentiment_shows_gradient_attributions(bert_env):
    at = open_tab("bert.tab.sentiment", query={"bert_sent_model": "baseline"})
    at.radio(key="bert_sent_model").set_value("baseline").run()
    at.slider(key="base_epochs").set_value(2)
    at.button(key="base_train__start").click().run()
    assert_no_exception(at)
    spec = _spec(at, "base_ex_chart")
    assert spec["data"][0]["y"] == ["勾配 × 入力", "統合勾配"]
    assert "スタッフ" in spec["layout"]["xaxis"]["ticktext"]
    assert "注意がない" in texts(at)
