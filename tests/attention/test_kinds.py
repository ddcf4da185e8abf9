"""Additive vs dot-product attention explained, and attention as a dictionary (issue 27, items 2–3)."""
import numpy as np
import pytest

from core import InvalidInput
from core.attention import kinds as Kd
from tests.attention.apptest import open_section
from tests.conftest import assert_no_exception


@pytest.mark.parametrize("kind", Kd.KINDS)
def test_param_count_is_the_modules(kind):
    from core.seq2seq.model import Attention

    assert Kd.param_count(kind, 24) == sum(p.numel() for p in Attention(kind, 24).parameters())
    assert Kd.time_per_step(kind, 16, repeats=3) > 0


def test_soft_lookup_turns_hard_as_the_scale_grows():
    K = [[1, 0], [0, 1], [0.7, 0.7]]
    V = [[10, 0], [0, 10], [5, 5]]
    flat = Kd.lookup([0.9, 0.1], K, V, 0.0)
    np.testing.assert_allclose(flat["weights"], [1 / 3] * 3)  # β = 0: the mean of the values
    np.testing.assert_allclose(flat["output"], np.mean(V, axis=0))
    hard = Kd.lookup([0.9, 0.1], K, V, 100.0)
    assert hard["hard_index"] == 0 and hard["weights"][0] > 0.999
    np.testing.assert_allclose(hard["output"], hard["hard_output"], atol=1e-2)
    assert hard["entropy"] < Kd.lookup([0.9, 0.1], K, V, 1.0)["entropy"] < flat["entropy"]
    same = Kd.lookup([0.9, 0.1], K, K, 1.0)  # K = V returns a mix of the keys themselves
    np.testing.assert_allclose(same["output"], same["weights"] @ np.asarray(K, dtype=float))
    with pytest.raises(InvalidInput):
        Kd.lookup([1, 2, 3], K, V)


def test_section_dictionary_and_same_budget_comparison():
    at = open_section("att.tab.kinds")
    assert_no_exception(at)
    soft = at.session_state["att_dict_result"]
    assert soft["hard_index"] == 0 and max(soft["weights"]) < 0.6
    at.select_slider(key="att_dict_scale").set_value(100.0).run()
    hard = at.session_state["att_dict_result"]
    assert max(hard["weights"]) > 0.99
    at.toggle(key="att_dict_same").set_value(True).run()
    assert_no_exception(at)
    same = at.session_state["att_dict_result"]
    np.testing.assert_allclose(same["hard_output"], [1.0, 0.0])  # the best key itself
    table = at.dataframe[0].value  # parameters and time per step
    assert list(table.iloc[:, 1]) == [0, 64 * 64, 2 * 64 * 64 + 2 * 64]
    at.select_slider(key="att_kinds_n").set_value(500)
    at.number_input(key="att_kinds_epochs").set_value(1)
    at.button(key="att_kinds_run__start").click().run()
    assert_no_exception(at)
    trainers = at.session_state["att_kinds_cmp"]
    assert {k: tr.model.config.attention for k, tr in trainers.items()} == {"dot": "dot", "additive": "additive"}
    assert all(tr.result.epochs_run == 1 for tr in trainers.values())
