"""Encoder–decoder (seq2seq) with optional attention, written to read like the lecture.

Encoder: embeddings x_s → RNN (GRU or LSTM) → hidden states h̄_1 … h̄_S; the last one (and the
LSTM cell c_S) initialises the decoder: "the encoder packs the input into one vector".

Decoder step t (teacher forcing feeds the correct previous word y_{t−1}):
    h_t = RNN(emb(y_{t−1}), h_{t−1})
  without attention:   p(y_t) = softmax(W_out h_t)
  with attention (Luong et al. 2015, global attention):
    score(h_t, h̄_s)  =  h_tᵀ h̄_s                      (dot, no parameters)
                     =  h_tᵀ W_a h̄_s                  (general)
                     =  v_aᵀ tanh(W_1 h_t + W_2 h̄_s)    (additive, Bahdanau et al. 2015)
    a_t = softmax_s(score(h_t, h̄_s))                   (soft attention: weights over all inputs)
    c_t = Σ_s a_t(s) h̄_s                               (context: a weighted sum of encoder states)
    h̃_t = tanh(W_c [c_t; h_t]);   p(y_t) = softmax(W_out h̃_t)

Because h_t does not depend on the attention output, teacher-forced training runs the decoder
RNN over all target positions at once and attends for all t in one batched product.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from core.seq2seq.data import BOS_ID, EOS_ID, PAD_ID, Vocab

ATTENTIONS = ("none", "dot", "general", "additive")
RNN_CELLS = ("gru", "lstm")
CELLS = RNN_CELLS + ("transformer",)  # transformer: core/seq2seq/transformer.py (same interface)


@dataclass
class Seq2SeqConfig:
    src_vocab: int
    tgt_vocab: int
    emb: int = 32
    hidden: int = 128
    cell: str = "gru"
    attention: str = "additive"
    reverse_input: bool = False
    heads: int = 4  # transformer only (d_model = hidden)
    layers: int = 2  # transformer only: N encoder and N decoder layers

    def as_dict(self) -> dict:
        return asdict(self)


class Attention(nn.Module):
    """score(h_t, h̄_s) for every decoder state h_t and encoder state h̄_s; masked softmax → a_t;
    context c_t = Σ_s a_t(s) h̄_s.

    dot: h_tᵀ h̄_s · general: h_tᵀ W_a h̄_s · additive: v_aᵀ tanh(W_1 h_t + W_2 h̄_s)."""

    def __init__(self, kind: str, hidden: int):
        super().__init__()
        self.kind = kind
        if kind == "general":
            self.W_a = nn.Linear(hidden, hidden, bias=False)
        elif kind == "additive":
            self.W_1 = nn.Linear(hidden, hidden, bias=False)
            self.W_2 = nn.Linear(hidden, hidden, bias=True)
            self.v_a = nn.Linear(hidden, 1, bias=False)
        elif kind != "dot":
            raise ValueError(kind)

    def scores(self, h: torch.Tensor, enc: torch.Tensor) -> torch.Tensor:
        """h: (B, T, H) decoder states; enc: (B, S, H) encoder states → (B, T, S)."""
        if self.kind == "dot":
            return h @ enc.transpose(1, 2)
        if self.kind == "general":
            return self.W_a(h) @ enc.transpose(1, 2)
        # additive: (B, T, 1, H) + (B, 1, S, H) → tanh → v_a → (B, T, S)
        return self.v_a(torch.tanh(self.W_1(h).unsqueeze(2) + self.W_2(enc).unsqueeze(1))).squeeze(-1)

    def forward(self, h, enc, src_mask):
        e = self.scores(h, enc)
        if src_mask is not None:
            e = e.masked_fill(~src_mask.unsqueeze(1), float("-inf"))
        a = torch.softmax(e, dim=-1)  # a_t(s)
        c = a @ enc  # c_t = Σ_s a_t(s) h̄_s
        return c, a


class Seq2Seq(nn.Module):
    """The whole model (encoder, decoder, attention) plus what decoding needs to know: the
    vocabularies and the tokenisation settings (``meta``)."""

    def __init__(self, config: Seq2SeqConfig, src_vocab: Vocab, tgt_vocab: Vocab, meta: dict | None = None):
        super().__init__()
        if config.cell not in RNN_CELLS:
            raise ValueError(config.cell)
        if config.attention not in ATTENTIONS:
            raise ValueError(config.attention)
        self.config = config
        self.src_vocab, self.tgt_vocab = src_vocab, tgt_vocab
        self.meta = dict(meta or {})
        rnn = nn.GRU if config.cell == "gru" else nn.LSTM
        H = config.hidden
        self.src_emb = nn.Embedding(config.src_vocab, config.emb, padding_idx=PAD_ID)
        self.encoder = rnn(config.emb, H, batch_first=True)
        self.tgt_emb = nn.Embedding(config.tgt_vocab, config.emb, padding_idx=PAD_ID)
        self.decoder = rnn(config.emb, H, batch_first=True)
        if config.attention != "none":
            self.attention = Attention(config.attention, H)
            self.W_c = nn.Linear(2 * H, H)
        else:
            self.attention = None
        self.W_out = nn.Linear(H, config.tgt_vocab)

    # --- encoder ----------------------------------------------------------------------------
    def encode(self, src: torch.Tensor, src_len: torch.Tensor):
        """src: (B, S) ids (right-padded), src_len: (B,) → encoder states (B, S, H), final state."""
        x = self.src_emb(src)
        if bool((src_len == src.shape[1]).all()):
            enc, state = self.encoder(x)
        else:
            packed = pack_padded_sequence(x, src_len.cpu(), batch_first=True, enforce_sorted=False)
            enc, state = self.encoder(packed)
            enc, _ = pad_packed_sequence(enc, batch_first=True, total_length=src.shape[1])
        return enc, state

    # --- decoder ----------------------------------------------------------------------------
    def output(self, h: torch.Tensor, enc: torch.Tensor, src_mask):
        """Decoder states h (B, T, H) → logits (B, T, V) and attention weights (B, T, S) or None."""
        if self.attention is None:
            return self.W_out(h), None
        c, a = self.attention(h, enc, src_mask)
        h_tilde = torch.tanh(self.W_c(torch.cat([c, h], dim=-1)))
        return self.W_out(h_tilde), a

    def forward(self, src, src_len, tgt_in, teacher_forcing: float = 1.0):
        """Training forward. tgt_in: (B, T) = <s> y_1 … y_{T−1}. Returns logits (B, T, V).

        With teacher_forcing < 1 each step feeds, with probability 1 − ratio, the model's own
        previous prediction instead of the correct word (one step at a time)."""
        enc, state = self.encode(src, src_len)
        src_mask = source_mask(src_len, src.shape[1])
        if teacher_forcing >= 1.0:
            h, _ = self.decoder(self.tgt_emb(tgt_in), state)
            logits, _ = self.output(h, enc, src_mask)
            return logits
        outs = []
        y_prev = tgt_in[:, 0]
        for t in range(tgt_in.shape[1]):
            if t > 0:
                use_truth = torch.rand(y_prev.shape[0], device=y_prev.device) < teacher_forcing
                y_prev = torch.where(use_truth, tgt_in[:, t], outs[-1].argmax(-1).squeeze(1))
            h, state = self.decoder(self.tgt_emb(y_prev).unsqueeze(1), state)
            logits, _ = self.output(h, enc, src_mask)
            outs.append(logits)
        return torch.cat(outs, dim=1)

    def step(self, y_prev: torch.Tensor, state, enc, src_mask):
        """One decoding step for inference: y_prev (B,) → log-probs (B, V), new state, a_t (B, S)."""
        h, state = self.decoder(self.tgt_emb(y_prev).unsqueeze(1), state)
        logits, a = self.output(h, enc, src_mask)
        logp = torch.log_softmax(logits.squeeze(1), dim=-1)
        return logp, state, (a.squeeze(1) if a is not None else None)

    @torch.no_grad()
    def greedy_batch(self, src, src_len, max_len: int):
        """Greedy decoding of a batch (evaluation): (B, ≤max_len) ids, stops when all emitted </s>."""
        enc, state = self.encode(src, src_len)
        src_mask = source_mask(src_len, src.shape[1])
        y = torch.full((src.shape[0],), BOS_ID, dtype=torch.long, device=src.device)
        out = []
        done = torch.zeros_like(y, dtype=torch.bool)
        for _ in range(max_len):
            logp, state, _ = self.step(y, state, enc, src_mask)
            y = logp.argmax(-1)
            out.append(y)
            done |= y == EOS_ID
            if bool(done.all()):
                break
        return torch.stack(out, dim=1)

    def n_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())


def source_mask(src_len: torch.Tensor, S: int) -> torch.Tensor:
    """(B, S) True where a source position holds a token (not padding)."""
    return torch.arange(S, device=src_len.device).unsqueeze(0) < src_len.unsqueeze(1)


def state_map(state, fn):
    """Apply fn to a GRU state tensor or each tensor of an LSTM (h, c) state."""
    if isinstance(state, tuple):
        return tuple(fn(s) for s in state)
    return fn(state)
