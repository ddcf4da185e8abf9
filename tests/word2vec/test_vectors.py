"""core.word2vec.vectors: chiVe conversion, loading, lookup fallbacks, OOV suggestions."""
from __future__ import annotations

import json

import numpy as np
import pytest

from core import InputTooLong, InvalidInput, ModelUnavailable, OutOfVocabulary
from core import paths
from core.word2vec import vectors


def test_chive_one_key_per_row_in_frequency_order(chive):
    assert chive.vectors.shape == (20000, 300)
    assert len(chive.index_to_key) == 20000 == len(set(chive.index_to_key))
    assert chive.index_to_key[:3] == ["の", "、", "て"]  # most frequent first
    assert np.isfinite(chive.norms).all() and (chive.norms > 0).all()


def test_neighbors_of_cat_has_dog_or_kitten(chive):
    top = [w for w, _ in chive.most_similar("猫", topn=10)]
    assert "犬" in top or "子猫" in top, top


def test_warm_load_is_memory_mapped(chive):
    kv = vectors.default_vectors()
    assert isinstance(kv.vectors, np.memmap)
    assert kv.index_to_key[:5] == chive.index_to_key[:5]


def test_alias_keys_resolve_to_their_row_word(chive):
    res = vectors.resolve(chive, "白猫")  # a chiVe key that shares the row of 猫
    assert res.key == "猫" and res.shared_row and res.how == vectors.HOW_TYPED
    np.testing.assert_array_equal(vectors.word_vector(chive, "白猫")[0], chive["猫"])
    assert len(vectors.alias_map(chive)) > 400_000


@pytest.mark.parametrize("typed, key, how", [
    ("猫", "猫", vectors.HOW_TYPED),
    ("コンピュータ", "コンピューター", vectors.HOW_SUDACHI),
    ("走った", "走る", vectors.HOW_LEMMA),
    ("食べました", "食べる", vectors.HOW_LEMMA),
])
def test_fallbacks(chive, typed, key, how):
    res = vectors.resolve(chive, typed)
    assert (res.key, res.how) == (key, how)
    assert typed in res.explain()


def test_phrase_is_segmented_and_mean_used(chive):
    vec, res = vectors.word_vector(chive, "猫が好き")
    assert res.how == vectors.HOW_PHRASE and res.tokens == ("猫", "好き") and "が" in res.dropped
    np.testing.assert_allclose(vec, (chive["猫"] + chive["好き"]) / 2, rtol=1e-6)
    assert "分けて" in res.explain()


@pytest.mark.parametrize("bad", ["", "   ", "\n\t"])
def test_empty_is_invalid(chive, bad):
    with pytest.raises(InvalidInput, match="空"):
        vectors.resolve(chive, bad)


def test_too_long(chive):
    with pytest.raises(InputTooLong, match="長すぎ"):
        vectors.resolve(chive, "猫" * 10_000)


@pytest.mark.parametrize("word", ["🐱🐶", "qzxqzxqzx"])
def test_oov_message(chive, word):
    with pytest.raises(OutOfVocabulary) as ei:
        vectors.resolve(chive, word)
    assert "語彙にありません" in ei.value.message and ei.value.word == word


def test_oov_suggestions(chive):
    with pytest.raises(OutOfVocabulary) as ei:
        vectors.resolve(chive, "コンピューダー")
    assert ei.value.suggestions[0] == "コンピューター"
    assert all(s in chive.key_to_index for s in ei.value.suggestions)


def test_load_text_binary_and_kv(tmp_path, tiny_kv):
    txt, binf, kvf = tmp_path / "v.txt", tmp_path / "v.bin", tmp_path / "v.kv"
    tiny_kv.save_word2vec_format(str(txt), binary=False)
    tiny_kv.save_word2vec_format(str(binf), binary=True)
    tiny_kv.save(str(kvf))
    for f in (txt, binf, kvf):
        kv = vectors.load_vectors(f)
        assert kv.index_to_key == tiny_kv.index_to_key
        np.testing.assert_allclose(kv["猫"], tiny_kv["猫"], rtol=1e-5)
        assert vectors.resolve(kv, "猫").key == "猫"


def test_load_bad_files(tmp_path):
    with pytest.raises(InvalidInput, match="見つかりません"):
        vectors.load_vectors(tmp_path / "nope.txt")
    junk = tmp_path / "junk.txt"
    junk.write_text("これはベクトルではありません\nただの文章です\n", encoding="utf-8")
    with pytest.raises(InvalidInput):
        vectors.load_vectors(junk)
    with pytest.raises(InvalidInput):
        vectors.load_vectors(tmp_path)


def test_gensim_data_offline_says_what_is_missing(monkeypatch, tmp_path):
    import gensim.downloader as api

    monkeypatch.setattr(api, "BASE_DIR", str(tmp_path))
    monkeypatch.setattr(vectors, "_online", lambda *a, **k: False)
    with pytest.raises(ModelUnavailable) as ei:
        vectors.load_vectors("word2vec-google-news-300")
    assert "word2vec-google-news-300" in ei.value.message and "オフライン" in ei.value.message
    assert "gensim.downloader --download word2vec-google-news-300" in ei.value.hint


def test_conversion_to_a_fresh_cache(tmp_path, monkeypatch, chive):
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path))
    kv = vectors.default_vectors()
    meta = json.loads(next(tmp_path.glob("word2vec/chive-*/meta.json")).read_text())
    assert meta["rows"] == 20000 and meta["aliases"] > 400_000
    np.testing.assert_array_equal(kv["猫"], chive["猫"])


def test_cached_resource_loader(chive):
    from core import registry, resources

    kv = resources.word_vectors()
    assert kv is resources.word_vectors()
    assert kv.vector_size == 300
    assert any("chiVe" in m["name"] for m in registry.loaded())


def test_alias_map_is_parsed_once_when_a_class_misses_the_same_word_at_once(tmp_path, monkeypatch):
    """40 students type the same word that is only an alias: the 0.3 s JSON parse runs once,
    not once per thread that arrives before the first parse ends."""
    import json
    import threading
    import types

    from core.word2vec import vectors

    path = tmp_path / "aliases.json"
    path.write_text(json.dumps({"ねこ": "猫"}), encoding="utf-8")
    kv = types.SimpleNamespace(playground_aliases_path=str(path))
    monkeypatch.setattr(vectors, "_alias_cache", {})
    calls, start = [], threading.Barrier(8)
    real_load = json.load

    def slow_load(fh):
        calls.append(1)
        threading.Event().wait(0.05)  # a parse that takes a while, so the threads overlap
        return real_load(fh)

    monkeypatch.setattr(vectors.json, "load", slow_load)
    results = []

    def student():
        start.wait()
        results.append(vectors.alias_map(kv))

    threads = [threading.Thread(target=student) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(calls) == 1 and all(r == {"ねこ": "猫"} for r in results)
