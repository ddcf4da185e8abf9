"""Why gradients vanish (issue 16 item 6): σ′ ≤ 0.25, tanh′ ≤ 1, the product of T derivatives,
shown beside the gradient-norm lab with 勾配発散 beside 勾配爆発."""
from __future__ import annotations

import numpy as np
import pytest

from core import InvalidInput
from core.lstm import vanishing
from tests.conftest import assert_no_exception
from tests.lstm.helpers import lstm_app, texts


def test_derivatives_and_their_maxima():
    c = vanishing.derivative_curves()
    assert c["sigmoid"].max() == pytest.approx(0.25) and c["a"][c["sigmoid"].argmax()] == pytest.approx(0)
    assert c["tanh"].max() == pytest.approx(1.0) and c["a"][c["tanh"].argmax()] == pytest.approx(0)
    a = np.array([-1.3, 0.4, 2.0])
    eps = 1e-6  # the formulas are the derivatives (central differences)
    sig = lambda x: 1 / (1 + np.exp(-x))  # noqa: E731
    np.testing.assert_allclose(vanishing.sigmoid_prime(a), (sig(a + eps) - sig(a - eps)) / (2 * eps), rtol=1e-6)
    np.testing.assert_allclose(vanishing.tanh_prime(a), (np.tanh(a + eps) - np.tanh(a - eps)) / (2 * eps), rtol=1e-6)


def test_product_of_T_derivatives():
    p = vanishing.derivative_products(20, w=1.0)
    assert p["sigmoid"][-1] == pytest.approx(0.25 ** 20) and p["tanh"][-1] == pytest.approx(1.0)
    q = vanishing.derivative_products(20, w=1.0, spread=1.0, seed=0)
    assert np.all(np.abs(q["sigmoid"]) <= q["sigmoid_bound"] + 1e-15)  # never above (|w|·0.25)^t
    assert q["tanh"][-1] < 1.0  # away from a = 0, tanh′ < 1 vanishes too
    assert vanishing.derivative_products(20, w=6.0)["sigmoid"][-1] > 1e3  # |w|·0.25 > 1 → explodes
    with pytest.raises(InvalidInput):
        vanishing.derivative_products(0)


def test_gradients_tab_shows_derivatives_and_terms():
    at = lstm_app("gradients")
    assert_no_exception(at)
    assert any("勾配爆発（勾配発散）" in tab.label for tab in at.tabs), [tab.label for tab in at.tabs]
    body = texts(at)
    assert "0.25" in body and "勾配消失 (vanishing)" in body
    metrics = {m.label: m.value for m in at.metric}
    assert {k: metrics.get(k) for k in ("σ′ の最大値", "tanh′ の最大値")} == {"σ′ の最大値": "0.25", "tanh′ の最大値": "1"}
    at.slider(key="lstm_why_w").set_value(6.0).run()
    assert_no_exception(at)
    assert "勾配爆発・勾配発散" in texts(at)
