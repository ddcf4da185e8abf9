"""Peephole LSTM (issue 16 item 5): autograd gradients agree with finite differences, and with
the peepholes at zero (or switched off) it is the current LSTM."""
import pytest
import torch

from core.lstm.cells import LSTMCell, Recurrent
from core.lstm.train import ForecastRun, RNNConfig


def _peephole_model(seed=0):
    torch.manual_seed(seed)
    m = Recurrent("lstm", 2, 3, peephole=True).double()
    with torch.no_grad():
        for p in (m.cells[0].p_in, m.cells[0].p_for, m.cells[0].p_out):
            p.uniform_(-1, 1)  # non-zero peepholes, so their terms are exercised
    return m


def test_peephole_gradients_match_finite_differences():
    m = _peephole_model()
    x = torch.randn(2, 5, 2, dtype=torch.float64, requires_grad=True)
    h0 = torch.randn(1, 2, 3, dtype=torch.float64, requires_grad=True)
    c0 = torch.randn(1, 2, 3, dtype=torch.float64, requires_grad=True)
    def by_inputs(x, h0, c0):
        r = m(x, (h0, c0))
        return r.output, r.c_n

    assert torch.autograd.gradcheck(by_inputs, (x, h0, c0))
    # the parameters (W, R, b, p_in, p_for, p_out): gradcheck through a functional call
    from torch.func import functional_call

    names = [n for n, _ in m.named_parameters()]
    values = tuple(p.detach().clone().requires_grad_() for p in m.parameters())
    xs = x.detach()

    def by_params(*vals):
        r = functional_call(m, dict(zip(names, vals)), (xs, (h0.detach(), c0.detach())))
        return r.output.pow(2).sum() + r.c_n.sum()

    assert {"cells.0.p_in", "cells.0.p_for", "cells.0.p_out"} <= set(names)
    assert torch.autograd.gradcheck(by_params, values)


def test_peephole_terms_change_the_output():
    m = _peephole_model()
    x = torch.randn(1, 6, 2, dtype=torch.float64)
    plain = Recurrent("lstm", 2, 3).double()
    plain.cells[0].load_state_dict({k: v for k, v in m.cells[0].state_dict().items() if not k.startswith("p_")})
    assert not torch.allclose(m(x).output, plain(x, fused=False).output)


@pytest.mark.parametrize("fused", [False, True])
def test_zero_peepholes_equal_the_current_lstm(fused):
    torch.manual_seed(3)
    ref = torch.nn.LSTM(2, 4, batch_first=True).double()
    plain = Recurrent.like_torch(ref).double()
    peep = Recurrent("lstm", 2, 4, peephole=True).double().copy_from_torch(ref)  # p_* start at 0
    x = torch.randn(3, 7, 2, dtype=torch.float64)
    a, b = plain(x, fused=fused), peep(x, fused=fused)
    assert torch.allclose(a.output, b.output, atol=1e-12) and torch.allclose(a.c_n, b.c_n, atol=1e-12)
    assert torch.allclose(b.output, ref(x)[0], atol=1e-10)


def test_peephole_is_an_lstm_option_and_trains():
    with pytest.raises(ValueError):
        Recurrent("gru", 1, 2, peephole=True)
    assert not LSTMCell(1, 2).peephole
    from core.lstm.data import make_series, make_windows

    run = ForecastRun(make_windows(make_series("sine"), 20), RNNConfig(cell="lstm", hidden=4, epochs=2,
                                                                         peephole=True))
    assert run.model.rnn.peephole and hasattr(run.model.rnn.cells[0], "p_out")
    run.fit()
    assert run.epochs_done == 2 and run.model.rnn.cells[0].p_out.abs().sum() > 0  # the peepholes learn


def test_peephole_equations_by_hand():
    """One step in the notes' notation: i, f look at c_{t−1}; o looks at the new c_t."""
    m = Recurrent("lstm", 1, 1, peephole=True)
    cell = m.cells[0]
    with torch.no_grad():
        cell.W_x.copy_(torch.tensor([[0.5], [-0.3], [0.8], [0.2]]))  # W_i, W_f, W_z, W_o
        cell.W_h.zero_(), cell.b_x.zero_(), cell.b_h.zero_()
        cell.p_in.fill_(0.7), cell.p_for.fill_(-0.4), cell.p_out.fill_(1.5)
    x, c_prev = torch.tensor(1.0), torch.tensor(2.0)
    out = m(x.view(1, 1, 1), (torch.zeros(1, 1, 1), c_prev.view(1, 1, 1)))
    s = torch.sigmoid
    z = torch.tanh(0.8 * x)
    i = s(0.5 * x + 0.7 * c_prev)
    f = s(-0.3 * x - 0.4 * c_prev)
    c = z * i + c_prev * f
    o = s(0.2 * x + 1.5 * c)  # p_out ⊙ c_t, the new cell
    assert torch.isclose(out.c_n[0, 0, 0], c) and torch.isclose(out.h_n[0, 0, 0], torch.tanh(c) * o)
