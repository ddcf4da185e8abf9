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
    from core.word2vec import chive as converter

    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path))
    older = converter._chive_target().with_name(converter._chive_target().name.replace(
        f"-v{converter.FORMAT_VERSION}", f"-v{converter.FORMAT_VERSION - 1}"))
    older.mkdir(parents=True)
    (older / "aliases.json").write_text("{}")
    kv = vectors.default_vectors()
    assert not older.exists()  # the older format's folder is removed once the new one is built
    meta = json.loads(next(tmp_path.glob("word2vec/chive-*/meta.json")).read_text())
    assert meta["rows"] == 20000 and meta["aliases"] > 400_000
    np.testing.assert_array_equal(kv["猫"], chive["猫"])


def test_loading_the_shared_vectors_makes_the_lookup_taggers_too(chive, monkeypatch):
    """The first alias-only or Sudachi-normalised word of a lecture must not load a dictionary
    inside the instructor's run while the followers wait: the taggers come with the vectors."""
    from core import resources, text

    monkeypatch.setattr(text, "_taggers", text._Pool(text._make_japanese_tagger))
    monkeypatch.setattr(text, "_sudachis", text._Pool(text._make_sudachi))
    resources.word_vectors.clear()
    try:
        resources.word_vectors()
        assert text._taggers.made == 1 and text._sudachis.made == 1
    finally:
        resources.word_vectors.clear()


def test_cached_resource_loader(chive):
    from core import registry, resources

    kv = resources.word_vectors()
    assert kv is resources.word_vectors()
    assert kv.vector_size == 300
    assert any("chiVe" in m["name"] for m in registry.loaded())


def test_alias_table_looks_up_every_key_and_nothing_else(tmp_path):
    """The written table answers exactly the mapping it was written from (mixed scripts, prefixes
    of one another, one-byte to four-byte UTF-8), in and [] alike."""
    from core.word2vec import aliases

    words = ["猫", "犬", "東京"]
    mapping = {"ねこ": 0, "ネコ": 0, "ねこじゃらし": 1, "a": 2, "ab": 2, "𠮷野家": 2, "Ｃ": 1}
    aliases.write(tmp_path, mapping)
    table = aliases.AliasTable(tmp_path, words)
    assert len(table) == len(mapping) and dict(table) == {k: words[r] for k, r in mapping.items()}
    for key, row in mapping.items():
        assert key in table and table[key] == words[row]
    for missing in ["", "ね", "ねこじ", "b", "猫", "𠮷", "abc", None, 3]:
        assert missing not in table
    with pytest.raises(KeyError):
        table["ねこじ"]


def test_alias_table_is_mapped_not_loaded(chive):
    """460k aliases as a dict cost ≈ 157 MB of heap per process, paid by the first student who
    typed an alias-only word in a long class; the table is memory-mapped files instead."""
    table = vectors.alias_map(chive)
    assert not isinstance(table, dict)
    assert all(isinstance(a, np.memmap) for a in (table.blob, table.offsets, table.rows))
    assert table["白猫"] == "猫"
