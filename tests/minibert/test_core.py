"""mini-BERT core: WordPiece vocabulary, the lecture's masking, the MLM training loop, bad
input, Stop, NaN, saving with provenance and loading through every BERT path of the app."""
from __future__ import annotations

import random

import pytest

from core import InvalidInput, TrainingDiverged
from core.bert import pretrain
from core.bert import wordpiece as wp
from tests.minibert.conftest import TINY, small_text


def test_wordpiece_vocab_loads_as_bert_japanese_tokenizer_and_matches_fast_encoding(tmp_path):
    sents = pretrain.sentences_of(small_text(200))[0]
    words = wp.pretokenize(sents)
    vocab = wp.train_vocab(words, 300)
    assert vocab[:5] == ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    assert any(p.startswith("##") for p in vocab)
    tok = wp.load(vocab)
    assert type(tok).__name__ == "BertJapaneseTokenizer" and tok.mask_token_id == 4
    fast = wp.encode_words(vocab, words)
    for s, ids in zip(sents[:40], fast):
        assert tok.convert_tokens_to_ids(tok.tokenize(s)) == ids
    assert all(1 not in ids for ids in fast)  # every character of the text is in the vocabulary


def test_mask_batch_follows_15_percent_and_80_10_10():
    seqs = [[2, *range(10, 50), 3] for _ in range(300)]
    x, labels, att, _ = pretrain.mask_batch(seqs, random.Random(0), mask_id=4, pool=list(range(5, 60)))
    chosen = labels != -100
    assert not chosen[:, 0].any() and not chosen[:, -1].any()  # never [CLS] / [SEP]
    assert chosen.sum(1).eq(6).all()  # round(40 × 0.15)
    n = int(chosen.sum())
    masked = int((x[chosen] == 4).sum())
    kept = int((x[chosen] == labels[chosen]).sum())
    assert 0.75 < masked / n < 0.85 and 0.06 < kept / n < 0.15
    assert (x[~chosen] == __import__("torch").tensor(seqs)[~chosen]).all()
    assert att.all()


def test_pretrain_lowers_the_mlm_loss_and_learns_the_masked_words(trained):
    res, _ = trained
    s = res.summary()
    assert s["mlm_loss_first"] > s["mlm_loss_last"] + 0.5
    assert res.steps == TINY["max_steps"] and not res.stopped
    assert s["val_masked_accuracy"] > 0.05  # far above chance (1 / vocabulary)
    assert s["vocab_size"] == len(res.vocab) and s["params"] > 10_000
    assert [snap["step"] for snap in res.snapshots] == [0, 20, 40]
    assert res.snapshots[0]["predictions"] != res.snapshots[-1]["predictions"]
    assert all(0 <= h["masked_acc"] <= 1 for h in res.history)
    assert not res.model.training


def test_fill_mask_predictions_improve_with_training():
    """The followed sentence 父は昼にカレー[MASK]食べた: from near-uniform guesses at step 0 to
    the object particle を (what every sentence of this shape has there)."""
    cfg = pretrain.PretrainConfig(**{**TINY, "max_steps": 150, "eval_every": 50, "probe": "父は昼にカレー[MASK]食べた。"})
    res = pretrain.pretrain(small_text(600), cfg)
    first, last = res.snapshots[0]["predictions"], res.snapshots[-1]["predictions"]
    assert [s["step"] for s in res.snapshots] == [0, 50, 100, 150]
    assert "を" not in [tok for tok, _ in first] and first[0][1] < 0.02  # untrained: ~1 / vocabulary
    assert "を" in [tok for tok, _ in last[:2]] and dict(last)["を"] > 0.08  # 40× chance


def test_same_seed_same_steps_is_deterministic():
    cfg = dict(TINY, max_steps=8, eval_every=100)
    a = pretrain.pretrain(small_text(100), pretrain.PretrainConfig(**cfg))
    b = pretrain.pretrain(small_text(100), pretrain.PretrainConfig(**cfg))
    assert [h["mlm_loss"] for h in a.history] == [h["mlm_loss"] for h in b.history]


@pytest.mark.parametrize("text, words", [
    ("", "空"),
    ("今日は良い天気です。明日は雨が降るでしょう。", "文が少なすぎます"),
    ("あ" * 5000, "文字の種類が少なすぎます"),
    ("あいうえお。\n" * 500, "文字の種類が少なすぎます"),
    ("今日は良い天気です。\n" * 300, "文が少なすぎます"),  # one sentence repeated
])
def test_bad_text_is_refused_with_a_japanese_message(text, words):
    with pytest.raises(InvalidInput, match=words):
        pretrain.pretrain(text, pretrain.PretrainConfig(**TINY))


def test_five_megabytes_of_text_are_cut_with_a_note():
    big = small_text(4000) * 45
    assert len(big.encode("utf-8")) > 5_000_000
    sents, notes = pretrain.sentences_of(big)
    assert notes and f"{pretrain.MAX_TEXT_CHARS:,}" in notes[0]
    assert sum(len(s) for s in sents) <= pretrain.MAX_TEXT_CHARS


@pytest.mark.parametrize("change, words", [
    (dict(d_model=30, heads=4), "割り切れる"), (dict(layers=0), "層の数"), (dict(seconds=10_000), "学習時間"),
    (dict(probe="マスクのない文。"), r"\[MASK\]"),
])
def test_bad_settings_are_refused(change, words):
    with pytest.raises(InvalidInput, match=words):
        pretrain.pretrain(small_text(100), pretrain.PretrainConfig(**{**TINY, **change}))


def test_a_huge_learning_rate_is_caught_as_divergence():
    with pytest.raises(TrainingDiverged, match="学習率"):
        pretrain.pretrain(small_text(100), pretrain.PretrainConfig(**{**TINY, "lr": 1e6, "max_steps": 200}))


def test_stop_mid_run_keeps_the_partial_model_and_state():
    calls = {"n": 0}

    def should_stop():
        calls["n"] += 1
        return calls["n"] > 3

    state: dict = {}
    seen = []
    res = pretrain.pretrain(small_text(100), pretrain.PretrainConfig(**TINY), should_stop=should_stop, state=state,
                     on_progress=lambda step, total, m: seen.append((step, total, m["mlm_loss"])))
    assert res.stopped and res.steps == 3 and state["result"] is res
    assert [s for s, _, _ in seen] == [1, 2, 3] and all(total == TINY["max_steps"] for _, total, _ in seen)
    assert res.snapshots[-1]["step"] == 3


def test_seconds_bound_training_time():
    cfg = pretrain.PretrainConfig(**{**TINY, "seconds": 1.0, "max_steps": 100_000})
    res = pretrain.pretrain(small_text(100), cfg)
    assert 0 < res.steps < 100_000 and not res.stopped and res.seconds < 30
