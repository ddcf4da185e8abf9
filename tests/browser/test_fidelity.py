"""Issue 16 (lecture fidelity) in a real browser: every added tab / section renders with its
charts and without an exception; screenshots in test-artifacts/screenshots/fidelity-*.png."""
from __future__ import annotations

import pytest

from core.i18n import t
from tests.browser.conftest import click_button, no_exception, open_tab, screenshot, wait_charts

VIEWS = [  # (page, tab key, extra query, charts to wait for, screenshot name)
    ("word2vec", "w2v.tab.count", {}, 1, "w2v-count"),
    ("word2vec", "w2v.tab.skipgram", {}, 5, "w2v-skipgram"),
    ("word2vec", "w2v.tab.cluster", {}, 2, "w2v-cluster"),
    ("word2vec", "w2v.tab.analogy", {"w2v_pos": "スペイン アテネ", "w2v_neg": "マドリード"}, 1, "w2v-analogy-knock63"),
    ("attention", "att.tab.posenc", {}, 3, "att-posenc"),
    ("attention", "att.tab.posenc", {"att_pe_T": "true"}, 3, "att-posenc-transposed"),
    ("attention", "att.tab.sdpa", {"att_vec": "random"}, 11, "att-sdpa-hard"),
    ("lstm", "lstm.tab.gradients", {}, 3, "lstm-gradients-why"),
    ("lstm", "lstm.tab.gates", {"lstm_gates_peep": "true"}, 2, "lstm-gates-peephole"),
]


@pytest.mark.parametrize("path,tab_key,extra,charts,name", VIEWS, ids=[v[4] for v in VIEWS])
def test_view_renders(server, page, path, tab_key, extra, charts, name):
    open_tab(page, server, path, tab_key, extra)
    wait_charts(page, charts)
    no_exception(page)
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    if name == "w2v-analogy-knock63":
        assert page.get_by_text("「ギリシャ」は 1 位").count() >= 1
    screenshot(page, f"fidelity-{name}")


TRAINED = [  # (page, tab key, extra query, button label key, charts after training, name)
    ("word2vec", "w2v.tab.count", {"w2v_cnt_dim": "20"}, ("w2v.cnt.train", {"model": "skip-gram", "window": 2, "d": 20}),
     1, "w2v-count-trained"),
    ("lstm", "lstm.tab.text", {"lstm_lm_epochs": "1", "lstm_lm_hidden": "16", "lstm_lm_k_bptt": "12"}, ("lstm.train", {}),
     3, "lstm-lm-truncated"),
    ("lstm", "lstm.tab.compare", {"lstm_cmp_epochs": "2", "lstm_cmp_hidden": "8"}, ("lstm.cmp.train", {}), 2,
     "lstm-compare-mlp"),
    ("lstm", "lstm.tab.seqtasks", {"lstm_seq_epochs": "2"}, ("lstm.seq.train", {}), 1, "lstm-seq-classify-label"),
    ("lstm", "lstm.tab.seqtasks", {"lstm_blank_epochs": "2"}, ("lstm.blank.train", {}), 2, "lstm-blank-filling"),
]


@pytest.mark.parametrize("path,tab_key,extra,button,charts,name", TRAINED, ids=[v[5] for v in TRAINED])
def test_trained_view(server, page, path, tab_key, extra, button, charts, name):
    open_tab(page, server, path, tab_key, extra)
    click_button(page, t(button[0], "ja", **button[1]), timeout_ms=300_000)
    wait_charts(page, charts)
    no_exception(page)
    screenshot(page, f"fidelity-{name}")
