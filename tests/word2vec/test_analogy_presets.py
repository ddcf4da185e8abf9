"""Analogy presets follow the notes (issue 16 item 3): 100本ノック No. 63 is
Spain − Madrid + Athens → Greece, and the other presets are labelled as common examples."""
from __future__ import annotations

import json

from core.word2vec import query
from tests.conftest import assert_no_exception
from tests.word2vec.apptest import open_tab, texts
from tests.word2vec.test_cli import inproc


def test_knock63_cli_has_greece_in_top3(capsys):
    rc, out, _ = inproc(capsys, "analogy", "--positive", "スペイン", "アテネ", "--negative", "マドリード", "--json")
    answers = [w for w, _ in json.loads(out.strip().splitlines()[-1])["answers"]]
    assert rc == 0 and "ギリシャ" in answers[:3], answers


def test_presets_are_labelled_by_source():
    knock = [p for p in query.ANALOGY_PRESETS if p["source"] == query.SOURCE_KNOCK63]
    assert [(p["positive"], p["negative"], p["expected"]) for p in knock] == [("スペイン アテネ", "マドリード", "ギリシャ")]
    assert all(p["source"] in (query.SOURCE_KNOCK63, query.SOURCE_COMMON) for p in query.ANALOGY_PRESETS)


def test_knock63_preset_on_page():
    at = open_tab("w2v.tab.analogy")
    box = at.selectbox(key="w2v_preset")
    shown = list(box.options)  # the displayed (formatted) labels
    assert any("No. 63" in s and "スペイン − マドリード + アテネ" in s for s in shown), shown
    assert any("よく使われる例" in s and s.startswith("王様") for s in shown), shown
    assert not any("講義の例" in s for s in shown)
    box.set_value("スペイン − マドリード + アテネ → ギリシャ").run()
    assert_no_exception(at)
    assert at.text_input(key="w2v_pos").value == "スペイン アテネ"
    assert at.text_input(key="w2v_neg").value == "マドリード"
    body = texts(at)
    assert "No. 63" in body and "「ギリシャ」は 1 位" in body, body
