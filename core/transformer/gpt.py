"""mini-GPT: a decoder-only Transformer language model (GPT = the decoder without source–target attention).

    h⁰_t = E[w_t] + PE(t)                                   token embedding + position (``pos``):
        sinusoidal: PE(t) the fixed sin/cos table · learned: PE(t) = P[t], a trained (context × d) table
        rope: no PE added; Q and K of every head are rotated by t·θ_i instead (core.attention.rope)
    hˡ   = Blockˡ(hˡ⁻¹)  with the causal mask (t sees 1 … t)  N pre-LN blocks: [masked self-attention, FFN]
    P(w_{t+1} | w_1 … w_t) = softmax(LN(h^N_t) W_vocab)       LM head

A decoder-only block is the encoder layer of core/transformer/layers.py run under the causal
mask (there is no encoder, so no source–target attention): the stack is ``Encoder`` with
``is_causal=True``. Training predicts every position of a chunk at once (parallel, teacher
forcing); generation feeds one token at a time (autoregressive).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace

import torch
from torch import nn

from core import InputTooLong, InvalidInput, term_en
from core.attention import check_heads, positional_encoding
from core.transformer.layers import Encoder, TransformerConfig

MAX_CONTEXT = 256
MAX_D_MODEL = 256
MAX_GPT_LAYERS = 6
MAX_HEADS = 16
POSITIONS = ("sinusoidal", "learned", "rope")


@dataclass
class GPTConfig:
    vocab_size: int
    context: int = 64  # the longest prefix a position can look at (the PE table's length)
    d_model: int = 64
    h: int = 4
    n_layers: int = 2
    d_ff: int | None = None  # default 4 · d_model
    pos: str = "sinusoidal"  # positional encoding: sinusoidal | learned | rope

    def validated(self) -> "GPTConfig":
        def whole(v, name):
            try:
                return int(v)
            except (TypeError, ValueError):
                raise InvalidInput(f"{name}は整数で指定してください。",
                                   en=f"Give {term_en(name)} as an integer.") from None

        context, d_model = whole(self.context, "文脈の長さ (context)"), whole(self.d_model, "d_model ")
        h, n_layers = whole(self.h, "ヘッド数 h "), whole(self.n_layers, "層の数 (layers) ")
        if context < 2:
            raise InvalidInput(f"文脈の長さ (context) は 2 以上にしてください（{context}）。",
                               en=f"The context length must be at least 2 ({context}).")
        if context > MAX_CONTEXT:
            raise InputTooLong(f"文脈の長さ (context) {context} は長すぎます。この教室用サーバーでは {MAX_CONTEXT} "
                               "までです（注意の計算量は長さの 2 乗で増えます）。",
                               en=f"The context length {context} is too long. This classroom server allows up to {MAX_CONTEXT} "
                                  "(the cost of attention grows with the square of the length).")
        if not 1 <= d_model <= MAX_D_MODEL:
            raise InvalidInput(f"d_model は 1〜{MAX_D_MODEL} にしてください（{d_model}）。",
                               en=f"d_model must be 1–{MAX_D_MODEL} ({d_model}).")
        if not 1 <= h <= MAX_HEADS:
            raise InvalidInput(f"ヘッド数 h は 1〜{MAX_HEADS} にしてください（h = {h}）。",
                               en=f"The number of heads h must be 1–{MAX_HEADS} (h = {h}).")
        check_heads(d_model, h)
        if not 1 <= n_layers <= MAX_GPT_LAYERS:
            raise InvalidInput(f"層の数 (layers) は 1〜{MAX_GPT_LAYERS} にしてください（{n_layers}）。"
                               "層が 0 個では注意も FFN も無く、Transformer になりません。",
                               en=f"The number of layers must be 1–{MAX_GPT_LAYERS} ({n_layers}). "
                                  "With 0 layers there is neither attention nor FFN: no Transformer.")
        if self.pos not in POSITIONS:
            raise InvalidInput(f"位置エンコーディングは {' / '.join(POSITIONS)} から選んでください（{self.pos!r}）。",
                               en=f"Choose the positional encoding from {' / '.join(POSITIONS)} ({self.pos!r}).")
        if self.pos == "rope" and (d_model // h) % 2:
            raise InvalidInput(f"RoPE は d_k = d_model / h が偶数のときだけ使えます（d_k = {d_model // h}）。",
                               en=f"RoPE needs an even d_k = d_model / h (d_k = {d_model // h}).")
        if int(self.vocab_size) < 2:
            raise InvalidInput("語彙が 1 種類しかありません。何種類もの文字が並んだ文章で学習してください。",
                               en="The vocabulary has only one type. Train on text with many different characters.")
        return replace(self, vocab_size=int(self.vocab_size), context=context, d_model=d_model, h=h,
                       n_layers=n_layers)

    def layers(self) -> TransformerConfig:
        return TransformerConfig(d_model=self.d_model, h=self.h, d_ff=self.d_ff, n_layers=self.n_layers,
                                 norm_first=True, rope=self.pos == "rope")

    def as_dict(self) -> dict:
        return asdict(self)


class MiniGPT(nn.Module):
    """Decoder-only Transformer LM: E[w] + PE → N × pre-LN causal block → LN → W_vocab
    (PE sinusoidal or learned; with RoPE nothing is added and the attention rotates Q, K)."""

    def __init__(self, cfg: GPTConfig, dropout: float = 0.0):
        super().__init__()
        self.cfg = cfg = cfg.validated()
        self.drop = nn.Dropout(dropout)  # training only: on h⁰ and on h^N before the LM head
        self.tok_emb = nn.Embedding(cfg.vocab_size, cfg.d_model)
        if cfg.pos == "learned":
            self.pos_emb = nn.Embedding(cfg.context, cfg.d_model)  # P: one trained vector per position
            nn.init.normal_(self.pos_emb.weight, std=0.02)
        pe = positional_encoding(cfg.context, cfg.d_model)
        self.register_buffer("pe", pe if cfg.pos == "sinusoidal" else torch.zeros_like(pe), persistent=False)
        self.blocks = Encoder(cfg.layers())  # ends with ln_f (pre-LN)
        self.lm_head = nn.Linear(cfg.d_model, cfg.vocab_size, bias=False)

    def forward(self, idx: torch.Tensor, *, need_weights: bool = False):
        """idx: (B, T) token ids, T ≤ context → logits (B, T, V) (and the weights (n_layers, B, h, T, T))."""
        T = idx.shape[-1]
        if T > self.cfg.context:
            raise InvalidInput(f"入力が文脈の長さ {self.cfg.context} を超えています（{T} トークン）。",
                               en=f"The input is longer than the context length {self.cfg.context} ({T} tokens).")
        x = self.tok_emb(idx) + self.pe[:T]  # (B, T, d_model); the zero table for learned / rope
        if self.cfg.pos == "learned":
            x = x + self.pos_emb.weight[:T]
        h, weights = self.blocks(self.drop(x), is_causal=True, need_weights=True)  # (B, T, d_model)
        logits = self.lm_head(self.drop(h))  # (B, T, V)
        return (logits, weights) if need_weights else logits

    def n_params(self) -> int:
        return sum(p.numel() for p in self.parameters())
