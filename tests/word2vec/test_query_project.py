"""Queries (neighbours, similarity, doesnt_match, analogy) and projections."""
from __future__ import annotations

import numpy as np
import pytest

from core import InputTooLong, InvalidInput, OutOfVocabulary
from core.word2vec import project, query


def test_neighbors_match_gensim_most_similar(tiny_kv):
    got = query.neighbors(tiny_kv, "猫", 5)
    want = tiny_kv.most_similar("猫", topn=5)
    assert [w for w, _ in got.neighbors] == [w for w, _ in want]
    assert got.neighbors[0][0] in ("子猫", "犬")
    d = got.as_dict()
    assert d["word"] == "猫" and d["resolved"] == "猫" and len(d["neighbors"]) == 5


@pytest.mark.parametrize("bad", [0, -1, 101, 100000, "abc", None])
def test_topn_out_of_range(tiny_kv, bad):
    with pytest.raises(InvalidInput, match="top-N"):
        query.neighbors(tiny_kv, "猫", bad)


def test_cosine_similarity_by_hand(tiny_kv):
    cos, ra, rb = query.similarity(tiny_kv, "猫", "犬")
    a, b = tiny_kv["猫"], tiny_kv["犬"]
    assert cos == pytest.approx(float(a @ b / np.linalg.norm(a) / np.linalg.norm(b)), rel=1e-6)
    assert cos == pytest.approx(float(tiny_kv.similarity("猫", "犬")), rel=1e-5)


def test_doesnt_match_agrees_with_gensim(tiny_kv):
    words = ["猫", "犬", "子猫", "東京"]
    assert query.doesnt_match(tiny_kv, " ".join(words)).odd == tiny_kv.doesnt_match(words) == "東京"
    with pytest.raises(InvalidInput, match="3 語以上"):
        query.doesnt_match(tiny_kv, "猫 犬")


def test_analogy_planted_and_matches_gensim(tiny_kv):
    res = query.analogy(tiny_kv, "王 女", "男", 3)
    assert res.answers[0][0] == "女王"
    want = tiny_kv.most_similar(positive=["王", "女"], negative=["男"], topn=3)
    assert [w for w, _ in res.answers] == [w for w, _ in want]
    np.testing.assert_allclose([s for _, s in res.answers], [s for _, s in want], rtol=1e-5)


def test_analogy_missing_word_names_it(tiny_kv):
    with pytest.raises(OutOfVocabulary) as ei:
        query.analogy(tiny_kv, "王 ゾウガメ", "男")
    assert ei.value.word == "ゾウガメ"
    with pytest.raises(InvalidInput, match="positive"):
        query.analogy(tiny_kv, "  ", "男")


def test_split_words_limits():
    assert query.split_words("犬 猫、鳥,車") == ["犬", "猫", "鳥", "車"]
    with pytest.raises(InvalidInput):
        query.split_words(" ".join(["猫"] * 31))
    with pytest.raises(InputTooLong):
        query.split_words("猫" * 10_000)


def test_lecture_analogy_on_chive(chive):
    res = query.analogy(chive, "東京 フランス", "日本", 3)
    assert res.answers[0][0] == "パリ"


def test_pca_matches_sklearn_on_unit_vectors(tiny_kv):
    from sklearn.decomposition import PCA

    X = np.asarray(tiny_kv.vectors, dtype=np.float64)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    got = project.project(tiny_kv.vectors, "pca", 2)
    want = PCA(2, random_state=0).fit_transform(X)
    np.testing.assert_allclose(np.abs(got), np.abs(want), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("method,dims", [("pca", 3), ("tsne", 2)])
def test_projection_shapes(tiny_kv, method, dims):
    out = project.project(tiny_kv.vectors, method, dims)
    assert out.shape == (len(tiny_kv.index_to_key), dims) and np.isfinite(out).all()


def test_projection_bad_inputs(tiny_kv):
    with pytest.raises(InvalidInput):
        project.project(tiny_kv.vectors[:2], "pca", 2)
    with pytest.raises(InvalidInput):
        project.project(tiny_kv.vectors, "umap", 2)
    with pytest.raises(InvalidInput):
        project.project(tiny_kv.vectors, "pca", 4)


def test_word_sets_and_arrows(tiny_kv):
    ws = project.neighbor_set(tiny_kv, "猫 東京", 3)
    assert ws.words[0] == "猫" and set(ws.groups) == {"猫", "東京"}
    arrows, answer = project.add_analogy(tiny_kv, ws, "王 女", "男")
    assert answer == "女王"
    assert [(a.start, a.end) for a in arrows] == [("男", "女"), ("王", "女王")]
    assert ws.vectors.shape == (len(ws.words), 8)
    ls = project.list_set(tiny_kv, "猫 犬 東京 ゾウガメ")
    assert ls.words == ["猫", "犬", "東京"] and "ゾウガメ" in ls.notes[0]
    with pytest.raises(InvalidInput):
        project.list_set(tiny_kv, "猫 ゾウガメ")
    fs = project.frequent_set(tiny_kv, 5, skip=2)
    assert fs.words == tiny_kv.index_to_key[2:7]
