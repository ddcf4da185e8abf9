"""Issue 24 on the BERT page: fine-tuning has a time budget (reaching it keeps the partial
model, like Stop, and says so)."""
from __future__ import annotations

from tests.bert.apptest import open_tab, texts
from tests.conftest import assert_no_exception


def test_finetune_time_budget_keeps_partial_model(bert_env, monkeypatch, tmp_path):
    monkeypatch.setenv("PLAYGROUND_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PLAYGROUND_JOB_SECONDS_BERT_FT", "0.001")  # the budget ends it at once
    at = open_tab("bert.tab.finetune")
    at.radio(key="bert_ft_data").set_value("sample").run()
    at.number_input(key="bert_ft_maxtrain").set_value(24)
    at.select_slider(key="bert_ft_batch").set_value(8)
    at.select_slider(key="bert_ft_maxlen").set_value(16)
    at.button(key="bert_ft__start").click().run()
    assert_no_exception(at)
    result = at.session_state["bert_ft_result"]
    assert result.stopped and len(result.history) < 3  # 3 steps without a budget
    assert "時間の上限" in texts(at)


def _chart_keys(at) -> list[str]:
    return [c.proto.id for c in at.get("plotly_chart")]


def test_explanation_is_an_explicit_action_cached_per_model_and_sentence(bert_env, monkeypatch):
    """Integrated gradients (≈ 33 forward + backward passes) run on a click, not on every page
    run, and once per (model, sentence) for the whole class."""
    from core import resources
    from core.bert import explain

    calls = []
    real = explain.bert_attributions
    monkeypatch.setattr(explain, "bert_attributions", lambda loaded, text, **kw: calls.append(text) or real(loaded, text, **kw))
    resources.bert_explanation.clear()
    at = open_tab("bert.tab.sentiment")
    assert_no_exception(at)
    assert calls == [] and not any(k.endswith("-bert_ex_chart") for k in _chart_keys(at))
    at.button(key="bert_ex_run").click().run()
    assert len(calls) == 1 and any(k.endswith("-bert_ex_chart") for k in _chart_keys(at))
    at.run()  # another page run: shown again, not computed again
    assert len(calls) == 1 and any(k.endswith("-bert_ex_chart") for k in _chart_keys(at))
    other = open_tab("bert.tab.sentiment")  # another student, same model and sentence
    other.button(key="bert_ex_run").click().run()
    assert_no_exception(other)
    assert len(calls) == 1 and any(k.endswith("-bert_ex_chart") for k in _chart_keys(other))
    other.text_input(key="bert_sent_text").set_value("最悪のホテルでした").run()
    assert len(calls) == 1  # a new sentence: again only on a click
    other.button(key="bert_ex_run").click().run()
    assert calls[-1] == "最悪のホテルでした" and len(calls) == 2
