"""skip-gram mechanics beside CBOW (issue 16 item 2): the teaching model with arch="skipgram"
and the tab that steps both on the same sentence."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from core import InvalidInput
from core.word2vec import cbow
from tests.conftest import assert_no_exception
from tests.word2vec.apptest import open_tab, texts


def test_skipgram_examples_pair_each_centre_with_both_neighbours():
    toks = [["今日", "は", "朝", "早く"]]
    vocab = cbow.build_vocab(toks)
    inputs, targets = cbow.make_skipgram_examples(toks, vocab)
    ix = {w: i for i, w in enumerate(vocab)}
    assert inputs[:, 0].tolist() == [ix["は"], ix["は"], ix["朝"], ix["朝"]]
    assert targets.tolist() == [ix["今日"], ix["朝"], ix["は"], ix["早く"]]


def test_skipgram_loss_is_the_notes_sum_over_context_positions():
    s = cbow.CBOWState([cbow.LECTURE_TEXT], arch="skipgram")
    m = s.model
    T = len(s.tokens[0]) - 2
    manual = 0.0
    toks = s.tokens[0]
    ix = {w: i for i, w in enumerate(s.vocab)}
    for t in range(1, len(toks) - 1):
        p = torch.softmax(m.W_in[ix[toks[t]]] @ m.W_out, -1)  # h = x_t W_in: one row
        manual = manual - torch.log(p[ix[toks[t - 1]]]) - torch.log(p[ix[toks[t + 1]]])
    torch.testing.assert_close(s.loss(), manual / T)
    assert s.focus_input() == [ix["早く"]] and s.focus_targets() == [ix["朝"], ix["起き"]]
    before = s.history[-1]["loss"]
    s.step(50)
    assert s.history[-1]["loss"] < before
    assert len(s.negative_view(seed=0)) == 1 + s.k


def test_cbow_state_unchanged_by_default():
    s = cbow.CBOWState([cbow.LECTURE_TEXT])
    assert s.arch == "cbow" and s.positions == 1 and len(s.focus_input()) == 2
    with pytest.raises(InvalidInput):
        cbow.CBOWState([cbow.LECTURE_TEXT], arch="glove")


def test_skipgram_tab_steps_both_models():
    at = open_tab("w2v.tab.skipgram")
    assert_no_exception(at)
    body = texts(at)
    assert "skip-gram" in body and "早く" in body and "−log P(朝)" in body
    at.button(key="w2v_sg_step10").click().run()
    assert_no_exception(at)
    states = at.session_state["w2v_sg_states"]
    assert states["cbow"].steps == 10 and states["skipgram"].steps == 10
    losses = [m.value for m in at.metric if m.label == "損失 L"]
    assert len(losses) == 2
    at.button(key="w2v_sg_reset").click().run()
    assert at.session_state["w2v_sg_states"]["skipgram"].steps == 0
    assert np.isfinite(at.session_state["w2v_sg_states"]["skipgram"].history[-1]["loss"])
