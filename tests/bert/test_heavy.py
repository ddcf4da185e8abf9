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
