"""core/bert/baseline.py: features, the model's formula, metrics, training, prediction."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from core import InvalidInput, OutOfVocabulary
from core.bert import baseline
from core.metrics import metrics_from

from .conftest import NEG, POS


def test_featurize_is_mean_of_found_vectors(tiny_kv):
    f = baseline.featurize(tiny_kv, ["部屋が良いです。", "ぜんぜん知らないxyz", "最悪"])
    expected = np.mean([tiny_kv[w] for w in ["部屋", "が", "良い", "です"]], axis=0)
    np.testing.assert_allclose(f.X[0], expected, rtol=1e-6)
    assert not f.X[1].any() and f.empty_sentences == 1  # nothing found → x̄ = 0
    np.testing.assert_allclose(f.X[2], tiny_kv["最悪"])
    assert f.n_found == 5 and f.n_tokens > f.n_found
    assert 0 < f.coverage < 1


def test_lookup_uses_word2vec_fallbacks(tiny_kv):
    # typed コンピュータ, vocabulary has the Sudachi normalised form コンピューター (as on the word2vec page)
    from core.text import sudachi_normalize

    if sudachi_normalize("コンピュータ") != "コンピューター":
        pytest.skip("Sudachi dictionary not installed")
    hits = baseline.sentence_tokens(tiny_kv, "コンピュータが良い")
    assert [(h.surface, h.key) for h in hits][0] == ("コンピュータ", "コンピューター")
    # punctuation is dropped, not counted as missing
    assert [h.surface for h in baseline.sentence_tokens(tiny_kv, "良い。")] == ["良い"]


@pytest.mark.parametrize("hidden", [0, 5])
def test_model_matches_formula(hidden):
    torch.manual_seed(0)
    model = baseline.build_model(8, 3, hidden)
    x = torch.randn(4, 8)
    if hidden:
        h = torch.relu(x @ model.W_1.weight.T + model.W_1.bias)
        expected = h @ model.W_2.weight.T + model.W_2.bias
    else:
        assert isinstance(model.W, torch.nn.Linear) and model.W.weight.shape == (3, 8)
        expected = x @ model.W.weight.T + model.W.bias
    torch.testing.assert_close(model(x), expected)


def test_metrics_match_sklearn():
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 50)
    p = np.where(rng.random(50) < 0.6, y, rng.integers(0, 3, 50))
    m = metrics_from(y, p, ["a", "b", "c"])
    assert m.accuracy == pytest.approx(accuracy_score(y, p))
    assert m.macro_f1 == pytest.approx(f1_score(y, p, average="macro"))
    assert m.confusion == confusion_matrix(y, p, labels=[0, 1, 2]).tolist()
    assert sum(c["support"] for c in m.per_class) == 50


def test_training_learns_and_reports_progress(tiny_kv, toy_data):
    seen = []
    r = baseline.train_baseline(toy_data, tiny_kv, epochs=15, lr=0.05, batch_size=8,
                         on_progress=lambda s, n, m: seen.append((s, n, m)))
    assert [s for s, _, _ in seen] == list(range(1, 16)) and seen[0][1] == 15
    assert {"loss", "train_acc", "dev_acc", "dev_loss"} <= set(seen[0][2])
    assert r.history[-1]["loss"] < r.history[0]["loss"]
    assert r.test.accuracy == 1.0 and r.majority_rate == pytest.approx(0.5)
    assert r.train_examples == len(toy_data.train) and r.token_coverage > 0.5
    s = r.summary()
    assert list(s)[:5] == ["test_accuracy", "macro_f1", "train_examples", "seconds", "token_coverage"]
    assert r.config["split"] == toy_data.split_id()


def test_hidden_layer_and_sgd(tiny_kv, toy_data):
    r = baseline.train_baseline(toy_data, tiny_kv, epochs=30, lr=0.5, batch_size=16, hidden=16, optimizer="sgd")
    assert r.model.hidden == 16 and r.test.accuracy >= 0.8


def test_same_seed_same_result(tiny_kv, toy_data):
    a = baseline.train_baseline(toy_data, tiny_kv, epochs=3, seed=3)
    b = baseline.train_baseline(toy_data, tiny_kv, epochs=3, seed=3)
    assert a.history == b.history


def test_stop_keeps_partial_model(tiny_kv, toy_data):
    calls = {"n": 0}

    def should_stop():
        calls["n"] += 1
        return calls["n"] > 12  # a few mini-batches, then stop

    r = baseline.train_baseline(toy_data, tiny_kv, epochs=50, batch_size=4, should_stop=should_stop)
    assert r.stopped and 1 <= len(r.history) < 50
    assert r.test.n == len(toy_data.test)


@pytest.mark.parametrize("kw", [dict(epochs=0), dict(epochs=10_000), dict(lr=0), dict(lr=float("nan")),
                                dict(batch_size=0), dict(hidden=-1), dict(optimizer="rmsprop")])
def test_bad_config(tiny_kv, toy_data, kw):
    with pytest.raises(InvalidInput):
        baseline.train_baseline(toy_data, tiny_kv, **kw)


def test_predict_probabilities_and_words(tiny_kv, toy_data):
    r = baseline.train_baseline(toy_data, tiny_kv, epochs=15, lr=0.05, batch_size=8)
    pos = baseline.predict(r, tiny_kv, f"ホテルが{POS[0]}です")
    neg = baseline.predict(r, tiny_kv, f"料理が{NEG[1]}でした")
    assert pos.label == "positive (1)" and neg.label == "negative (-1)"
    assert sum(pos.scores.values()) == pytest.approx(1.0, abs=1e-5)
    miss = baseline.predict(r, tiny_kv, "ホテルが未知語ですね")
    assert any(not h.found for h in miss.tokens) and 0 < miss.coverage < 1
    with pytest.raises(OutOfVocabulary):
        baseline.predict(r, tiny_kv, "xyzzy")
    with pytest.raises(InvalidInput):
        baseline.predict(r, tiny_kv, "   ")
    rows = baseline.predict_many(r, tiny_kv, [f"部屋が{POS[1]}", "xyzzy"])
    assert rows[0]["label"] == "positive (1)" and rows[1]["label"] is None


def test_no_known_words_at_all(tiny_kv):
    from core.bert import data as bert_data

    body = "\n".join(f"xyz{i},{1 if i % 2 else -1}" for i in range(20))
    d = bert_data.load_labelled(("x.csv", body.encode()))
    with pytest.raises(OutOfVocabulary):
        baseline.train_baseline(d, tiny_kv, epochs=1)


def test_comparison_rows(tiny_kv, toy_data):
    r = baseline.train_baseline(toy_data, tiny_kv, epochs=2)
    row = baseline.baseline_row(r)
    assert row["accuracy"] == r.test.accuracy and row["split"] == toy_data.split_id()
    bert = baseline.comparison_row("BERT", 0.9, 0.8, 100.0, train_examples=10, split=toy_data.split_id())
    assert set(bert) == set(row)

