"""Sequence classification vs per-step labelling (issue 16 item 10) and bidirectional blank
filling at the character level (item 9)."""
from dataclasses import replace

import numpy as np
import pytest
import torch

from core import InvalidInput
from core.lstm import blank, seqtasks
from tests.conftest import assert_no_exception
from tests.lstm.helpers import charts, lstm_app, texts, warnings


def test_majority_labels():
    X, y, steps = seqtasks.majority_data(50, T=7)
    ones = np.cumsum(X[..., 0], axis=1)
    np.testing.assert_array_equal(steps, (ones > np.arange(1, 8) / 2).astype(np.float32))
    np.testing.assert_array_equal(y, steps[:, -1])  # the class is the last step label


def test_classifier_reads_h_N_labeller_every_h_t():
    torch.manual_seed(0)
    cls, lab = seqtasks.SequenceModel("gru", 4, False), seqtasks.SequenceModel("gru", 4, True)
    x = torch.rand(3, 9, 1)
    assert cls(x).shape == (3,) and lab(x).shape == (3, 9)
    lab.rnn.load_state_dict(cls.rnn.state_dict())
    lab.head.load_state_dict(cls.head.state_dict())
    torch.testing.assert_close(lab(x)[:, -1], cls(x))  # same weights: the labeller's last output = h_N's


def test_both_learn_the_task():
    runs = seqtasks.compare_outputs(replace(seqtasks.SEQ_DEFAULTS, epochs=3))
    assert runs["classify"].accuracy() > 0.8 and runs["label"].accuracy() > 0.8


def test_blank_windows_and_fill_errors():
    v = blank.vocabulary()
    X, y = blank.windows("猫が鳴く。", v)
    assert X.shape == (5, 2 * blank.R + 1) and (X[:, blank.R] == v.stoi[blank.BLANK]).all()
    assert v.itos[y[0]] == "猫" and X[0, blank.R + 1] == v.stoi["が"] and X[0, blank.R - 1] == v.stoi[blank.PAD]
    run = blank.BlankRun(False, replace(blank.BLANK_DEFAULTS, epochs=1))
    with pytest.raises(InvalidInput):
        run.fill("猫が鳴く")  # no blank
    with pytest.raises(InvalidInput):
        run.fill("Ω＿")  # a character the corpus never uses


def test_bidirectional_fills_blanks_better():
    runs = blank.compare_blank(replace(blank.BLANK_DEFAULTS, epochs=2))
    assert runs["bi"].model.rnn.bidirectional and not runs["uni"].model.rnn.bidirectional
    assert runs["bi"].accuracy() > runs["uni"].accuracy() + 0.05


def test_seqtasks_tab():
    at = lstm_app("seqtasks")
    assert_no_exception(at)
    assert "h_N" in texts(at)
    at.number_input(key="lstm_seq_epochs").set_value(1)
    at.button(key="lstm_seq__start").click().run()
    assert_no_exception(at)
    assert [m.label for m in at.metric][:2] == ["分類の正解率（系列ごと）", "ラベル付けの正解率（時刻ごと）"]
    assert charts(at) == 1
    at.number_input(key="lstm_blank_epochs").set_value(1)
    at.button(key="lstm_blank__start").click().run()
    assert_no_exception(at)
    assert charts(at) == 3 and "双方向の正解率（検証の文）" in [m.label for m in at.metric]
    at.text_input(key="lstm_blank_text").set_value("猫が鳴く").run()
    assert "ちょうど 1 つ" in warnings(at) + " ".join(str(e.value) for e in at.error)
