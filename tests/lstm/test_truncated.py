"""Truncated BPTT (issue 16 item 7): k in the language-model tab; the gradient reaches exactly
the last k inputs."""
import pytest
import torch

from core import InvalidInput
from core.lstm import truncated
from core.lstm.models import TokenLM
from tests.conftest import assert_no_exception
from tests.lstm.helpers import lstm_app, texts


@pytest.mark.parametrize("k", [5, 12])
def test_gradient_reaches_exactly_k_inputs(k):
    torch.manual_seed(0)
    m = TokenLM("lstm", 20, 8)
    ids = torch.randint(0, 20, (41,))
    g = truncated.gradient_reach(m, ids, k)
    assert g.shape == (40,) and (g[-k:] > 0).all() and (g[:-k] == 0).all()
    assert (truncated.gradient_reach(m, ids, None) > 0).all()  # full BPTT reaches every input
    with pytest.raises(InvalidInput):
        truncated.check_k(1)


def test_lm_tab_k_changes_the_chunks_and_the_reach():
    at = lstm_app("text")
    at.number_input(key="lstm_lm_epochs").set_value(1)
    at.number_input(key="lstm_lm_hidden").set_value(8)
    at.slider(key="lstm_lm_k_bptt").set_value(10)
    at.button(key="lstm_lm__start").click().run()
    assert_no_exception(at)
    assert at.session_state["lstm_lm_run"].seq_len == 10
    assert "直前の 10 入力だけ" in texts(at)
    at.slider(key="lstm_lm_k_bptt").set_value(30)
    at.button(key="lstm_lm__start").click().run()
    assert_no_exception(at)
    table = at.dataframe[0].value
    assert list(table["k"]) == [10, 30] and "秒 / エポック" in table.columns
