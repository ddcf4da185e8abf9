"""The tiny CBOW: the lecture's formulas checked numerically against torch's own layers."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from core import InvalidInput
from core.word2vec import cbow


def test_lecture_sentence_tokenized_live():
    assert cbow.lecture_tokens() == ["今日", "は", "朝", "早く", "起き", "まし", "た", "。"]


def test_one_hot_times_W_in_picks_a_row():
    m = cbow.CBOW(8, 3, seed=1)
    x = torch.nn.functional.one_hot(torch.tensor([1]), 8).float()  # [0 1 0 0 0 0 0 0]
    torch.testing.assert_close(x @ m.W_in, m.W_in[1:2])


def test_forward_matches_embedding_mean_linear():
    m = cbow.CBOW(8, 3, seed=0)
    emb = torch.nn.Embedding(8, 3)
    lin = torch.nn.Linear(3, 8, bias=False)
    with torch.no_grad():
        emb.weight.copy_(m.W_in)
        lin.weight.copy_(m.W_out.T)
    ctx = torch.tensor([[2, 4], [0, 1]])
    want = lin(emb(ctx).mean(dim=1))
    torch.testing.assert_close(m.scores(ctx), want)
    h = (m.W_in[2] + m.W_in[4]) / 2  # h = (h1 + h2) / 2
    torch.testing.assert_close(m.hidden(ctx)[0], h)


def test_softmax_loss_is_mean_negative_log_probability():
    m = cbow.CBOW(8, 3, seed=0)
    ctx, tgt = torch.tensor([[2, 4], [0, 1], [3, 5]]), torch.tensor([3, 2, 4])
    p = torch.softmax(m.scores(ctx), -1)
    manual = -torch.log(p[torch.arange(3), tgt]).mean()
    torch.testing.assert_close(m.softmax_loss(ctx, tgt), manual)


def test_negative_sampling_loss_by_hand():
    m = cbow.CBOW(8, 3, seed=0)
    ctx, tgt, neg = torch.tensor([[2, 4]]), torch.tensor([3]), torch.tensor([[0, 6]])
    h = m.hidden(ctx)[0]
    s = torch.sigmoid
    manual = -torch.log(s(h @ m.W_out[:, 3])) - torch.log(s(-h @ m.W_out[:, 0])) - torch.log(s(-h @ m.W_out[:, 6]))
    torch.testing.assert_close(m.negative_sampling_loss(ctx, tgt, neg), manual)


def test_steps_raise_probability_of_hayaku():
    st = cbow.CBOWState([cbow.LECTURE_TEXT], lr=1.0)
    assert st.vocab == cbow.lecture_tokens() and tuple(st.W_in().shape) == (8, 3)
    a, t, b = st.focus()
    assert (st.vocab[a], st.vocab[t], st.vocab[b]) == ("朝", "早く", "起き")
    p0, l0 = st.history[-1]["p_correct"], st.history[-1]["loss"]
    st.step(1)
    assert st.steps == 1 and st.history[-1]["loss"] < l0
    st.step(40)
    assert st.history[-1]["p_correct"] > max(0.5, p0)


def test_negative_sampling_training_and_view():
    st = cbow.CBOWState(cbow.SMALL_CORPUS, objective="negative", k=3, lr=1.0)
    l0 = st.history[-1]["loss"]
    st.step(30)
    assert st.history[-1]["loss"] < l0
    rows = st.negative_view(seed=0)
    assert len(rows) == 4 and rows[0]["label"] == 1 and all(r["label"] == 0 for r in rows[1:])
    assert all(r["word"] != "早く" for r in rows[1:])
    table = cbow.unigram_table(st.tokens, st.vocab)
    np.testing.assert_allclose(table["noise"], table["count"] ** 0.75 / (table["count"] ** 0.75).sum())
    # ^0.75 flattens the distribution: rare words are drawn more often than by raw frequency
    rare = int(np.argmin(table["count"]))
    assert table["noise"][rare] > table["unigram"][rare]


@pytest.mark.parametrize("kwargs", [dict(sentences=[]), dict(sentences=["猫"]), dict(sentences=["今日は朝早く起きました。"], hidden=0),
                                    dict(sentences=["今日は朝早く起きました。"], objective="x"),
                                    dict(sentences=["今日は朝早く起きました。"] * 21)])
def test_bad_inputs(kwargs):
    with pytest.raises(InvalidInput):
        cbow.CBOWState(**kwargs)
