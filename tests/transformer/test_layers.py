"""EncoderLayer / DecoderLayer checked against torch's own Transformer layers (issue #13)."""
import pytest
import torch
from torch import nn

from core import InvalidInput
from core.attention import causal_mask
from core.transformer import (Decoder, DecoderLayer, Encoder, EncoderLayer, TransformerConfig,
                              allowed)

D, H, FF = 16, 4, 24


def _torch_layer(kind, norm_first, seed=0):
    torch.manual_seed(seed)
    cls = nn.TransformerEncoderLayer if kind == "enc" else nn.TransformerDecoderLayer
    layer = cls(D, H, dim_feedforward=FF, dropout=0.0, batch_first=True, norm_first=norm_first)
    with torch.no_grad():  # non-zero biases and LN gains so every copied tensor matters
        for p in layer.parameters():
            p.add_(0.1 * torch.randn_like(p))
    return layer.eval()


def _masks(kind, T):
    """Each accepted convention of the same causal mask: torch float, torch bool, core bool."""
    if kind == "none":
        return None
    if kind == "torch_float":
        return nn.Transformer.generate_square_subsequent_mask(T)
    if kind == "torch_bool":
        return torch.ones(T, T, dtype=torch.bool).triu(1)
    if kind == "core":
        return allowed(causal_mask(T))
    raise AssertionError(kind)


MASKS = ["none", "torch_float", "torch_bool", "core"]


@pytest.mark.parametrize("norm_first", [False, True])
@pytest.mark.parametrize("mask_kind", MASKS)
def test_encoder_layer_matches_torch(norm_first, mask_kind):
    ref = _torch_layer("enc", norm_first)
    mine = EncoderLayer.from_torch(ref)
    x = torch.randn(3, 7, D, generator=torch.Generator().manual_seed(1))
    mask = _masks(mask_kind, 7)
    torch_mask = nn.Transformer.generate_square_subsequent_mask(7) if mask is not None else None
    with torch.no_grad():
        expected = ref(x, src_mask=torch_mask)
        got = mine(x, mask)
    torch.testing.assert_close(got, expected, atol=1e-5, rtol=1e-5)
    if mask is not None:  # the mask really changes the result
        assert not torch.allclose(got, mine(x).detach(), atol=1e-3)


@pytest.mark.parametrize("norm_first", [False, True])
@pytest.mark.parametrize("mask_kind", MASKS)
def test_decoder_layer_matches_torch(norm_first, mask_kind):
    ref = _torch_layer("dec", norm_first)
    mine = DecoderLayer.from_torch(ref)
    g = torch.Generator().manual_seed(2)
    y, memory = torch.randn(2, 5, D, generator=g), torch.randn(2, 6, D, generator=g)
    tgt_mask = _masks(mask_kind, 5)
    torch_mask = nn.Transformer.generate_square_subsequent_mask(5) if tgt_mask is not None else None
    memory_mask = None
    torch_memory_mask = None
    if mask_kind == "torch_bool":  # hide the last two source positions from every target word
        memory_mask = torch.zeros(5, 6, dtype=torch.bool)
        memory_mask[:, -2:] = True
        torch_memory_mask = memory_mask
    with torch.no_grad():
        expected = ref(y, memory, tgt_mask=torch_mask, memory_mask=torch_memory_mask)
        got = mine(y, memory, tgt_mask, memory_mask)
    torch.testing.assert_close(got, expected, atol=1e-5, rtol=1e-5)


def test_is_causal_equals_explicit_mask():
    layer = EncoderLayer(TransformerConfig(d_model=D, h=H))
    x = torch.randn(2, 6, D)
    with torch.no_grad():
        torch.testing.assert_close(layer(x, is_causal=True), layer(x, nn.Transformer.generate_square_subsequent_mask(6)))


def test_weights_and_trace():
    layer = DecoderLayer(TransformerConfig(d_model=D, h=H, norm_first=False))
    y, memory = torch.randn(5, D), torch.randn(6, D)  # unbatched works too
    trace = []
    out, w = layer(y, memory, tgt_is_causal=True, need_weights=True, trace=trace)
    assert out.shape == (5, D)
    assert w["self"].shape == (H, 5, 5) and w["cross"].shape == (H, 5, 6)
    assert torch.all(w["self"].triu(1) == 0)
    torch.testing.assert_close(w["cross"].sum(-1), torch.ones(H, 5))
    assert [s.key for s in trace] == ["self_attn", "add_1", "ln_1", "cross_attn", "add_2", "ln_2",
                                      "ffn", "add_3", "ln_3"]
    torch.testing.assert_close(trace[-1].value, out)


def test_pre_ln_trace_and_no_residual():
    cfg = TransformerConfig(d_model=D, h=H, norm_first=True)
    layer = EncoderLayer(cfg)
    x = torch.randn(4, D)
    trace = []
    layer(x, trace=trace)
    assert [s.key for s in trace] == ["ln_1", "attn", "add_1", "ln_2", "ffn", "add_2"]
    torch.testing.assert_close(trace[2].value, x + trace[1].value)
    no_res = EncoderLayer(TransformerConfig(d_model=D, h=H, residual=False))
    no_res.load_state_dict(layer.state_dict())
    trace2 = []
    no_res(x, trace=trace2)
    assert [s.key for s in trace2] == ["ln_1", "attn", "ln_2", "ffn"]


@pytest.mark.parametrize("norm_first", [False, True])
def test_stacks_return_weights_of_every_layer(norm_first):
    cfg = TransformerConfig(d_model=D, h=H, n_layers=3, norm_first=norm_first)
    enc, dec = Encoder(cfg), Decoder(cfg)
    x, y = torch.randn(2, 6, D), torch.randn(2, 4, D)
    memory, w_enc = enc(x, need_weights=True)
    out, w_dec = dec(y, memory, tgt_is_causal=True, need_weights=True)
    assert memory.shape == (2, 6, D) and out.shape == (2, 4, D)
    assert w_enc.shape == (3, 2, H, 6, 6)
    assert w_dec["self"].shape == (3, 2, H, 4, 4) and w_dec["cross"].shape == (3, 2, H, 4, 6)
    # a stack is its layers applied in turn
    h = x
    for layer in enc.layers:
        h = layer(h)
    if enc.ln_f is not None:
        h = enc.ln_f(h)
    torch.testing.assert_close(h, memory)


def test_stack_matches_torch_encoder():
    torch.manual_seed(0)
    ref_layer = _torch_layer("enc", False)
    ref = nn.TransformerEncoder(ref_layer, num_layers=2, enable_nested_tensor=False).eval()
    cfg = TransformerConfig(d_model=D, h=H, d_ff=FF, n_layers=2, norm_first=False)
    mine = Encoder(cfg)
    for i in range(2):
        mine.layers[i].load_state_dict(EncoderLayer.from_torch(ref.layers[i]).state_dict())
    x = torch.randn(2, 5, D)
    with torch.no_grad():
        torch.testing.assert_close(mine(x, is_causal=True),
                                   ref(x, mask=nn.Transformer.generate_square_subsequent_mask(5)),
                                   atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("kw, words", [(dict(d_model=30, h=4), "割り切れません"),
                                       (dict(n_layers=0), "1〜"), (dict(h=0), "1 以上")])
def test_bad_configs(kw, words):
    with pytest.raises(InvalidInput, match=words):
        Encoder(TransformerConfig(**kw))


def test_bad_mask_shape_and_activation():
    layer = EncoderLayer(TransformerConfig(d_model=D, h=H))
    with pytest.raises(InvalidInput, match="マスクの形"):
        layer(torch.randn(5, D), torch.zeros(4, 4))
    gelu = nn.TransformerEncoderLayer(D, H, dropout=0.0, batch_first=True, activation="gelu")
    with pytest.raises(InvalidInput, match="ReLU"):
        EncoderLayer.from_torch(gelu)


@pytest.mark.parametrize("norm_first", [False, True])
def test_key_padding_masks_match_torch(norm_first):
    g = torch.Generator().manual_seed(3)
    src_pad = torch.tensor([[False] * 6, [False] * 4 + [True] * 2])  # the 2nd source has 4 words
    tgt_pad = torch.tensor([[False] * 5, [False] * 3 + [True] * 2])
    enc_ref, dec_ref = _torch_layer("enc", norm_first), _torch_layer("dec", norm_first, seed=1)
    enc, dec = EncoderLayer.from_torch(enc_ref), DecoderLayer.from_torch(dec_ref)
    x, y = torch.randn(2, 6, D, generator=g), torch.randn(2, 5, D, generator=g)
    causal = nn.Transformer.generate_square_subsequent_mask(5)
    with torch.no_grad():
        memory = enc(x, key_padding_mask=src_pad)
        torch.testing.assert_close(memory[0], enc_ref(x, src_key_padding_mask=src_pad)[0], atol=1e-5, rtol=1e-5)
        torch.testing.assert_close(memory[1, :4], enc_ref(x, src_key_padding_mask=src_pad)[1, :4], atol=1e-5, rtol=1e-5)
        got, w = dec(y, memory, causal, tgt_key_padding_mask=tgt_pad, memory_key_padding_mask=src_pad,
                     need_weights=True)
        expected = dec_ref(y, memory, tgt_mask=causal, tgt_key_padding_mask=tgt_pad, memory_key_padding_mask=src_pad)
    torch.testing.assert_close(got, expected, atol=1e-5, rtol=1e-5)
    assert torch.all(w["cross"][1, :, :, 4:] == 0)  # padding gets no weight
    assert torch.all(w["self"][1, :, :, 3:] == 0)
