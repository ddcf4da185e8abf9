"""Clustering a word set (issue 16 item 4, 100本ノック ch. 7): k-means, Ward dendrogram."""
from __future__ import annotations

import json

import numpy as np
import pytest

from core import InvalidInput
from core.word2vec import cluster
from tests.conftest import assert_no_exception
from tests.word2vec.apptest import open_tab, texts, warnings


def test_kmeans_and_ward_separate_planted_groups():
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=8), rng.normal(size=8)
    X = np.stack([a + 0.05 * rng.normal(size=8) for _ in range(4)] + [b + 0.05 * rng.normal(size=8) for _ in range(4)])
    words = [f"a{i}" for i in range(4)] + [f"b{i}" for i in range(4)]
    c = cluster.cluster(words, X, 2)
    assert len(set(c.labels[:4])) == 1 and len(set(c.labels[4:])) == 1 and c.labels[0] != c.labels[4]
    ward = c.ward_labels(2)
    assert len(set(ward[:4])) == 1 and ward[0] != ward[4]
    d = cluster.dendrogram(c)
    assert sorted(d["leaves"]) == sorted(words) and len(d["icoord"]) == len(words) - 1
    with pytest.raises(InvalidInput):
        cluster.cluster(words, X, 8)


def test_cluster_tab_countries_by_default():
    at = open_tab("w2v.tab.cluster")
    assert_no_exception(at)
    assert "日本" in at.text_area(key="w2v_cl_words").value
    ids = [c.proto.id for c in at.get("plotly_chart")]
    assert any(i.endswith("-w2v_cl_dendro") for i in ids) and any(i.endswith("-w2v_cl_proj") for i in ids)
    table = at.dataframe[0].value
    assert len(table) == 5 and "ギリシャ" in "".join(table.iloc[:, 0])
    at.number_input(key="w2v_cl_k").set_value(3).run()
    assert_no_exception(at)
    assert len(at.dataframe[0].value) == 3
    spec = json.loads(next(c for c in at.get("plotly_chart") if c.proto.id.endswith("-w2v_cl_dendro")).proto.spec)
    assert "ウォード法" in spec["layout"]["title"]["text"] and "k-means" in spec["layout"]["title"]["text"]


def test_cluster_tab_bad_input():
    at = open_tab("w2v.tab.cluster", query={"w2v_cl_words": "日本 qzxqzx"})
    assert_no_exception(at)
    assert any("3 語以上" in w for w in warnings(at) + [str(e.value) for e in at.error]), texts(at)
