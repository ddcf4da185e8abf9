"""The Transformer's encoder and decoder layers, assembled from core.attention's parts.

    Encoder layer (post-LN, the 2017 paper)      Encoder layer (pre-LN, the newer notes)
        x = LN(x + MultiHead(x, x, x))               x = x + MultiHead(LN(x), LN(x), LN(x))
        x = LN(x + FFN(x))                           x = x + FFN(LN(x))

    Decoder layer: the same with three sub-layers — masked self-attention over the target y
    (the causal mask hides future words), source–target attention (Q from the decoder, K = V =
    the encoder's output "memory"), FFN — each wrapped in a residual (skip) connection + LN.

MultiHead and FFN are core.attention.multi_head / core.attention.ffn; the weights are stored
the lecture's way round (Q = X W_Q, W_Q is d_model × d_model; the h heads are column blocks of
width d_k = d_model / h). ``from_torch`` copies a torch.nn.TransformerEncoderLayer /
TransformerDecoderLayer (batch_first, ReLU); tests/transformer/test_layers.py checks the outputs
agree within 1e-5.

Masks: a bool mask follows torch's ``attn_mask`` convention (True = hidden), a float mask is
added to the scores (torch's ``nn.Transformer.generate_square_subsequent_mask``: 0 / −∞).
A mask in core.attention's convention (bool, True = may attend, e.g. ``causal_mask(T)``) goes
through ``allowed(mask)``; ``is_causal=True`` builds the causal mask itself. Padding masks
(``key_padding_mask`` …, (B, n_k), True = padding) follow torch too.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import NamedTuple

import torch
from torch import nn

from core import InvalidInput
from core.attention import MultiHead, causal_mask, check_heads, ffn, multi_head

MAX_LAYERS = 12


@dataclass
class TransformerConfig:
    d_model: int = 32
    h: int = 4  # heads; d_k = d_model / h
    d_ff: int | None = None  # FFN width (default 4 · d_model; the paper: 2048 for d_model 512)
    n_layers: int = 2
    norm_first: bool = True  # True = pre-LN, False = post-LN (2017)
    residual: bool = True  # False removes the skip connections (to show why they are there)
    eps: float = 1e-5  # LayerNorm ε
    rope: bool = False  # rotary position embedding on Q and K of self-attention (core.attention.rope)

    def validated(self) -> "TransformerConfig":
        check_heads(self.d_model, self.h)
        n = int(self.n_layers)
        if not 1 <= n <= MAX_LAYERS:
            raise InvalidInput(f"層の数 (layers) は 1〜{MAX_LAYERS} にしてください（{self.n_layers} が指定されました）。"
                               "層が 0 個では Transformer になりません。",
                               en=f"The number of layers must be 1–{MAX_LAYERS} ({self.n_layers} was given). "
                                  "With 0 layers it is no Transformer.")
        d_ff = 4 * int(self.d_model) if self.d_ff is None else int(self.d_ff)
        if d_ff < 1:
            raise InvalidInput(f"FFN の幅 d_ff は 1 以上にしてください（d_ff = {self.d_ff}）。",
                               en=f"The FFN width d_ff must be at least 1 (d_ff = {self.d_ff}).")
        return replace(self, d_model=int(self.d_model), h=int(self.h), d_ff=d_ff, n_layers=n)

    @property
    def d_k(self) -> int:
        return self.d_model // self.h


class Step(NamedTuple):
    """One intermediate value of a layer: ``key`` names the sub-layer step (ln_1, attn, add_1, …)."""

    key: str
    value: torch.Tensor


def allowed(mask: torch.Tensor) -> torch.Tensor:
    """core.attention's bool mask (True = may attend) → an additive float mask (0 / −∞)."""
    return torch.zeros(mask.shape, device=mask.device).masked_fill(~mask.to(torch.bool), float("-inf"))


def _core_mask(mask: torch.Tensor | None, n_q: int, n_k: int, is_causal: bool = False,
               device=None, key_padding_mask: torch.Tensor | None = None) -> torch.Tensor | None:
    """Any accepted mask → what core.attention.masked reads (bool True = attend, or additive float).

    ``key_padding_mask`` (torch's convention: (B, n_k) or (n_k,), True / −∞ = a padding key)
    hides keys per sequence; it is merged into one additive mask (B, 1, n_q, n_k) (1 = every head)."""
    if mask is None and is_causal:
        mask = causal_mask(n_q, device=device)
        m = mask
    elif mask is None:
        m = None
    else:
        if tuple(mask.shape[-2:]) != (n_q, n_k):
            raise InvalidInput(f"マスクの形 {tuple(mask.shape)} が注意の形 ({n_q}, {n_k}) と合いません。",
                               en=f"The mask shape {tuple(mask.shape)} does not match the attention shape ({n_q}, {n_k}).")
        m = mask if mask.is_floating_point() else ~mask.to(torch.bool)  # torch bool: True = hidden
    if key_padding_mask is None:
        return m
    if key_padding_mask.shape[-1] != n_k:
        raise InvalidInput(f"パディングマスクの長さ {key_padding_mask.shape[-1]} がキーの数 {n_k} と合いません。",
                           en=f"The padding mask length {key_padding_mask.shape[-1]} does not match the number of keys {n_k}.")
    pad = key_padding_mask if key_padding_mask.is_floating_point() else allowed(~key_padding_mask.to(torch.bool))
    pad = pad[..., None, None, :]  # (B, 1, 1, n_k): the same keys hidden for every head and query
    if m is None:
        return pad
    return (m if m.is_floating_point() else allowed(m)) + pad


def _weight(rows: int, cols: int) -> nn.Parameter:
    return nn.Parameter(torch.randn(rows, cols) / math.sqrt(rows))  # entries ~ N(0, 1/fan_in)


class MultiHeadAttention(nn.Module):
    """MultiHead(Q, K, V) = Concat(head_1, …, head_h) W^O,  head_i = Attention(Q W_Q^i, K W_K^i, V W_V^i)."""

    def __init__(self, d_model: int, h: int, *, rope: bool = False):
        super().__init__()
        self.h = h
        self.rope = rope
        self.W_Q, self.W_K, self.W_V, self.W_O = (_weight(d_model, d_model) for _ in range(4))
        self.b_Q, self.b_K, self.b_V, self.b_O = (nn.Parameter(torch.zeros(d_model)) for _ in range(4))

    def forward(self, X_q: torch.Tensor, X_kv: torch.Tensor, mask: torch.Tensor | None = None) -> MultiHead:
        # X_q: (…, n_q, d_model), X_kv: (…, n_k, d_model) → output (…, n_q, d_model), weights (…, h, n_q, n_k)
        from core.attention.rope import rotate

        return multi_head(X_q, X_kv, X_kv, self.W_Q, self.W_K, self.W_V, self.W_O, self.h,
                          b_Q=self.b_Q, b_K=self.b_K, b_V=self.b_V, b_O=self.b_O, mask=mask,
                          rotate=rotate if self.rope else None)

    def copy_torch(self, mha: nn.MultiheadAttention) -> None:
        """torch keeps in_proj_weight = [W_Qᵀ; W_Kᵀ; W_Vᵀ] (3·d_model × d_model) and y = x Wᵀ + b."""
        W_q, W_k, W_v = mha.in_proj_weight.detach().chunk(3, dim=0)
        b_q, b_k, b_v = mha.in_proj_bias.detach().chunk(3)
        for name, value in (("W_Q", W_q.T), ("W_K", W_k.T), ("W_V", W_v.T),
                            ("W_O", mha.out_proj.weight.detach().T),
                            ("b_Q", b_q), ("b_K", b_k), ("b_V", b_v), ("b_O", mha.out_proj.bias.detach())):
            getattr(self, name).data.copy_(value)


class FeedForward(nn.Module):
    """FFN(x) = max(0, x W_1 + b_1) W_2 + b_2, the same for every position."""

    def __init__(self, d_model: int, d_ff: int):
        super().__init__()
        self.W_1, self.W_2 = _weight(d_model, d_ff), _weight(d_ff, d_model)
        self.b_1, self.b_2 = nn.Parameter(torch.zeros(d_ff)), nn.Parameter(torch.zeros(d_model))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return ffn(x, self.W_1, self.b_1, self.W_2, self.b_2)

    def copy_torch(self, linear1: nn.Linear, linear2: nn.Linear) -> None:
        self.W_1.data.copy_(linear1.weight.detach().T)
        self.b_1.data.copy_(linear1.bias.detach())
        self.W_2.data.copy_(linear2.weight.detach().T)
        self.b_2.data.copy_(linear2.bias.detach())


class _Layer(nn.Module):
    """Shared by both layers: one sub-layer wrapped in residual + LayerNorm (pre- or post-LN)."""

    cfg: TransformerConfig

    def _sublayer(self, x, ln: nn.LayerNorm, f, i: int, name: str, trace: list | None):
        """pre-LN: x + f(LN(x));  post-LN: LN(x + f(x));  without residual: the '+ x' is dropped."""
        pre = self.cfg.norm_first
        inp = ln(x) if pre else x
        if pre and trace is not None:
            trace.append(Step(f"ln_{i}", inp))
        out, extra = f(inp)
        if trace is not None:
            trace.append(Step(name, out))
        x = x + out if self.cfg.residual else out
        if trace is not None and self.cfg.residual:
            trace.append(Step(f"add_{i}", x))
        if not pre:
            x = ln(x)
            if trace is not None:
                trace.append(Step(f"ln_{i}", x))
        return x, extra

    @staticmethod
    def _config_of(layer: nn.Module) -> TransformerConfig:
        """The TransformerConfig of a torch nn.TransformerEncoderLayer / DecoderLayer (ReLU, batch_first)."""
        act = getattr(layer, "activation", None)
        if act is not None and act is not torch.nn.functional.relu and not isinstance(act, nn.ReLU):
            raise InvalidInput("活性化関数が ReLU の層だけコピーできます（FFN(x) = max(0, xW_1 + b_1) W_2 + b_2）。",
                               en="Only layers with the ReLU activation can be copied (FFN(x) = max(0, xW_1 + b_1) W_2 + b_2).")
        if not getattr(layer.self_attn, "batch_first", False):
            raise InvalidInput("batch_first=True の torch の層だけコピーできます（x は (batch, n, d_model)）。",
                               en="Only torch layers with batch_first=True can be copied (x is (batch, n, d_model)).")
        mha = layer.self_attn
        return TransformerConfig(d_model=mha.embed_dim, h=mha.num_heads, d_ff=layer.linear1.out_features,
                                 n_layers=1, norm_first=bool(layer.norm_first), eps=layer.norm1.eps)


class EncoderLayer(_Layer):
    """x → [self-attention, FFN], each sub-layer inside a residual connection + LayerNorm."""

    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.cfg = cfg = cfg.validated()
        self.attn = MultiHeadAttention(cfg.d_model, cfg.h, rope=cfg.rope)
        self.ffn = FeedForward(cfg.d_model, cfg.d_ff)
        self.ln_1 = nn.LayerNorm(cfg.d_model, eps=cfg.eps)
        self.ln_2 = nn.LayerNorm(cfg.d_model, eps=cfg.eps)

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None = None, *, is_causal: bool = False,
                key_padding_mask: torch.Tensor | None = None, need_weights: bool = False,
                trace: list | None = None):
        """x: (…, n, d_model) → (…, n, d_model); with ``need_weights`` also the weights (…, h, n, n).
        ``key_padding_mask`` (B, n): True = padding. ``trace`` (a list) receives every
        intermediate Step (ln_1, attn, add_1, ln_2, ffn, add_2)."""
        n = x.shape[-2]
        m = _core_mask(mask, n, n, is_causal, x.device, key_padding_mask)

        def attend(a):
            mh = self.attn(a, a, m)
            return mh.output, mh.weights

        x, weights = self._sublayer(x, self.ln_1, attend, 1, "attn", trace)
        x, _ = self._sublayer(x, self.ln_2, lambda a: (self.ffn(a), None), 2, "ffn", trace)
        return (x, weights) if need_weights else x

    @classmethod
    def from_torch(cls, layer: nn.TransformerEncoderLayer) -> "EncoderLayer":
        self, mha = cls(cls._config_of(layer)), layer.self_attn
        with torch.no_grad():
            self.attn.copy_torch(mha)
            self.ffn.copy_torch(layer.linear1, layer.linear2)
            self.ln_1.load_state_dict(layer.norm1.state_dict())
            self.ln_2.load_state_dict(layer.norm2.state_dict())
        return self.to(mha.in_proj_weight.dtype)


class DecoderLayer(_Layer):
    """y → [masked self-attention, source–target attention over ``memory``, FFN], each with residual + LN."""

    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.cfg = cfg = cfg.validated()
        self.self_attn = MultiHeadAttention(cfg.d_model, cfg.h)
        self.cross_attn = MultiHeadAttention(cfg.d_model, cfg.h)
        self.ffn = FeedForward(cfg.d_model, cfg.d_ff)
        self.ln_1, self.ln_2, self.ln_3 = (nn.LayerNorm(cfg.d_model, eps=cfg.eps) for _ in range(3))

    def forward(self, y: torch.Tensor, memory: torch.Tensor, tgt_mask: torch.Tensor | None = None,
                memory_mask: torch.Tensor | None = None, *, tgt_is_causal: bool = False,
                tgt_key_padding_mask: torch.Tensor | None = None,
                memory_key_padding_mask: torch.Tensor | None = None,
                need_weights: bool = False, trace: list | None = None):
        """y: (…, T, d_model), memory: (…, S, d_model) → (…, T, d_model); with ``need_weights``
        also {"self": (…, h, T, T), "cross": (…, h, T, S)}. Padding masks (B, T) / (B, S): True =
        padding. ``trace`` receives ln_1, self_attn, add_1, ln_2, cross_attn, add_2, ln_3, ffn, add_3."""
        T, S = y.shape[-2], memory.shape[-2]
        m_self = _core_mask(tgt_mask, T, T, tgt_is_causal, y.device, tgt_key_padding_mask)
        m_cross = _core_mask(memory_mask, T, S, key_padding_mask=memory_key_padding_mask)

        def self_attend(a):
            mh = self.self_attn(a, a, m_self)
            return mh.output, mh.weights

        def cross_attend(a):  # Q from the decoder, K = V = the encoder's output
            mh = self.cross_attn(a, memory, m_cross)
            return mh.output, mh.weights

        y, w_self = self._sublayer(y, self.ln_1, self_attend, 1, "self_attn", trace)
        y, w_cross = self._sublayer(y, self.ln_2, cross_attend, 2, "cross_attn", trace)
        y, _ = self._sublayer(y, self.ln_3, lambda a: (self.ffn(a), None), 3, "ffn", trace)
        return (y, {"self": w_self, "cross": w_cross}) if need_weights else y

    @classmethod
    def from_torch(cls, layer: nn.TransformerDecoderLayer) -> "DecoderLayer":
        self, mha = cls(cls._config_of(layer)), layer.self_attn
        with torch.no_grad():
            self.self_attn.copy_torch(mha)
            self.cross_attn.copy_torch(layer.multihead_attn)
            self.ffn.copy_torch(layer.linear1, layer.linear2)
            for mine, theirs in ((self.ln_1, layer.norm1), (self.ln_2, layer.norm2), (self.ln_3, layer.norm3)):
                mine.load_state_dict(theirs.state_dict())
        return self.to(mha.in_proj_weight.dtype)


class Encoder(nn.Module):
    """N × EncoderLayer; pre-LN stacks end with one more LayerNorm (the residual stream is never
    normalised inside the layers)."""

    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.cfg = cfg = cfg.validated()
        self.layers = nn.ModuleList(EncoderLayer(cfg) for _ in range(cfg.n_layers))
        self.ln_f = nn.LayerNorm(cfg.d_model, eps=cfg.eps) if cfg.norm_first else None

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None = None, *, is_causal: bool = False,
                key_padding_mask: torch.Tensor | None = None, need_weights: bool = False):
        """x: (…, n, d_model) → (…, n, d_model); with ``need_weights`` also the attention weights
        of every layer and head, stacked: (n_layers, …, h, n, n)."""
        weights = []
        for layer in self.layers:
            x, w = layer(x, mask, is_causal=is_causal, key_padding_mask=key_padding_mask, need_weights=True)
            weights.append(w)
        if self.ln_f is not None:
            x = self.ln_f(x)
        return (x, torch.stack(weights)) if need_weights else x


class Decoder(nn.Module):
    """N × DecoderLayer (+ a final LayerNorm for pre-LN)."""

    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.cfg = cfg = cfg.validated()
        self.layers = nn.ModuleList(DecoderLayer(cfg) for _ in range(cfg.n_layers))
        self.ln_f = nn.LayerNorm(cfg.d_model, eps=cfg.eps) if cfg.norm_first else None

    def forward(self, y: torch.Tensor, memory: torch.Tensor, tgt_mask: torch.Tensor | None = None,
                memory_mask: torch.Tensor | None = None, *, tgt_is_causal: bool = False,
                tgt_key_padding_mask: torch.Tensor | None = None,
                memory_key_padding_mask: torch.Tensor | None = None, need_weights: bool = False):
        """y: (…, T, d_model), memory: (…, S, d_model) → (…, T, d_model); with ``need_weights`` also
        {"self": (n_layers, …, h, T, T), "cross": (n_layers, …, h, T, S)} (cross = source–target attention)."""
        w_self, w_cross = [], []
        for layer in self.layers:
            y, w = layer(y, memory, tgt_mask, memory_mask, tgt_is_causal=tgt_is_causal,
                         tgt_key_padding_mask=tgt_key_padding_mask,
                         memory_key_padding_mask=memory_key_padding_mask, need_weights=True)
            w_self.append(w["self"])
            w_cross.append(w["cross"])
        if self.ln_f is not None:
            y = self.ln_f(y)
        return (y, {"self": torch.stack(w_self), "cross": torch.stack(w_cross)}) if need_weights else y
