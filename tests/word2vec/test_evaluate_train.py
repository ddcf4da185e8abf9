"""Evaluation (pairs → Spearman, analogies → accuracy) and gensim training."""
from __future__ import annotations

import numpy as np
import pytest

from core import InputTooLong, InvalidInput
from core.word2vec import evaluate, sample_corpus, train


def test_pairs_match_gensim_evaluate_word_pairs(tiny_kv, tmp_path):
    csv_text = "word1,word2,score\n猫,犬,9\n猫,子猫,9.5\n猫,東京,1\n王,女王,7\n男,女,6\n東京,大阪,8\n肉,魚,7\nゾウガメ,猫,3\n"
    res = evaluate.evaluate_pairs(tiny_kv, csv_text)
    assert (res.pairs, res.covered) == (8, 7)
    assert res.coverage == pytest.approx(7 / 8)
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("\n".join("\t".join(line.split(",")) for line in csv_text.splitlines()[1:]), encoding="utf-8")
    pearson, spearman, oov = tiny_kv.evaluate_word_pairs(str(tsv), dummy4unknown=False)
    assert res.spearman == pytest.approx(spearman.statistic, abs=1e-6)


def test_pairs_shift_jis_and_tabs(tiny_kv):
    data = "word1\tword2\tscore\n猫\t犬\t9\n猫\t東京\t1\n東京\t大阪\t8\n".encode("cp932")
    res = evaluate.evaluate_pairs(tiny_kv, data)
    assert res.covered == 3 and res.spearman is not None


@pytest.mark.parametrize("data,match", [
    (b"", "空"),
    (b"\x00\x01\x02\x03" * 100, "バイナリ"),
    ("word1,word2,score\n".encode(), "データ行"),
    ("a,b\n猫,犬\n".encode(), "列"),
    ("word1,word2,score\n猫,犬,高い\n".encode(), "数値"),
])
def test_pairs_bad_uploads(tiny_kv, data, match):
    with pytest.raises(InvalidInput, match=match):
        evaluate.evaluate_pairs(tiny_kv, data)


def test_pairs_oversize(tiny_kv):
    with pytest.raises(InputTooLong):
        evaluate.evaluate_pairs(tiny_kv, b"word1,word2,score\n" + b"a,b,1\n" * 1_000_000)


def test_analogies_match_gensim(tiny_kv, tmp_path):
    text = ": family\n男 女 王 女王\n王 女王 男 女\n: cities\n東京 大阪 猫 犬\n東京 大阪 ゾウガメ 犬\n"
    res = evaluate.evaluate_analogies(tiny_kv, text)
    assert (res.questions, res.covered) == (4, 3)
    f = tmp_path / "q.txt"
    f.write_text(text, encoding="utf-8")
    score, sections = tiny_kv.evaluate_word_analogies(str(f), case_insensitive=False)
    assert res.accuracy == pytest.approx(score)
    assert [s["section"] for s in res.sections] == ["family", "cities"]


def test_analogies_bad_file(tiny_kv):
    with pytest.raises(InvalidInput, match="questions-words"):
        evaluate.evaluate_analogies(tiny_kv, "これは問題ではありません\n")


def test_samples_on_chive(chive):
    pairs = evaluate.evaluate_pairs(chive, evaluate.SAMPLE_PAIRS_CSV)
    assert pairs.coverage == 1.0 and pairs.spearman > 0.4
    assert pairs.coverage_exact == 1.0 and pairs.spearman_exact == pairs.spearman  # no phrase means


def test_phrase_mean_pairs_are_reported_apart(chive):
    """A pair whose word is only a phrase mean counts in the 'all pairs' figures, not the exact ones."""
    data = evaluate.SAMPLE_PAIRS_CSV + "黒い子猫と白い子犬,猫,9\n赤い自動車と青い自転車,猫,0\n"
    res = evaluate.evaluate_pairs(chive, data)
    phrase_rows = [r for r in res.rows if r["cosine"] is not None and not r["exact"]]
    assert len(phrase_rows) == 2
    assert res.covered == res.covered_exact + 2
    assert res.coverage_exact < res.coverage
    exact_only = evaluate.evaluate_pairs(chive, evaluate.SAMPLE_PAIRS_CSV)
    assert res.spearman_exact == pytest.approx(exact_only.spearman)
    assert res.spearman != pytest.approx(res.spearman_exact)
    ana = evaluate.evaluate_analogies(chive, evaluate.SAMPLE_ANALOGIES)
    assert ana.accuracy > 0.5


@pytest.fixture(scope="module")
def sample_sents():
    return train.sample_sentences("surface")


def test_sample_corpus_makes_categories_visible(sample_sents):
    """The distributional hypothesis: after training, each category word's nearest neighbour is
    from its own category, and within-category similarity beats between-category similarity."""
    res = train.train(sample_sents, train.TrainConfig(sg=1, epochs=8, workers=1))
    kv = res.kv
    words = [(c, w) for c, ws in sample_corpus.CATEGORIES.items() for w in ws]
    hits = sum(sample_corpus.category_of(kv.most_similar(w, topn=1)[0][0]) == c for c, w in words)
    assert hits / len(words) > 0.9
    assert kv.similarity("猫", "犬") > kv.similarity("猫", "東京") + 0.3


def test_training_progress_stop_and_history(sample_sents):
    seen = []
    res = train.train(sample_sents, train.TrainConfig(sg=0, epochs=5, workers=1),
                      on_progress=lambda s, n, m: seen.append((s, n, m)), should_stop=lambda: len(seen) >= 2)
    assert res.stopped and len(res.history) == 2
    assert seen[0][1] == 5 and {"loss", "words_per_sec"} <= set(seen[0][2])
    assert res.words_per_sec > 0 and res.vocab > 100
    assert "猫" in res.kv.key_to_index and np.isfinite(res.kv.norms).all()


def test_word2vec_text_export_roundtrip(sample_sents, tmp_path):
    from core.word2vec.vectors import load_vectors

    res = train.train(sample_sents[:500], train.TrainConfig(epochs=1, vector_size=10, workers=1))
    f = tmp_path / "v.txt"
    f.write_bytes(train.to_word2vec_text(res.kv))
    assert f.read_text(encoding="utf-8").splitlines()[0] == f"{res.vocab} 10"
    kv = load_vectors(f)
    np.testing.assert_allclose(kv["猫"], res.kv["猫"], atol=1e-5)


@pytest.mark.parametrize("field,value", [("epochs", 0), ("epochs", 1000), ("window", 0), ("vector_size", 5000),
                                         ("negative", 0), ("sg", 2), ("min_count", 0)])
def test_config_limits(field, value):
    cfg = train.TrainConfig(**{field: value})
    with pytest.raises(InvalidInput):
        cfg.validate()


def test_corpus_limits_and_modes():
    with pytest.raises(InvalidInput, match="空"):
        train.tokenize_corpus("   \n ")
    with pytest.raises(InputTooLong):
        train.tokenize_corpus("猫" * 1_000_001)
    with pytest.raises(InputTooLong):
        train.tokenize_corpus("猫が鳴いた。" * 1000, limits=train.Limits(max_tokens=100))
    assert train.tokenize_corpus("猫が走った。", mode="lemma") == [["猫", "が", "走る", "た", "。"]]
    assert train.tokenize_corpus("猫が走った。犬も走った。") == [["猫", "が", "走っ", "た", "。"], ["犬", "も", "走っ", "た", "。"]]


def test_min_count_too_high():
    with pytest.raises(InvalidInput, match="min_count"):
        train.train([["猫", "が", "鳴く"]], train.TrainConfig(min_count=5))
