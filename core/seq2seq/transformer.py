"""Transformer encoder–decoder (T5-style text to text) for the seq2seq page, built from
core/transformer/layers.py and fitted to the RNN model's interface (encode / step / forward /
greedy_batch), so the same Trainer, greedy / beam decoder and checkpoint code serve both.

    x⁰_s = E_src[x_s] · √d_model + PE(s)                 source embedding + sinusoidal position
    memory = Encoder(x⁰)                                 N × [self-attention, FFN] (pre-LN)
    y⁰_t = E_tgt[y_{t−1}] · √d_model + PE(t)             the previous output word (<s> first)
    h_t = Decoder(y⁰_{≤t}, memory)                       N × [masked self-attention,
                                                               source–target attention, FFN]
    p(y_t | y_<t, x) = softmax(W_out h_t)

Training (teacher forcing) predicts every target position at once under the causal mask
(position t sees y_<t only); decoding feeds one token at a time. The decoder "state" of one
step is the prefix y_<t itself, time-major (t, B) so that beam search reorders it along dim 1
like an RNN state; each step re-runs the decoder over the prefix (no key/value cache: the
outputs here are a few dozen tokens). hidden = d_model; the RNN's ``emb`` is not used.
"""
from __future__ import annotations

import math

import torch
from torch import nn

from core.attention import MAX_PE_LEN, positional_encoding
from core.seq2seq.data import BOS_ID, EOS_ID, PAD_ID, Vocab
from core.seq2seq.model import Seq2SeqConfig, source_mask
from core.transformer.layers import Decoder, Encoder, TransformerConfig

LR = 2e-3  # Adam's learning rate of the measured date model (no warm-up; there with --lr-decay to LR/10)


class TransformerSeq2Seq(nn.Module):
    """Encoder–decoder Transformer with the Seq2Seq interface; ``config.cell == "transformer"``,
    d_model = config.hidden, h = config.heads, N = config.layers (pre-LN, d_ff = 4 · d_model)."""

    def __init__(self, config: Seq2SeqConfig, src_vocab: Vocab, tgt_vocab: Vocab, meta: dict | None = None):
        super().__init__()
        if config.cell != "transformer":
            raise ValueError(config.cell)
        self.config = config
        self.src_vocab, self.tgt_vocab = src_vocab, tgt_vocab
        self.meta = dict(meta or {})
        d = config.hidden
        layers = TransformerConfig(d_model=d, h=config.heads, n_layers=config.layers, norm_first=True)
        self.src_emb = nn.Embedding(config.src_vocab, d, padding_idx=PAD_ID)
        self.tgt_emb = nn.Embedding(config.tgt_vocab, d, padding_idx=PAD_ID)
        for emb in (self.src_emb, self.tgt_emb):  # E ~ N(0, 1/d_model): E·√d_model has unit scale, like PE
            nn.init.normal_(emb.weight, std=d ** -0.5)
            emb.weight.data[PAD_ID] = 0
        self.encoder = Encoder(layers)
        self.decoder = Decoder(layers)
        self.W_out = nn.Linear(d, config.tgt_vocab)
        n_pos = max(int(self.meta.get("max_src_len", 0)), 2 * int(self.meta.get("max_tgt_len", 50)) + 6, 64)
        self.register_buffer("pe", positional_encoding(min(n_pos, MAX_PE_LEN), d), persistent=False)

    def _embed(self, emb: nn.Embedding, ids: torch.Tensor) -> torch.Tensor:
        n = ids.shape[1]
        if n > self.pe.shape[0]:
            from core import InputTooLong

            raise InputTooLong(f"系列が長すぎます（{n} トークン、このモデルは {self.pe.shape[0]} まで）。短くしてください。",
                               en=f"The sequence is too long ({n} tokens; this model takes up to {self.pe.shape[0]}). Shorten it.")
        return emb(ids) * math.sqrt(self.config.hidden) + self.pe[:n]  # (B, n, d_model)

    # --- encoder ----------------------------------------------------------------------------
    def encode(self, src: torch.Tensor, src_len: torch.Tensor):
        """src: (B, S) right-padded ids → memory (B, S, d_model) and the empty prefix (0, B)."""
        pad = ~source_mask(src_len, src.shape[1])  # (B, S) True = padding (torch's convention)
        memory = self.encoder(self._embed(self.src_emb, src), key_padding_mask=pad)
        return memory, src.new_zeros((0, src.shape[0]))

    # --- decoder ----------------------------------------------------------------------------
    def decode(self, y_in: torch.Tensor, memory: torch.Tensor, src_mask: torch.Tensor, *, need_weights=False):
        """y_in: (B, T) = <s> y_1 … y_{T−1}, all positions at once under the causal mask →
        logits (B, T, V) (and the cross-attention weights (N, B, h, T, S) with need_weights)."""
        h, w = self.decoder(self._embed(self.tgt_emb, y_in), memory, tgt_is_causal=True,
                            memory_key_padding_mask=~src_mask, need_weights=True)
        logits = self.W_out(h)
        return (logits, w["cross"]) if need_weights else logits

    def forward(self, src, src_len, tgt_in, teacher_forcing: float = 1.0):
        """Training forward: logits (B, T, V). With teacher_forcing < 1, position t is fed the
        model's own prediction instead of y_{t−1} with probability 1 − ratio (one step at a time)."""
        memory, _ = self.encode(src, src_len)
        src_mask = source_mask(src_len, src.shape[1])
        if teacher_forcing >= 1.0:
            return self.decode(tgt_in, memory, src_mask)
        y_in = tgt_in[:, :1]
        for t in range(1, tgt_in.shape[1]):
            with torch.no_grad():
                pred = self.decode(y_in, memory, src_mask)[:, -1].argmax(-1)  # (B,)
            use_truth = torch.rand(pred.shape[0], device=pred.device) < teacher_forcing
            y_in = torch.cat([y_in, torch.where(use_truth, tgt_in[:, t], pred).unsqueeze(1)], dim=1)
        return self.decode(y_in, memory, src_mask)

    def step(self, y_prev: torch.Tensor, state: torch.Tensor, enc: torch.Tensor, src_mask: torch.Tensor):
        """One decoding step: y_prev (B,) → log-probs (B, V), the longer prefix (t+1, B) and a_t (B, S)
        = the last layer's source–target attention of the new position, averaged over the heads."""
        state = torch.cat([state, y_prev.unsqueeze(0)], dim=0)  # (t+1, B)
        logits, cross = self.decode(state.T, enc, src_mask, need_weights=True)  # (B, t+1, V), (N, B, h, t+1, S)
        logp = torch.log_softmax(logits[:, -1], dim=-1)
        return logp, state, cross[-1, :, :, -1].mean(dim=1)

    @torch.no_grad()
    def greedy_batch(self, src, src_len, max_len: int):
        """Greedy decoding of a batch (evaluation): (B, ≤max_len) ids, stops when all emitted </s>."""
        memory, state = self.encode(src, src_len)
        src_mask = source_mask(src_len, src.shape[1])
        y = torch.full((src.shape[0],), BOS_ID, dtype=torch.long, device=src.device)
        done = torch.zeros_like(y, dtype=torch.bool)
        for _ in range(max_len):
            logp, state, _ = self.step(y, state, memory, src_mask)
            y = logp.argmax(-1)
            done |= y == EOS_ID
            if bool(done.all()):
                break
        return torch.cat([state[1:], y.unsqueeze(0)]).T  # drop <s>: (B, steps)

    @torch.no_grad()
    def cross_attention(self, src_ids: list[int], out_ids: list[int]) -> torch.Tensor:
        """Source–target attention of every layer and head for one output (the same numbers the
        step-by-step decoder saw, computed in one causal pass): (N, h, len(out_ids), len(src_ids))."""
        device = self.W_out.weight.device
        src = torch.tensor([src_ids], dtype=torch.long, device=device)
        memory, _ = self.encode(src, torch.tensor([len(src_ids)], device=device))
        y_in = torch.tensor([[BOS_ID] + out_ids[:-1]], dtype=torch.long, device=device)
        mask = torch.ones(1, len(src_ids), dtype=torch.bool, device=device)
        _, cross = self.decode(y_in, memory, mask, need_weights=True)
        return cross[:, 0]  # (N, h, T, S)

    def n_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())
