"""Issue 26 items 11–12 on the word2vec 仕組み tab: the CBOW slide's numbers ([0 1 0 …] × W = [1 13 35],
h₁, h₂, h = (h₁ + h₂)/2 at each step) and the measured cost of a full softmax vs negative sampling."""
import numpy as np

from core.word2vec import cbow
from tests.conftest import assert_no_exception
from tests.word2vec.apptest import open_tab, texts


def test_one_hot_times_the_slides_matrix_picks_row_two():
    x, row = cbow.one_hot_times(cbow.SLIDE_W, 1)
    assert x.tolist() == [0, 1, 0, 0, 0, 0, 0] and row.tolist() == [1, 13, 35]
    assert cbow.SLIDE_W[0].tolist() == [74, 29, 98] and len(x) == cbow.SLIDE_W.shape[0] == cbow.SLIDE_ONEHOT_LEN + 1


def test_negative_sampling_cost_grows_with_v_only_for_the_softmax():
    small, big = cbow.step_cost(100, repeats=3), cbow.step_cost(100_000, repeats=3)
    assert big["softmax"] > 20 * small["softmax"] and big["ratio"] > 10
    assert big["scores_negative"] == small["scores_negative"] == 64 * 6


def test_mechanics_tab_shows_the_slide_h_and_the_measured_cost():
    at = open_tab("w2v.tab.mechanics")
    assert_no_exception(at)
    page = texts(at)
    assert "x = [0 1 0 0 0 0 0] × W = **[1 13 35]**（W の 2 行目）" in page
    assert "[0 1 0 0 0 0] と 6 個ですが、行列は 7 行" in page
    frames = [df.value for df in at.dataframe]
    h = next(f for f in frames if "h = (h₁ + h₂)/2" in f.index)
    assert np.allclose(h.iloc[2].to_numpy(), (h.iloc[0].to_numpy() + h.iloc[1].to_numpy()) / 2)
    before = h.iloc[2].to_numpy().copy()
    at.button(key="w2v_cb_step10").click().run()
    h = next(df.value for df in at.dataframe if "h = (h₁ + h₂)/2" in df.value.index)
    assert not np.allclose(h.iloc[2].to_numpy(), before)  # the numbers follow the training steps
    assert "モデルの中で計算された h と一致" in texts(at)
    at.number_input(key="w2v_slide_row").set_value(1).run()
    assert "**[74 29 98]**" in texts(at)
    at.button(key="w2v_cost__start").click().run()
    assert_no_exception(at)
    rows = at.session_state["w2v_cost_rows"]
    assert [r["V"] for r in rows] == [100, 1_000, 10_000, 100_000]
    assert rows[-1]["softmax"] > rows[-1]["negative"] and "V = 100,000 では softmax" in texts(at)
