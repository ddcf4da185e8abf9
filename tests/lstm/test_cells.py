"""The explicit cells agree with torch.nn.RNN / LSTM / GRU (weights copied) within 1e-5."""
import pytest
import torch

from core.lstm.cells import GATES, Recurrent

TORCH = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("layers,bidirectional", [(1, False), (2, False), (1, True), (2, True)])
@pytest.mark.parametrize("fused", [False, True])
def test_matches_torch(cell, layers, bidirectional, fused):
    torch.manual_seed(0)
    ref = TORCH[cell](3, 5, num_layers=layers, bidirectional=bidirectional, batch_first=True).double()
    ours = Recurrent.like_torch(ref).double()
    x = torch.randn(4, 9, 3, dtype=torch.float64)
    D = 2 if bidirectional else 1
    h0 = torch.randn(layers * D, 4, 5, dtype=torch.float64)
    c0 = torch.randn(layers * D, 4, 5, dtype=torch.float64)
    state = (h0, c0) if cell == "lstm" else h0
    want = ref(x, state)
    got = ours(x, state, fused=fused)
    want_out, want_h = want[0], (want[1][0] if cell == "lstm" else want[1])
    assert got.output.shape == want_out.shape
    assert torch.allclose(got.output, want_out, atol=1e-5)
    assert torch.allclose(got.h_n, want_h, atol=1e-5)
    if cell == "lstm":
        assert torch.allclose(got.c_n, want[1][1], atol=1e-5)
    # zero initial state too
    want0 = ref(x)[0]
    assert torch.allclose(ours(x, fused=fused).output, want0, atol=1e-5)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_float32_within_tolerance_and_gradients_agree(cell):
    torch.manual_seed(1)
    ref = TORCH[cell](2, 8, num_layers=2, bidirectional=True, batch_first=True)
    ours = Recurrent.like_torch(ref)
    x = torch.randn(3, 12, 2)
    a = ours(x, fused=False).output
    b = ref(x)[0]
    assert (a - b).abs().max().item() < 1e-5
    a.pow(2).sum().backward()
    b.pow(2).sum().backward()
    assert torch.allclose(ours.cells[0].W_h.grad, ref.weight_hh_l0.grad, atol=1e-4)
    assert torch.allclose(ours.cells[3].W_x.grad, ref.weight_ih_l1_reverse.grad, atol=1e-4)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_record_traces_gates_in_time_order(cell):
    torch.manual_seed(2)
    model = Recurrent(cell, 1, 4, bidirectional=True)
    x = torch.randn(1, 6, 1)
    out = model(x, record=True)
    assert [tr["direction"] for tr in out.trace] == ["forward", "backward"]
    for tr in out.trace:
        for g in GATES[cell]:
            assert tr[g].shape == (1, 6, 4)
    # forward h in the trace is the first half of the output, backward h the second half
    assert torch.allclose(out.trace[0]["h"], out.output[..., :4])
    assert torch.allclose(out.trace[1]["h"], out.output[..., 4:])
    # the backward direction's last processed step is t = 0: its h there is the final state
    assert torch.allclose(out.trace[1]["h"][:, 0], out.h_n[1])
    if cell in ("lstm", "gru"):
        gate = "f" if cell == "lstm" else "z"
        assert ((out.trace[0][gate] > 0) & (out.trace[0][gate] < 1)).all()


def test_lstm_cell_equations_by_hand():
    """c_t = f ⊙ c_{t−1} + i ⊙ c̃ and h_t = o ⊙ tanh(c_t), with hand-set weights."""
    model = Recurrent("lstm", 1, 1)
    cell = model.cells[0]
    with torch.no_grad():
        cell.W_x.copy_(torch.tensor([[1.0], [0.0], [2.0], [0.0]]))
        cell.W_h.zero_()
        cell.b_x.zero_()
        cell.b_h.copy_(torch.tensor([0.0, 100.0, 0.0, 100.0]))  # f = o = 1
    out = model(torch.tensor([[[1.0]]]), record=True)
    i = torch.sigmoid(torch.tensor(1.0))
    c_tilde = torch.tanh(torch.tensor(2.0))
    assert torch.isclose(out.c_n[0, 0, 0], i * c_tilde)
    assert torch.isclose(out.h_n[0, 0, 0], torch.tanh(i * c_tilde))
    assert torch.isclose(out.trace[0]["c_tilde"][0, 0, 0], c_tilde)  # recorded under its lecture name
