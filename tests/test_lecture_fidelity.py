"""Issue 16: the notes' Japanese terms are in the UI where the concept appears, and every
section (old and added) is on the lecture map with a tab that exists on its page."""
from __future__ import annotations

import pathlib
import re

import pytest

from core.i18n import t, table
from pages.home.lecture_map import CONCEPTS
from tests.conftest import ROOT, app_test, assert_no_exception

TERMS = {  # term → the UI string keys that must carry it (where the concept appears)
    "縮小付き内積注意": ["att.tab.sdpa", "att.sdpa.intro"],
    "複数ヘッドの注意": ["att.tab.multihead", "att.mh.intro"],
    "隣接文の予測": ["bert.nsp.title", "bert.lead"],
    "再帰型ニューラルネットワーク": ["lstm.title"],
    "記憶セル": ["lstm.gate.c"],
    "層正規化": ["att.mh.ffn.help"],
    "スキップ接続（残差接続": ["att.mh.ffn.help"],
    "自己教師あり学習": ["bert.lead"],
    "勾配発散": ["lstm.tab.gradients"],
    "通時的誤差逆伝播 (BPTT)": ["lstm.grad.intro", "lstm.why.intro"],
}


@pytest.mark.parametrize("term", TERMS)
def test_term_in_the_ui_strings(term):
    for key in TERMS[term]:
        assert term in t(key, "ja"), (key, t(key, "ja"))


@pytest.mark.parametrize("concept", CONCEPTS, ids=[str(c.name) for c in CONCEPTS])
def test_every_lecture_map_entry_opens_a_tab_of_its_page(concept):
    page, tab_key = concept.page, concept.tab
    assert tab_key in table(), tab_key
    src = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / pathlib.Path(page).parent).glob("*.py"))
    # a SECTIONS entry ("key", module) or a direct t("key") tab label (seq2seq page)
    assert re.search(r'\(\s*"' + re.escape(tab_key) + r'"\s*[,)]', src), f"{tab_key} is not a tab of {page}"


def test_home_lists_the_added_sections():
    at = app_test()
    assert_no_exception(at)
    labels = [str(getattr(e.proto, "label", "")) for e in at.get("page_link")]
    for tab_key in ("w2v.tab.count", "w2v.tab.skipgram", "w2v.tab.cluster"):
        assert any(t(tab_key, "ja") in lab for lab in labels), (tab_key, labels)
    assert any("隣接文の予測" in lab for lab in labels) and any("複数ヘッドの注意" in lab for lab in labels)
