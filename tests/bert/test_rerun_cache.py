"""Issue 15 item 4: fill-mask on the shared model is computed once per input for the whole
server (core.resources.fill_mask_result, st.cache_data), not once per student and rerun."""
from __future__ import annotations

from core import resources
from core.bert import fill_mask as fm
from tests.bert.apptest import open_tab
from tests.conftest import assert_no_exception


def test_same_sentence_is_one_forward_pass(bert_env, monkeypatch):
    calls: list[str] = []
    real = fm.fill_mask

    def counting(loaded, text, *, top_k):
        calls.append(text)
        return real(loaded, text, top_k=top_k)

    monkeypatch.setattr(fm, "fill_mask", counting)
    resources.fill_mask_result.clear()
    at = open_tab("bert.tab.fillmask")
    assert_no_exception(at)
    assert len(calls) == 1
    at.run()  # a rerun with the same inputs (e.g. another widget, another student)
    at.text_area(key="bert_fm_text").set_value("今日は[MASK]が降っている。").run()
    assert_no_exception(at)
    assert len(calls) == 2
    second = open_tab("bert.tab.fillmask")  # a second session with the default sentence
    assert_no_exception(second)
    assert len(calls) == 2 and len(second.get("plotly_chart")) == 1
