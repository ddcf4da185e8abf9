"""カウントベース (issue 16 item 1): co-occurrence, PPMI, truncated SVD, and the tab that puts
SVD neighbours beside word2vec trained on the same corpus."""
from __future__ import annotations

import numpy as np
import pytest

from core import InvalidInput, OutOfVocabulary
from core.word2vec import count, query
from tests.conftest import assert_no_exception
from tests.word2vec.apptest import open_tab, texts, warnings

SENTS = [["猫", "が", "鳴く"], ["犬", "が", "鳴く"], ["父", "が", "食べる"]]


def test_cooccurrence_counts_within_the_window():
    m = count.cooccurrence(SENTS, window=1)
    i = m.index
    assert m.C[i["猫"], i["が"]] == 1 and m.C[i["が"], i["鳴く"]] == 2 and m.C[i["猫"], i["鳴く"]] == 0
    np.testing.assert_array_equal(m.C, m.C.T)
    m2 = count.cooccurrence(SENTS, window=2)
    assert m2.C[m2.index["猫"], m2.index["鳴く"]] == 1  # two apart: only inside window 2
    with pytest.raises(InvalidInput):
        count.cooccurrence(SENTS, window=0)


def test_ppmi_matches_the_formula():
    C = np.array([[0, 2, 1], [2, 0, 0], [1, 0, 4]], dtype=float)
    P = count.ppmi(C)
    N, c = C.sum(), C.sum(1)
    assert P[0, 1] == pytest.approx(max(0, np.log2(2 * N / (c[0] * c[1]))))
    assert P[1, 2] == 0 and (P >= 0).all()


def test_svd_of_the_sample_corpus_groups_the_categories():
    from core.word2vec import train

    m = count.cooccurrence(train.sample_sentences("surface"), 2)
    vecs, sv = count.svd_vectors(count.ppmi(m.C), 20)
    assert vecs.shape == (len(m.vocab), 20) and np.all(np.diff(sv) <= 1e-6)
    kv = count.keyed_vectors(m.vocab, vecs)
    nb = [w for w, _ in query.neighbors(kv, "猫", 5).neighbors]
    assert len({"犬", "馬", "牛", "羊", "ウサギ", "狐", "熊"} & set(nb)) >= 3, nb
    rows, cols, sub = count.submatrix(m, count.ppmi(m.C), ["猫", "パン"], 5)
    assert sub.shape == (2, 5) and "。" not in cols
    with pytest.raises(OutOfVocabulary):
        count.submatrix(m, m.C, ["qzxqzx"], 5)


def test_count_tab_heatmap_window_and_svd_neighbours():
    at = open_tab("w2v.tab.count")
    assert_no_exception(at)
    body = texts(at)
    assert "共起行列" in body and "TruncatedSVD" in body
    assert len(at.get("plotly_chart")) == 1
    df = at.dataframe[0].value
    assert list(df.columns)[:2] == ["単語", "カウントベース PPMI + SVD（50 次元）"]
    at.slider(key="w2v_cnt_window").set_value(4).run()
    at.radio(key="w2v_cnt_kind").set_value("C").run()
    assert_no_exception(at)
    import json

    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert "窓幅 ±4" in spec["layout"]["title"]["text"] and "共起行列" in spec["layout"]["title"]["text"]


def test_count_tab_bad_row_word():
    at = open_tab("w2v.tab.count", query={"w2v_cnt_rows": "猫 qzxqzx"})
    assert_no_exception(at)
    assert any("qzxqzx" in w for w in warnings(at) + [str(e.value) for e in at.error])
    assert at.dataframe  # the neighbour comparison still shows


def test_count_tab_trains_word2vec_beside_svd():
    at = open_tab("w2v.tab.count", query={"w2v_cnt_dim": "20"})
    at.button(key="w2v_cnt__start").click().run(timeout=300)
    assert_no_exception(at)
    df = at.dataframe[0].value
    assert any("word2vec skip-gram（20 次元）" in c for c in df.columns), list(df.columns)
    assert at.session_state["w2v_cnt_w2v"][1].config.window == 2
