"""core.attention checked numerically against torch's own attention."""
import math

import pytest
import torch
import torch.nn.functional as F

from core import InputTooLong, InvalidInput
from core import attention


@pytest.fixture
def g():
    return torch.Generator().manual_seed(0)


@pytest.mark.parametrize("scale", [True, False])
@pytest.mark.parametrize("causal", [False, True])
def test_scaled_dot_product_matches_torch_sdpa(g, scale, causal):
    Q, K, V = (torch.randn(2, 3, 5, 8, generator=g, dtype=torch.float64) for _ in range(3))
    mask = attention.causal_mask(5) if causal else None
    out, w = attention.scaled_dot_product(Q, K, V, mask=mask, scale=scale)
    ref = F.scaled_dot_product_attention(Q, K, V, attn_mask=mask, scale=None if scale else 1.0)
    torch.testing.assert_close(out, ref)
    assert torch.allclose(w.sum(-1), torch.ones(2, 3, 5, dtype=torch.float64))
    if causal:
        assert torch.all(w[..., 0, 1:] == 0) and torch.all(w.triu(1) == 0)


def test_scaled_dot_product_cross_attention_shapes(g):
    Q = torch.randn(4, 6, generator=g)
    K = torch.randn(7, 6, generator=g)
    V = torch.randn(7, 3, generator=g)
    out, w = attention.scaled_dot_product(Q, K, V)
    assert out.shape == (4, 3) and w.shape == (4, 7)
    torch.testing.assert_close(out, F.scaled_dot_product_attention(Q[None], K[None], V[None])[0])


def test_causal_mask_is_lower_triangular():
    m = attention.causal_mask(4)
    assert m.dtype == torch.bool
    assert m.tolist() == [[True, False, False, False], [True, True, False, False],
                          [True, True, True, False], [True, True, True, True]]
    with pytest.raises(InvalidInput):
        attention.causal_mask(0)


@pytest.mark.parametrize("h", [1, 2, 4, 8])
@pytest.mark.parametrize("causal", [False, True])
def test_multi_head_matches_nn_multihead_attention(h, causal):
    torch.manual_seed(h)
    d_model, n = 16, 5
    mha = torch.nn.MultiheadAttention(d_model, h, bias=True, batch_first=True).double().eval()
    with torch.no_grad():  # non-zero biases so they are checked too
        mha.in_proj_bias.normal_()
        mha.out_proj.bias.normal_()
    x = torch.randn(1, n, d_model, dtype=torch.float64)
    mask = attention.causal_mask(n) if causal else None
    ref_out, ref_w = mha(x, x, x, attn_mask=None if mask is None else ~mask,
                         need_weights=True, average_attn_weights=False)
    Wq, Wk, Wv = mha.in_proj_weight.detach().chunk(3)
    bq, bk, bv = mha.in_proj_bias.detach().chunk(3)
    r = attention.multi_head(x[0], x[0], x[0], Wq.T, Wk.T, Wv.T, mha.out_proj.weight.detach().T, h,
                     b_Q=bq, b_K=bk, b_V=bv, b_O=mha.out_proj.bias.detach(), mask=mask)
    torch.testing.assert_close(r.output, ref_out[0].detach())
    torch.testing.assert_close(r.weights, ref_w[0].detach())
    assert r.heads.shape == (h, n, d_model // h) and r.concat.shape == (n, d_model)


def test_multi_head_one_head_equals_single_attention(g):
    X = torch.randn(4, 6, generator=g, dtype=torch.float64)
    W = [torch.randn(6, 6, generator=g, dtype=torch.float64) for _ in range(4)]
    r = attention.multi_head(X, X, X, *W, 1)
    out, w = attention.scaled_dot_product(X @ W[0], X @ W[1], X @ W[2])
    torch.testing.assert_close(r.output, out @ W[3])
    torch.testing.assert_close(r.weights[0], w)


def test_split_and_merge_heads_round_trip(g):
    x = torch.randn(5, 12, generator=g)
    s = attention.split_heads(x, 3)
    assert s.shape == (3, 5, 4)
    torch.testing.assert_close(s[1], x[:, 4:8])
    torch.testing.assert_close(attention.merge_heads(s), x)


@pytest.mark.parametrize("d_model,h,msg", [(16, 0, "1 以上"), (10, 3, "割り切れません"), (512, -1, "1 以上")])
def test_bad_heads_raise_clear_messages(d_model, h, msg):
    with pytest.raises(InvalidInput, match=msg):
        attention.check_heads(d_model, h)
    with pytest.raises(InvalidInput):
        attention.multi_head_params(d_model, h)


def test_parameter_count_does_not_depend_on_h():
    counts = {h: attention.multi_head_params(512, h)["total"] for h in (1, 2, 4, 8, 16)}
    assert set(counts.values()) == {4 * 512 * 512 + 4 * 512}
    assert attention.multi_head_params(512, 8)["d_k"] == 64
    mha = torch.nn.MultiheadAttention(512, 8)
    assert sum(p.numel() for p in mha.parameters()) == counts[8]


def test_positional_encoding_formula_and_shape():
    pe = attention.positional_encoding(100, 512)
    assert pe.shape == (100, 512)
    pos, i = 7, 3
    assert pe[pos, 2 * i].item() == pytest.approx(math.sin(pos / 10000 ** (2 * i / 512)), abs=1e-6)
    assert pe[pos, 2 * i + 1].item() == pytest.approx(math.cos(pos / 10000 ** (2 * i / 512)), abs=1e-6)
    assert torch.all(pe[0, 0::2] == 0) and torch.all(pe[0, 1::2] == 1)
    assert attention.positional_encoding(5, 7).shape == (5, 7)  # odd d_model works too


def test_positional_encoding_dot_depends_only_on_distance():
    pe = attention.positional_encoding(64, 32, dtype=torch.float64)
    off, d = attention.pe_dot_by_offset(pe, 20)
    assert d[20].item() == pytest.approx(16.0)  # |PE(p)|² = d_model / 2
    assert d[20 + 5].item() == pytest.approx(d[20 - 5].item())
    _, d2 = attention.pe_dot_by_offset(pe, 40)
    assert d2[45].item() == pytest.approx(d[25].item())
    assert d[21] < d[20]
    with pytest.raises(InvalidInput):
        attention.pe_dot_by_offset(pe, 64)


def test_positional_encoding_bad_sizes():
    with pytest.raises(InvalidInput):
        attention.positional_encoding(0, 512)
    with pytest.raises(InputTooLong):
        attention.positional_encoding(100_000, 512)


def test_ffn_is_position_wise(g):
    W1, b1 = torch.randn(4, 8, generator=g), torch.randn(8, generator=g)
    W2, b2 = torch.randn(8, 4, generator=g), torch.randn(4, generator=g)
    x = torch.randn(3, 4, generator=g)
    y = attention.ffn(x, W1, b1, W2, b2)
    lin1, lin2 = torch.nn.Linear(4, 8), torch.nn.Linear(8, 4)
    with torch.no_grad():
        lin1.weight.copy_(W1.T), lin1.bias.copy_(b1), lin2.weight.copy_(W2.T), lin2.bias.copy_(b2)
    torch.testing.assert_close(y, lin2(torch.relu(lin1(x))).detach())
    torch.testing.assert_close(attention.ffn(x[1:2], W1, b1, W2, b2), y[1:2])  # each row alone: same


def test_steps_and_saturation():
    X = attention.standardize(attention.random_token_vectors(["バナナ", "が", "好き", "だ"], 64, seed=1))
    W = attention.projections(64, 64, seed=1)
    s = attention.steps(X, *W)
    torch.testing.assert_close(s.scaled, s.Q @ s.K.T / 8)
    torch.testing.assert_close(s.output, F.scaled_dot_product_attention(s.Q[None], s.K[None], s.V[None])[0])
    # without the 1/√d_k the softmax is much peakier (saturation)
    assert attention.entropy(s.weights_unscaled).mean() < attention.entropy(s.weights).mean()
    assert torch.all(s.hard.sum(-1) == 1)
    torch.testing.assert_close(s.hard_output, s.V[s.weights.argmax(-1)])
    c = attention.steps(X, *W, causal=True)
    assert c.weights[0, 0] == 1 and torch.all(c.weights.triu(1) == 0)
    u = attention.steps(X, *W, scale=False)
    torch.testing.assert_close(u.weights, s.weights_unscaled)


def test_random_vectors_are_seeded_per_token():
    a = attention.random_token_vectors(["猫", "犬", "猫"], 8, seed=3)
    torch.testing.assert_close(a[0], a[2])
    assert not torch.allclose(a[0], a[1])
    b = attention.random_token_vectors(["猫"], 8, seed=4)
    assert not torch.allclose(a[0], b[0])
    torch.testing.assert_close(attention.random_token_vectors(["猫"], 8, seed=3)[0], a[0])


def test_tokens_of_bad_input_and_cap():
    assert attention.tokens_of("バナナが好き").tokens == ["バナナ", "が", "好き"]
    with pytest.raises(InvalidInput):
        attention.tokens_of("   ")
    long = attention.tokens_of("猫 " * 600)
    assert len(long.tokens) == attention.MAX_TOKENS and long.dropped == 600 - attention.MAX_TOKENS
    xss = attention.tokens_of("<img src=x onerror=alert(1)>")
    assert "".join(xss.tokens) == "<imgsrc=xonerror=alert(1)>"


def test_d_k_range():
    with pytest.raises(InvalidInput):
        attention.projections(8, 1)
    with pytest.raises(InvalidInput):
        attention.projections(8, 65)
    Wq, Wk, Wv = attention.projections(300, 2)
    assert Wq.shape == (300, 2) and Wv.shape == (300, 2)
